#include "typeset/flow.h"

#include <algorithm>
#include <cmath>

#include "typeset/canvas.h"
#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

// Quotes: the text moves in by this much, the bar sits in the gap.
constexpr float kQuoteIndent = 16;
constexpr float kQuoteBarWidth = 2.2f;
// Admonition boxes: inner padding and bar width.
constexpr float kBoxPadX = 12;
constexpr float kBoxPadY = 8;
constexpr float kBoxBarWidth = 3;
// Footnotes taller than this share of the text block go to the post's end instead of the
// page foot (a page whose foot is mostly notes reads badly and may not fit at all). So do the
// notes of one line past that share together: a line marking hundreds of notes cannot have
// them all at its page's foot (they ran off the top of the page).
constexpr float kMaxPageFootnoteShare = 0.3f;

Color mix(Color a, Color b, float t) {
  return {a.r + (b.r - a.r) * t, a.g + (b.g - a.g) * t, a.b + (b.b - a.b) * t};
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

std::string outlineText(const std::vector<Inline>& inlines) {
  std::string s = plainText(inlines);
  std::string out;
  bool space = false;
  for (char c : s) {
    if (c == '\n' || c == '\t' || c == '\r' || c == ' ') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

Flow::Flow(Context& ctx, VList& out) : ctx_(ctx), out_(out) {
  region_.width = ctx.style.textWidth();
  region_.body = ctx.style.body;
}

void Flow::push(VItem item) {
  if (keepNext_) {
    item.penaltyBefore = kInfinity;
    if (item.kind != VKind::Space) keepNext_ = false;
  }
  if (item.frameSet < 0) item.frameSet = region_.frameSet;
  item.owner = owner_;
  if (item.kind != VKind::Space && item.kind != VKind::PageBreak) {
    if (!pendingAnchors_.empty()) {
      for (auto& a : pendingAnchors_) item.anchors.push_back(std::move(a));
      pendingAnchors_.clear();
    }
    if (openingPending_) {
      item.opensPart = true;
      openingPending_ = false;
    }
  }
  out_.items.push_back(std::move(item));
}

void Flow::space(float pt) {
  if (pt <= 0) return;
  if (!out_.items.empty()) {
    VItem& last = out_.items.back();
    if (last.kind == VKind::Space && last.frameSet == region_.frameSet) {
      last.height = std::max(last.height, pt);  // spaces collapse, as CSS margins do
      return;
    }
  }
  VItem s;
  s.kind = VKind::Space;
  s.height = pt;
  push(std::move(s));
}

void Flow::pageBreak() {
  VItem b;
  b.kind = VKind::PageBreak;
  keepNext_ = false;
  push(std::move(b));
}

void Flow::content(Fragment f, float height, float baseline, float x, int penaltyBefore) {
  VItem it;
  it.kind = VKind::Content;
  it.height = height;
  it.baseline = baseline;
  it.x = x;
  it.fragment = out_.addFragment(std::move(f));
  it.penaltyBefore = penaltyBefore;
  push(std::move(it));
}

void Flow::customBox(float height, std::function<void(Canvas&)> draw) {
  VItem it;
  it.kind = VKind::Box;
  it.height = height;
  it.x = region_.left;
  out_.boxes.push_back({std::move(draw), region_.left, region_.width});
  it.box = static_cast<int>(out_.boxes.size() - 1);
  push(std::move(it));
}

void Flow::rule(Color color, float width, float length) {
  Fragment f;
  const float x = region_.left + (region_.width - length) / 2;
  f.lines.push_back({x, width / 2, x + length, width / 2, width, color});
  content(std::move(f), width, 0, 0);
}

int Flow::enterFrame(const Frame& f) {
  out_.frames.push_back(f);
  std::vector<int> set;
  if (region_.frameSet >= 0) set = out_.frameSets[static_cast<std::size_t>(region_.frameSet)];
  set.push_back(static_cast<int>(out_.frames.size() - 1));
  out_.frameSets.push_back(std::move(set));
  return static_cast<int>(out_.frameSets.size() - 1);
}

void Flow::setLines(std::vector<SetLine>& lines, float x, bool keepTogether) {
  const std::size_t n = lines.size();
  for (std::size_t k = 0; k < n; ++k) {
    SetLine& line = lines[k];
    // No orphans (a first line alone at a page foot) and no widows (a last line alone at the
    // top of the next page): the page may not break after the first or before the last line.
    int penalty = 0;
    if (k > 0 && (keepTogether || k == 1 || k == n - 1)) penalty = kInfinity;
    VItem it;
    it.kind = VKind::Content;
    it.height = line.height;
    it.baseline = line.baseline;
    it.x = x;
    it.penaltyBefore = penalty;
    if (!line.footnotes.empty()) it.footnotes = footnoteBlocks(line.footnotes);
    it.fragment = out_.addFragment(std::move(line.content));
    if (k == 0) {
      push(std::move(it));
    } else {
      // lines of one paragraph never inherit a keep of the previous block
      const bool keep = keepNext_;
      keepNext_ = false;
      push(std::move(it));
      keepNext_ = keep;
    }
  }
}

void Flow::paragraph(const std::vector<Inline>& inlines, const TextStyle& style, Align align,
                     float indent, float firstIndent, bool hyphenate, const Block* source) {
  InlineBuilder builder(ctx_, style, align == Align::Justify);
  builder.add(inlines);
  ItemList list = builder.finish();
  if (list.items.empty()) return;

  const float width = std::max(36.0f, region_.width - indent);
  ParagraphShape shape;
  shape.align = align;
  shape.leading = style.leading;
  shape.allowHyphens = hyphenate;
  std::optional<Aside> aside;
  if (source && asideFor) aside = asideFor(*source);
  if (aside && !(aside->width > 0 && aside->width < width / 2 && aside->draw)) aside.reset();
  // Lines beside the aside are narrower; the first line may be indented.
  constexpr float kAsideGap = 10;
  const int asideLines = aside ? static_cast<int>(std::ceil((aside->height + 2) / style.leading)) : 0;
  const int shaped = std::max(asideLines, 1);
  for (int i = 0; i < shaped; ++i) {
    float w = width;
    if (i < asideLines) w -= aside->width + kAsideGap;
    if (i == 0) w -= firstIndent;
    shape.widths.push_back(std::max(24.0f, w));
    shape.offsets.push_back(i == 0 ? firstIndent : 0);
  }
  shape.widths.push_back(width);
  shape.offsets.push_back(0);
  std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
  if (lines.empty()) return;
  if (!aside) {
    setLines(lines, region_.left + indent, false);
    return;
  }
  // The aside is drawn with the first line, and the narrowed lines stay on its page.
  Fragment drawn;
  drawIntoFragment(ctx_, drawn, width, [&](Canvas& c) { aside->draw(c, width - aside->width, 0); });
  lines.front().content.append(drawn, 0, 0);
  const std::size_t n = lines.size();
  const std::size_t firstIndex = out_.items.size();
  setLines(lines, region_.left + indent, false);
  for (std::size_t k = 1; k <= static_cast<std::size_t>(asideLines) && k < n; ++k)
    out_.items[firstIndex + k].penaltyBefore = kInfinity;
  // A paragraph shorter than its aside: keep the space the aside needs below it.
  float linesHeight = 0;
  for (std::size_t k = firstIndex; k < out_.items.size(); ++k) linesHeight += out_.items[k].height;
  if (linesHeight < aside->height) {
    VItem pad;
    pad.kind = VKind::Content;
    pad.height = aside->height - linesHeight;
    pad.fragment = out_.addFragment({});
    pad.penaltyBefore = kInfinity;
    push(std::move(pad));
  }
}

void Flow::headingText(const std::string& text, const TextStyle& style, const std::string& anchorName,
                       int outlineLevel) {
  std::vector<Inline> in{Inline::makeText(text)};
  space(style.spaceBefore);
  if (!anchorName.empty()) anchor(anchorName);
  InlineBuilder builder(ctx_, style, false);
  builder.add(in);
  ItemList list = builder.finish();
  if (list.items.empty()) return;
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = style.leading;
  shape.allowHyphens = false;
  shape.widths = {region_.width};
  std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
  setLines(lines, region_.left, true);
  if (outline && outlineLevel >= 0 && !anchorName.empty())
    outline->push_back({text, outlineLevel, anchorName});
  keepWithNext();
  space(style.spaceAfter);
}

void Flow::heading(const std::vector<Inline>& inlines, int level, const std::string& id, bool withOutline) {
  level = std::clamp(level, 1, 6);
  const TextStyle& hs = ctx_.style.headings[level - 1];
  std::string anchorName;
  if (!id.empty() && !partAnchor_.empty()) anchorName = partAnchor_ + "/" + id;
  space(hs.spaceBefore);
  if (!anchorName.empty()) anchor(anchorName);
  InlineBuilder builder(ctx_, hs, false);
  builder.add(inlines);
  ItemList list = builder.finish();
  if (list.items.empty()) return;
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = hs.leading;
  shape.allowHyphens = false;
  shape.widths = {region_.width};
  std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
  setLines(lines, region_.left, true);
  if (outline && withOutline && !anchorName.empty()) {
    std::string title = outlineText(inlines);
    if (!title.empty()) outline->push_back({title, level, anchorName});
  }
  keepWithNext();
  space(hs.spaceAfter);
}

void Flow::beginPart(int owner, const Document* text, const std::string& anchor) {
  owner_ = owner;
  text_ = text;
  partAnchor_ = anchor;
  footnoteIds_.clear();
  endFootnotes_.clear();
  afterParagraph_ = false;
}

void Flow::endPart() {
  footnotesAtEnd();
  owner_ = -1;
  text_ = nullptr;
  partAnchor_.clear();
}

std::vector<int> Flow::footnoteBlocks(const std::vector<int>& numbers) {
  std::vector<int> ids;
  if (!text_) return ids;
  const bool atEnd = ctx_.style.footnotePlacement == "post";
  float lineTotal = 0;  // height of this line's notes kept for the page foot
  for (int n : numbers) {
    if (n < 1 || static_cast<std::size_t>(n) > text_->footnotes.size()) continue;
    if (footnoteIds_.count(n) ||
        std::find(endFootnotes_.begin(), endFootnotes_.end(), n) != endFootnotes_.end())
      continue;  // referenced before: the note is already placed
    if (atEnd) {
      endFootnotes_.push_back(n);
      continue;
    }
    const Footnote& fn = text_->footnotes[static_cast<std::size_t>(n - 1)];
    std::vector<Inline> text;
    text.push_back(Inline::makeText(std::to_string(n) + ".\u2002"));
    for (const auto& b : fn.blocks) {
      if (!text.empty() && text.size() > 1) text.push_back(Inline::makeText(" "));
      if (b.kind == BlockKind::Paragraph) {
        text.insert(text.end(), b.inlines.begin(), b.inlines.end());
      } else {
        text.push_back(Inline::makeText(plainText(b)));
      }
    }
    InlineBuilder builder(ctx_, ctx_.style.footnote, ctx_.style.justify);
    builder.add(text);
    ItemList list = builder.finish();
    ParagraphShape shape;
    shape.align = ctx_.style.justify ? Align::Justify : Align::Left;
    shape.leading = ctx_.style.footnote.leading;
    shape.widths = {ctx_.style.textWidth()};
    std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
    FootnoteBlock block;
    float y = 0;
    for (auto& l : lines) {
      block.content.append(l.content, 0, y);
      y += l.height;
    }
    block.height = y;
    if (lineTotal + block.height > ctx_.style.textHeight() * kMaxPageFootnoteShare) {
      endFootnotes_.push_back(n);
      continue;
    }
    lineTotal += block.height;
    block.anchor = partAnchor_ + "/fn-" + std::to_string(n);
    out_.footnotes.push_back(std::move(block));
    const int id = static_cast<int>(out_.footnotes.size() - 1);
    footnoteIds_[n] = id;
    ids.push_back(id);
  }
  return ids;
}

void Flow::footnotesAtEnd() {
  if (endFootnotes_.empty() || !text_) return;
  std::sort(endFootnotes_.begin(), endFootnotes_.end());
  space(ctx_.style.blockSpacing * 2);
  // A short rule, then the notes in the footnote role.
  Fragment f;
  f.lines.push_back({region_.left, 0.25f, region_.left + region_.width * 0.25f, 0.25f, 0.5f, ctx_.style.rule});
  content(std::move(f), 0.5f, 0, 0);
  keepWithNext();
  space(ctx_.style.footnote.leading * 0.5f);
  for (int n : endFootnotes_) {
    const Footnote& fn = text_->footnotes[static_cast<std::size_t>(n - 1)];
    std::vector<Inline> text;
    text.push_back(Inline::makeText(std::to_string(n) + ".\u2002"));
    for (const auto& b : fn.blocks) {
      if (text.size() > 1) text.push_back(Inline::makeText(" "));
      if (b.kind == BlockKind::Paragraph) text.insert(text.end(), b.inlines.begin(), b.inlines.end());
      else text.push_back(Inline::makeText(plainText(b)));
    }
    anchor(partAnchor_ + "/fn-" + std::to_string(n));
    paragraph(text, ctx_.style.footnote, ctx_.style.justify ? Align::Justify : Align::Left, 0, 0, true);
    space(2);
  }
  endFootnotes_.clear();
}

float Flow::narrowable(float indent) const {
  // Nested blocks indent until the column is a third of the text block, then stop indenting.
  const float minWidth = ctx_.style.textWidth() / 3;
  return std::max(0.0f, std::min(indent, region_.width - minWidth));
}

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

void Flow::blocks(const std::vector<Block>& bs) {
  for (const auto& b : bs) block(b);
}

void Flow::block(const Block& b) {
  // Hostile nesting (lists in quotes in lists... thousands deep) must not exhaust the stack
  // or the width: past a depth, a block's text is set as a plain paragraph.
  if (depth_ >= kMaxNesting && !b.children.empty()) {
    paragraph({Inline::makeText(plainText(b))}, region_.body, Align::Left, 0, 0, true);
    return;
  }
  struct DepthGuard {
    int& d;
    explicit DepthGuard(int& depth) : d(depth) { ++d; }
    ~DepthGuard() { --d; }
  } guard(depth_);
  const Style& st = ctx_.style;
  const bool paraAfterPara = afterParagraph_;
  afterParagraph_ = false;
  switch (b.kind) {
    case BlockKind::Paragraph: {
      if (splitAtLargeImages(b, paraAfterPara)) return;
      const Inline* img = nullptr;
      if (onlyImage(b.inlines, &img)) {
        // An image alone in its paragraph is a figure.
        if (img->kind == InlineKind::Link) {
          figure(img->children[0].image, {}, img->link);
        } else {
          figure(img->image, {}, LinkTarget{});
        }
        return;
      }
      const bool indentFirst = paraAfterPara && st.paragraphIndent > 0 && st.paragraphSpacing <= 0 &&
                               region_.listDepth == 0;
      if (paraAfterPara) space(region_.tight ? 0 : st.paragraphSpacing);
      else space(region_.tight ? 0 : st.blockSpacing * 0.5f);
      paragraph(b.inlines, region_.body, st.justify ? Align::Justify : Align::Left, 0,
                indentFirst ? st.paragraphIndent : 0, true, &b);
      afterParagraph_ = true;
      return;
    }
    case BlockKind::Heading: heading(b.inlines, b.level, b.id, true); return;
    case BlockKind::BulletList:
    case BlockKind::OrderedList: list(b); return;
    case BlockKind::ListItem: blocks(b.children); return;  // only inside lists normally
    case BlockKind::Quote: quote(b); return;
    case BlockKind::Code: codeBlock(b.text, b.info); return;
    case BlockKind::MathBlock: codeBlock(b.text, "math"); return;
    case BlockKind::Table: table(b); return;
    case BlockKind::Figure: figure(b.image, b.inlines, b.link); return;
    case BlockKind::Rule: {
      space(st.blockSpacing * 1.5f);
      rule(st.rule, 0.6f, region_.width * 0.3f);
      space(st.blockSpacing * 1.5f);
      return;
    }
    case BlockKind::Admonition: admonition(b); return;
    case BlockKind::Embed: embed(b); return;
    case BlockKind::Details: details(b); return;
    case BlockKind::HtmlFallback: htmlFallback(b); return;
  }
}

void Flow::list(const Block& b) {
  const Style& st = ctx_.style;
  space(region_.listDepth > 0 ? 2 : st.blockSpacing * 0.6f);
  const Region saved = region_;
  region_.listDepth++;
  const float indent = narrowable(st.listIndent);
  // Past the depth where lists stop indenting, a marker would be drawn over its parent's
  // (hostile nesting, "- - - - item"): those lists show none.
  const bool drawMarkers = indent >= st.listIndent * 0.5f;
  region_.left += indent;
  region_.width -= indent;
  region_.tight = b.tight;
  const bool ordered = b.kind == BlockKind::OrderedList;
  long number = b.start;
  // Markers by depth: bullet, en dash, white bullet.
  static const char* const kBullets[] = {"\u2022", "\u2013", "\u25E6"};
  const char* bullet = kBullets[(saved.listDepth) % 3];
  bool first = true;
  for (const auto& item : b.children) {
    if (!first) space(b.tight ? 1.5f : st.blockSpacing * 0.6f);
    first = false;
    const std::size_t firstItem = out_.items.size();
    afterParagraph_ = false;
    if (item.children.empty()) {
      // an empty item still shows its marker
      Fragment f;
      content(std::move(f), region_.body.leading, region_.body.leading * 0.75f, region_.left);
    } else {
      blocks(item.children);
    }
    afterParagraph_ = false;
    // The marker hangs in the indent, on the first line's baseline.
    std::size_t k = firstItem;
    while (k < out_.items.size() && out_.items[k].kind != VKind::Content) ++k;
    if (k >= out_.items.size() || !drawMarkers) continue;
    VItem& target = out_.items[k];
    Fragment& frag = out_.fragments[static_cast<std::size_t>(target.fragment)];
    const float markerRight = region_.left - st.listIndent * 0.3f;
    const float baseline = target.baseline;
    if (item.task != TaskState::None) {
      // A check box drawn as lines: crisp at any size, and it needs no font.
      const float s = region_.body.size * 0.72f;
      const float x0 = markerRight - s - target.x;
      const float y0 = baseline - s * 0.95f;
      FillRect box;
      box.x = x0;
      box.y = y0;
      box.width = s;
      box.height = s;
      box.fill = false;
      box.strokeWidth = 0.6f;
      box.strokeColor = region_.body.color;
      frag.rects.push_back(box);
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
        const float w = ml[0].naturalWidth;
        frag.append(ml[0].content, markerRight - w - target.x, baseline - ml[0].baseline);
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
  Frame bar;
  bar.kind = Frame::Kind::Bar;
  bar.x = region_.left + 1;
  bar.width = kQuoteBarWidth;
  bar.color = st.quoteBar;
  bar.padTop = 0;
  bar.padBottom = 0;
  region_.frameSet = enterFrame(bar);
  const float qi = narrowable(kQuoteIndent + 8);
  region_.left += qi * kQuoteIndent / (kQuoteIndent + 8);
  region_.width -= qi;
  region_.body = st.quote;
  region_.tight = false;
  afterParagraph_ = false;
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
  Frame bar = bg;
  bar.kind = Frame::Kind::Bar;
  bar.width = kBoxBarWidth;
  bar.color = color;
  region_.frameSet = enterFrame(bar);
  const float bi = narrowable(2 * kBoxPadX + kBoxBarWidth);
  region_.left += bi * (kBoxPadX + kBoxBarWidth) / (2 * kBoxPadX + kBoxBarWidth);
  region_.width -= bi;
  region_.tight = false;

  std::vector<Inline> title = b.inlines;
  if (title.empty() || trim(plainText(title)).empty()) {
    std::string t = kind;
    if (!t.empty()) t[0] = static_cast<char>(t[0] - 'a' + 'A');
    title = {Inline::makeText(t)};
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
