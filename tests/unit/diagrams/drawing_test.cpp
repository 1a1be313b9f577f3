// The vector drawing beside the SVG: Graphviz's layout as paths and lines of text, the graph's
// label as the title, grays in grayscale.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "postpress/diagrams.h"

using pp::DiagramLanguage;
using pp::DiagramOptions;
using pp::DiagramResult;
using pp::Drawing;
using pp::DrawingPath;
using Status = DiagramResult::Status;

namespace {

bool hasText(const Drawing& d, const std::string& text) {
  return std::any_of(d.texts.begin(), d.texts.end(), [&](const pp::DrawingText& t) { return t.text == text; });
}

int count(const Drawing& d, DrawingPath::Op op) {
  int n = 0;
  for (const DrawingPath& p : d.paths)
    n += static_cast<int>(std::count_if(p.cmds.begin(), p.cmds.end(), [&](const DrawingPath::Cmd& c) { return c.op == op; }));
  return n;
}

}  // namespace

TEST_CASE("a dot graph is also a drawing: shapes, splines, arrowheads and its labels as text") {
  const DiagramResult r = pp::renderDiagram(DiagramLanguage::Dot,
                                            "digraph G { a [label=\"Start here\" shape=box]; a -> b [label=\"go\" style=dashed]; }", {});
  INFO(r.message);
  REQUIRE(r.status == Status::Drawn);
  REQUIRE(r.drawing);
  const Drawing& d = *r.drawing;
  CHECK(d.width > 20);
  CHECK(d.height > 40);
  CHECK(hasText(d, "Start here"));
  CHECK(hasText(d, "b"));
  CHECK(hasText(d, "go"));
  // The ellipse of b and the edge's spline are curves; the box and the arrowhead are closed.
  CHECK(count(d, DrawingPath::Op::Cubic) >= 5);
  CHECK(count(d, DrawingPath::Op::Close) >= 3);
  // Dashed edge, filled arrowhead; everything inside the picture, y down (a above b).
  CHECK(std::any_of(d.paths.begin(), d.paths.end(), [](const DrawingPath& p) { return !p.dash.empty(); }));
  CHECK(std::any_of(d.paths.begin(), d.paths.end(), [](const DrawingPath& p) { return p.fill.has_value(); }));
  for (const DrawingPath& p : d.paths)
    for (const DrawingPath::Cmd& c : p.cmds)
      if (c.op != DrawingPath::Op::Close) {
        CHECK(c.x >= 0);
        CHECK(c.x <= d.width);
        CHECK(c.y >= 0);
        CHECK(c.y <= d.height);
      }
  float yStart = 0, yB = 0;
  for (const auto& t : d.texts) {
    if (t.text == "Start here") yStart = t.y;
    if (t.text == "b") yB = t.y;
  }
  CHECK(yStart < yB);
}

TEST_CASE("a label's lines are 1.2 em apart, about the middle Graphviz gave them") {
  // Graphviz's pango layout puts them round(1.1 em) apart: a Latin word over a Japanese line
  // reached a quarter of its font box into it (pdfcheck: an overlap in the otel digest).
  const DiagramResult r = pp::renderDiagram(
      DiagramLanguage::Dot, "digraph G { a [label=\"OTel Collector\\nレシーバーを使う\\nthird line\" shape=box fontsize=10]; }", {});
  INFO(r.message);
  REQUIRE(r.status == Status::Drawn);
  REQUIRE(r.drawing);
  std::vector<pp::DrawingText> lines;
  for (const auto& t : r.drawing->texts) lines.push_back(t);
  REQUIRE(lines.size() == 3);
  CHECK(lines[0].text == "OTel Collector");
  for (std::size_t k = 1; k < lines.size(); ++k)
    CHECK(lines[k].y - lines[k - 1].y == doctest::Approx(1.2 * lines[k].size).epsilon(0.001));
  // Still inside the node's box (the middle line where Graphviz drew it).
  CHECK(lines[0].y - lines[0].size > 0);
  CHECK(lines[2].y < r.drawing->height);
}

TEST_CASE("a dot graph's label is its title, not drawn in the picture") {
  const DiagramResult r = pp::renderDiagram(DiagramLanguage::Dot, "digraph G { label=\"The build\\npipeline\"; a -> b; }", {});
  REQUIRE(r.status == Status::Drawn);
  CHECK(r.title == "The build pipeline");
  REQUIRE(r.drawing);
  CHECK_FALSE(hasText(*r.drawing, "The build"));
  CHECK(r.svg.find("The build") == std::string::npos);
}

TEST_CASE("grayscale drawings keep the colours' lightness, in grays") {
  const std::string src = "digraph { a [style=filled fillcolor=\"#ff0000\" color=\"#0000ff\" fontcolor=\"#00aa00\"]; }";
  DiagramOptions gray;
  gray.grayscale = true;
  const DiagramResult colour = pp::renderDiagram(DiagramLanguage::Dot, src, {});
  const DiagramResult grays = pp::renderDiagram(DiagramLanguage::Dot, src, gray);
  REQUIRE(colour.drawing);
  REQUIRE(grays.drawing);
  REQUIRE(!colour.drawing->paths.empty());
  const auto& c = *colour.drawing->paths.front().fill;
  const auto& g = *grays.drawing->paths.front().fill;
  CHECK(c.r == doctest::Approx(1.0f));
  CHECK(c.g == doctest::Approx(0.0f));
  CHECK(g.r == doctest::Approx(g.g));
  CHECK(g.g == doctest::Approx(g.b));
  CHECK(g.r == doctest::Approx(0.2126f).epsilon(0.01));
  REQUIRE(!grays.drawing->texts.empty());
  CHECK(grays.drawing->texts.front().color.r == doctest::Approx(grays.drawing->texts.front().color.b));
}

TEST_CASE("a mermaid diagram's caption: Quarto's fig-cap, else accTitle, else its title; accDescr is its alt") {
  const auto flow = [](const std::string& s) { return pp::renderDiagram(DiagramLanguage::Mermaid, s, {}); };
  DiagramResult r = flow("---\ntitle: Front\n---\nflowchart LR\n  accTitle: Accessible\n  accDescr {\n    Two steps,\n    in order\n  }\n  A --> B\n");
  INFO(r.message);
  REQUIRE(r.status == Status::Drawn);
  CHECK(r.title == "Accessible");
  CHECK(r.alt == "Two steps, in order");
  r = flow("%%| fig-cap: \"Quarto's caption\"\nflowchart LR\n  accTitle: Accessible\n  accDescr: One line\n  A --> B\n");
  REQUIRE(r.status == Status::Drawn);
  CHECK(r.title == "Quarto's caption");
  CHECK(r.alt == "One line");
  r = flow("---\ntitle: Front\n---\nflowchart LR\n  A --> B\n");
  CHECK(r.title == "Front");
  CHECK(r.alt == "Flowchart: A, B");
  const DiagramResult d = pp::renderDiagram(DiagramLanguage::Dot, "//| fig-cap: Quarto dot\ndigraph { label=\"inside\"; a -> b }", {});
  REQUIRE(d.status == Status::Drawn);
  CHECK(d.title == "Quarto dot");
}
