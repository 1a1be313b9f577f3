// Figures (an image with its caption), pictures in paragraphs (set as figures between the
// paragraph's text), placeholders for images that could not be used, and embeds (videos,
// tweets) shown as a titled link box.
#include <algorithm>
#include <cctype>
#include <optional>

#include "typeset/canvas.h"
#include "typeset/drawing_figure.h"
#include "typeset/flow.h"
#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

constexpr float kCaptionGap = 6;
constexpr float kBoxPad = 8;
// The least a figure is shrunk to when nothing before it on its page can go (the lines kept with
// it leave too little room): below this it overflows rather than turn into a stamp.
constexpr float kFigureLeastScale = 0.15f;

// Alt text worth printing as a caption: words, not a file-name slug like "image3" or
// "argocd-metrics".
bool meaningfulAlt(const std::string& alt) {
  std::string_view t = trim(alt);
  if (t.size() < 4 || t.find(' ') == std::string_view::npos) return false;
  std::string lower = toLowerAscii(t);
  for (const char* junk : {"image", "screenshot", "screen shot", "img", "picture", "photo"})
    if (lower.rfind(junk, 0) == 0 && lower.size() <= std::string(junk).size() + 4) return false;
  return true;
}

// Sets `text` in a role's look, left-aligned and unhyphenated, `width` wide, into `f` with its
// top at (x, y); returns the y below it (the lines of a placeholder's or an embed's box).
float setBoxText(Context& ctx, Fragment& f, const std::vector<Inline>& text, const TextStyle& style, float width,
                 float x, float y) {
  const OpenNode paragraph(ctx.nodes, StructType::P);
  const FragmentSizes before(f);
  InlineBuilder builder(ctx, style, false);
  builder.add(text);
  ItemList items = builder.finish();
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = style.leading;
  shape.allowHyphens = false;
  shape.widths = {width};
  const float below = stackLines(f, setParagraph(ctx, items, shape), x, y);
  stampSince(f, before, paragraph.id());
  return below;
}

bool onlyImage(const std::vector<Inline>& inlines, const Inline** image) {
  const Inline* found = nullptr;
  for (const auto& in : inlines) {
    if (in.kind == InlineKind::Image) {
      if (found) return false;
      found = &in;
    } else if (in.kind == InlineKind::Text) {
      if (!trim(in.text).empty()) return false;
    } else if (in.kind == InlineKind::SoftBreak || in.kind == InlineKind::HardBreak) {
      continue;
    } else if (in.kind == InlineKind::Link && in.children.size() == 1 &&
               in.children[0].kind == InlineKind::Image) {
      if (found) return false;
      found = &in;  // a linked image: the link is taken from here
    } else {
      return false;
    }
  }
  if (image) *image = found;
  return found != nullptr;
}

}  // namespace

bool Flow::isLargeImage(const Inline& in) const {
  const Inline* img = &in;
  if (in.kind == InlineKind::Link && in.children.size() == 1 && in.children[0].kind == InlineKind::Image)
    img = &in.children[0];
  if (img->kind != InlineKind::Image) return false;
  const Asset* a = ctx_.asset(img->image.asset);
  if (!a || !a->ok()) return false;
  const float px = static_cast<float>(a->width > 0 ? a->width : a->pdf.width);
  const float py = static_cast<float>(a->height > 0 ? a->height : a->pdf.height);
  if (px <= 0 || py <= 0) return false;
  const float w = (img->image.widthHint > 0 ? static_cast<float>(img->image.widthHint) : px) * 0.75f;
  // Taller than two lines of text: a picture, not an icon riding on the line.
  return w * py / px > 2 * region_.body.leading;
}

