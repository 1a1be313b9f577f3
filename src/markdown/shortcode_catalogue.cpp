// What each known Hugo shortcode becomes: figures and embeds (placeholders), code blocks, boxes
// and details (containers around their inner Markdown), tabs (their labels), param, ref and
// relref (text). Page-bundle images (imgproc, gallery) are in shortcode_bundle.cpp.
#include <cctype>

#include "markdown/code_regions.h"
#include "markdown/media.h"
#include "markdown/shortcode_pass.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

bool isMediaShortcode(const std::string& n) {
  return n == "youtube" || n == "vimeo" || n == "tweet" || n == "x" || n == "twitter" || n == "instagram" ||
         n == "gist" || n == "video" || n == "speakerdeck" || n == "slideshare" || n == "iframe";
}

}  // namespace

void ShortcodePass::handle(const Shortcode& sc, std::size_t& i) {
  const std::string& n = sc.name;
  if (n == "figure" || n == "image" || n == "img") return figure(sc);
  if (n == "imgproc" || n == "imgproc-link") return imgproc(sc, i);
  if (n == "gallery") return gallery(sc);
  if (isMediaShortcode(n)) return media(sc, i);
  if (n == "ref" || n == "relref") {
    out_.emit(ref(sc), sc.begin);
    return;
  }
  if (n == "param") return param(sc);
  if (n == "highlight" || n == "code" || n == "mermaid" || n == "katex" || n == "math") return code(sc, i);
  if (box(sc)) return;
  if (n == "tabs" || n == "tabpane" || n == "center" || n == "rawhtml" || n == "html" || n == "columns" ||
      n == "column" || n == "row" || n == "card" || n == "blockquote" || n == "quote") {
    if (hasClose(n, sc.end)) open_.push_back({n, -1, sc.begin});
    return;
  }
  if (n == "tab") return tab(sc);
  if (n == "toc" || n == "readmore" || n == "comments" || n == "br" || n == "clear") return;
  if (n == "comment") return hide(sc, i);
  bool paired = hasClose(n, sc.end);
  ctx_.warn(line(sc.begin), "shortcode-unknown",
            "unknown Hugo shortcode '" + n + "' removed" + (paired ? ", inner content kept" : ""),
            in_.columnAt(sc.begin));
  if (paired) open_.push_back({n, -1, sc.begin});
}

// comment (Hugo's own since 0.137, and Docsy's): the author's note to themselves, never rendered,
// inner content and all.
void ShortcodePass::hide(const Shortcode& sc, std::size_t& i) {
  std::size_t closeEnd = 0;
  if (findClose(sc.name, sc.end, &closeEnd) != std::string::npos) copied_ = i = closeEnd;
}

// The post's parameter, else the site's params.<name>.
void ShortcodePass::param(const Shortcode& sc) {
  std::string key = sc.get("name", 0);
  auto it = ctx_.post.params.find(key);
  std::string v = it != ctx_.post.params.end() ? it->second : "";
  if (v.empty()) {
    auto jt = ctx_.site.config.find("params." + key);
    if (jt != ctx_.site.config.end()) v = jt->second;
  }
  out_.emit(v, sc.begin);
}

// highlight, code, mermaid, katex, math: the inner text as a fenced code block.
void ShortcodePass::code(const Shortcode& sc, std::size_t& i) {
  const std::string& n = sc.name;
  std::size_t closeEnd = 0;
  std::size_t close = findClose(n, sc.end, &closeEnd);
  if (close == std::string::npos) {
    ctx_.warn(line(sc.begin), "shortcode-unclosed", "{{< " + n + " >}} without {{< /" + n + " >}}");
    return;
  }
  std::string body = in_.text.substr(sc.end, close - sc.end);
  while (!body.empty() && (body.front() == '\n')) body.erase(0, 1);
  while (!body.empty() && std::isspace(static_cast<unsigned char>(body.back()))) body.pop_back();
  std::string lang = n == "highlight" ? sc.get("lang", 0) : n == "mermaid" ? "mermaid" : n == "code" ? sc.get("lang", 0) : "math";
  std::string fence = codeFenceFor(body);
  emitBlockText(fence + lang + "\n" + body + "\n" + fence, sc.begin);
  copied_ = i = closeEnd;
}

