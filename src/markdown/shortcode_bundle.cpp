// Images of a Hugo page bundle: the files beside index.md that Docsy's imgproc and the gallery
// shortcodes pick by name or glob. Paths are relative to the post's folder, as the asset stage
// expects.
#include <algorithm>
#include <cctype>
#include <cstdlib>
#include <system_error>

#include "markdown/shortcode_pass.h"
#include "postpress/support/files.h"
#include "postpress/support/media_types.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

// Glob over '/'-separated paths: * (no slash), ** (anything), ? and {a,b}.
bool globMatch(std::string_view pat, std::string_view str, int depth = 0) {
  if (depth > 32) return false;
  std::size_t p = 0, s = 0;
  while (p < pat.size()) {
    char c = pat[p];
    if (c == '*') {
      bool dbl = p + 1 < pat.size() && pat[p + 1] == '*';
      std::string_view rest = pat.substr(p + (dbl ? 2 : 1));
      for (std::size_t k = s; k <= str.size(); ++k) {
        if (globMatch(rest, str.substr(k), depth + 1)) return true;
        if (k < str.size() && !dbl && str[k] == '/') break;
      }
      return false;
    }
    if (c == '{') {
      auto close = pat.find('}', p);
      if (close == std::string_view::npos) return false;
      for (const auto& alt : split(pat.substr(p + 1, close - p - 1), ','))
        if (globMatch(std::string(alt) + std::string(pat.substr(close + 1)), str.substr(s), depth + 1)) return true;
      return false;
    }
    if (s >= str.size()) return false;
    if (c != '?' && std::tolower(static_cast<unsigned char>(c)) != std::tolower(static_cast<unsigned char>(str[s]))) return false;
    ++p;
    ++s;
  }
  return s == str.size();
}

}  // namespace

fs::path ShortcodePass::bundleDir() const {
  const Post& post = ctx_.post;
  if (!post.bundleDir.empty()) return post.bundleDir;
  return post.file.parent_path();
}

// Image files of the bundle, relative to it, sorted; bounded so a huge folder costs little.
const std::vector<std::string>& ShortcodePass::bundleImages() {
  if (bundleListed_) return bundleImages_;
  bundleListed_ = true;
  fs::path dir = bundleDir();
  std::error_code ec;
  if (dir.empty() || !fs::is_directory(dir, ec)) return bundleImages_;
  // A single-file post in a section folder has no bundle of its own (Hugo: leaf bundles only).
  bool bundle = !ctx_.post.bundleDir.empty() || ctx_.post.file.stem() == "index";
  if (!bundle) return bundleImages_;
  fs::recursive_directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec), end;
  std::size_t seen = 0;
  for (; !ec && it != end && seen < 5000; it.increment(ec), ++seen) {
    if (it.depth() > 4) {
      it.disable_recursion_pending();
      continue;
    }
    if (!it->is_regular_file(ec) || !hasImageExtension(it->path().filename().string())) continue;
    bundleImages_.push_back(relativeTo(dir, it->path()));
  }
  std::sort(bundleImages_.begin(), bundleImages_.end());
  return bundleImages_;
}

// ImageRef::src for a bundle file: relative to the post's folder, as the asset stage expects.
std::string ShortcodePass::srcFor(const std::string& bundleRel) const {
  fs::path abs = bundleDir() / bundleRel;
  std::string rel = relativeTo(ctx_.post.file.parent_path(), abs);
  return rel;
}

void ShortcodePass::imgproc(const Shortcode& sc, std::size_t& i) {
  std::string name = sc.get("src", 0);
  std::string caption = takeInner(sc, i);
  // Docsy: .Resources.GetMatch "**<name>*": the name anywhere in the last path segment.
  const auto& images = bundleImages();
  std::string found;
  for (int pass = 0; pass < 2 && found.empty() && !name.empty(); ++pass) {
    for (const auto& rel : images) {
      std::string base = rel.substr(rel.rfind('/') == std::string::npos ? 0 : rel.rfind('/') + 1);
      bool match = pass == 0 ? startsWith(toLowerAscii(base), toLowerAscii(name))
                             : globMatch("**" + name + "*", rel);
      if (match) {
        found = rel;
        break;
      }
    }
  }
  Placeholder p;
  p.kind = Placeholder::Kind::Blocks;
  ImageRef ref;
  ref.pos = pos(sc.begin);
  if (found.empty()) {
    ctx_.warn(line(sc.begin), "shortcode-imgproc",
              "{{< imgproc " + name + " >}}: no image of the page bundle matches '" + name + "'");
    ref.src = name;  // the asset stage reports it missing, with the name the author wrote
  } else {
    ref.src = srcFor(found);
  }
  ref.alt = caption.empty() ? name : caption;
  std::string opts = sc.positional.size() > 2 ? sc.positional[2] : "";
  if (!opts.empty() && std::isdigit(static_cast<unsigned char>(opts[0]))) {
    int px = shortcodePixelWidth(opts);
    ref.widthHint = px ? px : std::atoi(opts.c_str());  // "600x400": the width
  }
  Block f;
  f.kind = BlockKind::Figure;
  f.image = ref;
  f.pos = ref.pos;
  p.blocks.push_back(f);
  p.titleMarkdown = caption;
  p.source = source(sc);
  emitPlaceholder(std::move(p), sc.begin);
}

void ShortcodePass::gallery(const Shortcode& sc) {
  std::string match = sc.get("match", 0);
  if (match.empty()) match = "*";
  std::vector<std::string> files;
  for (const auto& rel : bundleImages())
    if (globMatch(match, rel)) files.push_back(rel);
  if (toLowerAscii(sc.get("sortOrder")) == "desc") std::reverse(files.begin(), files.end());
  if (files.empty()) {
    ctx_.warn(line(sc.begin), "shortcode-gallery", "{{< gallery match=\"" + match + "\" >}}: no image of the page bundle matches");
    return;
  }
  Placeholder p;
  p.kind = Placeholder::Kind::Blocks;
  for (const auto& rel : files) {
    ImageRef ref;
    ref.src = srcFor(rel);
    ref.pos = pos(sc.begin);
    Block f;
    f.kind = BlockKind::Figure;
    f.image = ref;
    f.pos = ref.pos;
    p.blocks.push_back(f);
  }
  p.source = source(sc);
  emitPlaceholder(std::move(p), sc.begin);
}

}  // namespace pp::markdown