bool Flow::splitAtLargeImages(const Block& b, bool paraAfterPara) {
  bool any = false;
  for (const auto& in : b.inlines) any |= isLargeImage(in);
  if (!any) return false;
  // Text before, between and after the pictures stays paragraphs; each picture a figure.
  std::vector<Inline> run;
  bool first = true;
  auto flushText = [&] {
    while (!run.empty() && (run.back().kind == InlineKind::SoftBreak || run.back().kind == InlineKind::HardBreak ||
                            (run.back().kind == InlineKind::Text && trim(run.back().text).empty())))
      run.pop_back();
    std::size_t lead = 0;
    while (lead < run.size() && (run[lead].kind == InlineKind::SoftBreak || run[lead].kind == InlineKind::HardBreak ||
                                 (run[lead].kind == InlineKind::Text && trim(run[lead].text).empty())))
      ++lead;
    if (lead < run.size()) {
      Block p = b;
      p.inlines.assign(run.begin() + static_cast<long>(lead), run.end());
      afterParagraph_ = first ? paraAfterPara : false;
      block(p);
    }
    run.clear();
    first = false;
  };
  for (const auto& in : b.inlines) {
    if (!isLargeImage(in)) {
      run.push_back(in);
      continue;
    }
    flushText();
    if (in.kind == InlineKind::Link) figure(in.children[0].image, {}, in.link);
    else figure(in.image, {}, LinkTarget{});
    first = false;
  }
  flushText();
  return true;
}

bool Flow::picturesOf(const Block& b, bool paraAfterPara) {
  if (splitAtLargeImages(b, paraAfterPara)) return true;
  const Inline* img = nullptr;
  if (!onlyImage(b.inlines, &img)) return false;
  // An image alone in its paragraph is a figure.
  if (img->kind == InlineKind::Link) {
    figure(img->children[0].image, {}, img->link);
  } else {
    figure(img->image, {}, LinkTarget{});
  }
  return true;
}

