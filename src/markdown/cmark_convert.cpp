// cmark-gfm AST -> Document blocks and inlines. Raw HTML inside paragraphs is paired up here
// (cmark gives `<b>`, text, `</b>` as siblings); HTML blocks go to html_convert.cpp.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>
#include <charconv>
#include <cstring>

#include "markdown/cmark_parse.h"
#include "markdown/convert.h"
#include "markdown/html_tokenizer.h"
#include "markdown/media.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

std::string_view typeString(cmark_node* n) {
  const char* s = cmark_node_get_type_string(n);
  return s ? std::string_view(s) : std::string_view();
}

std::string literal(cmark_node* n) {
  const char* s = cmark_node_get_literal(n);
  return s ? std::string(s) : std::string();
}

std::string expandTabs(std::string_view s) {
  if (s.find('\t') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t col = 0;
  for (char c : s) {
    if (c == '\t') {
      std::size_t n = 4 - col % 4;
      out.append(n, ' ');
      col += n;
    } else {
      out += c;
      col = c == '\n' ? 0 : col + ((static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1);
    }
  }
  return out;
}

bool isBreak(const Inline& i) {
  return i.kind == InlineKind::SoftBreak || i.kind == InlineKind::HardBreak;
}

bool isBlankText(const Inline& i) {
  return i.kind == InlineKind::Text && trim(i.text).empty();
}

// An image, or a link holding only an image: what a figure is made of.
bool isFigureImage(const Inline& i) {
  if (i.kind == InlineKind::Image) return true;
  if (i.kind != InlineKind::Link) return false;
  int images = 0;
  for (const auto& c : i.children) {
    if (c.kind == InlineKind::Image) ++images;
    else if (!isBlankText(c) && !isBreak(c)) return false;
  }
  return images == 1;
}

}  // namespace

Inline makeImage(const std::string& src, const std::string& alt, const std::string& title,
                 SourcePos pos, int width) {
  Inline i;
  i.kind = InlineKind::Image;
  i.image.src = src;
  i.image.alt = alt;
  i.image.title = title;
  i.image.pos = pos;
  i.image.widthHint = width;
  i.pos = pos;
  return i;
}

Block makeFigure(ImageRef image, std::vector<Inline> caption, SourcePos pos) {
  Block b;
  b.kind = BlockKind::Figure;
  b.image = std::move(image);
  b.inlines = std::move(caption);
  b.pos = pos;
  return b;
}

bool meaningfulAlt(std::string_view alt) {
  std::string a = toLowerAscii(trim(alt));
  if (a.empty()) return false;
  static constexpr std::string_view kGeneric[] = {"image", "img", "alt text", "alt", "picture",
                                                  "photo", "screenshot", "screen shot", "figure",
                                                  "logo", "png", "jpg", "gif", "diagram"};
  for (auto g : kGeneric)
    if (a == g) return false;
  for (auto ext : {".png", ".jpg", ".jpeg", ".gif", ".webp", ".svg"})
    if (endsWith(a, ext)) return false;
  // "image1", "image-3", "img_2"
  std::size_t k = 0;
  while (k < a.size() && std::isalpha(static_cast<unsigned char>(a[k]))) ++k;
  std::string_view word = std::string_view(a).substr(0, k);
  std::string_view rest = std::string_view(a).substr(k);
  if ((word == "image" || word == "img" || word == "screenshot") &&
      rest.find_first_not_of("0123456789-_ ") == std::string_view::npos)
    return false;
  return true;
}

void normalizeWhitespace(std::vector<Inline>& inlines) {
  // Merge adjacent texts, collapse whitespace runs (HTML semantics: the text came from raw HTML
  // or has tabs), then trim the paragraph's ends.
  std::vector<Inline> out;
  out.reserve(inlines.size());
  for (auto& i : inlines) {
    if (i.kind == InlineKind::Text && !out.empty() && out.back().kind == InlineKind::Text) {
      out.back().text += i.text;
      continue;
    }
    out.push_back(std::move(i));
  }
  for (auto& i : out) {
    if (i.kind != InlineKind::Text) continue;
    std::string t;
    t.reserve(i.text.size());
    bool space = false;
    for (char c : i.text) {
      if (c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f') {
        space = true;
        continue;
      }
      if (space) t += ' ';
      space = false;
      t += c;
    }
    if (space) t += ' ';
    i.text = std::move(t);
  }
  // No space right after a break or at the ends.
  for (std::size_t k = 0; k < out.size(); ++k) {
    if (out[k].kind != InlineKind::Text) continue;
    bool afterBreak = k == 0 || isBreak(out[k - 1]);
    bool beforeBreak = k + 1 == out.size() || isBreak(out[k + 1]);
    if (afterBreak && !out[k].text.empty() && out[k].text.front() == ' ') out[k].text.erase(0, 1);
    if (beforeBreak && !out[k].text.empty() && out[k].text.back() == ' ') out[k].text.pop_back();
  }
  out.erase(std::remove_if(out.begin(), out.end(),
                           [](const Inline& i) { return i.kind == InlineKind::Text && i.text.empty(); }),
            out.end());
  while (!out.empty() && isBreak(out.front())) out.erase(out.begin());
  while (!out.empty() && isBreak(out.back())) out.pop_back();
  inlines = std::move(out);
}

int widthHint(const std::string* width, const std::string* style) {
  auto px = [](std::string_view v) -> int {
    v = trim(v);
    int n = 0;
    auto [p, ec] = std::from_chars(v.data(), v.data() + v.size(), n);
    if (ec != std::errc() || n <= 0 || n > 20000) return 0;
    std::string_view unit = trim(v.substr(static_cast<std::size_t>(p - v.data())));
    if (!unit.empty() && unit != "px" && unit[0] != '\'' && unit[0] != '"' && unit[0] != ',' &&
        unit[0] != ';' && unit[0] != '}')
      return 0;  // %, em, vw: not a pixel width
    return n;
  };
  if (width) {
    if (int w = px(*width)) return w;
  }
  if (style) {
    std::string s = toLowerAscii(*style);
    std::size_t at = 0;
    while ((at = s.find("width", at)) != std::string::npos) {
      bool bounded = at == 0 || !(std::isalnum(static_cast<unsigned char>(s[at - 1])) || s[at - 1] == '-');
      std::size_t v = at + 5;
      while (v < s.size() && (s[v] == ' ' || s[v] == ':' || s[v] == '\'' || s[v] == '"')) ++v;
      if (bounded)
        if (int w = px(std::string_view(s).substr(v))) return w;
      at += 5;
    }
  }
  return 0;
}

std::vector<Block> foldFlow(std::vector<FlowItem> items, int* summaryEnd) {
  struct Open {
    Block block;
    std::string key;
    bool transparent;
  };
  constexpr std::size_t kMaxOpen = 8;
  std::vector<Open> stack;
  std::vector<Block> result;
  auto sink = [&]() -> std::vector<Block>& {
    return stack.empty() ? result : stack.back().block.children;
  };
  auto closeTop = [&] {
    Open o = std::move(stack.back());
    stack.pop_back();
    auto& to = sink();
    if (o.transparent) {
      for (auto& b : o.block.children) to.push_back(std::move(b));
    } else {
      to.push_back(std::move(o.block));
    }
  };
  for (auto& item : items) {
    switch (item.kind) {
      case FlowItem::Kind::Block: sink().push_back(std::move(item.block)); break;
      case FlowItem::Kind::Begin:
        // Beyond the cap a container opens transparently: its content stays, its box goes.
        stack.push_back({std::move(item.block), item.key, item.transparent || stack.size() >= kMaxOpen});
        break;
      case FlowItem::Kind::End: {
        std::size_t k = stack.size();
        while (k > 0 && stack[k - 1].key != item.key) --k;
        if (k == 0) break;  // stray end
        while (stack.size() >= k) closeTop();
        break;
      }
      case FlowItem::Kind::Summary:
        if (summaryEnd && *summaryEnd < 0)
          *summaryEnd = static_cast<int>(result.size()) + (stack.empty() ? 0 : 1);
        break;
    }
  }
  while (!stack.empty()) closeTop();
  return result;
}

// ---------------------------------------------------------------------------------------------
// Inlines

// Builds the inlines of one cmark container, pairing the raw HTML tags found among them.
class InlineBuilder {
 public:
  InlineBuilder(Converter& conv, int line) : conv_(conv), line_(line) {
    frames_.emplace_back();
    frames_.back().transparent = true;
  }

  void add(Inline i) {
    if (skipping()) return;
    frames_.back().node.children.push_back(std::move(i));
  }

  void addRun(InlineRun&& run) {
    // A child's hoisted blocks leave with the whole paragraph split at the child's position.
    for (auto& i : run.inlines) add(std::move(i));
    for (auto& h : run.hoisted) hoist(std::move(h.second));
  }

  void hoist(Block b) {
    while (frames_.size() > 1) close(frames_.size() - 1);
    run_.hoisted.emplace_back(frames_[0].node.children.size(), std::move(b));
  }

  void html(std::string_view literalHtml, SourcePos pos) {
    for (auto& t : tokenizeHtml(literalHtml)) token(t, pos);
  }

  InlineRun finish() {
    while (frames_.size() > 1) close(frames_.size() - 1);
    run_.inlines = std::move(frames_[0].node.children);
    return std::move(run_);
  }

 private:
  struct Frame {
    std::string tag;
    Inline node;
    bool transparent = false;
    bool skip = false;
    bool code = false;
    bool media = false;  // <video>/<audio> collecting a <source>
  };

  bool skipping() const {
    for (const auto& f : frames_)
      if (f.skip) return true;
    return false;
  }

  void open(std::string tag, InlineKind kind) {
    if (frames_.size() > static_cast<std::size_t>(kMaxInlineDepth)) {
      open(std::move(tag));  // too deep: keep the text, drop the styling
      return;
    }
    Frame f;
    f.tag = std::move(tag);
    f.node.kind = kind;
    frames_.push_back(std::move(f));
  }
  void open(std::string tag) {  // transparent
    Frame f;
    f.tag = std::move(tag);
    f.transparent = true;
    frames_.push_back(std::move(f));
  }

  void close(std::size_t k) {
    while (frames_.size() > k) {
      Frame f = std::move(frames_.back());
      frames_.pop_back();
      if (f.skip) continue;
      if (f.media) {
        Block e;
        if (!f.node.link.url.empty()) {
          e = embedBlock(f.node.link.url, f.node.text, f.node.pos);
          hoist(std::move(e));
        }
        continue;
      }
      if (f.code) {
        Inline c;
        c.kind = InlineKind::Code;
        c.text = plainText(f.node.children);
        c.pos = f.node.pos;
        frames_.back().node.children.push_back(std::move(c));
        continue;
      }
      if (f.transparent) {
        for (auto& c : f.node.children) frames_.back().node.children.push_back(std::move(c));
        continue;
      }
      frames_.back().node.children.push_back(std::move(f.node));
    }
  }

  void closeTag(const std::string& tag) {
    for (std::size_t k = frames_.size(); k-- > 1;)
      if (frames_[k].tag == tag) {
        close(k);
        return;
      }
  }

  void token(HtmlToken& t, SourcePos pos) {
    SourcePos here = pos;
    switch (t.type) {
      case HtmlToken::Type::Text:
        add(Inline::makeText(std::move(t.text), here));
        return;
      case HtmlToken::Type::RawText:
        conv_.ctx_.warn(pos.line, "html-dropped", "<" + t.name + "> removed");
        return;
      case HtmlToken::Type::Comment: {
        int idx = conv_.ctx_.lookup(t.text);
        if (idx < 0) return;
        const Placeholder& ph = conv_.ctx_.placeholders[static_cast<std::size_t>(idx)];
        if (ph.kind == Placeholder::Kind::Inline) {
          add(ph.inl);
          return;
        }
        std::vector<FlowItem> items;
        conv_.placeholderBlocks(idx, line_, items);
        for (auto& b : foldFlow(std::move(items))) hoist(std::move(b));
        return;
      }
      case HtmlToken::Type::EndTag: closeTag(t.name); return;
      case HtmlToken::Type::StartTag: break;
    }
    const std::string& n = t.name;
    bool selfClosing = t.selfClosing || isVoidElement(n);
    if (n == "br") {
      Inline b;
      b.kind = InlineKind::HardBreak;
      b.pos = here;
      add(std::move(b));
    } else if (n == "img") {
      const std::string* src = t.attr("src");
      if (!src || src->empty()) return;
      const std::string* alt = t.attr("alt");
      const std::string* title = t.attr("title");
      add(makeImage(*src, alt ? *alt : "", title ? *title : "", here,
                    widthHint(t.attr("width"), t.attr("style"))));
    } else if (n == "source" && !frames_.empty() && frames_.back().media) {
      if (const std::string* src = t.attr("src")) frames_.back().node.link.url = *src;
    } else if (n == "iframe" || n == "video" || n == "audio" || n == "embed" || n == "object") {
      const std::string* src = t.attr("src");
      if (!src) src = t.attr("data");
      const std::string* title = t.attr("title");
      if (src && !src->empty()) {
        hoist(embedBlock(*src, title ? *title : "", here));
        if (!selfClosing) {
          open(n);
          frames_.back().skip = true;
        }
      } else if (!selfClosing) {
        open(n);
        frames_.back().media = true;
        frames_.back().node.pos = here;
        if (title) frames_.back().node.text = *title;
      }
    } else if (selfClosing) {
      if (n == "input" || n == "hr") return;
      return;
    } else if (n == "em" || n == "i" || n == "cite" || n == "var" || n == "dfn") {
      open(n, InlineKind::Emph);
    } else if (n == "strong" || n == "b") {
      open(n, InlineKind::Strong);
    } else if (n == "s" || n == "strike" || n == "del") {
      open(n, InlineKind::Strike);
    } else if (n == "u" || n == "ins") {
      open(n, InlineKind::Underline);
    } else if (n == "sub") {
      open(n, InlineKind::Subscript);
    } else if (n == "sup") {
      open(n, InlineKind::Superscript);
    } else if (n == "code" || n == "kbd" || n == "samp" || n == "tt") {
      open(n, InlineKind::Code);
      frames_.back().code = true;
      frames_.back().node.pos = here;
    } else if (n == "a") {
      const std::string* href = t.attr("href");
      if (href && !href->empty()) {
        open(n, InlineKind::Link);
        frames_.back().node.link.url = conv_.ctx_.restoreSources(*href);
        frames_.back().node.pos = here;
      } else {
        open(n);
      }
    } else if (n == "script" || n == "style" || n == "select" || n == "button" ||
               n == "textarea" || n == "form" || n == "svg" || n == "template" || n == "noscript") {
      if (n != "noscript")
        conv_.ctx_.warn(pos.line, "html-dropped", "<" + n + "> removed");
      open(n);
      frames_.back().skip = true;
    } else {
      open(n);  // span, font, small, mark, abbr, and anything unknown: children kept
    }
  }

  Converter& conv_;
  int line_;
  std::vector<Frame> frames_;
  InlineRun run_;
};

InlineRun Converter::inlinesOf(cmark_node* parent, int depth) {
  InlineBuilder b(*this, cmark_node_get_start_line(parent));
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c)) {
    SourcePos pos = posOf(c);
    cmark_node_type type = cmark_node_get_type(c);
    switch (type) {
      case CMARK_NODE_TEXT: {
        std::string t = literal(c);
        if (t.find('\x01') != std::string::npos) t = ctx_.restoreSources(t);
        std::replace(t.begin(), t.end(), '\t', ' ');
        b.add(Inline::makeText(std::move(t), pos));
        break;
      }
      case CMARK_NODE_SOFTBREAK: {
        Inline i;
        i.kind = InlineKind::SoftBreak;
        i.pos = pos;
        b.add(std::move(i));
        break;
      }
      case CMARK_NODE_LINEBREAK: {
        Inline i;
        i.kind = InlineKind::HardBreak;
        i.pos = pos;
        b.add(std::move(i));
        break;
      }
      case CMARK_NODE_CODE: {
        Inline i;
        i.kind = InlineKind::Code;
        i.text = ctx_.restoreSources(literal(c));
        i.pos = pos;
        b.add(std::move(i));
        break;
      }
      case CMARK_NODE_HTML_INLINE: b.html(literal(c), pos); break;
      case CMARK_NODE_FOOTNOTE_REFERENCE: {
        int k = 0;
        std::string lit = literal(c);
        std::from_chars(lit.data(), lit.data() + lit.size(), k);
        int idx = footnoteBase_ + k - 1;
        if (k >= 1 && idx < static_cast<int>(doc_.footnotes.size())) {
          Inline i;
          i.kind = InlineKind::FootnoteRef;
          i.footnote = idx;
          i.pos = pos;
          b.add(std::move(i));
        }
        break;
      }
      case CMARK_NODE_IMAGE: {
        std::string alt;
        std::vector<Inline> altInl;
        flattenInlines(c, altInl);
        alt = plainText(altInl);
        const char* url = cmark_node_get_url(c);
        const char* title = cmark_node_get_title(c);
        b.add(makeImage(ctx_.restoreSources(url ? url : ""), alt, title ? title : "", pos));
        break;
      }
      default: {
        if (depth >= kMaxInlineDepth) {
          if (!deepWarned_) {
            ctx_.warn(pos.line, "nesting-too-deep", "inline nesting too deep: flattened");
            deepWarned_ = true;
          }
          std::vector<Inline> flat;
          flattenInlines(c, flat);
          for (auto& i : flat) b.add(std::move(i));
          break;
        }
        InlineRun childRun = inlinesOf(c, depth + 1);
        Inline i;
        i.pos = pos;
        i.children = std::move(childRun.inlines);
        std::string_view ts = typeString(c);
        if (type == CMARK_NODE_EMPH) i.kind = InlineKind::Emph;
        else if (type == CMARK_NODE_STRONG) i.kind = InlineKind::Strong;
        else if (ts == "strikethrough") i.kind = InlineKind::Strike;
        else if (type == CMARK_NODE_LINK) {
          i.kind = InlineKind::Link;
          const char* url = cmark_node_get_url(c);
          i.link.url = ctx_.restoreSources(url ? url : "");
        } else {
          i.kind = InlineKind::Span;
        }
        b.add(std::move(i));
        for (auto& h : childRun.hoisted) b.hoist(std::move(h.second));
      }
    }
  }
  return b.finish();
}

