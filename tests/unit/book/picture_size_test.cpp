// The pictures the book draws itself are set at the size its design gives them, whatever pixels
// their print renditions store: a cover logo in its box, a tall hero at the height an opening
// allows (the PDF embeds a rendition made for a size its stored one would print too finely at).
#include <doctest/doctest.h>


#include "common/processed_pictures.h"
#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "postpress/assets.h"
#include "postpress/book.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;
namespace fs = std::filesystem;

namespace {

// The image boxes of `asset` anywhere in the book.
std::vector<ImageBox> boxesOf(const Layout& l, int asset) {
  std::vector<ImageBox> out;
  for (const PageBox& p : l.pages)
    for (const ImageBox& im : p.images)
      if (im.asset == asset) out.push_back(im);
  return out;
}

}  // namespace

TEST_CASE("a fine logo fits the cover's logo box and a tall hero the opening's height, whatever their pixels") {
  pptest::TempDir tmp;
  DiagnosticSink diags;
  const pptest::ProcessedPictures pictures = pptest::processPictures(
      tmp.path,
      {{"logo.png", 2000, 700},    // stored at 1300 px: 380 ppi at 246 pt wide
       {"hero.png", 1000, 3000}},  // stored 600 x 1800 px: 380 ppi at 114 pt wide
      diags);
  AssetStore& store = *pictures.store;
  const int logo = pictures.ids[0];
  const int hero = pictures.ids[1];

  SamplePublication s;
  Document d;
  d.blocks.push_back(para(prose(200, 4)));
  PostEntry& e = s.addPost("A post with a tall hero", std::move(d));
  e.heroAsset = hero;
  s.pub.assets = &store;
  s.pub.logoAsset = logo;
  for (const char* name : {"report", "brief"}) {
    CAPTURE(name);
    const Style st = loadStyle(name, "", diags);
    const Layout l = layoutBook(s.pub, st, printedBook(s.pub, st, BookOptions{}), TypesetOptions{}, diags);
    const std::vector<ImageBox> logos = boxesOf(l, logo);
    REQUIRE(logos.size() == 1);
    CHECK(logos[0].width <= 170.5f);  // the logo's box: at most 170 x 56 pt
    CHECK(logos[0].height <= 56.5f);
    const std::vector<ImageBox> heroes = boxesOf(l, hero);
    REQUIRE(heroes.size() == 1);
    CHECK(heroes[0].height <= st.textHeight() * 0.36f + 0.5f);  // an opening's hero share
    CHECK(heroes[0].width == doctest::Approx(heroes[0].height / 3).epsilon(0.01));
  }
}
