// Page content is written ahead of libharu, with the names it is expected to give each page's
// images and fonts; an image that does not load is stood in for under the name written.
#include <doctest/doctest.h>

#include <cstdio>
#include <filesystem>
#include <fstream>

#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "postpress/assets.h"
#include "postpress/codecs.h"
#include "postpress/support/files.h"
#include "postpress/pdf.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;
namespace fs = std::filesystem;
using pptest::TempDir;

namespace {

void writePng(const fs::path& file, int w, int h, std::uint8_t shade) {
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * 3);
  for (std::size_t i = 0; i < px.size(); ++i) px[i] = static_cast<std::uint8_t>(shade + (i * 7) % 50);
  std::ofstream(file, std::ios::binary) << codecs::encodePngPixels(w, h, 3, px.data(), 1);
}

// Two pictures, the first drawn twice (on one page: one name), in a post of a few pages.
struct Digest {
  SamplePublication sample;
  std::unique_ptr<AssetStore> store;
  int first = -1, second = -1;

  explicit Digest(const fs::path& dir) {
    fs::create_directories(dir / "site");
    writePng(dir / "site" / "a.png", 300, 200, 40);
    writePng(dir / "site" / "b.png", 200, 300, 120);
    AssetOptions options;
    options.cacheDir = dir / "cache";
    options.jobs = 1;
    store = std::make_unique<AssetStore>(options);
    DiagnosticSink diags;
    first = store->resolveFile(dir / "site" / "a.png", {}, diags);
    second = store->resolveFile(dir / "site" / "b.png", {}, diags);
    store->process(diags);
    Document d;
    d.blocks.push_back(para(prose(60, 1)));
    d.blocks.push_back(figure(first, "First picture", "a.png"));
    d.blocks.push_back(figure(second, "Second picture", "b.png"));
    d.blocks.push_back(figure(first, "First picture again", "a.png"));
    d.blocks.push_back(para(prose(400, 2)));
    sample.addPost("Pictures", std::move(d));
    sample.pub.assets = store.get();
  }
};

}  // namespace

TEST_CASE("pages written ahead get the image and font names libharu gives") {
  TempDir tmp;
  Digest digest(tmp.path);
  REQUIRE(digest.store->at(digest.first).ok());
  REQUIRE(digest.store->at(digest.second).ok());
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  PdfStats stats;
  REQUIRE(writePdf(digest.sample.pub, style, tmp.path / "ok.pdf", diags, &stats));
  CHECK(stats.pages >= 2);
  CHECK(stats.pagesRepainted == 0);
  CHECK(diags.warningCount() == 0);
}

TEST_CASE("a page whose image does not load shows a grey box under the name it was written with") {
  TempDir tmp;
  Digest digest(tmp.path);
  // The second picture's PDF rendition disappears after processing: libharu cannot load it.
  // Its page was written (as the layout finished it) naming the picture X2: a grey pixel
  // stands in under that name, so the page needs no writing again.
  const Asset& second = digest.store->at(digest.second);
  REQUIRE(second.ok());
  REQUIRE(!second.pdf.file.empty());
  fs::remove(second.pdf.file);
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  PdfStats stats;
  const fs::path out = tmp.path / "missing.pdf";
  REQUIRE(writePdf(digest.sample.pub, style, out, diags, &stats));
  CHECK(stats.pagesRepainted == 0);
  bool warned = false;
  for (const auto& d : diags.all()) warned = warned || d.code == "pdf-image";
  CHECK(warned);
  // The document is sound: qpdf finds every page's content and every resource it names.
  if (std::system("command -v qpdf >/dev/null 2>&1") == 0)
    CHECK(std::system(("qpdf --check '" + out.string() + "' >/dev/null 2>&1").c_str()) == 0);
  // The stand-in is there: a 1x1 image beside the pictures that loaded.
  if (std::system("command -v pdfimages >/dev/null 2>&1") == 0) {
    const fs::path list = tmp.path / "images.txt";
    std::system(("pdfimages -list '" + out.string() + "' > '" + list.string() + "' 2>/dev/null").c_str());
    const std::string images = readFile(list).value_or("");
    CHECK(images.find("     1     1  rgb") != std::string::npos);
  }
  // The same bytes whatever the order things happened in.
  Digest again(tmp.path / "again");
  fs::remove(again.store->at(again.second).pdf.file);
  DiagnosticSink diags2;
  REQUIRE(writePdf(again.sample.pub, style, tmp.path / "missing2.pdf", diags2));
  CHECK(readFile(out).value_or("") == readFile(tmp.path / "missing2.pdf").value_or("x"));
}

TEST_CASE("a PDF made with derived fonts from the cache is the PDF made without them") {
  TempDir tmp;
  Digest digest(tmp.path);
  DiagnosticSink diags;
  const Style style = loadStyle("report", "", diags);
  REQUIRE(writePdf(digest.sample.pub, style, tmp.path / "first.pdf", diags));  // fonts cached
  const fs::path fonts = tmp.path / "cache" / "fonts";
  std::vector<fs::path> entries;
  for (const auto& e : fs::directory_iterator(fonts)) entries.push_back(e.path());
  CHECK(entries.size() >= 2);  // the text face and the headings' at least
  REQUIRE(writePdf(digest.sample.pub, style, tmp.path / "second.pdf", diags));  // read back
  const std::string first = readFile(tmp.path / "first.pdf").value_or("");
  CHECK(first.size() > 1000);
  CHECK(readFile(tmp.path / "second.pdf").value_or("") == first);
  // Damaged entries are made again, and the PDF does not change.
  for (const auto& e : entries) std::ofstream(e, std::ios::binary | std::ios::trunc) << "damaged";
  REQUIRE(writePdf(digest.sample.pub, style, tmp.path / "third.pdf", diags));
  CHECK(readFile(tmp.path / "third.pdf").value_or("") == first);
  for (const auto& e : entries) CHECK(readFile(e).value_or("damaged") != "damaged");
}