void Flow::figure(const ImageRef& image, const std::vector<Inline>& captionIn, const LinkTarget& link) {
  const Style& st = ctx_.style;
  // A vector drawing (a diagram) is painted instead of its image, at its size in points.
  const Drawing* drawing = image.drawing && image.drawing->width > 0 && image.drawing->height > 0 ? image.drawing.get() : nullptr;
  const Asset* a = ctx_.asset(image.asset);
  if (!drawing && (!a || !a->ok() || a->pdf.width <= 0 || a->pdf.height <= 0)) {
    std::string why = a ? (a->message.empty() ? std::string(assetStatusName(a->status)) : a->message)
                        : std::string("not resolved");
    placeholder(image, why);
    return;
  }
  const float col = region_.width;
  const float px = drawing ? drawing->width : static_cast<float>(a->width > 0 ? a->width : a->pdf.width);
  const float py = drawing ? drawing->height : static_cast<float>(a->height > 0 ? a->height : a->pdf.height);
  // Natural size as a browser shows it: CSS pixels at 96 per inch; a width hint wins. A
  // drawing's points are its natural size.
  float w = image.widthHint > 0 ? static_cast<float>(image.widthHint) * 0.75f : drawing ? px : px * 0.75f;
  float h = w * py / px;
  if (w > col) {
    h *= col / w;
    w = col;
  }
  const float maxH = st.figureMaxHeight * st.textHeight();
  if (h > maxH) {
    w *= maxH / h;
    h = maxH;
  }

  std::vector<Inline> caption = captionIn;
  if (caption.empty() || trim(plainText(caption)).empty()) {
    caption.clear();
    if (!trim(image.title).empty()) caption.push_back(Inline::makeText(image.title));
    // A drawing's alt text is a description made for listeners (a diagram's kind and node
    // labels), not a caption: only the source's own title is printed.
    else if (!drawing && meaningfulAlt(image.alt)) caption.push_back(Inline::makeText(image.alt));
  }

  FigureFloat fig;
  fig.asset = drawing ? -1 : image.asset;
  fig.imageWidth = w;
  fig.imageHeight = h;
  fig.x = region_.left;
  fig.columnWidth = col;
  fig.gap = kCaptionGap;
  // How small it may be drawn is a question of what the reader sees, against its natural size
  // (as a browser shows it, within the column and figure_max_height): the style's
  // figure_min_shrink to fit the space left, kRelaxedMinScale (paginate.cpp) rather than leave a
  // page ending short. Never its stored pixels: the PDF embeds a picture drawn finer than they
  // suit from a rendition made for its drawn size (pdf/page_painter.h, kMaxPrintPpi).
  fig.minScale = st.figureMinShrink;
  fig.absoluteMinScale = kFigureLeastScale;
  if (ctx_.resolveLink && (link.internal() || link.external())) fig.link = ctx_.resolveLink(link);
  // Structure: (Link >) Figure with Alt, then its Caption beside it (a Figure's Alt replaces
  // what is inside it).
  {
    std::optional<OpenNode> linkNode;
    if (!fig.link.empty()) {
      linkNode.emplace(ctx_.nodes, StructType::Link);
      fig.linkTag = linkNode->id();
    }
    std::string alt(trim(image.alt));
    if (alt.empty()) alt = collapseSpaces(plainText(caption));
    if (alt.empty() && ctx_.nodes.active()) {
      alt = ctx_.label("image_inline");
      // An inline data: URI can be megabytes: named by its kind only.
      const std::string what = startsWith(image.src, "data:") ? std::string("an inline data: image")
                               : image.src.size() > 120 ? image.src.substr(0, 117) + "..." : image.src;
      ctx_.diags.warning(ctx_.locate(image.pos), "pdf-alt",
                         "a picture without alt text or caption (" + what +
                             "): the tagged PDF describes it only as \"" + alt + "\"");
    }
    fig.tag = ctx_.nodes.add(StructNode(StructType::Figure, alt));
  }
  if (!caption.empty()) {
    const OpenNode captionNode(ctx_.nodes, StructType::Caption);
    InlineBuilder builder(ctx_, st.caption, false);
    builder.add(caption);
    ItemList items = builder.finish();
    ParagraphShape shape;
    shape.align = Align::Center;
    shape.leading = st.caption.leading;
    shape.widths = {std::min(col, std::max(w, col * 0.75f))};
    const float cx = (col - shape.widths[0]) / 2;
    fig.captionHeight = stackLines(fig.caption, setParagraph(ctx_, items, shape), cx, 0);
    stamp(fig.caption, captionNode.id());
  }
  // A figure taller than a page with its caption is made to fit one.
  const float room = st.textHeight() - (fig.captionHeight > 0 ? fig.captionHeight + fig.gap : 0) - 2;
  if (fig.imageHeight > room && room > 36) {
    const float k = room / fig.imageHeight;
    fig.imageWidth *= k;
    fig.imageHeight *= k;
    fig.minScale = std::min(1.0f, fig.minScale / k);
    fig.absoluteMinScale = std::min(1.0f, fig.absoluteMinScale / k);
  }

  if (drawing) fig.drawing = setDrawing(ctx_, *drawing, fig.imageWidth / drawing->width, fig.tag);

  // A line introducing the picture stays with it (the float may not leave it behind).
  if (leadInEnd_ == out_.items.size()) {
    fig.withLeadIn = true;
    keepWithNext();
  }
  space(st.blockSpacing * 1.2f);
  out_.figures.push_back(std::move(fig));
  VItem it;
  it.kind = VKind::Float;
  it.figure = static_cast<int>(out_.figures.size() - 1);
  it.height = out_.figures.back().naturalHeight();
  it.x = region_.left;
  push(std::move(it));
  afterParagraph_ = false;
  space(st.blockSpacing * 1.2f);
}

