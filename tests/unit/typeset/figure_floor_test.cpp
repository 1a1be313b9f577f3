// How small a figure may be drawn is the reader's question, not the stored pixels': two pictures
// of one shape, one with four times the pixels of the other, get the same floors (the PDF embeds
// a rendition made for the drawn size when the stored one would print too finely).
#include <doctest/doctest.h>

#include <memory>

#include "common/processed_pictures.h"
#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "postpress/assets.h"
#include "postpress/fonts.h"
#include "postpress/style.h"
#include "typeset/context.h"
#include "typeset/flow.h"

using namespace pp;
using namespace pp::typeset;
namespace fs = std::filesystem;

TEST_CASE("a figure's floors are the same whatever pixels its rendition stores") {
  pptest::TempDir tmp;
  // Both wider than the text block at their CSS size: both drawn as wide as the column.
  DiagnosticSink diags;
  const pptest::ProcessedPictures pictures = pptest::processPictures(
      tmp.path,
      {{"fine.png", 2400, 1500},   // its PDF rendition: 1300 px, 200 dpi on the column
       {"coarse.png", 700, 437}},  // its PDF rendition: 700 px, 108 dpi on the column
      diags);
  AssetStore& store = *pictures.store;
  const int fine = pictures.ids[0];
  const int coarse = pictures.ids[1];
  REQUIRE(store.at(fine).pdf.width > 2 * store.at(coarse).pdf.width);

  Style style = loadStyle("report", "", diags);
  FontSet fonts{style, diags};
  Layout out;
  Context ctx(style, fonts, diags, &store, out);
  VList l;
  Flow flow(ctx, l);
  flow.blocks({pp::testing::figure(fine, "A picture", "p.png"), pp::testing::figure(coarse, "A picture", "p.png")});
  REQUIRE(l.figures.size() == 2);
  const FigureFloat& f = l.figures[0];
  const FigureFloat& c = l.figures[1];
  CHECK(f.imageWidth == doctest::Approx(c.imageWidth));
  CHECK(f.minScale == doctest::Approx(style.figureMinShrink));
  CHECK(c.minScale == doctest::Approx(style.figureMinShrink));
  // The fine one's stored pixels would print past 380 ppi below 0.53 of the column: that is
  // no floor any more.
  CHECK(f.absoluteMinScale == doctest::Approx(c.absoluteMinScale));
  CHECK(f.absoluteMinScale < 0.45f);
}
