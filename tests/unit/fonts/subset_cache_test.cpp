// The subset cache: entries round-trip, are named by the font's bytes and the glyphs, and a
// damaged entry is a miss.
#include <doctest/doctest.h>

#include <filesystem>
#include <fstream>

#include "common/temp_dir.h"
#include "postpress/fonts.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"

using namespace pp;
namespace fs = std::filesystem;
using pptest::TempDir;

namespace {

std::unique_ptr<FontFile> font(const char* name) {
  std::string err;
  auto f = FontFile::load(dataDir() / "fonts" / name, &err);
  REQUIRE_MESSAGE(f, err);
  return f;
}

FontSubset subsetOf(const FontFile& src, const std::vector<std::uint16_t>& codes) {
  std::string err;
  FontSubset d = makeFontSubset(src, codes, &err);
  REQUIRE_MESSAGE(!d.bytes.empty(), err);
  REQUIRE(!d.deflatedBytes.empty());
  return d;
}

// Glyph ids standing for characters (the subset cache knows only glyph ids).
std::vector<std::uint16_t> codesOf(std::u32string_view s) {
  std::vector<std::uint16_t> out;
  for (char32_t c : s) out.push_back(static_cast<std::uint16_t>(c));
  return out;
}

}  // namespace

TEST_CASE("a subset comes back from the cache as it went in") {
  TempDir tmp;
  const SubsetCache cache(tmp.path);
  auto src = font("CharisSIL-Regular.ttf");
  const auto codes = codesOf(U"Digest of posts, Über");
  const FontSubset made = subsetOf(*src, codes);
  CHECK(zlibInflatesTo(made.deflatedBytes, made.bytes));
  CHECK(zlibInflatesTo(made.deflatedGlyphMap, glyphMapOf(made.glyphMap)));
  const std::string key = SubsetCache::key(*src, codes);
  CHECK_FALSE(cache.load(key));  // nothing yet
  cache.save(key, made);
  const auto back = cache.load(key);
  REQUIRE(back);
  CHECK(back->bytes == made.bytes);
  CHECK(back->glyphMap == made.glyphMap);
  CHECK(back->deflatedBytes == made.deflatedBytes);
  CHECK(back->deflatedGlyphMap == made.deflatedGlyphMap);
  CHECK_FALSE(SubsetCache({}).load(key));  // no cache folder: no cache
}

TEST_CASE("the key names the font file's bytes and every glyph") {
  auto charis = font("CharisSIL-Regular.ttf");
  auto noto = font("NotoSans-Regular.ttf");
  const auto codes = codesOf(U"abc");
  const std::string key = SubsetCache::key(*charis, codes);
  CHECK(key == SubsetCache::key(*charis, codesOf(U"abc")));
  CHECK(key != SubsetCache::key(*noto, codes));
  CHECK(key != SubsetCache::key(*charis, codesOf(U"abd")));
  CHECK(key != SubsetCache::key(*charis, codesOf(U"ab")));
}

TEST_CASE("a damaged cache entry is a miss") {
  TempDir tmp;
  auto src = font("NotoSans-Regular.ttf");
  const auto codes = codesOf(U"Hello, world");
  const SubsetCache cache(tmp.path);
  const FontSubset made = subsetOf(*src, codes);
  const std::string key = SubsetCache::key(*src, codes);
  cache.save(key, made);
  const fs::path file = tmp.path / "fonts" / (key + ".font");
  const std::string whole = readFile(file).value();
  REQUIRE(cache.load(key));
  auto damage = [&](const std::string& bytes) {
    { std::ofstream(file, std::ios::binary | std::ios::trunc) << bytes; }
    return cache.load(key).has_value();
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