// Text of a subtree without structure, iteratively (for alt text and for nesting too deep).
void Converter::flattenInlines(cmark_node* parent, std::vector<Inline>& out) {
  cmark_iter* it = cmark_iter_new(parent);
  if (!it) return;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* n = cmark_iter_get_node(it);
    if (n == parent) continue;
    switch (cmark_node_get_type(n)) {
      case CMARK_NODE_TEXT:
      case CMARK_NODE_CODE: {
        std::string t = ctx_.restoreSources(literal(n));
        if (!out.empty() && out.back().kind == InlineKind::Text) out.back().text += t;
        else out.push_back(Inline::makeText(std::move(t), posOf(n)));
        break;
      }
      case CMARK_NODE_SOFTBREAK:
      case CMARK_NODE_LINEBREAK: {
        Inline i;
        i.kind = InlineKind::SoftBreak;
        out.push_back(std::move(i));
        break;
      }
      default: break;
    }
  }
  cmark_iter_free(it);
}

// ---------------------------------------------------------------------------------------------
// Blocks

SourcePos Converter::posOf(cmark_node* n) const {
  SourcePos p;
  p.line = bodyLine(cmark_node_get_start_line(n));
  p.col = cmark_node_get_start_column(n);
  return p;
}

std::vector<Block> Converter::convertDocument(cmark_node* root) {
  footnoteBase_ = static_cast<int>(doc_.footnotes.size());
  footnoteDefinitions(root);
  std::vector<FlowItem> items;
  blocksOf(root, items, 0);
  return foldFlow(std::move(items), &doc_.summaryEnd);
}

