// Containers of blocks: lists (markers hanging in the indent, task check boxes), quotes (a bar
// beside them), admonitions (a tinted box with a coloured bar and a title), details (a
// summary over its blocks) and HTML that could not be converted (its readable text).
#include <algorithm>
#include <string>
#include <vector>

#include "postpress/support/text.h"
#include "typeset/flow.h"
#include "typeset/shape_runs.h"

namespace pp::typeset {

namespace {

// Quotes: the text moves in by this much, the bar sits in the gap.
constexpr float kQuoteIndent = 16;
constexpr float kQuoteBarWidth = 2.2f;
// Admonition boxes: inner padding and bar width.
constexpr float kBoxPadX = 12;
constexpr float kBoxPadY = 8;
constexpr float kBoxBarWidth = 3;

Color mix(Color a, Color b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
}

}  // namespace

void Flow::list(const Block& b) {
  const Style& st = ctx_.style;
  space(region_.listDepth > 0 ? 2 : st.blockSpacing * 0.6f);
  const Region saved = region_;
  region_.listDepth++;
  const float indent = narrowable(st.listIndent);
  // Past the depth where lists stop indenting, a marker would be drawn over its parent's
  // (hostile nesting, "- - - - item"): those lists show none.
  const bool drawMarkers = indent >= st.listIndent * 0.5f;
  // Right to left: the indent, and the markers hanging in it, are at the right.
  const bool rtl = ctx_.rightToLeft;
  if (!rtl) region_.left += indent;
  region_.width -= indent;
  region_.tight = b.tight;
  const bool ordered = b.kind == BlockKind::OrderedList;
  long number = b.start;
  // Markers by depth: bullet, en dash, white bullet.
  static const char* const kBullets[] = {"\u2022", "\u2013", "\u25E6"};
  const char* bullet = kBullets[(saved.listDepth) % 3];
  bool first = true;
  const OpenNode listNode(ctx_.nodes, StructType::L);
  for (const auto& item : b.children) {
    if (!first) space(b.tight ? 1.5f : st.blockSpacing * 0.6f);
    first = false;
    const std::size_t firstItem = out_.items.size();
    afterParagraph_ = false;
    // LI > Lbl (the marker, drawn once the item's first line exists) + LBody.
    const OpenNode itemNode(ctx_.nodes, StructType::LI);
    const std::int32_t label = ctx_.nodes.add(StructNode(StructType::Lbl));
    {
      const OpenNode body(ctx_.nodes, StructType::LBody);
      if (item.children.empty()) {
        // an empty item still shows its marker
        Fragment f;
        content(std::move(f), region_.body.leading, region_.body.leading * 0.75f, region_.left);
      } else {
        blocks(item.children);
      }
    }
    afterParagraph_ = false;
    // The marker hangs in the indent, on the first line's baseline.
    std::size_t k = firstItem;
    while (k < out_.items.size() && out_.items[k].kind != VKind::Content) ++k;
    if (k >= out_.items.size() || !drawMarkers) continue;
    VItem& target = out_.items[k];
    Fragment& frag = out_.fragments[static_cast<std::size_t>(target.fragment)];
    // The marker's edge nearer the text: its right end, or its left end right to left.
    const float markerEdge = rtl ? region_.left + region_.width + st.listIndent * 0.3f : region_.left - st.listIndent * 0.3f;
    const float baseline = target.baseline;
    if (item.task != TaskState::None) {
      // A check box drawn as lines: crisp at any size, and it needs no font.
      const float s = region_.body.size * 0.72f;
      const float x0 = (rtl ? markerEdge : markerEdge - s) - target.x;
      const float y0 = baseline - s * 0.95f;
      frag.rects.push_back(outlineRect(x0, y0, s, s, 0.6f, region_.body.color));
      if (item.task == TaskState::Done) {
        frag.lines.push_back({x0 + s * 0.2f, y0 + s * 0.55f, x0 + s * 0.42f, y0 + s * 0.78f, 1.0f, st.accent});
        frag.lines.push_back({x0 + s * 0.42f, y0 + s * 0.78f, x0 + s * 0.85f, y0 + s * 0.22f, 1.0f, st.accent});
      }
    } else {
      const std::string marker = ordered ? std::to_string(number) + "." : std::string(bullet);
      TextStyle ms = region_.body;
      ms.italic = false;
      if (!ordered) ms.color = st.accent;
      ItemList items = plainItems(ctx_, ms, marker, false);
      ParagraphShape shape;
      shape.align = Align::Left;
      shape.leading = ms.leading;
      shape.widths = {200};
      std::vector<SetLine> ml = setParagraph(ctx_, items, shape);
      if (!ml.empty()) {
        Fragment& m = ml[0].content;
        const float w = ml[0].naturalWidth;
        // A right-to-left list's number is set right to left, as the bidi algorithm sets "1."
        // in a right-to-left paragraph and browsers draw the EPUB's markers: ".1", read "1.".
        // (A bullet reads the same either way.)
        if (rtl && ordered)
          for (TextRun& r : m.runs)
            if (!r.rtl) setRightToLeftLabel(ctx_, r);
        stamp(m, label);
        // The label reads before its item: its runs first in the line's content, where a
        // reader that takes the page's content in order (pdftotext -raw) finds them.
        const auto before = static_cast<std::ptrdiff_t>(frag.runs.size());
        frag.append(m, (rtl ? markerEdge : markerEdge - w) - target.x, baseline - ml[0].baseline);
        std::rotate(frag.runs.begin(), frag.runs.begin() + before, frag.runs.end());
      }
    }
    ++number;
  }
  region_ = saved;
  afterParagraph_ = false;
  space(region_.listDepth > 0 ? 2 : st.blockSpacing * 0.6f);
}

void Flow::quote(const Block& b) {
  const Style& st = ctx_.style;
  space(st.blockSpacing);
  const Region saved = region_;
  // The bar and the wider indent are on the side the lines start: the right, right to left.
  const bool rtl = ctx_.rightToLeft;
  Frame bar;
  bar.kind = Frame::Kind::Bar;
  bar.x = rtl ? region_.left + region_.width - 1 - kQuoteBarWidth : region_.left + 1;
  bar.width = kQuoteBarWidth;
  bar.color = st.quoteBar;
  bar.padTop = 0;
  bar.padBottom = 0;
  region_.frameSet = enterFrame(bar);
  const float qi = narrowable(kQuoteIndent + 8);
  region_.left += qi * (rtl ? 8 : kQuoteIndent) / (kQuoteIndent + 8);
  region_.width -= qi;
  region_.body = st.quote;
  region_.tight = false;
  afterParagraph_ = false;
  const OpenNode node(ctx_.nodes, StructType::BlockQuote);
  bool firstChild = true;
  for (const auto& c : b.children) {
    if (firstChild && c.kind == BlockKind::Paragraph) {
      // no space above the first paragraph: the bar starts with the text
      afterParagraph_ = false;
      const bool saveTight = region_.tight;
      region_.tight = true;
      block(c);
      region_.tight = saveTight;
    } else {
      block(c);
    }
    firstChild = false;
  }
  region_ = saved;
  afterParagraph_ = false;
  space(st.blockSpacing);
}

void Flow::admonition(const Block& b) {
  const Style& st = ctx_.style;
  const std::string kind = admonitionName(b.admonition);
  Color color = st.accent;
  if (auto it = st.admonitionColors.find(kind); it != st.admonitionColors.end()) color = it->second;
  space(st.blockSpacing + kBoxPadY);
  const Region saved = region_;
  Frame bg;
  bg.kind = Frame::Kind::Background;
  bg.x = region_.left;
  bg.width = region_.width;
  bg.color = mix(color, Color{1, 1, 1}, 0.92f);
  bg.padTop = kBoxPadY;
  bg.padBottom = kBoxPadY;
  region_.frameSet = enterFrame(bg);
  // The bar on the side the lines start: the right, right to left.
  const bool rtl = ctx_.rightToLeft;
  Frame bar = bg;
  bar.kind = Frame::Kind::Bar;
  bar.width = kBoxBarWidth;
  if (rtl) bar.x = bg.x + bg.width - kBoxBarWidth;
  bar.color = color;
  region_.frameSet = enterFrame(bar);
  const float bi = narrowable(2 * kBoxPadX + kBoxBarWidth);
  region_.left += bi * (rtl ? kBoxPadX : kBoxPadX + kBoxBarWidth) / (2 * kBoxPadX + kBoxBarWidth);
  region_.width -= bi;
  region_.tight = false;
  const OpenNode node(ctx_.nodes, StructType::Div);

  std::vector<Inline> title = b.inlines;
  if (title.empty() || trim(plainText(title)).empty()) {
    title = {Inline::makeText(ctx_.label("admonition_" + kind))};
  }
  TextStyle ts = region_.body;
  ts.bold = true;
  ts.italic = false;
  ts.color = color;
  paragraph(title, ts, Align::Left, 0, 0, false);
  keepWithNext();
  afterParagraph_ = false;
  const bool saveTight = region_.tight;
  region_.tight = true;  // the body follows the title closely
  bool first = true;
  for (const auto& c : b.children) {
    block(c);
    if (first) region_.tight = saveTight;
    first = false;
  }
  region_ = saved;
  afterParagraph_ = false;
  space(st.blockSpacing + kBoxPadY);
}

void Flow::details(const Block& b) {
  space(ctx_.style.blockSpacing * 0.5f);
  const OpenNode node(ctx_.nodes, StructType::Div);
  if (!b.inlines.empty()) {
    TextStyle ts = region_.body;
    ts.bold = true;
    std::vector<Inline> summary{Inline::makeText("\u25B8 ")};
    summary.insert(summary.end(), b.inlines.begin(), b.inlines.end());
    paragraph(summary, ts, Align::Left, 0, 0, false);
    keepWithNext();
  }
  afterParagraph_ = false;
  blocks(b.children);
  afterParagraph_ = false;
}

void Flow::htmlFallback(const Block& b) {
  const Style& st = ctx_.style;
  // Readable text of HTML that could not be converted: paragraphs split at blank lines.
  std::string text = b.text;
  std::size_t pos = 0;
  bool any = false;
  while (pos <= text.size()) {
    std::size_t next = text.find("\n\n", pos);
    std::string part = text.substr(pos, next == std::string::npos ? std::string::npos : next - pos);
    if (!trim(part).empty()) {
      space(any ? st.paragraphSpacing : st.blockSpacing * 0.5f);
      paragraph({Inline::makeText(part)}, region_.body, st.justify ? Align::Justify : Align::Left, 0, 0, true);
      any = true;
    }
    if (next == std::string::npos) break;
    pos = next + 2;
  }
  afterParagraph_ = any;
}

}  // namespace pp::typeset
