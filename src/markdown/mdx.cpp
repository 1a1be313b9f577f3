// Docusaurus MDX: import/export lines, {/* comments */}, JSX expressions holding strings, and
// JSX components: image-like ones become figures, video-like ones embeds, <Admonition> a box,
// <Tabs>/<TabItem> their labelled content, author and bio cards a byline box, quote cards a
// quotation with who said it; any other component is removed with a warning and its children
// kept. Lower-case tags are HTML and go on to the HTML converter.
#include <map>

#include "markdown/code_regions.h"
#include "markdown/convert.h"
#include "markdown/jsx_syntax.h"
#include "markdown/line_scan.h"
#include "markdown/mdx_bindings.h"
#include "markdown/media.h"
#include "markdown/passes.h"
#include "postpress/support/media_types.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

struct JsxTag {
  std::size_t begin = 0, end = 0;
  std::string name;
  bool closing = false;
  bool selfClosing = false;
  std::map<std::string, std::string> attrs;  // string values; expressions reduced when possible
  bool expressions = false;                  // some attribute was a {...} expression
  std::vector<BoundImage> images;            // an attribute's array of images (a gallery)
  std::map<std::string, std::string> rawExpressions;  // {...} attributes as written, braces off
};

// JSX expressions longer than this are not looked into (a brace that never closes stays text).
constexpr std::size_t kMaxExpression = 20000;

bool parseJsxTag(std::string_view s, std::size_t at, JsxTag& t, const ImageBindings& bindings) {
  std::size_t i = at + 1;
  if (i < s.size() && s[i] == '/') {
    t.closing = true;
    ++i;
  }
  std::size_t n = i;
  while (i < s.size() && (std::isalnum(static_cast<unsigned char>(s[i])) || s[i] == '.' || s[i] == '_' || s[i] == '-' || s[i] == ':')) ++i;
  t.name = std::string(s.substr(n, i - n));
  if (t.name.empty() && !(i < s.size() && s[i] == '>')) return false;  // <> fragment allowed
  while (i < s.size()) {
    while (i < s.size() && std::isspace(static_cast<unsigned char>(s[i]))) ++i;
    if (i >= s.size() || i - at > 20000) return false;
    if (s[i] == '>') {
      t.end = i + 1;
      t.begin = at;
      return true;
    }
    if (s[i] == '/' && i + 1 < s.size() && s[i + 1] == '>') {
      t.selfClosing = true;
      t.end = i + 2;
      t.begin = at;
      return true;
    }
    if (s[i] == '{') {  // {...spread}
      std::size_t e = matchBrace(s, i, kMaxExpression);
      if (e == std::string_view::npos) return false;
      i = e;
      continue;
    }
    if (s[i] == '<') return false;
    std::size_t a = i;
    while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '=' && s[i] != '>' && s[i] != '/') ++i;
    std::string name(s.substr(a, i - a));
    if (name.empty()) {
      ++i;
      continue;
    }
    std::string value = "true";
    if (i < s.size() && s[i] == '=') {
      ++i;
      if (i >= s.size()) return false;
      if (s[i] == '"' || s[i] == '\'') {
        auto e = s.find(s[i], i + 1);
        if (e == std::string_view::npos) return false;
        value = std::string(s.substr(i + 1, e - i - 1));
        i = e + 1;
      } else if (s[i] == '{') {
        std::size_t e = matchBrace(s, i, kMaxExpression);
        if (e == std::string_view::npos) return false;
        std::string_view expr = s.substr(i, e - i);
        std::string_view inner = expr.substr(1, expr.size() - 2);
        value = name == "style" ? std::string(expr) : jsxExpressionString(inner);
        t.rawExpressions[toLowerAscii(name)] = std::string(inner);
        if (std::vector<BoundImage> images = bindings.gallery(inner); !images.empty()) t.images = std::move(images);
        else if (std::string file = bindings.resolve(inner); !file.empty()) value = file;
        t.expressions = true;
        i = e;
      } else {
        std::size_t v = i;
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '>') ++i;
        value = std::string(s.substr(v, i - v));
      }
    }
    t.attrs[toLowerAscii(name)] = value;
  }
  return false;
}

std::string attr(const JsxTag& t, std::initializer_list<const char*> keys) {
  for (const char* k : keys) {
    auto it = t.attrs.find(k);
    if (it != t.attrs.end() && !it->second.empty() && it->second != "true") return it->second;
  }
  return "";
}

