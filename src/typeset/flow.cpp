// The flow's core: the region being set, the vertical list's items with their keeps, anchors
// and frames, paragraphs and headings, and the dispatch of blocks to their kinds (lists,
// quotes, admonitions: containers.cpp; code: code_block.cpp; tables: table.cpp; figures:
// figure.cpp; footnotes: footnotes.cpp).
#include "typeset/flow.h"

#include <algorithm>
#include <cmath>

#include "postpress/support/text.h"
#include "typeset/canvas.h"

namespace pp::typeset {

std::string outlineText(const std::vector<Inline>& inlines) { return collapseSpaces(plainText(inlines)); }

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
  if (item.fragment >= 0) stamp(out_.fragments[static_cast<std::size_t>(item.fragment)], ctx_.nodes.current());
  if (item.kind != VKind::Space && item.kind != VKind::PageBreak) {
    if (sectionPending_) {
      item.startsSection = true;
      sectionPending_ = false;
    }
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
  sectionPending_ = true;
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

// The box draws into the node open here (its structure). Body pages are drawn while later
// parts are being joined, so a body box must not make nodes when drawn (their numbers would
// follow the threads' timing): the caller opens them around the box instead.
void Flow::customBox(float height, std::function<void(Canvas&)> draw) {
  VItem it;
  it.kind = VKind::Box;
  it.height = height;
  it.x = region_.left;
  out_.boxes.push_back({std::move(draw), region_.left, region_.width, ctx_.nodes.current(), ctx_.rightToLeftLayout});
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
                     float indent, float firstIndent, bool hyphenate, const Block* source, StructType role,
                     std::string_view label) {
  if (role >= StructType::H1 && role <= StructType::H6) role = headingNode(static_cast<int>(role) - static_cast<int>(StructType::H1) + 1, false);
  // The label's node first: it reads before the paragraph, its sibling.
  const std::int32_t labelNode = !label.empty() && ctx_.nodes.active() ? ctx_.nodes.add(StructNode(StructType::Lbl)) : tags::kUntagged;
  const OpenNode node(ctx_.nodes, role);
  InlineBuilder builder(ctx_, style, align == Align::Justify);
  if (!label.empty()) builder.label(label, labelNode);
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
  // Lines beside the aside are narrower; the first line may be indented. Right to left, the
  // indents are at the right, where the lines start: every line's measure starts at the left
  // edge (a right-to-left line is set at its measure's right end), the first one's shortened
  // by its indent or lengthened by its hang (a note's number), the others' by `indent`.
  const bool rtl = list.rtl;
  constexpr float kAsideGap = 10;
  const int asideLines = aside ? static_cast<int>(std::ceil((aside->height + 2) / style.leading)) : 0;
  const int shaped = std::max(asideLines, 1);
  for (int i = 0; i < shaped; ++i) {
    float w = width;
    if (i < asideLines) w -= aside->width + kAsideGap;
    if (i == 0) w -= firstIndent;
    shape.widths.push_back(std::max(24.0f, w));
    shape.offsets.push_back(i == 0 && !rtl ? firstIndent : 0);
  }
  shape.widths.push_back(width);
  shape.offsets.push_back(0);
  std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
  if (lines.empty()) return;
  const float left = region_.left + (rtl ? 0 : indent);
  if (!aside) {
    setLines(lines, left, false);
    return;
  }
  // The aside is drawn with the first line, and the narrowed lines stay on its page.
  Fragment drawn;
  drawIntoFragment(ctx_, drawn, width, [&](Canvas& c) { aside->draw(c, width - aside->width, 0); });
  lines.front().content.append(drawn, 0, 0);
  const std::size_t n = lines.size();
  const std::size_t firstIndex = out_.items.size();
  setLines(lines, left, false);
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

bool Flow::headingLines(const std::vector<Inline>& inlines, const TextStyle& style) {
  InlineBuilder builder(ctx_, style, false);
  builder.add(inlines);
  ItemList list = builder.finish();
  if (list.items.empty()) return false;
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = style.leading;
  shape.allowHyphens = false;
  shape.widths = {region_.width};
  std::vector<SetLine> lines = setParagraph(ctx_, list, shape);
  setLines(lines, region_.left, true);
  return true;
}

void Flow::headingText(const std::string& text, const TextStyle& style, const std::string& anchorName,
                       int level, bool withOutline) {
  sectionPending_ = true;
  space(style.spaceBefore);
  if (!anchorName.empty()) anchor(anchorName);
  const OpenNode node(ctx_.nodes, headingNode(level, false));
  if (!headingLines({Inline::makeText(text)}, style)) return;
  if (outline && withOutline && !anchorName.empty())
    outline->push_back({text, level, anchorName});
  keepWithNext();
  space(style.spaceAfter);
}

void Flow::heading(const std::vector<Inline>& inlines, int level, const std::string& id, bool withOutline) {
  level = std::clamp(level, 1, 6);
  const TextStyle& hs = ctx_.style.headings[level - 1];
  sectionPending_ = true;
  std::string anchorName;
  if (!id.empty() && !partAnchor_.empty()) anchorName = partAnchor_ + "/" + id;
  space(hs.spaceBefore);
  if (!anchorName.empty()) anchor(anchorName);
  const OpenNode node(ctx_.nodes, headingNode(level, text_ != nullptr));
  if (!headingLines(inlines, hs)) return;
  if (outline && withOutline && !anchorName.empty()) {
    std::string title = outlineText(inlines);
    if (!title.empty()) outline->push_back({title, level, anchorName});
  }
  keepWithNext();
  space(hs.spaceAfter);
}

bool Flow::introducesNext(const Block& b, std::size_t lines) {
  if (lines == 1) return true;
  const std::string text = plainText(b.inlines);
  std::string_view t = trim(text);
  return t.ends_with(":") || t.ends_with("\uFF1A");  // and the full-width colon of CJK text
}

void Flow::beginPart(int owner, const Document* text, const std::string& anchor) {
  owner_ = owner;
  text_ = text;
  partAnchor_ = anchor;
  sectionPending_ = true;
  footnoteIds_.clear();
  endFootnotes_.clear();
  afterParagraph_ = false;
  textLevels_.clear();
  if (text)
    forEachBlock(text->blocks, [&](const Block& b) {
      if (b.kind == BlockKind::Heading) textLevels_.push_back(std::clamp(b.level, 1, 6));
    });
  std::sort(textLevels_.begin(), textLevels_.end());
  textLevels_.erase(std::unique(textLevels_.begin(), textLevels_.end()), textLevels_.end());
  lastHeading_ = 0;
}

StructType Flow::headingNode(int level, bool ofText) {
  int n = level;
  if (ofText) {
    // Below the post's title (H1): the text's first level is H2, the next H3...
    const auto at = std::lower_bound(textLevels_.begin(), textLevels_.end(), level);
    n = 2 + static_cast<int>(at - textLevels_.begin());
  }
  n = std::clamp(n, 1, std::min(6, lastHeading_ + 1));
  lastHeading_ = n;
  return static_cast<StructType>(static_cast<int>(StructType::H1) + n - 1);
}

void Flow::endPart() {
  sectionPending_ = true;
  footnotesAtEnd();
  owner_ = -1;
  text_ = nullptr;
  partAnchor_.clear();
}

float Flow::narrowable(float indent) const {
  // Nested blocks indent until the column is a third of the text block, then stop indenting.
  const float minWidth = ctx_.style.textWidth() / 3;
  return std::max(0.0f, std::min(indent, region_.width - minWidth));
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
      if (picturesOf(b, paraAfterPara)) return;
      // Lines broken by hand ("Time: ..." / "Location: ...") are set as they were written: a
      // hard break starts no paragraph, so neither does the first of those lines get an indent.
      const bool brokenByHand = std::any_of(b.inlines.begin(), b.inlines.end(),
                                            [](const Inline& in) { return in.kind == InlineKind::HardBreak; });
      const bool indentFirst = paraAfterPara && st.paragraphIndent > 0 && st.paragraphSpacing <= 0 &&
                               region_.listDepth == 0 && !brokenByHand;
      if (paraAfterPara) space(region_.tight ? 0 : st.paragraphSpacing);
      else space(region_.tight ? 0 : st.blockSpacing * 0.5f);
      const std::size_t first = out_.items.size();
      paragraph(b.inlines, region_.body, st.justify ? Align::Justify : Align::Left, 0,
                indentFirst ? st.paragraphIndent : 0, true, &b);
      if (introducesNext(b, out_.items.size() - first)) leadInEnd_ = out_.items.size();
      afterParagraph_ = true;
      return;
    }
    case BlockKind::Heading: heading(b.inlines, b.level, b.id, true); return;
    case BlockKind::BulletList:
    case BlockKind::OrderedList: list(b); return;
    case BlockKind::ListItem: blocks(b.children); return;  // only inside lists normally
    case BlockKind::Quote: quote(b); return;
    case BlockKind::Code: codeBlock(b); return;
    case BlockKind::MathBlock: mathBlock(b); return;
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

}  // namespace pp::typeset
