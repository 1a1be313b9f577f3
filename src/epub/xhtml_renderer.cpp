#include "epub/xhtml_renderer.h"

#include "postpress/math.h"

#include <algorithm>
#include <cctype>

#include "epub/code_markup.h"
#include "epub/xml_text.h"
#include "postpress/support/links.h"
#include "postpress/support/text.h"

namespace pp::epub {

std::vector<PostIds> assignPostIds(const Publication& pub, IdSet& ids) {
  std::vector<PostIds> all(pub.posts.size());
  for (std::size_t i = 0; i < pub.posts.size(); ++i) {
    const PostEntry& e = pub.posts[i];
    std::string base = e.anchor.empty() ? "p" + std::to_string(i + 1) : asciiId(e.anchor);
    // An id must not start with a digit or '-' for every reader's CSS/JS to handle it.
    if (!std::isalpha(static_cast<unsigned char>(base[0]))) base = "p" + base;
    PostIds& p = all[i];
    p.start = ids.claim(base);
    forEachBlock(e.doc.blocks, [&](const Block& b) {
      if (b.kind != BlockKind::Heading) return;
      std::string raw = b.id.empty() ? "h" : b.id;
      std::string id = ids.claim(p.start + "--" + asciiId(raw));
      if (!b.id.empty() && !p.byRaw.count(b.id)) p.byRaw[b.id] = id;
      // Keyed by the block's address too: the renderer finds the id of a heading without ids.
      p.byRaw["\x02" + std::to_string(reinterpret_cast<std::uintptr_t>(&b))] = id;
      p.headings.push_back({id, std::string(trim(plainText(b.inlines))), b.level});
    });
  }
  return all;
}

std::string imageElement(BookContext& ctx, int assetId, const std::string& alt,
                         const std::string& source, const char* cssClass, int widthHint) {
  if (const StoredImage* img = ctx.images.use(assetId)) {
    ++ctx.imagesShown;
    if (!trim(alt).empty()) ++ctx.imagesWithAlt;
    std::string cls = cssClass;
    int w = img->width, h = img->height;
    if (widthHint > 0 && widthHint < w) {
      h = std::max(1, static_cast<int>(static_cast<long long>(h) * widthHint / w));
      w = widthHint;
    }
    if (cls == "inline") cls += (h <= 64 && w <= 480) ? " icon" : " picture";
    return "<img src=\"" + attr(img->href) + "\" alt=\"" + attr(alt) + "\" width=\"" +
           std::to_string(w) + "\" height=\"" + std::to_string(h) + "\" class=\"" + cls + "\"/>";
  }
  ++ctx.imagesMissing;
  std::string where = source;
  if (const Asset* a = ctx.images.asset(assetId)) {
    if (!a->url.empty()) where = a->url;
    else if (!a->source.empty()) where = a->source;
  }
  const Locale& locale = *ctx.pub.locale;
  std::string label = trim(alt).empty() ? locale.label("image_unavailable")
                                        : locale.label("label_value", {{"label", locale.label("image")}, {"value", trim(alt)}});
  std::string out = "<span class=\"missing-image\">[" + text(label);
  if (!where.empty()) out += " \xE2\x80\x94 " + text(where);  // em dash
  out += "]</span>";
  return out;
}

PostRenderer::PostRenderer(BookContext& ctx, int post)
    : ctx_(ctx), post_(post), entry_(ctx.pub.posts[static_cast<std::size_t>(post)]) {
  const std::string& start = ctx_.postIds[static_cast<std::size_t>(post)].start;
  for (std::size_t n = 0; n < entry_.doc.footnotes.size(); ++n)
    footnoteIds_.push_back(ctx_.ids.claim(start + "-fn-" + std::to_string(n + 1)));
  firstRefIds_.resize(footnoteIds_.size());
  refCounts_.resize(footnoteIds_.size());
}

RenderedPart PostRenderer::block(const Block& b) {
  RenderedPart part;
  part_ = &part;
  part.splitPoint = b.kind == BlockKind::Heading && b.level <= 2;
  renderBlock(b, part.xhtml);
  part_ = nullptr;
  return part;
}

RenderedPart PostRenderer::footnote(int index) {
  RenderedPart part;
  part_ = &part;
  const Footnote& f = entry_.doc.footnotes[static_cast<std::size_t>(index)];
  const std::string& id = footnoteIds_[static_cast<std::size_t>(index)];
  part.ids.push_back(id);
  std::string& out = part.xhtml;
  out += "<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" id=\"" + id + "\">";
  std::string label = std::to_string(index + 1) + ".";
  const std::string& back = firstRefIds_[static_cast<std::size_t>(index)];
  std::string prefix = back.empty()
      ? "<span class=\"footnote-label\">" + label + "</span> "
      : "<a class=\"footnote-label\" role=\"doc-backlink\" href=\"" + placeholder(back) + "\">" +
            label + "</a> ";
  bool first = true;
  for (const Block& b : f.blocks) {
    if (first && b.kind == BlockKind::Paragraph) renderParagraph(b.inlines, out, prefix);
    else {
      if (first) out += "<p>" + prefix + "</p>";
      renderBlock(b, out);
    }
    first = false;
  }
  if (first) out += "<p>" + prefix + "</p>";
  out += "</aside>\n";
  part_ = nullptr;
  return part;
}

std::string PostRenderer::anchorInPost(int post, const std::string& raw) const {
  const PostIds& ids = ctx_.postIds[static_cast<std::size_t>(post)];
  if (raw.empty()) return ids.start;
  if (auto it = ids.byRaw.find(raw); it != ids.byRaw.end()) return it->second;
  if (auto it = ids.byRaw.find(percentDecode(raw)); it != ids.byRaw.end()) return it->second;
  if (auto it = ids.byRaw.find(slugify(percentDecode(raw))); it != ids.byRaw.end())
    return it->second;
  // A footnote or an id we do not keep: the post's start is the nearest honest target.
  return ids.start;
}

std::string PostRenderer::hrefFor(const LinkTarget& t) {
  int n = static_cast<int>(ctx_.pub.posts.size());
  if (t.post >= 0 && t.post < n) return placeholder(anchorInPost(t.post, t.anchor));
  std::string url(trim(t.url));
  if (url.empty()) return "";
  if (url[0] == '#') return placeholder(anchorInPost(post_, url.substr(1)));
  if (startsWith(url, "//")) url = "https:" + url;
  // A relative link left over (no site URL known) would point inside the EPUB at nothing.
  if (!hasScheme(url) || !isLiveLink(url)) return "";
  return attr(cleanUrl(url));
}

void PostRenderer::renderInlines(const std::vector<Inline>& inlines, std::string& out) {
  for (const Inline& in : inlines) renderInline(in, out);
}

namespace {
// Deeper than any real post; beyond it the rest of the subtree is written as plain text.
constexpr int kMaxDepth = 48;

struct DepthGuard {
  int& depth;
  explicit DepthGuard(int& d) : depth(d) { ++depth; }
  ~DepthGuard() { --depth; }
};
}  // namespace

void PostRenderer::renderInline(const Inline& in, std::string& out) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) {
    std::vector<Inline> one{in};
    out += text(plainText(one));
    return;
  }
  auto wrap = [&](const char* tag) {
    out += '<';
    out += tag;
    out += '>';
    renderInlines(in.children, out);
    out += "</";
    out += tag;
    out += '>';
  };
  switch (in.kind) {
    case InlineKind::Text: out += text(in.text); break;
    case InlineKind::SoftBreak: out += '\n'; break;
    case InlineKind::HardBreak: out += "<br/>\n"; break;
    case InlineKind::Emph: wrap("em"); break;
    case InlineKind::Strong: wrap("strong"); break;
    case InlineKind::Strike: wrap("del"); break;
    case InlineKind::Underline: wrap("u"); break;
    case InlineKind::Superscript: wrap("sup"); break;
    case InlineKind::Subscript: wrap("sub"); break;
    case InlineKind::Span: renderInlines(in.children, out); break;
    case InlineKind::Code: out += "<code>" + text(in.text) + "</code>"; break;
    case InlineKind::Math: {
      // A formula that cannot be read was made code by the math stage's check; one that
      // still cannot (no check ran) is its TeX in monospace.
      const ParsedMath m = parseMath(in.text);
      out += m.ok() ? mathML(m, in.text, false) : "<code>" + text(in.text) + "</code>";
      break;
    }
    case InlineKind::Link: renderLink(in, out); break;
    case InlineKind::Image:
      out += imageElement(ctx_, in.image.asset, in.image.alt, in.image.src, "inline", in.image.widthHint);
      break;
    case InlineKind::FootnoteRef: renderFootnoteRef(in.footnote, out); break;
  }
}