void Converter::footnoteDefinitions(cmark_node* root) {
  // cmark-gfm moves referenced definitions to the end of the document, in order of first
  // reference, and numbers the references accordingly: definition k is footnote k.
  std::vector<cmark_node*> defs;
  for (cmark_node* c = cmark_node_first_child(root); c; c = cmark_node_next(c))
    if (cmark_node_get_type(c) == CMARK_NODE_FOOTNOTE_DEFINITION) defs.push_back(c);
  // Reserve the slots first: a footnote may reference another one.
  std::size_t base = doc_.footnotes.size();
  doc_.footnotes.resize(base + defs.size());
  for (std::size_t k = 0; k < defs.size(); ++k) {
    Footnote f;
    f.label = std::to_string(k + 1);
    f.pos = posOf(defs[k]);
    std::vector<FlowItem> items;
    blocksOf(defs[k], items, 1);
    f.blocks = foldFlow(std::move(items));
    doc_.footnotes[base + k] = std::move(f);
  }
}

void Converter::blocksOf(cmark_node* parent, std::vector<FlowItem>& out, int depth) {
  for (cmark_node* c = cmark_node_first_child(parent); c; c = cmark_node_next(c))
    block(c, out, depth);
}

static void pushBlock(std::vector<FlowItem>& out, Block b) {
  FlowItem item;
  item.block = std::move(b);
  out.push_back(std::move(item));
}

