// A picture drawn smaller than its stored rendition suits is embedded from a rendition made for
// its drawn size: no image in the PDF prints finer than kMaxPrintPpi, and the layout never has
// to draw a picture larger than it wants for the sake of its pixels.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>
#include <sstream>

#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "pdf/page_painter.h"
#include "postpress/assets.h"
#include "postpress/codecs.h"
#include "postpress/pdf.h"
#include "postpress/style.h"
#include "postpress/support/files.h"

using namespace pp;
using namespace pp::testing;
namespace fs = std::filesystem;
using pptest::TempDir;

namespace {

// A noisy picture (a photograph to the classifier: one JPEG rendition), 1200 x 800 px.
struct Photo {
  std::unique_ptr<AssetStore> store;
  int id = -1;
  explicit Photo(const fs::path& dir) {
    fs::create_directories(dir);
    std::vector<std::uint8_t> px(1200 * 800 * 3);
    for (std::size_t i = 0; i < px.size(); ++i) px[i] = static_cast<std::uint8_t>((i * 2654435761u) >> 24);
    std::ofstream(dir / "p.png", std::ios::binary) << codecs::encodePngPixels(1200, 800, 3, px.data(), 1);
    AssetOptions options;
    options.cacheDir = dir / "cache";
    options.jobs = 1;
    store = std::make_unique<AssetStore>(options);
    DiagnosticSink diags;
    id = store->resolveFile(dir / "p.png", {}, diags);
    store->process(diags);
  }
};

}  // namespace

TEST_CASE("an image box drawn finer than the press takes asks for a rendition of its drawn size") {
  TempDir tmp;
  Photo photo(tmp.path);
  const Asset& a = photo.store->at(photo.id);
  REQUIRE(a.ok());
  REQUIRE(a.pdf.width == 1200);
  ImageBox im;
  im.asset = photo.id;
  im.width = 468;  // the text block: 185 ppi
  CHECK(pdf::imageUse(im, photo.store.get()) == pdf::ImageUse{photo.id, 0});
  im.width = 1200 * 72.0f / pdf::kMaxPrintPpi;  // at the ceiling: still the stored one
  CHECK(pdf::imageUse(im, photo.store.get()).widthPx == 0);
  im.width = 72;  // one inch: 1200 ppi stored, 200 (the build's dpi) made
  CHECK(pdf::imageUse(im, photo.store.get()) == pdf::ImageUse{photo.id, 200});
  CHECK(pdf::imageUse(im, nullptr).widthPx == 0);  // no store: the stored one
}