bool looksLikeImage(std::string_view v) {
  if (hasImageExtension(withoutQueryOrFragment(v))) return true;
  std::string l = toLowerAscii(v);
  return startsWith(l, "/img/") || startsWith(l, "img/") || startsWith(l, "./img") || startsWith(l, "data:image/");
}

class MdxPass {
 public:
  MdxPass(const Source& in, ParseContext& ctx) : in_(in), ctx_(ctx), out_(in) {}

  Source run() {
    const std::string& s = in_.text;
    dropImportsExports();
    CodeSkipper code(s);
    std::size_t i = 0;
    while (i < s.size()) {
      if (auto past = dropped(i); past != i) {
        i = past;
        continue;
      }
      if (auto past = code.skip(i); past != i) {
        i = past;
        continue;
      }
      char c = s[i];
      if (c == '{') {
        expression(i);
        continue;
      }
      if (c == '<' && i + 1 < s.size() && std::islower(static_cast<unsigned char>(s[i + 1]))) {
        // An HTML tag written JSX-style (src={'/x.png'} style={{...}}): cmark would not see it as
        // HTML at all; rewrite it with quoted attributes.
        JsxTag t;
        if (parseJsxTag(s, i, t, bindings_) && t.expressions) {
          out_.copy(copied_, i);
          std::string tag = "<" + t.name;
          for (const auto& [k, v] : t.attrs) {
            std::string name = k == "classname" ? "class" : k;
            tag += " " + name + "=\"" + replaceAll(replaceAll(v, "&", "&amp;"), "\"", "&quot;") + "\"";
          }
          tag += t.selfClosing ? " />" : ">";
          out_.emit(tag, i);
          copied_ = i = t.end;
          continue;
        }
      }
      if (c == '<' && i + 1 < s.size() && (std::isupper(static_cast<unsigned char>(s[i + 1])) || s[i + 1] == '>' ||
                                           (s[i + 1] == '/' && i + 2 < s.size() && (std::isupper(static_cast<unsigned char>(s[i + 2])) || s[i + 2] == '>')))) {
        JsxTag t;
        if (parseJsxTag(s, i, t, bindings_)) {
          component(t, i);
          continue;
        }
      }
      ++i;
    }
    out_.copy(copied_, s.size());
    for (auto it = open_.rbegin(); it != open_.rend(); ++it) {
      if (!it->epilogue.empty()) emitBlock(it->epilogue, s.size(), true);
      emitEnd(it->placeholder, s.size());
    }
    return out_.finish();
  }

 private:
  int line(std::size_t at) const { return in_.bodyLineAt(at); }

  // import / export statements at the top level of the document (outside code).
  void dropImportsExports() {
    LineScanner lines(in_);
    Line l;
    std::size_t dropUntil = 0;
    while (lines.next(l)) {
      if (l.code || l.start < dropUntil) continue;
      std::string_view t = l.text;
      if (!(startsWith(t, "import ") || startsWith(t, "import{") || startsWith(t, "export ")))
        continue;
      // The statement runs until its brackets balance and it does not end in an operator.
      std::size_t end = l.next;
      int depth = 0;
      std::size_t k = l.start;
      const std::string& s = in_.text;
      JsStrings strings;
      for (; k < s.size(); ++k) {
        if (strings.skip(s, k)) continue;
        char c = s[k];
        if (c == '{' || c == '(' || c == '[') ++depth;
        else if (c == '}' || c == ')' || c == ']') --depth;
        else if (c == '\n' && depth <= 0) {
          // a blank line or a line not continuing the statement ends it
          std::string_view before = trim(std::string_view(s).substr(l.start, k - l.start));
          if (before.empty() || (before.back() != ',' && before.back() != '=' && before.back() != '{' &&
                                 !endsWith(before, "from") && !endsWith(before, "import")))
            break;
        }
        if (k - l.start > 200000) break;
      }
      end = k < s.size() ? k + 1 : s.size();
      drops_.push_back({l.start, end});
      bindings_.addImport(std::string_view(s).substr(l.start, end - l.start));
      dropUntil = end;
    }
  }

  // If `i` starts a dropped statement, its end (after copying what came before); else i.
  std::size_t dropped(std::size_t i) {
    while (dropIdx_ < drops_.size() && drops_[dropIdx_].second <= i) ++dropIdx_;
    if (dropIdx_ < drops_.size() && drops_[dropIdx_].first == i) {
      out_.copy(copied_, i);
      out_.emit("\n", i);
      copied_ = drops_[dropIdx_].second;
      return copied_;
    }
    return i;
  }

