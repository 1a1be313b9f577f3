// A figure whose picture is a vector Drawing (a diagram): its paths and its words reach the
// page scaled to the measure, tagged with the figure's node, and no image is placed.
#include <doctest/doctest.h>

#include <algorithm>
#include <memory>
#include <string>
#include <vector>

#include "postpress/drawing.h"
#include "postpress/style.h"
#include "postpress/typeset.h"
#include "../common/blocks.h"

using namespace pp;

namespace {

// A box 800 pt wide (wider than any column) with a centred label and a dashed line.
std::shared_ptr<Drawing> wideDrawing() {
  auto d = std::make_shared<Drawing>();
  d->width = 800;
  d->height = 200;
  DrawingPath box;
  box.moveTo(10, 10);
  box.lineTo(790, 10);
  box.lineTo(790, 190);
  box.lineTo(10, 190);
  box.close();
  box.fill = Color{0.9f, 0.9f, 1.0f};
  box.stroke = Color{};
  box.strokeWidth = 2;
  d->paths.push_back(box);
  DrawingPath dashed;
  dashed.moveTo(10, 100);
  dashed.curveTo(200, 50, 600, 150, 790, 100);
  dashed.stroke = Color{};
  dashed.dash = {5, 2};
  d->paths.push_back(dashed);
  DrawingText label;
  label.text = "Collector";
  label.x = 400;
  label.y = 105;
  label.width = 120;
  label.size = 20;
  d->texts.push_back(label);
  return d;
}

struct FigureLayout {
  std::vector<StructNode> nodes;
  std::vector<PageBox> pages;
  float textWidth = 0;
};

FigureLayout setFigure(const std::shared_ptr<Drawing>& drawing, const std::string& caption = "The pipeline") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  const Locale enUS("en-US");
  Typesetter ts(st, nullptr, enUS, [](const LinkTarget&, int) { return ResolvedLink{}; }, {}, diags);
  REQUIRE(ts.ok());
  Document doc;
  doc.blocks.push_back(pptest::paragraph("Before the diagram."));
  Block fig;
  fig.kind = BlockKind::Figure;
  fig.image.src = "data:image/svg+xml;base64,PHN2Zy8+";
  fig.image.alt = "Flowchart: Collector";
  fig.image.drawing = drawing;
  if (!caption.empty()) fig.inlines.push_back(Inline::makeText(caption));
  doc.blocks.push_back(fig);
  std::vector<BodyPart> parts(1);
  SetPages body = ts.setBody(
      parts,
      [&](PartComposer& c, std::size_t) {
        c.beginPart(0, &doc, "d0");
        const NodeScope part(c, StructType::Part);
        c.blocks(doc.blocks);
        c.endPart();
      },
      [](SetPage&, std::size_t) {});
  FigureLayout s;
  s.textWidth = st.textWidth();
  s.nodes = ts.takeLayout().structure;
  for (SetPage& p : body.pages) s.pages.push_back(std::move(p.box));
  return s;
}

}  // namespace

TEST_CASE("a drawing figure is painted as paths and words, scaled to the measure, inside its Figure") {
  const FigureLayout s = setFigure(wideDrawing());
  REQUIRE(!s.pages.empty());
  const PageBox& page = s.pages.front();
  CHECK(page.images.empty());
  REQUIRE(page.paths.size() == 2);
  const DrawingPath& box = page.paths[0].path;
  const float drawnWidth = box.cmds[1].x - box.cmds[0].x;
  const float scale = drawnWidth / 780;
  CHECK(scale < 1);
  CHECK(drawnWidth <= s.textWidth);
  CHECK(page.paths[0].path.strokeWidth == doctest::Approx(2 * scale));
  CHECK(page.paths[1].path.dash[0] == doctest::Approx(5 * scale));
  CHECK(page.paths[1].path.cmds[1].op == DrawingPath::Op::Cubic);
  // Its word, set as text at the drawing's size scaled with it, centred on its point.
  auto word = std::find_if(page.runs.begin(), page.runs.end(), [](const TextRun& r) { return r.text == "Collector"; });
  REQUIRE(word != page.runs.end());
  CHECK(word->size == doctest::Approx(20 * scale).epsilon(0.05));
  const float centre = box.cmds[0].x + (400 - 10) * scale;
  CHECK(word->x + word->width / 2 == doctest::Approx(centre).epsilon(0.02));
  // Paths and word belong to the Figure, whose Alt is the picture's; the caption is beside it.
  const std::int32_t tag = page.paths[0].tag;
  REQUIRE(tag >= 0);
  CHECK(s.nodes[static_cast<std::size_t>(tag)].type == StructType::Figure);
  CHECK(s.nodes[static_cast<std::size_t>(tag)].alt == "Flowchart: Collector");
  CHECK(page.paths[1].tag == tag);
  CHECK(word->tag == tag);
  CHECK(std::any_of(page.runs.begin(), page.runs.end(), [](const TextRun& r) { return r.text == "pipeline"; }));
}

TEST_CASE("a drawing without a title of its own has no caption: its alt text describes, it does not caption") {
  const FigureLayout s = setFigure(wideDrawing(), "");
  REQUIRE(!s.pages.empty());
  const auto& runs = s.pages.front().runs;
  CHECK(std::any_of(runs.begin(), runs.end(), [](const TextRun& r) { return r.text == "Collector"; }));
  CHECK(std::none_of(runs.begin(), runs.end(), [](const TextRun& r) { return r.text.find("Flowchart") != std::string::npos; }));
}
