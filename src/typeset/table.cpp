// Tables: column widths from the content (the widest cell's natural width, shrunk towards the
// narrowest it can be set when the table would be too wide), cells wrapped, smaller type when
// even the narrowest settings do not fit, the header row repeated after a page break, never
// wider than the column.
#include <algorithm>
#include <iterator>
#include <numeric>

#include "typeset/flow.h"

namespace pp::typeset {

namespace {

constexpr float kCellPadX = 4.5f;
constexpr float kCellPadY = 3.2f;
// Type sizes tried, relative to the table role, before giving up and breaking inside words.
constexpr float kShrinkSteps[] = {1.0f, 0.92f, 0.85f, 0.78f, 0.72f};
// A table whose natural width is at least this share of the column is stretched to the full
// column (its columns gain in proportion); narrower tables keep their natural width.
constexpr float kStretchWhenWiderThan = 0.6f;
constexpr float kOuterRule = 0.8f;
constexpr float kMinCellChars = 3;
constexpr float kInnerRule = 0.35f;

// A cell's alignment as the source asks, else the start of its lines: the left, or the right
// in a right-to-left table.
Align cellAlign(const Block& b, std::size_t col, bool rtl) {
  switch (col < b.aligns.size() ? b.aligns[col] : pp::Align::None) {
    case pp::Align::Center: return Align::Center;
    case pp::Align::Right: return Align::Right;
    case pp::Align::Left: return Align::Left;
    default: return rtl ? Align::Right : Align::Left;
  }
}

}  // namespace

void Flow::table(const Block& b) {
  const Style& st = ctx_.style;
  std::size_t cols = 0;
  for (const auto& r : b.rows) cols = std::max(cols, r.cells.size());
  if (cols == 0) return;
  const float avail = region_.width;
  // More columns than any grid can show in the column (each would be narrower than a few
  // characters even in the smallest type): the rows become paragraphs, cells separated by
  // bars, so that every word stays readable and inside the text block.
  const float smallest = st.table.size * kShrinkSteps[std::size(kShrinkSteps) - 1];
  if (avail / static_cast<float>(cols) < 2 * kCellPadX + kMinCellChars * 0.5f * smallest) {
    tableAsParagraphs(b);
    return;
  }

  // Cell items at the chosen size; rebuilt at each size tried.
  std::vector<std::vector<ItemList>> cells;
  std::vector<float> minW(cols), maxW(cols);
  TextStyle ts = st.table;
  // Structure: Table > TR > TH (scope column) / TD, made again with each size tried (the
  // nodes of a size not kept get no content and are left out of the tree).
  std::vector<std::vector<std::int32_t>> cellNodes;
  // A table without a header row (HTML tables often have none) is read with its first row as
  // the column headers: a data table needs header cells (PDF/UA 7.5).
  const bool anyHeader = std::any_of(b.rows.begin(), b.rows.end(), [](const TableRow& row) { return row.header; });
  for (float k : kShrinkSteps) {
    ts = st.table;
    ts.size *= k;
    ts.leading *= k;
    cells.assign(b.rows.size(), {});
    cellNodes.assign(b.rows.size(), {});
    const OpenNode tableScope(ctx_.nodes, StructType::Table);
    std::fill(minW.begin(), minW.end(), 2 * kCellPadX + 6);
    std::fill(maxW.begin(), maxW.end(), 2 * kCellPadX + 6);
    for (std::size_t r = 0; r < b.rows.size(); ++r) {
      const TableRow& row = b.rows[r];
      TextStyle cellStyle = ts;
      if (row.header) cellStyle.bold = true;
      const OpenNode rowNode(ctx_.nodes, StructType::TR);
      for (std::size_t c = 0; c < cols; ++c) {
        const OpenNode cellNode(ctx_.nodes, row.header || (!anyHeader && r == 0) ? StructNode::header(1)
                                                       : StructNode(StructType::TD));
        cellNodes[r].push_back(cellNode.id());
        InlineBuilder builder(ctx_, cellStyle, false);
        if (c < row.cells.size()) builder.add(row.cells[c].content);
        cells[r].push_back(builder.finish());
        const NaturalWidths nw = naturalWidths(cells[r].back());
        minW[c] = std::max(minW[c], nw.min + 2 * kCellPadX);
        maxW[c] = std::max(maxW[c], nw.max + 2 * kCellPadX);
      }
    }
    const float sumMin = std::accumulate(minW.begin(), minW.end(), 0.0f);
    if (sumMin <= avail) break;
  }
  const float sumMin = std::accumulate(minW.begin(), minW.end(), 0.0f);
  const float sumMax = std::accumulate(maxW.begin(), maxW.end(), 0.0f);
  std::vector<float> w(cols);
  if (sumMax <= avail) {
    const float extra = sumMax >= avail * kStretchWhenWiderThan ? avail - sumMax : 0;
    for (std::size_t c = 0; c < cols; ++c) w[c] = maxW[c] + extra * maxW[c] / sumMax;
  } else if (sumMin <= avail) {
    const float k = (avail - sumMin) / std::max(1e-3f, sumMax - sumMin);
    for (std::size_t c = 0; c < cols; ++c) w[c] = minW[c] + (maxW[c] - minW[c]) * k;
  } else {
    // Even the narrowest settings overflow: share the width by need and break inside words.
    for (std::size_t c = 0; c < cols; ++c) w[c] = avail * minW[c] / sumMin;
  }
  float total = std::accumulate(w.begin(), w.end(), 0.0f);
  if (total > avail) {  // rounding: never wider than the column
    for (auto& x : w) x *= avail / total;
    total = avail;
  }

  space(st.blockSpacing);
  const int tableId = static_cast<int>(out_.tableHeaders.size());
  out_.tableHeaders.push_back({});
  const std::size_t rows = b.rows.size();
  bool sawBody = false;
  for (std::size_t r = 0; r < rows; ++r) {
    const bool header = b.rows[r].header;
    Fragment f;
    float rowH = 0;
    std::vector<std::vector<SetLine>> set(cols);
    for (std::size_t c = 0; c < cols; ++c) {
      ParagraphShape shape;
      shape.align = cellAlign(b, c, ctx_.rightToLeft);
      shape.leading = ts.leading;
      shape.allowHyphens = true;
      shape.widths = {std::max(4.0f, w[c] - 2 * kCellPadX)};
      set[c] = setParagraph(ctx_, cells[r][c], shape);
      float h = 0;
      for (const auto& l : set[c]) h += l.height;
      rowH = std::max(rowH, h);
    }
    if (rowH <= 0) rowH = ts.leading;
    rowH += 2 * kCellPadY;
    if (header) {
      FillRect bg;
      bg.x = 0;
      bg.y = 0;
      bg.width = total;
      bg.height = rowH;
      bg.fillColor = st.tableHeaderBackground;
      f.rects.push_back(bg);
    }
    // Columns run from the left edge, or right to left from the right edge (the first column
    // at the right).
    float x = 0;
    for (std::size_t c = 0; c < cols; ++c) {
      const FragmentSizes before(f);
      const float cellX = ctx_.rightToLeft ? total - x - w[c] : x;
      stackLines(f, set[c], cellX + kCellPadX, kCellPadY);
      stampSince(f, before, cellNodes[r][c]);
      x += w[c];
    }
    if (r == 0) f.lines.push_back({0, 0, total, 0, kOuterRule, st.tableRule});
    const bool lastRow = r + 1 == rows;
    const float ruleW = lastRow ? kOuterRule : (header ? 0.6f : kInnerRule);
    f.lines.push_back({0, rowH, total, rowH, ruleW, st.tableRule});

    VItem it;
    it.kind = VKind::Content;
    it.height = rowH;
    it.baseline = kCellPadY + ts.leading * 0.75f;
    it.x = ctx_.rightToLeft ? region_.left + region_.width - total : region_.left;
    it.fragment = out_.addFragment(std::move(f));
    it.headerGroup = tableId;
    it.isHeaderRow = header;
    // The header stays with the first body row; a two-row table stays together.
    if (r > 0 && (header || !sawBody || rows <= 2)) it.penaltyBefore = kInfinity;
    if (!header) sawBody = true;
    const std::size_t index = out_.items.size();
    push(std::move(it));
    if (header) out_.tableHeaders[static_cast<std::size_t>(tableId)].push_back(static_cast<int>(index));
  }
  afterParagraph_ = false;
  space(st.blockSpacing);
}

void Flow::tableAsParagraphs(const Block& b) {
  const Style& st = ctx_.style;
  space(st.blockSpacing);
  TextStyle ts = st.table;
  for (const auto& row : b.rows) {
    std::vector<Inline> line;
    for (std::size_t c = 0; c < row.cells.size(); ++c) {
      if (c) line.push_back(Inline::makeText(" \u2502 "));
      if (row.header) {
        Inline strong;
        strong.kind = InlineKind::Strong;
        strong.children = row.cells[c].content;
        line.push_back(std::move(strong));
      } else {
        line.insert(line.end(), row.cells[c].content.begin(), row.cells[c].content.end());
      }
    }
    paragraph(line, ts, Align::Left, 0, 0, true);
    space(ts.leading * 0.3f);
  }
  afterParagraph_ = false;
  space(st.blockSpacing);
}

}  // namespace pp::typeset