void Converter::block(cmark_node* n, std::vector<FlowItem>& out, int depth) {
  cmark_node_type type = cmark_node_get_type(n);
  switch (type) {
    case CMARK_NODE_PARAGRAPH: paragraph(n, out); return;
    case CMARK_NODE_HEADING: {
      Block h;
      h.kind = BlockKind::Heading;
      h.level = std::clamp(cmark_node_get_heading_level(n), 1, 6);
      h.pos = posOf(n);
      InlineRun run = inlinesOf(n, 0);
      h.inlines = std::move(run.inlines);
      normalizeWhitespace(h.inlines);
      pushBlock(out, std::move(h));
      for (auto& hb : run.hoisted) pushBlock(out, std::move(hb.second));
      return;
    }
    case CMARK_NODE_LIST:
      if (depth >= kMaxBlockDepth) return flattenDeep(n, out);
      pushBlock(out, list(n, depth + 1));
      return;
    case CMARK_NODE_BLOCK_QUOTE:
      if (depth >= kMaxBlockDepth) return flattenDeep(n, out);
      quote(n, out, depth + 1);
      return;
    case CMARK_NODE_CODE_BLOCK: {
      int fenceLength = 0, fenceOffset = 0;
      char fenceChar = 0;
      if (kramdownHtml_ && !cmark_node_get_fenced(n, &fenceLength, &fenceOffset, &fenceChar)) {
        std::string code = literal(n);
        bool tags = !trim(code).empty();
        for (const auto& l : split(code, '\n')) {
          std::string_view t = trim(l);
          if (!t.empty() && !(t.front() == '<' && t.back() == '>')) tags = false;
        }
        if (tags) {
          htmlBlocks(code, cmark_node_get_start_line(n), out);
          return;
        }
      }
      pushBlock(out, codeBlock(n));
      return;
    }
    case CMARK_NODE_HTML_BLOCK: htmlBlocks(literal(n), cmark_node_get_start_line(n), out); return;
    case CMARK_NODE_THEMATIC_BREAK: {
      Block r;
      r.kind = BlockKind::Rule;
      r.pos = posOf(n);
      pushBlock(out, std::move(r));
      return;
    }
    case CMARK_NODE_FOOTNOTE_DEFINITION: return;  // collected by footnoteDefinitions
    default: break;
  }
  if (typeString(n) == "table") {
    pushBlock(out, table(n));
    return;
  }
  if (depth >= kMaxBlockDepth) return flattenDeep(n, out);
  blocksOf(n, out, depth + 1);
}