// Boxes (note, alert, callout, notice...) and details (expand, spoiler, collapse) around their
// inner content; false when `sc` is none, or is not paired.
bool ShortcodePass::box(const Shortcode& sc) {
  const std::string& n = sc.name;
  AdmonitionKind kind;
  bool isBox = admonitionKindFromWord(n, &kind) || n == "alert" || n == "pageinfo" || n == "callout" ||
               n == "notice" || n == "admonition" || n == "hint" || n == "expand" || n == "details" ||
               n == "spoiler" || n == "collapse";
  if (!isBox || !hasClose(n, sc.end)) return false;
  Block c;
  c.pos = pos(sc.begin);
  std::string title = sc.get("title");
  if (n == "details" || n == "expand" || n == "spoiler" || n == "collapse") {
    c.kind = BlockKind::Details;
    if (title.empty()) title = sc.get("summary", 0);
    if (title.empty()) title = "Details";
  } else {
    c.kind = BlockKind::Admonition;
    if (n == "alert" || n == "pageinfo" || n == "callout" || n == "notice" || n == "admonition" || n == "hint") {
      std::string color = sc.get("color");
      if (color.empty()) color = sc.get("type", 0);
      if (color.empty()) color = sc.get("kind");
      AdmonitionKind k2;
      if (admonitionKindFromWord(color, &k2)) kind = k2;
      else kind = admonitionKindFromColor(color);
      if (n == "pageinfo" && color.empty()) kind = AdmonitionKind::Info;
    }
    c.admonition = kind;
    if (title.empty() && !sc.positional.empty() && n != "alert" && n != "pageinfo" && n != "hint" &&
        n != "callout" && n != "notice" && n != "admonition")
      title = sc.positional[0];
  }
  emitBegin(std::move(c), title, sc.begin, n, source(sc));
  return true;
}

// A tab of a tab set: its label in bold over its content.
void ShortcodePass::tab(const Shortcode& sc) {
  std::string label = sc.get("name", 0);
  if (label.empty()) label = sc.get("header");
  if (label.empty()) label = sc.get("title");
  if (!label.empty()) emitBlockText("**" + label + "**", sc.begin);
  if (hasClose(sc.name, sc.end)) open_.push_back({sc.name, -1, sc.begin});
}

void ShortcodePass::figure(const Shortcode& sc) {
  std::string src = sc.get("src", 0);
  if (src.empty()) {
    ctx_.warn(line(sc.begin), "shortcode-figure", "{{< " + sc.name + " >}} without src removed");
    return;
  }
  Placeholder p;
  p.kind = Placeholder::Kind::Blocks;
  ImageRef ref;
  ref.src = src;
  ref.alt = sc.get("alt");
  ref.title = sc.get("title");
  ref.pos = pos(sc.begin);
  ref.widthHint = shortcodePixelWidth(sc.get("width"));
  Block f;
  f.kind = BlockKind::Figure;
  f.image = ref;
  f.pos = ref.pos;
  f.link.url = sc.get("link");
  p.blocks.push_back(f);
  std::string title = sc.get("title"), caption = sc.get("caption");
  p.titleMarkdown = !title.empty() && !caption.empty() ? title + ": " + caption : !caption.empty() ? caption : title;
  if (p.titleMarkdown.empty() && !ref.alt.empty()) p.titleMarkdown = ref.alt;
  p.source = source(sc);
  emitPlaceholder(std::move(p), sc.begin);
}