  void expression(std::size_t& i) {
    const std::string& s = in_.text;
    std::size_t stop = i + 1;
    std::size_t e = matchBrace(s, i, kMaxExpression, &stop);
    if (e == std::string::npos) {
      i = std::max(stop, i + 1);
      return;
    }
    std::string_view inner = trim(std::string_view(s).substr(i + 1, e - i - 2));
    if (startsWith(inner, "/*") && endsWith(inner, "*/")) {
      std::string_view comment = trim(inner.substr(2, inner.size() - 4));
      out_.copy(copied_, i);
      if (comment == "truncate") out_.emit("<!-- truncate -->", i);
      copied_ = i = e;
      return;
    }
    if (inner.size() >= 2 && (inner.front() == '\'' || inner.front() == '"' || inner.front() == '`') &&
        inner.back() == inner.front() && inner.substr(1, inner.size() - 2).find(inner.front()) == std::string_view::npos) {
      out_.copy(copied_, i);
      out_.emit(inner.substr(1, inner.size() - 2), i);
      copied_ = i = e;
      return;
    }
    i = e;  // other expressions are left as written
  }

  // A component given an array of images (an image gallery, a carousel): one figure each, the
  // alt text its caption.
  void gallery(const JsxTag& t, SourcePos pos, bool alone) {
    Placeholder p;
    p.kind = Placeholder::Kind::Blocks;
    for (const BoundImage& image : t.images) {
      ImageRef ref;
      ref.src = image.src;
      ref.alt = image.alt;
      ref.pos = pos;
      p.blocks.push_back(makeFigure(ref, {}, pos));
    }
    p.source = in_.text.substr(t.begin, t.end - t.begin);
    emitBlock(ctx_.add(std::move(p)), t.begin, alone);
    if (!t.selfClosing) open_.push_back({t.name, -1, {}});
  }

  // <BlogAuthor name=... title=... bio={<>...</>} header="Guest post:" />, <AuthorCard>,
  // <Bio>, <Speaker>...: a box titled by its header (else the person's name) holding the name
  // and role, then the bio and any children. The portrait is not printed.
  static bool isPersonCard(std::string_view lower) {
    for (std::string_view word : {"author", "bio", "byline", "speaker", "personcard", "profilecard", "teammember"})
      if (lower.find(word) != std::string_view::npos) return true;
    return false;
  }

  void personCard(const JsxTag& t, SourcePos pos) {
    const std::string name = attr(t, {"name", "author", "authorname", "fullname"});
    const std::string role = attr(t, {"title", "role", "position", "jobtitle", "job", "affiliation", "company"});
    const std::string header = attr(t, {"header", "heading", "label"});
    const std::string bio = markupOf(t, {"bio", "description", "about", "children"});
    if (name.empty() && bio.empty() && t.selfClosing) {
      ctx_.warn(pos.line, "mdx-component", "<" + t.name + "> names nobody: removed", pos.col);
      return;
    }
    Placeholder p;
    p.kind = Placeholder::Kind::Begin;
    p.container.kind = BlockKind::Admonition;
    p.container.admonition = AdmonitionKind::Info;
    p.container.pos = pos;
    p.titleMarkdown = !header.empty() ? header : name;
    p.source = in_.text.substr(t.begin, t.end - t.begin);
    int index = -1;
    emitBlock(ctx_.add(std::move(p), &index), t.begin, true);
    std::string who = header.empty() || name.empty() ? std::string() : "**" + name + "**";
    if (!role.empty()) who += (who.empty() ? "*" : ", *") + role + "*";
    if (!who.empty()) emitBlock(who, t.begin, true);
    if (!bio.empty()) emitBlock(bio, t.begin, true);
    if (t.selfClosing) emitEnd(index, t.end);
    else open_.push_back({t.name, index, {}});
  }

  // <TweetQuote>, <Quote>, <Testimonial> and the like: their children as a quotation, then who
  // said it (name, handle, role, date) and where, as its last line.
  static bool isQuoteCard(std::string_view lower) {
    return lower.find("quote") != std::string_view::npos || lower.find("testimonial") != std::string_view::npos;
  }