// Beyond kMaxBlockDepth: the leaf blocks of the subtree, in order, without their containers.
void Converter::flattenDeep(cmark_node* n, std::vector<FlowItem>& out) {
  if (!deepWarned_) {
    ctx_.warn(bodyLine(cmark_node_get_start_line(n)), "nesting-too-deep",
              "lists or quotes nested more than " + std::to_string(kMaxBlockDepth) +
                  " deep: flattened");
    deepWarned_ = true;
  }
  cmark_iter* it = cmark_iter_new(n);
  if (!it) return;
  cmark_event_type ev;
  while ((ev = cmark_iter_next(it)) != CMARK_EVENT_DONE) {
    if (ev != CMARK_EVENT_ENTER) continue;
    cmark_node* c = cmark_iter_get_node(it);
    cmark_node_type type = cmark_node_get_type(c);
    bool leaf = type == CMARK_NODE_PARAGRAPH || type == CMARK_NODE_HEADING ||
                type == CMARK_NODE_CODE_BLOCK || type == CMARK_NODE_HTML_BLOCK ||
                type == CMARK_NODE_THEMATIC_BREAK || typeString(c) == "table";
    if (!leaf) continue;
    block(c, out, kMaxBlockDepth);  // leaves do not recurse into blocks
    cmark_iter_reset(it, c, CMARK_EVENT_EXIT);
  }
  cmark_iter_free(it);
}

