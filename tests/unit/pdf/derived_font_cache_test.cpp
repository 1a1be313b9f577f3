// The derived-font cache: entries round-trip, are named by the font's bytes and the codes, and
// a damaged entry is a miss; a PDF built from the cache is the PDF built without it.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "pdf/derived_font_cache.h"
#include "pdf/temp_dir.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"

using namespace pp;
namespace fs = std::filesystem;
using pptest::TempDir;

namespace {

std::unique_ptr<typeset::FontFile> font(const char* name) {
  std::string err;
  auto f = typeset::FontFile::load(dataDir() / "fonts" / name, &err);
  REQUIRE_MESSAGE(f, err);
  return f;
}

pdf::DerivedFont derive(const typeset::FontFile& src, const std::vector<pdf::GlyphCode>& codes) {
  pdf::DerivedFont d;
  std::string err;
  d.bytes = pdf::buildSubsetFont(src, codes, &err, &d.glyphCodes);
  REQUIRE_MESSAGE(!d.bytes.empty(), err);
  d.program = pdf::FontProgram{zlibCompress(d.bytes).value(), d.bytes.size(),
                               zlibCompress(pdf::cidToGidMap(d.glyphCodes)).value()};
  return d;
}

std::vector<pdf::GlyphCode> codesOf(std::u32string_view s) {
  std::vector<pdf::GlyphCode> out;
  for (char32_t c : s) out.push_back({c, c});
  return out;
}

}  // namespace

TEST_CASE("a derived font comes back from the cache as it went in") {
  TempDir tmp;
  auto src = font("CharisSIL-Regular.ttf");
  const auto codes = codesOf(U"Digest of posts, Über");
  const pdf::DerivedFont made = derive(*src, codes);
  const std::string key = pdf::derivedFontKey(*src, codes);
  CHECK_FALSE(pdf::loadDerivedFont(tmp.path, key));  // nothing yet
  pdf::saveDerivedFont(tmp.path, key, made);
  const auto back = pdf::loadDerivedFont(tmp.path, key);
  REQUIRE(back);
  CHECK(back->bytes == made.bytes);
  CHECK(back->glyphCodes == made.glyphCodes);
  CHECK(back->program.fontFile == made.program.fontFile);
  CHECK(back->program.length1 == made.bytes.size());
  CHECK(back->program.cidToGid == made.program.cidToGid);
  CHECK_FALSE(pdf::loadDerivedFont({}, key));  // no cache folder: no cache
}

TEST_CASE("the key names the font file's bytes and every code with the character it draws") {
  auto charis = font("CharisSIL-Regular.ttf");
  auto noto = font("NotoSans-Regular.ttf");
  const auto codes = codesOf(U"abc");
  const std::string key = pdf::derivedFontKey(*charis, codes);
  CHECK(key == pdf::derivedFontKey(*charis, codesOf(U"abc")));
  CHECK(key != pdf::derivedFontKey(*noto, codes));
  CHECK(key != pdf::derivedFontKey(*charis, codesOf(U"abd")));
  CHECK(key != pdf::derivedFontKey(*charis, codesOf(U"ab")));
  std::vector<pdf::GlyphCode> standIn = codes;
  standIn.back().source = U'd';  // the same code drawing another character
  CHECK(key != pdf::derivedFontKey(*charis, standIn));
}

TEST_CASE("a damaged cache entry is a miss") {
  TempDir tmp;
  auto src = font("NotoSans-Regular.ttf");
  const auto codes = codesOf(U"Hello, world");
  const pdf::DerivedFont made = derive(*src, codes);
  const std::string key = pdf::derivedFontKey(*src, codes);
  pdf::saveDerivedFont(tmp.path, key, made);
  const fs::path file = tmp.path / "fonts" / (key + ".font");
  const std::string whole = readFile(file).value();
  REQUIRE(pdf::loadDerivedFont(tmp.path, key));
  auto damage = [&](const std::string& bytes) {
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes; }
    return pdf::loadDerivedFont(tmp.path, key).has_value();
  };
  CHECK_FALSE(damage(""));
  CHECK_FALSE(damage(whole.substr(0, whole.size() / 2)));
  CHECK_FALSE(damage(whole + "x"));
  CHECK_FALSE(damage("not-the-magic" + whole.substr(13)));
  for (std::size_t at : {whole.size() / 3, whole.size() - 40, whole.size() - 2}) {
    std::string flipped = whole;
    flipped[at] = static_cast<char>(flipped[at] ^ 0x5A);
    CAPTURE(at);
    CHECK_FALSE(damage(flipped));
  }
  CHECK(damage(whole));
}