  void quoteCard(const JsxTag& t, SourcePos pos) {
    Placeholder p;
    p.kind = Placeholder::Kind::Begin;
    p.container.kind = BlockKind::Quote;
    p.container.pos = pos;
    p.source = in_.text.substr(t.begin, t.end - t.begin);
    int index = -1;
    emitBlock(ctx_.add(std::move(p), &index), t.begin, true);
    const std::string text = markupOf(t, {"quote", "text", "content"});
    if (!text.empty()) emitBlock(text, t.begin, true);
    std::string who = attr(t, {"name", "author", "by", "cite"});
    const std::string handle = attr(t, {"handle", "username", "user"});
    if (!handle.empty()) who += (who.empty() ? "@" : " (@") + handle + (who.empty() ? "" : ")");
    for (const std::string& more : {attr(t, {"job", "title", "role", "company"}), attr(t, {"date"})})
      if (!more.empty()) who += (who.empty() ? "" : ", ") + more;
    const std::string url = attr(t, {"url", "href", "link", "tweetlink", "source"});
    if (!url.empty()) who = who.empty() ? "<" + url + ">" : "[" + who + "](" + url + ")";
    const std::string attribution = who.empty() ? std::string() : "\u2014 " + who;
    if (t.selfClosing) {
      if (!attribution.empty()) emitBlock(attribution, t.end, true);
      emitEnd(index, t.end);
    } else {
      open_.push_back({t.name, index, attribution});
    }
  }

  // An attribute as Markdown: a string as it is, a JSX fragment or element (`bio={<>Works at
  // <a href="...">X</a></>}`) as its inner markup, which the HTML converter reads.
  static std::string markupOf(const JsxTag& t, std::initializer_list<const char*> keys) {
    for (const char* k : keys) {
      auto it = t.rawExpressions.find(k);
      if (it == t.rawExpressions.end()) continue;
      std::string_view e = trim(it->second);
      while (e.size() >= 2 && e.front() == '(' && e.back() == ')') e = trim(e.substr(1, e.size() - 2));
      if (startsWith(e, "<>") && endsWith(e, "</>")) return std::string(trim(e.substr(2, e.size() - 5)));
      if (startsWith(e, "<")) return std::string(e);
    }
    return attr(t, keys);
  }

  void emitBlock(const std::string& text, std::size_t at, bool ownLine) {
    if (ownLine) {
      out_.endLine(at);
      out_.emit("\n" + text + "\n\n", at);
    } else {
      out_.emit(text, at);
    }
  }

  void emitEnd(int placeholder, std::size_t at) {
    if (placeholder < 0) return;
    Placeholder p;
    p.kind = Placeholder::Kind::End;
    p.pair = placeholder;
    emitBlock(ctx_.add(std::move(p)), at, true);
  }

  // Whether the tag stands alone on its line(s).
  bool ownLine(const JsxTag& t) const {
    const std::string& s = in_.text;
    std::size_t ls = s.rfind('\n', t.begin == 0 ? 0 : t.begin - 1);
    ls = (t.begin == 0 || ls == std::string::npos) ? 0 : ls + 1;
    std::size_t le = s.find('\n', t.end);
    if (le == std::string::npos) le = s.size();
    return trim(std::string_view(s).substr(ls, t.begin - ls)).empty() &&
           trim(std::string_view(s).substr(t.end, le - t.end)).empty();
  }