void Converter::paragraph(cmark_node* n, std::vector<FlowItem>& out) {
  InlineRun run = inlinesOf(n, 0);
  flushParagraph(run, posOf(n), out);
}

void Converter::flushParagraph(InlineRun& run, SourcePos pos, std::vector<FlowItem>& out) {
  std::size_t from = 0;
  auto emitSegment = [&](std::size_t to) {
    std::vector<Inline> seg(std::make_move_iterator(run.inlines.begin() + static_cast<std::ptrdiff_t>(from)),
                            std::make_move_iterator(run.inlines.begin() + static_cast<std::ptrdiff_t>(to)));
    from = to;
    normalizeWhitespace(seg);
    if (seg.empty()) return;
    // A paragraph of nothing but images (each possibly linked) becomes figures.
    bool onlyImages = true;
    int images = 0;
    for (const auto& i : seg) {
      if (isFigureImage(i)) ++images;
      else if (!isBreak(i) && !isBlankText(i)) onlyImages = false;
    }
    if (onlyImages && images > 0) {
      for (auto& i : seg) {
        if (!isFigureImage(i)) continue;
        const Inline& img = i.kind == InlineKind::Image
                                ? i
                                : *std::find_if(i.children.begin(), i.children.end(),
                                                [](const Inline& c) { return c.kind == InlineKind::Image; });
        std::vector<Inline> caption;
        if (!trim(img.image.title).empty())
          caption.push_back(Inline::makeText(std::string(trim(img.image.title)), img.pos));
        else if (meaningfulAlt(img.image.alt))
          caption.push_back(Inline::makeText(std::string(trim(img.image.alt)), img.pos));
        Block f = makeFigure(img.image, std::move(caption), img.pos.line ? img.pos : pos);
        if (i.kind == InlineKind::Link) f.link = i.link;
        pushBlock(out, std::move(f));
      }
      return;
    }
    Block p;
    p.kind = BlockKind::Paragraph;
    p.pos = pos;
    p.inlines = std::move(seg);
    pushBlock(out, std::move(p));
  };
  for (auto& h : run.hoisted) {
    emitSegment(std::clamp(h.first, from, run.inlines.size()));
    pushBlock(out, std::move(h.second));
  }
  emitSegment(run.inlines.size());
  run.inlines.clear();
  run.hoisted.clear();
}