void ShortcodePass::media(const Shortcode& sc, std::size_t& i) {
  const std::string& n = sc.name;
  std::string url;
  std::string title = sc.get("title");
  if (n == "youtube") {
    std::string id = sc.get("id", 0);
    url = youtubeId(id).empty() ? youtubeWatchUrl(id) : id;
    if (id.empty()) url.clear();
  } else if (n == "vimeo") {
    std::string id = sc.get("id", 0);
    if (!id.empty()) url = "https://vimeo.com/" + id;
  } else if (n == "tweet" || n == "x" || n == "twitter") {
    std::string user = sc.get("user"), id = sc.get("id");
    if (id.empty() && !sc.positional.empty()) {
      id = sc.positional.back();
      if (sc.positional.size() > 1) user = sc.positional[0];
    }
    if (!id.empty()) url = "https://twitter.com/" + (user.empty() ? std::string("i") : user) + "/status/" + id;
    if (title.empty() && !user.empty()) title = "Tweet by @" + user;
  } else if (n == "instagram") {
    std::string id = sc.get("id", 0);
    if (!id.empty()) url = "https://www.instagram.com/p/" + id + "/";
  } else if (n == "gist") {
    std::string user = sc.get("user", 0), id = sc.get("id", 1);
    if (!user.empty() && !id.empty()) url = "https://gist.github.com/" + user + "/" + id;
  } else if (n == "speakerdeck") {
    std::string id = sc.get("id", 0);
    if (!id.empty()) url = "https://speakerdeck.com/player/" + id;
  } else {
    url = sc.get("src", 0);
    if (url.empty()) url = sc.get("url");
  }
  // A paired form ({{< video >}}caption{{< /video >}}) consumes its inner text as the title.
  if (hasClose(n, sc.end)) {
    std::string inner = takeInner(sc, i);
    if (title.empty()) title = inner;
  }
  if (url.empty()) {
    ctx_.warn(line(sc.begin), "shortcode-embed", "{{< " + n + " >}} without an id or address removed");
    return;
  }
  Placeholder p;
  p.kind = Placeholder::Kind::Blocks;
  p.blocks.push_back(embedBlock(url, title, pos(sc.begin)));
  p.source = source(sc);
  emitPlaceholder(std::move(p), sc.begin);
}

// ref / relref: the target post's URL (resolveCrossLinks turns it into an internal link).
std::string ShortcodePass::ref(const Shortcode& sc) {
  std::string target = sc.get("path", 0);
  std::string anchor;
  if (auto h = target.find('#'); h != std::string::npos) {
    anchor = target.substr(h);
    target = target.substr(0, h);
  }
  if (target.empty()) return anchor;
  std::string want = target;
  while (startsWith(want, "./")) want = want.substr(2);
  const Post* best = nullptr;
  fs::path here = ctx_.post.file.parent_path();
  for (const auto& p : ctx_.site.posts) {
    std::string rel = relativeTo(ctx_.site.contentDir.empty() ? ctx_.site.root : ctx_.site.contentDir, p.file);
    std::string relNoLang = rel;
    // content/<lang>/... : refs are written without the language folder
    if (auto slash = rel.find('/'); slash != std::string::npos && slash <= 3) relNoLang = rel.substr(slash + 1);
    std::string w = startsWith(want, "/") ? want.substr(1) : want;
    auto same = [&](const std::string& a) {
      return a == w || a == w + ".md" || a == w + "/index.md" || a == w + "/_index.md" ||
             endsWith(a, "/" + w) || endsWith(a, "/" + w + ".md") || endsWith(a, "/" + w + "/index.md");
    };
    bool relative = !startsWith(want, "/") && isInside(here, clampUnder(here, want)) &&
                    (clampUnder(here, want) == p.file || clampUnder(here, want) / "index.md" == p.file ||
                     clampUnder(here, want + ".md") == p.file);
    if (relative || same(rel) || same(relNoLang) || p.file.stem() == w ||
        (p.file.stem() == "index" && p.file.parent_path().filename() == w)) {
      best = &p;
      break;
    }
  }
  if (!best) {
    ctx_.warn(line(sc.begin), "shortcode-ref", "{{< " + sc.name + " \"" + target + "\" >}}: no such page");
    return target + anchor;
  }
  return best->permalinkPath + anchor;
}

}  // namespace pp::markdown