  void component(const JsxTag& t, std::size_t& i) {
    out_.copy(copied_, t.begin);
    copied_ = i = t.end;
    bool alone = ownLine(t);
    const std::string& n = t.name;
    std::string lower = toLowerAscii(n);
    SourcePos pos{line(t.begin), in_.columnAt(t.begin)};
    if (t.closing) {
      for (std::size_t k = open_.size(); k-- > 0;)
        if (open_[k].name == n) {
          while (open_.size() > k) {
            if (!open_.back().epilogue.empty()) emitBlock(open_.back().epilogue, t.begin, true);
            emitEnd(open_.back().placeholder, t.begin);
            open_.pop_back();
          }
          break;
        }
      if (alone) out_.emit("\n", t.begin);
      return;
    }
    if (n.empty()) return;  // fragment <>
    if (isPersonCard(lower)) return personCard(t, pos);
    if (isQuoteCard(lower)) return quoteCard(t, pos);
    if (!t.images.empty()) return gallery(t, pos, alone);
    std::string src = attr(t, {"src", "img", "image", "sources", "url"});
    bool imageName = lower == "figure" || lower == "image" || lower == "img" || lower == "themedimage" ||
                     lower == "idealimage" || lower == "zoom" || lower == "picture" || lower == "screenshot";
    if ((imageName && !src.empty()) || (!src.empty() && looksLikeImage(src))) {
      std::string caption = attr(t, {"caption", "title", "alt", "legend"});
      if (!t.selfClosing) {  // <Figure src=...>caption</Figure>
        std::string close = "</" + n + ">";
        std::size_t e = in_.text.find(close, t.end);
        if (e != std::string::npos && e - t.end < 4000) {
          std::string inner(trim(std::string_view(in_.text).substr(t.end, e - t.end)));
          if (caption.empty()) caption = inner;
          copied_ = i = e + close.size();
        }
      }
      Placeholder p;
      p.kind = Placeholder::Kind::Blocks;
      ImageRef ref;
      ref.src = src;
      ref.alt = attr(t, {"alt"});
      ref.title = attr(t, {"title"});
      ref.pos = pos;
      const std::string w = attr(t, {"width"});
      const std::string st = attr(t, {"style"});
      ref.widthHint = widthHint(w.empty() ? nullptr : &w, st.empty() ? nullptr : &st);
      Block f = makeFigure(ref, {}, pos);
      p.blocks.push_back(f);
      p.titleMarkdown = caption;
      p.source = in_.text.substr(t.begin, t.end - t.begin);
      emitBlock(ctx_.add(std::move(p)), t.begin, alone);
      return;
    }
    if (lower == "youtube" || lower == "liteyoutubeembed" || lower == "reactplayer" || lower == "video" ||
        lower == "tweet" || lower == "twitter" || lower == "iframe" || lower == "vimeo" || lower == "youtubevideo") {
      std::string url = attr(t, {"url", "src", "href"});
      std::string id = attr(t, {"id", "videoid", "video", "tweetid"});
      if (url.empty() && !id.empty()) {
        if (lower == "tweet" || lower == "twitter") url = "https://twitter.com/i/status/" + id;
        else if (lower == "vimeo") url = "https://vimeo.com/" + id;
        else url = youtubeWatchUrl(id);
      }
      if (url.empty()) {
        ctx_.warn(pos.line, "mdx-component", "<" + n + "> without a media address removed", pos.col);
        return;
      }
      Placeholder p;
      p.kind = Placeholder::Kind::Blocks;
      p.blocks.push_back(embedBlock(url, attr(t, {"title"}), pos));
      p.source = in_.text.substr(t.begin, t.end - t.begin);
      emitBlock(ctx_.add(std::move(p)), t.begin, alone);
      if (!t.selfClosing) open_.push_back({n, -1, {}});
      return;
    }
    if (lower == "admonition" || lower == "callout" || lower == "note" || lower == "tip" ||
        lower == "warning" || lower == "info" || lower == "danger" || lower == "caution") {
      Placeholder p;
      p.kind = Placeholder::Kind::Begin;
      p.container.kind = BlockKind::Admonition;
      p.container.pos = pos;
      std::string type = attr(t, {"type", "kind", "variant"});
      AdmonitionKind k;
      if (!admonitionKindFromWord(type.empty() ? lower : type, &k)) k = AdmonitionKind::Note;
      p.container.admonition = k;
      p.titleMarkdown = attr(t, {"title"});
      p.source = in_.text.substr(t.begin, t.end - t.begin);
      if (t.selfClosing) return;
      int index = -1;
      emitBlock(ctx_.add(std::move(p), &index), t.begin, true);
      open_.push_back({n, index, {}});
      return;
    }
    if (lower == "tabitem" || lower == "tab") {
      std::string label = attr(t, {"label", "value", "title"});
      if (!label.empty()) emitBlock("**" + label + "**", t.begin, true);
      else if (alone) out_.emit("\n", t.begin);
      if (!t.selfClosing) open_.push_back({n, -1, {}});
      return;
    }
    if (lower == "tabs" || lower == "browserwindow" || lower == "center" || lower == "columns" ||
        lower == "column" || lower == "layout" || lower == "section") {
      if (alone) out_.emit("\n", t.begin);
      if (!t.selfClosing) open_.push_back({n, -1, {}});
      return;
    }
    ctx_.warn(pos.line, "mdx-component",
              "MDX component <" + n + "> not rendered" + std::string(t.selfClosing ? ": removed" : ": children kept"),
              pos.col);
    if (alone) out_.emit("\n", t.begin);
    if (!t.selfClosing) open_.push_back({n, -1, {}});
  }

  const Source& in_;
  ParseContext& ctx_;
  TextBuilder out_;
  std::size_t copied_ = 0;
  std::vector<std::pair<std::size_t, std::size_t>> drops_;
  ImageBindings bindings_;
  std::size_t dropIdx_ = 0;
  // Components open until their closing tag: the container placeholder they began (-1: none)
  // and Markdown written just before it ends (a quote's attribution).
  struct OpenComponent {
    std::string name;
    int placeholder = -1;
    std::string epilogue;
  };
  std::vector<OpenComponent> open_;
};

}  // namespace

Source runMdx(const Source& in, ParseContext& ctx) { return MdxPass(in, ctx).run(); }

}  // namespace pp::markdown
