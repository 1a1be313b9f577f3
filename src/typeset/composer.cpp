#include "typeset/shape_runs.h"
#include "typeset/composer.h"

#include "typeset/canvas.h"
#include "postpress/support/text.h"

#include <algorithm>
#include <cmath>
#include <optional>

namespace pp::typeset {

namespace {

// Dot leaders: small squares on a fixed grid, so the dots of all entries line up.
constexpr float kLeaderPitch = 4.5f;
constexpr float kLeaderDot = 0.8f;
constexpr float kLeaderGapEm = 0.8f;  // between text, dots and the page number
// How far an entry may shrink to stay on one line (Latin, and CJK which cannot break well).
constexpr float kMinShrink = 0.85f;
constexpr float kMinShrinkCjk = 0.6f;

}  // namespace

std::string FlowComposer::pageOf(const std::string& anchor) const {
  auto it = labels_.find(anchor);
  return it == labels_.end() ? std::string() : it->second;
}

void FlowComposer::heading(const std::string& text, int level, const std::string& anchor, bool outline) {
  level = std::clamp(level, 1, 6);
  flow_.headingText(text, flow_.ctx().style.headings[level - 1], anchor, level, outline);
}

void FlowComposer::paragraph(const std::vector<Inline>& inlines, const TextStyle& style,
                             const ParagraphOptions& o) {
  Align a = Align::Left;
  switch (o.align) {
    case ParagraphOptions::Align::Justify: a = Align::Justify; break;
    case ParagraphOptions::Align::Left: a = Align::Left; break;
    case ParagraphOptions::Align::Center: a = Align::Center; break;
    case ParagraphOptions::Align::Right: a = Align::Right; break;
    case ParagraphOptions::Align::Style: a = flow_.ctx().style.justify ? Align::Justify : Align::Left; break;
  }
  flow_.space(o.spaceBefore);
  flow_.paragraph(inlines, style, a, o.indent, o.firstIndent, o.hyphenate, nullptr, o.role, o.label);
  if (o.keepWithNext) flow_.keepWithNext();
  flow_.space(o.spaceAfter);
}

void FlowComposer::entry(const std::vector<Inline>& text, const std::string& anchor,
                         const TextStyle& style, float indent) {
  Context& ctx = flow_.ctx();
  // TOCI > Reference > Link: the entry's text and page number (its leaders are artifacts).
  std::optional<OpenNode> item;
  if (ctx.nodes.active() && ctx.nodes.table()[static_cast<std::size_t>(ctx.nodes.current())].type != StructType::TOCI)
    item.emplace(ctx.nodes, StructType::TOCI);
  const OpenNode reference(ctx.nodes, StructType::Reference);
  const OpenNode link(ctx.nodes, StructNode(StructType::Link, collapseSpaces(plainText(text))));
  const std::string label = pageOf(anchor);
  const float width = flow_.region().width - indent;
  // The page number is set as text is: digits the text's face lacks (Persian ۱۲) come from a
  // fallback face.
  ItemList number = plainItems(ctx, style, label.empty() ? "00" : label, false);
  const float numberWidth = firstLineWidth(number);
  const float gap = kLeaderGapEm * style.size;
  // Room for the number (and a few dots) on every line, so wrapped titles never run under it.
  const float numberColumn = std::max(numberWidth, style.size * 1.8f) + 2 * gap;

  InlineBuilder builder(ctx, style, false);
  builder.add(text);
  ItemList items = builder.finish();
  if (items.items.empty()) return;
  // An entry a little too long for one line is set a little smaller rather than wrapped; CJK
  // titles, which would break between characters, may shrink further.
  const float avail = std::max(36.0f, width - numberColumn);
  const float natural = naturalWidths(items).max;
  if (natural > avail) {
    bool cjk = false;
    for (const auto& it : items.items)
      for (unsigned char c : it.text) cjk |= c >= 0xE3 && c <= 0xE9;
    const float k = avail / natural;
    if (k >= (cjk ? kMinShrinkCjk : kMinShrink)) {
      TextStyle smaller = style;
      smaller.size *= k * 0.995f;
      InlineBuilder again(ctx, smaller, false);
      again.add(text);
      items = again.finish();
    }
  }
  // Right to left (the book's layout), the text is at the right, the number at the left.
  const bool rtl = ctx.rightToLeftLayout;
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = style.leading;
  shape.allowHyphens = false;
  shape.widths = {std::max(36.0f, width - numberColumn)};
  if (rtl) shape.offsets = {width - shape.widths[0]};
  // Left to right, a title in a right-to-left script starts at the left as the others do.
  shape.rtlToRightEdge = rtl;
  std::vector<SetLine> lines = setParagraph(ctx, items, shape);
  if (lines.empty()) return;

  SetLine& last = lines.back();
  if (!label.empty()) {
    // The text reads apart from its page number.
    if (!last.content.runs.empty() && !last.content.runs.back().rtl) addWordSpace(ctx, last.content.runs.back());
    const std::vector<SetLine> numberLine = setParagraph(ctx, number, unwrappedLine(style.leading));
    if (!numberLine.empty())
      last.content.append(numberLine[0].content, rtl ? 0 : width - numberWidth, last.baseline - numberLine[0].baseline);
    // Leaders between the text's end and the number, on a grid shared by all entries.
    const float from = rtl ? numberWidth + gap : last.naturalWidth + gap;
    const float to = rtl ? width - last.naturalWidth - gap : width - numberWidth - gap;
    const float absLeft = flow_.region().left + indent;
    float x = std::ceil((absLeft + from) / kLeaderPitch) * kLeaderPitch - absLeft;
    const float dotY = last.baseline - kLeaderDot;
    for (; x + kLeaderDot <= to; x += kLeaderPitch) {
      FillRect dot;
      dot.x = x;
      dot.y = dotY;
      dot.width = kLeaderDot;
      dot.height = kLeaderDot;
      dot.fillColor = ctx.style.muted;
      last.content.rects.push_back(dot);
    }
  }
  // The whole entry is one link to the anchor: an area over each of its lines.
  for (auto& l : lines) {
    LinkArea a;
    a.x = 0;
    a.y = 0;
    a.width = width;
    a.height = l.height;
    a.dest = anchor;
    a.tag = link.id();
    l.content.links.push_back(a);
  }
  flow_.setLines(lines, flow_.region().left + indent, true);
}

void FlowComposer::outlineEntry(const std::string& title, int level, const std::string& anchor) {
  if (flow_.outline) flow_.outline->push_back({title, level, anchor});
}

void FlowComposer::blocks(const std::vector<Block>& blocks,
                          const std::function<std::optional<Aside>(const Block&)>& asides) {
  flow_.asideFor = asides;
  flow_.blocks(blocks);
  flow_.asideFor = nullptr;
}

void FlowComposer::rule(Color color, float width) {
  flow_.rule(color, width, flow_.region().width);
}

void FlowComposer::box(float height, std::function<void(Canvas&)> draw) {
  flow_.customBox(height, std::move(draw));
}

void FlowComposer::drawnBox(float height, std::function<void(Canvas&)> draw) {
  // Drawn as pagination draws a box (the canvas's origin at the region's left edge, placed at
  // the item's top), into a fragment it then moves onto the page like a line of text.
  Fragment f;
  FragmentCanvas canvas(flow_.ctx(), f, flow_.region().width);
  if (flow_.ctx().rightToLeftLayout) canvas.mirror(flow_.region().width);
  draw(canvas);
  flow_.content(std::move(f), height, 0, flow_.region().left);
}

void FlowComposer::needSpace(float pt) {
  Fragment empty;
  flow_.content(std::move(empty), 0, 0, 0);
  flow_.out().items.back().need = pt;
}

float FlowComposer::textWidth(const std::string& utf8, const TextStyle& style) {
  Fragment scratch;
  FragmentCanvas measure(flow_.ctx(), scratch, flow_.region().width);
  return measure.textWidth(utf8, style);
}

std::int32_t FlowComposer::openNode(StructNode node) {
  Context& ctx = flow_.ctx();
  ++openNodes_;
  if (!node.lang.empty()) {
    languages_.emplace_back(openNodes_, ctx.language);
    ctx.language = node.lang;
    ctx.fonts.setLanguage(node.lang);
  }
  return ctx.nodes.open(std::move(node));
}

void FlowComposer::closeNode() {
  Context& ctx = flow_.ctx();
  ctx.nodes.close();
  if (!languages_.empty() && languages_.back().first == openNodes_) {
    ctx.language = std::move(languages_.back().second);
    ctx.fonts.setLanguage(ctx.language);
    languages_.pop_back();
  }
  --openNodes_;
}

}  // namespace pp::typeset