void PostRenderer::renderLink(const Inline& in, std::string& out) {
  std::string href = linkDepth_ > 0 ? std::string() : hrefFor(in.link);
  bool empty = trim(plainText(in.children)).empty() &&
               std::none_of(in.children.begin(), in.children.end(),
                            [](const Inline& c) { return c.kind == InlineKind::Image; });
  if (href.empty()) {  // nested link, or nowhere to go: keep the words
    if (empty) out += text(in.link.url);
    else renderInlines(in.children, out);
    return;
  }
  out += "<a href=\"" + href + "\">";
  ++linkDepth_;
  if (empty) out += text(in.link.internal() ? locale().label("link") : in.link.url);
  else renderInlines(in.children, out);
  --linkDepth_;
  out += "</a>";
}

void PostRenderer::renderFootnoteRef(int index, std::string& out) {
  if (index < 0 || index >= footnoteCount()) return;
  auto n = static_cast<std::size_t>(index);
  std::string label = std::to_string(index + 1);
  if (part_) part_->footnotes.push_back(index);
  if (linkDepth_ > 0) {  // a link may not hold a link: show the number only
    out += "<sup>" + label + "</sup>";
    return;
  }
  std::string base = footnoteIds_[n];
  base.replace(base.rfind("-fn-"), 4, "-fnref-");
  std::string id = ctx_.ids.claim(refCounts_[n] == 0 ? base : base + "-" + std::to_string(refCounts_[n] + 1));
  ++refCounts_[n];
  if (firstRefIds_[n].empty()) firstRefIds_[n] = id;
  if (part_) part_->ids.push_back(id);
  out += "<sup><a epub:type=\"noteref\" role=\"doc-noteref\" class=\"noteref\" id=\"" + id +
         "\" href=\"" + placeholder(footnoteIds_[n]) + "\">" + label + "</a></sup>";
}