Block Converter::list(cmark_node* n, int depth) {
  Block l;
  l.kind = cmark_node_get_list_type(n) == CMARK_ORDERED_LIST ? BlockKind::OrderedList
                                                             : BlockKind::BulletList;
  l.start = cmark_node_get_list_start(n);
  l.tight = cmark_node_get_list_tight(n) != 0;
  l.pos = posOf(n);
  for (cmark_node* item = cmark_node_first_child(n); item; item = cmark_node_next(item)) {
    Block li;
    li.kind = BlockKind::ListItem;
    li.pos = posOf(item);
    if (typeString(item) == "tasklist")
      li.task = cmark_gfm_extensions_get_tasklist_item_checked(item) ? TaskState::Done
                                                                      : TaskState::Open;
    std::vector<FlowItem> items;
    blocksOf(item, items, depth);
    li.children = foldFlow(std::move(items));
    l.children.push_back(std::move(li));
  }
  return l;
}

void Converter::quote(cmark_node* n, std::vector<FlowItem>& out, int depth) {
  Block q;
  q.kind = BlockKind::Quote;
  q.pos = posOf(n);
  std::vector<FlowItem> items;
  blocksOf(n, items, depth);
  q.children = foldFlow(std::move(items));

  // GitHub alerts: `> [!NOTE]` (Obsidian callouts add a title and a fold sign after it).
  if (!q.children.empty() && q.children[0].kind == BlockKind::Paragraph) {
    auto& inl = q.children[0].inlines;
    std::string firstLine;
    std::size_t cut = 0;
    while (cut < inl.size() && !isBreak(inl[cut])) {
      if (inl[cut].kind != InlineKind::Text) break;
      firstLine += inl[cut].text;
      ++cut;
    }
    std::string_view fl = trim(firstLine);
    AdmonitionKind kind;
    if (startsWith(fl, "[!") && fl.find(']') != std::string_view::npos &&
        (cut == inl.size() || isBreak(inl[cut]))) {
      std::size_t close = fl.find(']');
      if (admonitionKindFromWord(fl.substr(2, close - 2), &kind)) {
        std::string_view title = fl.substr(close + 1);
        if (!title.empty() && (title[0] == '-' || title[0] == '+')) title.remove_prefix(1);
        title = trim(title);
        Block a;
        a.kind = BlockKind::Admonition;
        a.admonition = kind;
        a.pos = q.pos;
        if (!title.empty()) a.inlines.push_back(Inline::makeText(std::string(title), q.pos));
        inl.erase(inl.begin(), inl.begin() + static_cast<std::ptrdiff_t>(std::min(cut + 1, inl.size())));
        if (inl.empty()) q.children.erase(q.children.begin());
        a.children = std::move(q.children);
        pushBlock(out, std::move(a));
        return;
      }
    }
  }
  pushBlock(out, std::move(q));
}

Block Converter::codeBlock(cmark_node* n) {
  Block c;
  c.kind = BlockKind::Code;
  c.pos = posOf(n);
  const char* info = cmark_node_get_fence_info(n);
  std::string lang(info ? info : "");
  lang = std::string(trim(lang));
  // "python {linenos=true}", "{.python}", "python title=x.py": the first word is the language.
  std::size_t sp = lang.find_first_of(" \t{,");
  if (startsWith(lang, "{")) {
    lang = lang.substr(1);
    if (startsWith(lang, ".")) lang = lang.substr(1);
    sp = lang.find_first_of(" \t},");
  }
  if (sp != std::string::npos) lang = lang.substr(0, sp);
  c.info = toLowerAscii(lang);
  std::string text = expandTabs(ctx_.restoreSources(literal(n)));
  if (!text.empty() && text.back() == '\n') text.pop_back();
  c.text = std::move(text);
  if (c.info == "math" || c.info == "latex-math" || c.info == "pp-math") {
    c.kind = BlockKind::MathBlock;
    c.info.clear();
  }
  return c;
}

Block Converter::table(cmark_node* n) {
  constexpr std::size_t kMaxColumns = 64;
  Block t;
  t.kind = BlockKind::Table;
  t.pos = posOf(n);
  std::size_t columns = cmark_gfm_extensions_get_table_columns(n);
  const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
  std::size_t kept = std::min(columns, kMaxColumns);
  for (std::size_t k = 0; k < kept; ++k) {
    uint8_t a = aligns ? aligns[k] : 0;
    t.aligns.push_back(a == 'l' ? Align::Left : a == 'c' ? Align::Center : a == 'r' ? Align::Right : Align::None);
  }
  if (columns > kMaxColumns)
    ctx_.warn(t.pos.line, "table-too-wide",
              "table has " + std::to_string(columns) + " columns: columns after " +
                  std::to_string(kMaxColumns) + " are joined into the last one");
  for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
    TableRow row;
    row.header = cmark_gfm_extensions_get_table_row_is_header(r) != 0;
    for (cmark_node* cell = cmark_node_first_child(r); cell; cell = cmark_node_next(cell)) {
      InlineRun run = inlinesOf(cell, 1);
      // Blocks cannot live in a cell: a hoisted figure shows as its image.
      for (auto& h : run.hoisted)
        if (h.second.kind == BlockKind::Figure) {
          Inline img;
          img.kind = InlineKind::Image;
          img.image = h.second.image;
          run.inlines.push_back(std::move(img));
        }
      normalizeWhitespace(run.inlines);
      if (row.cells.size() < kept) {
        row.cells.push_back({std::move(run.inlines)});
      } else if (!row.cells.empty()) {
        auto& last = row.cells.back().content;
        last.push_back(Inline::makeText(" | "));
        for (auto& i : run.inlines) last.push_back(std::move(i));
      }
    }
    t.rows.push_back(std::move(row));
  }
  return t;
}

