// Streams whose bytes are read from a file while the document is saved (an image of the
// cache): written as they are, named in the file identifier by their hash, and a file that
// changed since the bytes were chosen fails the save, saying which.
#include <doctest/doctest.h>

#include <hpdf.h>
#include <hpdf_objects.h>

#include <cstdio>
#include <string>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "pdf/byte_streams.h"
#include "pdf/hpdf_doc.h"
#include "postpress/support/file_range.h"
#include "postpress/support/hash.h"

using namespace pp;
using pptest::TempDir;

namespace {

std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>('A' + (i * 7 + i / 26) % 26);
  return s;
}

// A 1x1 image XObject whose stream is then replaced by `set`, saved into `out`.
template <typename Set>
bool saveWithImage(pdf::HpdfDoc& doc, const fs::path& out, Set set) {
  static constexpr HPDF_BYTE kPixel[3] = {0, 0, 0};
  HPDF_Image img = HPDF_LoadRawImageFromMem(doc.get(), kPixel, 1, 1, HPDF_CS_DEVICE_RGB, 8);
  REQUIRE(img);
  REQUIRE(set(img));
  std::FILE* f = std::fopen(out.c_str(), "wb");
  REQUIRE(f);
  const bool saved = pdf::saveToFile(doc, f);
  std::fclose(f);
  return saved;
}

}  // namespace

TEST_CASE("a stream read from a file while saving is written as the file's bytes") {
  TempDir tmp;
  const fs::path file = tmp.path / "rendition.png";
  const std::string all = pattern(400000);
  pptest::writeWholeFile(file, all);
  const std::string range = all.substr(33, 300000);
  const FileRange kept{file, 33, range.size(), contentHash(range)};

  pdf::HpdfDoc fromFile;
  REQUIRE(saveWithImage(fromFile, tmp.path / "a.pdf", [&](HPDF_Image img) { return pdf::setStreamBytes(fromFile, img, kept); }));
  const std::string written = pptest::readWholeFile(tmp.path / "a.pdf");
  CHECK(written.find(range) != std::string::npos);
  CHECK(fromFile.keptFileError().empty());

  // The same document as with the bytes held in memory.
  pdf::HpdfDoc inMemory;
  REQUIRE(saveWithImage(inMemory, tmp.path / "b.pdf", [&](HPDF_Image img) { return pdf::setStreamBytes(inMemory, img, FileBytes(range)); }));
  CHECK(pptest::readWholeFile(tmp.path / "b.pdf") == written);
}

TEST_CASE("the file identifier names a file's range by its hash, without reading it") {
  TempDir tmp;
  const fs::path file = tmp.path / "rendition.png";
  pptest::writeWholeFile(file, pattern(1000));
  auto identifierOf = [&](const std::string& hash) {
    pdf::HpdfDoc doc;
    HPDF_Image img = HPDF_LoadRawImageFromMem(doc.get(), reinterpret_cast<const HPDF_BYTE*>("abc"), 1, 1, HPDF_CS_DEVICE_RGB, 8);
    REQUIRE(img);
    REQUIRE(pdf::setStreamBytes(doc, img, FileRange{file, 0, 1000, hash}));
    Hasher h;
    doc.hashKept(h);
    return h.hex();
  };
  const std::string a = identifierOf(contentHash("first picture"));
  CHECK(a == identifierOf(contentHash("first picture")));
  CHECK(a != identifierOf(contentHash("second picture")));
  fs::remove(file);  // not read for it
  CHECK(a == identifierOf(contentHash("first picture")));
}

TEST_CASE("a file changed or gone before the save fails it, naming the file") {
  TempDir tmp;
  const fs::path file = tmp.path / "rendition.jpg";
  const std::string all = pattern(200000);
  pptest::writeWholeFile(file, all);
  const FileRange kept{file, 0, all.size(), contentHash(all)};

  SUBCASE("a byte changed") {
    std::string changed = all;
    changed[150000] = '!';
    pdf::HpdfDoc doc;
    const bool saved = saveWithImage(doc, tmp.path / "c.pdf", [&](HPDF_Image img) {
      const bool set = pdf::setStreamBytes(doc, img, kept);
      pptest::writeWholeFile(file, changed);  // after the bytes were chosen, before the save
      return set;
    });
    CHECK_FALSE(saved);
    CHECK(doc.keptFileError().find("rendition.jpg") != std::string::npos);
    CHECK(doc.keptFileError().find("changed") != std::string::npos);
  }
  SUBCASE("the file removed") {
    pdf::HpdfDoc doc;
    const bool saved = saveWithImage(doc, tmp.path / "d.pdf", [&](HPDF_Image img) {
      const bool set = pdf::setDeflatedStreamBytes(doc, img, kept);
      fs::remove(file);
      return set;
    });
    CHECK_FALSE(saved);
    CHECK(doc.keptFileError().find("rendition.jpg") != std::string::npos);
  }
}