namespace {
// A paragraph made only of images (and the spaces, breaks and links around them): the way
// many posts place their photos. It is centred like a figure.
bool onlyImages(const std::vector<Inline>& inlines, int& images) {
  for (const Inline& in : inlines) {
    switch (in.kind) {
      case InlineKind::Image: ++images; break;
      case InlineKind::SoftBreak:
      case InlineKind::HardBreak: break;
      case InlineKind::Text:
        if (!trim(in.text).empty()) return false;
        break;
      case InlineKind::Link:
      case InlineKind::Span:
        if (!onlyImages(in.children, images)) return false;
        break;
      default: return false;
    }
  }
  return true;
}
}  // namespace

void PostRenderer::renderParagraph(const std::vector<Inline>& inlines, std::string& out,
                                   const std::string& prefix) {
  std::string body;
  renderInlines(inlines, body);
  if (prefix.empty() && trim(body).empty()) return;
  int images = 0;
  bool pictures = prefix.empty() && onlyImages(inlines, images) && images > 0;
  out += (pictures ? "<p class=\"pictures\">" : "<p>") + prefix + body + "</p>\n";
}

void PostRenderer::renderBlock(const Block& b, std::string& out) {
  DepthGuard guard(depth_);
  if (depth_ > kMaxDepth) {
    std::string t(trim(plainText(b)));
    if (!t.empty()) out += "<p>" + text(t) + "</p>\n";
    return;
  }
  switch (b.kind) {
    case BlockKind::Paragraph: renderParagraph(b.inlines, out, ""); break;
    case BlockKind::Heading: {
      const PostIds& ids = ctx_.postIds[static_cast<std::size_t>(post_)];
      std::string id;
      if (auto it = ids.byRaw.find("\x02" + std::to_string(reinterpret_cast<std::uintptr_t>(&b)));
          it != ids.byRaw.end())
        id = it->second;
      std::string body;
      renderInlines(b.inlines, body);
      int level = std::clamp(b.level + 1, 2, 6);  // the post title is the h1
      std::string tag = "h" + std::to_string(level);
      if (!id.empty() && part_) part_->ids.push_back(id);
      std::string idAttr = id.empty() ? "" : " id=\"" + id + "\"";
      if (trim(body).empty()) out += "<div" + idAttr + "></div>\n";
      else out += "<" + tag + idAttr + ">" + body + "</" + tag + ">\n";
      break;
    }
    case BlockKind::BulletList:
    case BlockKind::OrderedList: renderList(b, out); break;
    case BlockKind::ListItem:
    case BlockKind::Quote: {
      bool quote = b.kind == BlockKind::Quote;
      if (quote) out += "<blockquote>\n";
      for (const Block& c : b.children) renderBlock(c, out);
      if (quote) out += "</blockquote>\n";
      break;
    }
    case BlockKind::Code: {
      std::string code = b.text;
      while (!code.empty() && code.back() == '\n') code.pop_back();
      std::string lang;
      for (char c : toLowerAscii(b.info.substr(0, b.info.find_first_of(" \t{,"))))
        if (std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '+' || c == '_') lang += c;
      out += "<pre class=\"code\"><code";
      if (!lang.empty()) out += " class=\"language-" + lang + "\"";
      out += ">" + (b.spans.empty() ? text(code) : highlightedCode(b)) + "</code></pre>\n";
      break;
    }
    case BlockKind::MathBlock: {
      const std::string tex(trim(b.text));
      const ParsedMath m = parseMath(tex);
      out += m.ok() ? "<div class=\"math\">" + mathML(m, tex, true) + "</div>\n"
                    : "<pre class=\"code\"><code>" + text(tex) + "</code></pre>\n";
      break;
    }
    case BlockKind::Table: renderTable(b, out); break;
    case BlockKind::Figure: renderFigure(b, out); break;
    case BlockKind::Rule: out += "<hr/>\n"; break;
    case BlockKind::Admonition: {
      std::string kind = admonitionName(b.admonition);
      std::string title;
      renderInlines(b.inlines, title);
      if (trim(title).empty()) title = text(locale().label("admonition_" + kind));
      out += "<div class=\"admonition admonition-" + kind + "\" role=\"note\">\n";
      out += "<p class=\"admonition-title\">" + title + "</p>\n";
      for (const Block& c : b.children) renderBlock(c, out);
      out += "</div>\n";
      break;
    }
    case BlockKind::Embed: {
      std::string href = hrefFor(b.link);
      std::string title;
      renderInlines(b.inlines, title);
      if (trim(title).empty()) title = text(b.link.url.empty() ? locale().label("embedded_media") : b.link.url);
      std::string provider = trim(b.text).empty() ? locale().label("media") : std::string(trim(b.text));
      provider[0] = static_cast<char>(std::toupper(static_cast<unsigned char>(provider[0])));
      out += "<div class=\"embed\"><p><span class=\"embed-kind\">\xE2\x96\xB6 " + text(provider) +
             ":</span> ";
      if (href.empty()) out += title;
      else {
        ++linkDepth_;
        out += "<a href=\"" + href + "\">" + title + "</a>";
        --linkDepth_;
      }
      out += "</p></div>\n";
      break;
    }
    case BlockKind::Details: {
      std::string summary;
      renderInlines(b.inlines, summary);
      if (trim(summary).empty()) summary = text(locale().label("details"));
      out += "<div class=\"details\">\n<p class=\"details-summary\">" + summary + "</p>\n";
      for (const Block& c : b.children) renderBlock(c, out);
      out += "</div>\n";
      break;
    }
    case BlockKind::HtmlFallback: {
      std::string t(trim(b.text));
      if (t.empty()) break;
      out += "<div class=\"html-fallback\">\n";
      for (const std::string& para : split(replaceAll(t, "\r", ""), '\n')) {
        if (trim(para).empty()) continue;
        out += "<p>" + text(std::string(trim(para))) + "</p>\n";
      }
      out += "</div>\n";
      break;
    }
  }
}