// ---------------------------------------------------------------------------------------------
// Placeholders and Markdown fragments

void Converter::placeholderBlocks(int index, int line, std::vector<FlowItem>& out) {
  if (index < 0 || index >= static_cast<int>(ctx_.placeholders.size())) return;
  // Copy: the table can grow while fragments are parsed below.
  Placeholder ph = ctx_.placeholders[static_cast<std::size_t>(index)];
  switch (ph.kind) {
    case Placeholder::Kind::Summary: {
      FlowItem s;
      s.kind = FlowItem::Kind::Summary;
      out.push_back(std::move(s));
      return;
    }
    case Placeholder::Kind::Inline: {
      Block p;
      p.kind = BlockKind::Paragraph;
      p.pos = ph.inl.pos;
      p.inlines.push_back(ph.inl);
      pushBlock(out, std::move(p));
      return;
    }
    case Placeholder::Kind::End: {
      FlowItem e;
      e.kind = FlowItem::Kind::End;
      e.key = "p:" + std::to_string(ph.pair);
      out.push_back(std::move(e));
      return;
    }
    case Placeholder::Kind::Begin: {
      FlowItem b;
      b.kind = FlowItem::Kind::Begin;
      b.key = "p:" + std::to_string(index);
      b.block = ph.container;
      if (!ph.titleMarkdown.empty()) b.block.inlines = markdownInlines(ph.titleMarkdown, ph.container.pos.line);
      out.push_back(std::move(b));
      return;
    }
    case Placeholder::Kind::Blocks: break;
  }
  for (std::size_t k = 0; k < ph.blocks.size(); ++k) {
    Block b = ph.blocks[k];
    if (k == 0 && !ph.titleMarkdown.empty()) b.inlines = markdownInlines(ph.titleMarkdown, b.pos.line);
    if (k == 0 && !ph.bodyMarkdown.empty()) b.children = markdownBlocks(ph.bodyMarkdown, b.pos.line);
    pushBlock(out, std::move(b));
  }
  (void)line;
}

std::vector<Block> Converter::markdownBlocks(std::string_view md, int line) {
  if (ctx_.fragmentDepth >= 4) {
    Block p;
    p.kind = BlockKind::Paragraph;
    p.inlines.push_back(Inline::makeText(ctx_.restoreSources(md)));
    return {p};
  }
  ++ctx_.fragmentDepth;
  Source frag;
  frag.text = std::string(md);
  frag.lines.assign(static_cast<std::size_t>(std::count(md.begin(), md.end(), '\n')) + 2, line);
  std::vector<Block> blocks;
  if (CmarkDocument root = parseCmark(frag.text)) {
    Converter sub(ctx_, frag, doc_);
    sub.footnoteBase_ = static_cast<int>(doc_.footnotes.size());
    sub.footnoteDefinitions(root.get());
    std::vector<FlowItem> items;
    sub.blocksOf(root.get(), items, 1);
    blocks = foldFlow(std::move(items));
  }
  --ctx_.fragmentDepth;
  return blocks;
}

std::vector<Inline> Converter::markdownInlines(std::string_view md, int line) {
  std::vector<Inline> out;
  for (auto& b : markdownBlocks(md, line)) {
    std::vector<Inline> part;
    if (b.kind == BlockKind::Paragraph || b.kind == BlockKind::Heading) part = std::move(b.inlines);
    else if (b.kind == BlockKind::Figure) {
      Inline img;
      img.kind = InlineKind::Image;
      img.image = b.image;
      part.push_back(std::move(img));
    } else {
      std::string t = plainText(b);
      if (!t.empty()) part.push_back(Inline::makeText(std::move(t)));
    }
    if (part.empty()) continue;
    if (!out.empty()) {
      Inline br;
      br.kind = InlineKind::HardBreak;
      out.push_back(std::move(br));
    }
    for (auto& i : part) out.push_back(std::move(i));
  }
  return out;
}

}  // namespace pp::markdown