void Flow::placeholder(const ImageRef& image, const std::string& why) {
  const Style& st = ctx_.style;
  const Asset* a = ctx_.asset(image.asset);
  std::string where = a ? (!a->url.empty() ? a->url : a->source) : image.src;
  if (where.empty()) where = image.src;
  const float inner = region_.width - 2 * kBoxPad;
  const OpenNode node(ctx_.nodes, StructType::Div);

  Fragment f;
  float y = kBoxPad;
  auto addPara = [&](const std::vector<Inline>& text, const TextStyle& ts) {
    y = setBoxText(ctx_, f, text, ts, inner, kBoxPad, y);
  };
  TextStyle head = st.caption;
  head.italic = false;
  head.bold = true;
  head.color = st.muted;
  const std::string unavailable = ctx_.label("image_unavailable");
  addPara({Inline::makeText(image.alt.empty() ? unavailable
                                              : ctx_.label("label_value", {{"label", unavailable}, {"value", image.alt}}))},
          head);
  TextStyle small = st.caption;
  small.italic = false;
  small.size *= 0.92f;
  small.leading *= 0.92f;
  std::vector<Inline> src;
  Inline code;
  code.kind = InlineKind::Code;
  code.text = where;
  src.push_back(code);
  if (!why.empty()) src.push_back(Inline::makeText(" (" + why + ")"));
  addPara(src, small);
  y += kBoxPad;
  f.rects.insert(f.rects.begin(), {.width = region_.width, .height = y, .fill = true, .fillColor = st.codeBackground,
                                   .strokeWidth = 0.5f, .strokeColor = st.rule});
  if (a && !a->url.empty()) {
    ResolvedLink r = ctx_.resolveLink ? ctx_.resolveLink(LinkTarget{a->url, -1, ""}) : ResolvedLink{};
    if (!r.empty()) f.links.push_back({0, 0, region_.width, y, r.uri, r.dest, ctx_.nodes.add(StructNode(StructType::Link))});
  }
  space(st.blockSpacing);
  content(std::move(f), y, kBoxPad + st.caption.leading * 0.75f, region_.left);
  afterParagraph_ = false;
  space(st.blockSpacing);
}

void Flow::embed(const Block& b) {
  const Style& st = ctx_.style;
  // An aside (PartComposer::blocks: a QR code of the video in the printed book) sits at the
  // box's right, and the text beside it is narrower.
  Aside aside;
  if (asideFor)
    if (std::optional<Aside> a = asideFor(b)) aside = std::move(*a);
  const bool hasAside = aside.width > 0 && aside.width < region_.width / 2 && aside.draw;
  constexpr float kEmbedAsideGap = 10;
  const float inner = region_.width - 2 * kBoxPad - 3 - (hasAside ? aside.width + kEmbedAsideGap : 0);
  const OpenNode node(ctx_.nodes, StructType::Div);
  Fragment f;
  float y = kBoxPad;
  auto addPara = [&](const std::vector<Inline>& text, const TextStyle& ts) {
    y = setBoxText(ctx_, f, text, ts, inner, kBoxPad + 3, y);
  };
  std::string provider = b.text.empty() ? ctx_.label("embedded_content") : b.text;
  TextStyle label = st.caption;
  label.italic = false;
  label.uppercase = true;
  label.letterSpacing = 0.5f;
  label.size *= 0.85f;
  label.leading *= 0.9f;
  label.color = st.accent;
  addPara({Inline::makeText(provider)}, label);
  TextStyle title = region_.body;
  title.bold = true;
  title.italic = false;
  if (!b.inlines.empty() && !trim(plainText(b.inlines)).empty()) addPara(b.inlines, title);
  if (!b.link.url.empty()) {
    Inline link;
    link.kind = InlineKind::Link;
    link.link = b.link;
    link.children.push_back(Inline::makeText(b.link.url));
    TextStyle small = st.caption;
    small.italic = false;
    addPara({link}, small);
  }
  y += kBoxPad;
  if (hasAside) {
    y = std::max(y, aside.height + 2 * kBoxPad);
    Fragment drawn;
    drawIntoFragment(ctx_, drawn, region_.width,
                     [&](Canvas& c) { aside.draw(c, region_.width - kBoxPad - aside.width, kBoxPad); });
    f.append(drawn, 0, 0);
  }
  FillRect box;
  box.width = region_.width;
  box.height = y;
  box.fillColor = st.codeBackground;
  box.strokeWidth = 0.5f;
  box.strokeColor = st.rule;
  f.rects.insert(f.rects.begin(), box);
  FillRect bar;
  bar.width = 3;
  bar.height = y;
  bar.fillColor = st.accent;
  f.rects.insert(f.rects.begin() + 1, bar);
  if (ctx_.resolveLink && b.link.external()) {
    ResolvedLink r = ctx_.resolveLink(b.link);
    if (!r.empty()) f.links.push_back({0, 0, region_.width, y, r.uri, r.dest, ctx_.nodes.add(StructNode(StructType::Link))});
  }
  space(st.blockSpacing);
  content(std::move(f), y, kBoxPad + label.leading * 0.75f, region_.left);
  afterParagraph_ = false;
  space(st.blockSpacing);
}

}  // namespace pp::typeset
