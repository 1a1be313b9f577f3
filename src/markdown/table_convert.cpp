// Tables from both sources, GFM pipe tables (cmark-gfm's table extension) and HTML <table>,
// into the one Table block. Both keep at most kMaxTableColumns columns.
#include <cmark-gfm-core-extensions.h>
#include <cmark-gfm.h>

#include <algorithm>

#include "markdown/convert.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

// Appends one cell's content to `row`. Blocks cannot live in a cell: a figure hoisted out of it
// shows as its image. A cell past `maxCells` joins the last cell after " | ", so the text of a
// table too wide to print stays.
void addCell(TableRow& row, InlineRun run, std::size_t maxCells) {
  for (auto& h : run.hoisted)
    if (h.second.kind == BlockKind::Figure) run.inlines.push_back(figureImage(h.second));
  normalizeWhitespace(run.inlines);
  if (row.cells.size() < maxCells) {
    row.cells.push_back({std::move(run.inlines)});
  } else if (!row.cells.empty()) {
    auto& last = row.cells.back().content;
    last.push_back(Inline::makeText(" | "));
    for (auto& i : run.inlines) last.push_back(std::move(i));
  }
}

// align="center", style="text-align: right" and the like.
Align htmlCellAlign(const HtmlNode& cell) {
  std::string al = toLowerAscii(cell.attr("align") ? *cell.attr("align") : "");
  std::string st = toLowerAscii(cell.attr("style") ? *cell.attr("style") : "");
  if (al == "center" || st.find("text-align: center") != std::string::npos ||
      st.find("text-align:center") != std::string::npos)
    return Align::Center;
  if (al == "right" || st.find("right") != std::string::npos) return Align::Right;
  if (al == "left" || st.find("left") != std::string::npos) return Align::Left;
  return Align::None;
}

}  // namespace

Block Converter::table(cmark_node* n) {
  Block t;
  t.kind = BlockKind::Table;
  t.pos = posOf(n);
  std::size_t columns = cmark_gfm_extensions_get_table_columns(n);
  const uint8_t* aligns = cmark_gfm_extensions_get_table_alignments(n);
  std::size_t kept = std::min(columns, kMaxTableColumns);
  for (std::size_t k = 0; k < kept; ++k) {
    uint8_t a = aligns ? aligns[k] : 0;
    t.aligns.push_back(a == 'l' ? Align::Left : a == 'c' ? Align::Center : a == 'r' ? Align::Right : Align::None);
  }
  if (columns > kMaxTableColumns)
    ctx_.warn(t.pos.line, "table-too-wide",
              "table has " + std::to_string(columns) + " columns: columns after " +
                  std::to_string(kMaxTableColumns) + " are joined into the last one");
  for (cmark_node* r = cmark_node_first_child(n); r; r = cmark_node_next(r)) {
    TableRow row;
    row.header = cmark_gfm_extensions_get_table_row_is_header(r) != 0;
    for (cmark_node* cell = cmark_node_first_child(r); cell; cell = cmark_node_next(cell))
      addCell(row, inlinesOf(cell, 1), kept);
    t.rows.push_back(std::move(row));
  }
  return t;
}

Block Converter::htmlTable(const HtmlNode& node, int line0) {
  Block t;
  t.kind = BlockKind::Table;
  t.pos = htmlPos(node, line0);
  auto addRow = [&](const HtmlNode& tr, bool inHead) {
    TableRow row;
    bool allTh = true;
    bool any = false;
    for (const auto& cell : tr.children) {
      if (cell.type != HtmlNode::Type::Element || (cell.tag != "td" && cell.tag != "th")) continue;
      any = true;
      if (cell.tag != "th") allTh = false;
      InlineRun run;
      htmlInlines(cell, line0, run, 1);
      addCell(row, std::move(run), kMaxTableColumns);
      if (t.rows.empty() && t.aligns.size() < row.cells.size()) t.aligns.push_back(htmlCellAlign(cell));
    }
    if (!any) return;
    row.header = inHead || allTh;
    t.rows.push_back(std::move(row));
  };
  auto walk = [&](const HtmlNode& n, bool inHead, int d, auto& self) -> void {
    if (d > 4) return;
    for (const auto& k : n.children) {
      if (k.type != HtmlNode::Type::Element) continue;
      if (k.tag == "tr") addRow(k, inHead);
      else if (k.tag == "thead") self(k, true, d + 1, self);
      else if (k.tag == "tbody" || k.tag == "tfoot") self(k, false, d + 1, self);
    }
  };
  walk(node, false, 0, walk);
  std::size_t columns = 0;
  for (const auto& r : t.rows) columns = std::max(columns, r.cells.size());
  t.aligns.resize(columns, Align::None);
  // Header rows first, as the model promises.
  std::stable_partition(t.rows.begin(), t.rows.end(), [](const TableRow& r) { return r.header; });
  return t;
}

}  // namespace pp::markdown