void PostRenderer::renderList(const Block& b, std::string& out) {
  bool ordered = b.kind == BlockKind::OrderedList;
  bool tasks = std::any_of(b.children.begin(), b.children.end(),
                           [](const Block& c) { return c.task != TaskState::None; });
  std::string cls = std::string(b.tight ? "tight" : "loose") + (tasks ? " tasks" : "");
  out += ordered ? "<ol" : "<ul";
  out += " class=\"" + cls + "\"";
  if (ordered && b.start != 1) out += " start=\"" + std::to_string(b.start) + "\"";
  out += ">\n";
  for (const Block& item : b.children) {
    out += "<li>";
    std::string mark;
    if (item.task == TaskState::Open) mark = "<span class=\"task\">\xE2\x98\x90</span> ";
    if (item.task == TaskState::Done) mark = "<span class=\"task\">\xE2\x98\x91</span> ";
    if (item.kind != BlockKind::ListItem) {
      out += mark;
      renderBlock(item, out);
    } else {
      bool first = true;
      for (const Block& c : item.children) {
        if (first && c.kind == BlockKind::Paragraph) renderParagraph(c.inlines, out, mark);
        else {
          if (first && !mark.empty()) out += "<p>" + mark + "</p>";
          renderBlock(c, out);
        }
        first = false;
      }
      if (first && !mark.empty()) out += mark;
    }
    out += "</li>\n";
  }
  out += ordered ? "</ol>\n" : "</ul>\n";
}

