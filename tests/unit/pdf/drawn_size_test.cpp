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

struct ListedImage {
  int width = 0, height = 0, xppi = 0;
};

// pdfimages -list's images (not their soft masks): size and horizontal ppi as drawn.
std::vector<ListedImage> listImages(const fs::path& pdf, const fs::path& dir) {
  const fs::path list = dir / "images.txt";
  std::system(("pdfimages -list '" + pdf.string() + "' > '" + list.string() + "' 2>/dev/null").c_str());
  std::istringstream in(readFile(list).value_or(""));
  std::vector<ListedImage> out;
  std::string line;
  for (int n = 0; std::getline(in, line); ++n) {
    if (n < 2) continue;  // the header and its rule
    std::istringstream f(line);
    std::string page, num, type, width, height, color, comp, bpc, enc, interp, object, id, xppi;
    f >> page >> num >> type >> width >> height >> color >> comp >> bpc >> enc >> interp >> object >> id >> xppi;
    if (type != "image") continue;
    out.push_back({std::stoi(width), std::stoi(height), std::stoi(xppi)});
  }
  return out;
}

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

TEST_CASE("a picture drawn small by its width hint prints at the build's dpi, beside the same picture full size") {
  TempDir tmp;
  Photo photo(tmp.path);
  REQUIRE(photo.store->at(photo.id).ok());
  SamplePublication sample;
  Document d;
  d.blocks.push_back(para(prose(60, 1)));
  d.blocks.push_back(figure(photo.id, "The whole picture", "p.png"));
  Block small = figure(photo.id, "The same picture as a thumbnail", "p.png");
  small.image.widthHint = 100;  // CSS px: 75 pt, where 1200 px would print at 1152 ppi
  d.blocks.push_back(small);
  d.blocks.push_back(para(prose(80, 2)));
  sample.addPost("Pictures", std::move(d));
  sample.pub.assets = photo.store.get();
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  const fs::path out = tmp.path / "drawn.pdf";
  REQUIRE(writePdf(sample.pub, style, out, diags));
  CHECK(diags.warningCount() == 0);
  if (std::system("command -v pdfimages >/dev/null 2>&1") != 0) return;
  std::vector<ListedImage> images = listImages(out, tmp.path);
  REQUIRE(images.size() == 2);
  bool full = false, thumbnail = false;
  for (const ListedImage& im : images) {
    CAPTURE(im.width);
    CHECK(im.xppi <= pdf::kMaxPrintPpi);
    full = full || im.width == 1200;
    thumbnail = thumbnail || (im.width == 208 && im.xppi == 200);  // 75 pt at 200 dpi
  }
  CHECK(full);
  CHECK(thumbnail);
  // Built again from the cache: the same bytes.
  const fs::path again = tmp.path / "again.pdf";
  REQUIRE(writePdf(sample.pub, style, again, diags));
  CHECK(readFile(again).value_or("") == readFile(out).value_or("x"));
}
