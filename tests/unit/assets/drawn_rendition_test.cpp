// Renditions for the size a picture is drawn at (AssetStore::pdfRenditionFor): smaller than the
// stored PDF rendition, in its codec, with its soft mask, cached and checked like the others.
#include "support.h"

using namespace pptest;

namespace {

std::size_t entries(const fs::path& cache) {
  std::size_t n = 0;
  for (auto& e : fs::directory_iterator(cache / "entries")) n += e.is_regular_file() ? 1 : 0;
  return n;
}

}  // namespace

TEST_CASE("a photograph drawn small gets a JPEG made for its drawn size, from the cache the next time") {
  StoreRun r;
  const pp::Asset& a = r.process(makeJpeg(1200, 800, photo(4)), "img/p.jpg");
  REQUIRE(a.ok());
  REQUIRE(a.pdf.codec == pp::EncodedImage::Codec::Jpeg);
  REQUIRE(a.pdf.width == 1200);
  const std::size_t before = entries(r.dir / "cache");

  auto drawn = r.store->pdfRenditionFor(a.id, 300, r.diags);
  REQUIRE(drawn);
  CHECK(drawn->codec == pp::EncodedImage::Codec::Jpeg);
  CHECK(drawn->width == 300);
  CHECK(drawn->height == 200);
  CHECK(drawn->file != a.pdf.file);
  CHECK(drawn->hash == pp::contentHash(*pp::readFile(drawn->file)));
  const Decoded d = decodeFile(drawn->file);
  CHECK(d.w == 300);
  CHECK(d.h == 200);
  CHECK(entries(r.dir / "cache") == before + 1);
  // The store's own picture is what it was.
  CHECK(r.store->at(a.id).pdf.width == 1200);

  // The next build reads it back: same file, no new entry.
  r.reopen();
  const pp::Asset& again = r.process(makeJpeg(1200, 800, photo(4)), "img/p.jpg");
  auto second = r.store->pdfRenditionFor(again.id, 300, r.diags);
  REQUIRE(second);
  CHECK(second->file == drawn->file);
  CHECK(second->hash == drawn->hash);
  CHECK(entries(r.dir / "cache") == before + 1);
  CHECK(r.diags.warningCount() == 0);
}

TEST_CASE("a picture drawn no smaller than its rendition keeps the stored one") {
  StoreRun r;
  const pp::Asset& a = r.process(makeJpeg(600, 400, photo(5)), "img/p.jpg");
  REQUIRE(a.ok());
  for (int w : {600, 900}) {
    auto same = r.store->pdfRenditionFor(a.id, w, r.diags);
    REQUIRE(same);
    CHECK(same->file == a.pdf.file);
    CHECK(same->width == a.pdf.width);
  }
  CHECK_FALSE(r.store->pdfRenditionFor(a.id, 0, r.diags));
}

TEST_CASE("a translucent graphic drawn small stays a PNG with its soft mask, scaled with it") {
  StoreRun r;
  // Left half opaque red, right half fully transparent, in columns: alpha survives scaling.
  const pp::Asset& a = r.process(makePng(800, 400, 4, [](int x, int) {
    return x < 400 ? Rgba{200, 30, 30, 255} : Rgba{0, 0, 0, 0};
  }));
  REQUIRE(a.ok());
  REQUIRE(a.pdf.codec == pp::EncodedImage::Codec::Png);
  REQUIRE_FALSE(a.pdf.alphaFile.empty());
  auto drawn = r.store->pdfRenditionFor(a.id, 200, r.diags);
  REQUIRE(drawn);
  CHECK(drawn->codec == pp::EncodedImage::Codec::Png);
  CHECK(drawn->width == 200);
  CHECK(drawn->height == 100);
  REQUIRE_FALSE(drawn->alphaFile.empty());
  const Decoded colour = decodeFile(drawn->file);
  const Decoded alpha = decodeFile(drawn->alphaFile);
  CHECK(colour.w == 200);
  CHECK(alpha.w == 200);
  CHECK(alpha.ch == 1);
  CHECK(alpha.at(20, 50).r == 255);   // opaque where the picture was
  CHECK(alpha.at(180, 50).r == 0);    // transparent where it was not
  CHECK(colour.at(20, 50).r > 150);
}

TEST_CASE("a damaged rendition for a drawn size is made again; an unreadable stored one is a warning") {
  StoreRun r;
  const pp::Asset& a = r.process(makePng(900, 600, 3, photo(6)));
  REQUIRE(a.ok());
  auto first = r.store->pdfRenditionFor(a.id, 250, r.diags);
  REQUIRE(first);
  const std::string bytes = *pp::readFile(first->file);
  writeBytes(first->file, bytes.substr(0, bytes.size() / 2));
  auto remade = r.store->pdfRenditionFor(a.id, 250, r.diags);
  REQUIRE(remade);
  CHECK(*pp::readFile(remade->file) == bytes);
  CHECK(r.diags.warningCount() == 0);

  // Without its stored rendition there is nothing to scale: told, and the caller keeps the stored one.
  fs::remove(a.pdf.file);
  CHECK_FALSE(r.store->pdfRenditionFor(a.id, 240, r.diags));
  CHECK(r.diags.warningCount() == 1);
}