void PostRenderer::renderTable(const Block& b, std::string& out) {
  std::size_t cols = 0;
  for (const TableRow& r : b.rows) cols = std::max(cols, r.cells.size());
  if (cols == 0) return;
  auto alignClass = [&](std::size_t c) -> std::string {
    Align a = c < b.aligns.size() ? b.aligns[c] : Align::None;
    switch (a) {
      case Align::Left: return " class=\"align-left\"";
      case Align::Center: return " class=\"align-center\"";
      case Align::Right: return " class=\"align-right\"";
      default: return "";
    }
  };
  auto row = [&](const TableRow& r, bool header) {
    out += "<tr>";
    for (std::size_t c = 0; c < cols; ++c) {
      const char* tag = header ? "th" : "td";
      out += std::string("<") + tag + alignClass(c) + (header ? " scope=\"col\"" : "") + ">";
      if (c < r.cells.size()) renderInlines(r.cells[c].content, out);
      out += std::string("</") + tag + ">";
    }
    out += "</tr>\n";
  };
  out += "<div class=\"table-wrap\"><table>\n";
  std::size_t i = 0;
  if (i < b.rows.size() && b.rows[i].header) {
    out += "<thead>\n";
    for (; i < b.rows.size() && b.rows[i].header; ++i) row(b.rows[i], true);
    out += "</thead>\n";
  }
  if (i < b.rows.size()) {
    out += "<tbody>\n";
    for (; i < b.rows.size(); ++i) row(b.rows[i], b.rows[i].header);
    out += "</tbody>\n";
  }
  out += "</table></div>\n";
}

void PostRenderer::renderFigure(const Block& b, std::string& out) {
  std::string caption;
  renderInlines(b.inlines, caption);
  std::string alt = b.image.alt;
  if (trim(alt).empty()) alt = plainText(b.inlines);
  std::string img = imageElement(ctx_, b.image.asset, alt, b.image.src, "figure", b.image.widthHint);
  std::string href = startsWith(img, "<img") ? hrefFor(b.link) : std::string();
  out += "<figure>";
  if (!href.empty()) out += "<a href=\"" + href + "\">" + img + "</a>";
  else if (startsWith(img, "<img")) out += img;
  else out += "<p class=\"missing-figure\">" + img + "</p>";
  if (!trim(caption).empty()) out += "<figcaption>" + caption + "</figcaption>";
  out += "</figure>\n";
}

}  // namespace pp::epub
