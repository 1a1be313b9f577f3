#include "markdown/context.h"

#include <charconv>

#include "postpress/support/text.h"

namespace pp::markdown {

SourceLoc ParseContext::loc(int bodyLine, int col) const {
  // Post::loc() lives in the site stage; the arithmetic is the same (body line 1 is bodyLine).
  SourceLoc l;
  l.path = post.path.empty() ? post.file.generic_string() : post.path;
  l.line = bodyLine > 0 ? post.bodyLine + bodyLine - 1 : 0;
  l.col = bodyLine > 0 ? col : 0;
  return l;
}

namespace {
constexpr int kMaxPerCode = 50;
}

void ParseContext::warn(int bodyLine, std::string code, std::string message, int col) {
  int& n = perCode[code];
  if (++n > kMaxPerCode) {
    if (n == kMaxPerCode + 1)
      diags.note(loc(bodyLine, col), code, "more diagnostics like this one in this post are not shown");
    return;
  }
  SourceLoc l = loc(bodyLine, col);
  std::string key = l.path + ':' + std::to_string(l.line) + ':' + code + ':' + message;
  diags.reportOnce(key, {Severity::Warning, std::move(l), std::move(code), std::move(message)});
}

void ParseContext::note(int bodyLine, std::string code, std::string message, int col) {
  SourceLoc l = loc(bodyLine, col);
  std::string key = l.path + ':' + std::to_string(l.line) + ':' + code + ':' + message;
  diags.reportOnce(key, {Severity::Note, std::move(l), std::move(code), std::move(message)});
}

std::string ParseContext::add(Placeholder p, int* index) {
  if (placeholders.size() >= kMaxPlaceholders) {
    if (index) *index = -1;
    if (!capWarned) {
      int line = p.kind == Placeholder::Kind::Inline ? p.inl.pos.line
                 : !p.blocks.empty()                 ? p.blocks.front().pos.line
                                                     : p.container.pos.line;
      warn(line, "too-many-constructs",
           "more than " + std::to_string(kMaxPlaceholders) +
               " embeds, boxes and formulas in one post: the rest are left out");
      capWarned = true;
    }
    return p.kind == Placeholder::Kind::Inline ? p.inl.text : std::string();
  }
  placeholders.push_back(std::move(p));
  int n = static_cast<int>(placeholders.size()) - 1;
  if (index) *index = n;
  return marker(n);
}

std::string ParseContext::marker(int index) const {
  std::string m(kMarkerOpen);
  m += std::to_string(index);
  m += kMarkerClose;
  return m;
}

int ParseContext::lookup(std::string_view text) const {
  auto at = text.find("\x01pp");
  if (at == std::string_view::npos) return -1;
  std::string_view digits = text.substr(at + 3);
  int n = -1;
  auto [ptr, ec] = std::from_chars(digits.data(), digits.data() + digits.size(), n);
  if (ec != std::errc() || ptr == digits.data()) return -1;
  if (n < 0 || n >= static_cast<int>(placeholders.size())) return -1;
  return n;
}

std::string ParseContext::restoreSources(std::string_view s) const {
  if (s.find('\x01') == std::string_view::npos) return std::string(s);
  std::string out;
  std::size_t pos = 0;
  while (pos < s.size()) {
    auto at = s.find(kMarkerOpen, pos);
    if (at == std::string_view::npos) break;
    auto end = s.find(kMarkerClose, at + kMarkerOpen.size());
    if (end == std::string_view::npos) break;
    out.append(s.substr(pos, at - pos));
    int n = lookup(s.substr(at, end - at));
    if (n >= 0) out += placeholders[static_cast<std::size_t>(n)].source;
    pos = end + kMarkerClose.size();
  }
  out.append(s.substr(pos));
  // A lone \x01 can only come from a marker cut in half: never let it reach a backend.
  std::string clean;
  clean.reserve(out.size());
  for (char c : out)
    if (c != '\x01') clean += c;
  return clean;
}

static bool truthy(const std::map<std::string, std::string>& m, const std::string& key) {
  auto it = m.find(key);
  if (it == m.end()) return false;
  std::string v = toLowerAscii(trim(it->second));
  return v == "true" || v == "yes" || v == "1" || v == "on";
}

static bool listHas(const std::map<std::string, std::string>& m, const std::string& prefix,
                    std::string_view value) {
  for (auto it = m.lower_bound(prefix + "."); it != m.end() && startsWith(it->first, prefix + ".");
       ++it)
    if (trim(it->second) == value) return true;
  return false;
}

// Which backslash delimiters reach the page's MathJax or KaTeX as math (see Features).
static Features::MathBackslash mathBackslashFor(const Site& site) {
  using B = Features::MathBackslash;
  switch (site.generator) {
    case Generator::Docusaurus:
    case Generator::Gatsby:
    case Generator::Astro:
    case Generator::Quarto: return B::None;  // remark-math, Pandoc's tex_math_dollars: $ and $$ only
    case Generator::Jekyll: return B::Double;    // kramdown turns \\( into \(
    case Generator::Hugo: {
      // Goldmark's passthrough keeps the delimiters its configuration lists as they are;
      // without it, goldmark unescapes \\( into \( like kramdown.
      const std::string prefix = "markup.goldmark.extensions.passthrough.delimiters.";
      for (auto it = site.config.lower_bound(prefix); it != site.config.end() && startsWith(it->first, prefix); ++it)
        if (trim(it->second) == "\\(" || trim(it->second) == "\\[") return B::Single;
      return B::Double;
    }
    default: return B::Single;
  }
}

Features featuresFor(const Site& site, const Post& post) {
  Features f;
  const auto& cfg = site.config;
  bool plain = site.generator == Generator::Plain;
  const std::string& body = post.body;
  f.liquid = site.generator == Generator::Jekyll ||
             (plain && (body.find("{%") != std::string::npos ||
                        body.find("{{ site.") != std::string::npos ||
                        body.find("{{ page.") != std::string::npos));
  f.shortcodes = site.generator == Generator::Hugo ||
                 (plain && (body.find("{{<") != std::string::npos ||
                            body.find("{{%") != std::string::npos));
  f.mdx = site.generator == Generator::Docusaurus || post.format == SourceFormat::Mdx || mdxByContent(body);
  f.kramdown = site.generator == Generator::Jekyll || plain;
  f.math = site.math || post.math || truthy(post.params, "math") ||
           truthy(post.params, "mathjax") || truthy(post.params, "katex") ||
           truthy(post.params, "use_math") || truthy(cfg, "math") || truthy(cfg, "use_math") ||
           truthy(cfg, "params.math") || truthy(cfg, "markup.goldmark.extensions.passthrough.enable");
  f.mathBackslash = mathBackslashFor(site);
  f.emoji = site.emoji || truthy(cfg, "enableEmoji") || truthy(cfg, "enableemoji") ||
            listHas(cfg, "plugins", "jemoji") || listHas(cfg, "gems", "jemoji");
  return f;
}

}  // namespace pp::markdown
