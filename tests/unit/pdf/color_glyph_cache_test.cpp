// Colour glyph pictures kept between builds (pdf/color_glyph_cache.h): read back as written,
// named apart by font, glyph, size and density, and never trusted when damaged or forged.
#include <doctest/doctest.h>

#include <filesystem>
#include <limits>
#include <string>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "pdf/color_glyph_cache.h"
#include "postpress/support/deflate.h"

using namespace pp;
using pp::pdf::ColorGlyphCache;
using pp::pdf::PreparedPicture;

namespace {

namespace fs = std::filesystem;

PreparedPicture pictureOf(int width, int height, std::uint8_t seed) {
  PreparedPicture p;
  p.picture.x = 0.02f;
  p.picture.y = -0.1f;
  p.picture.width = 1.1f;
  p.picture.height = 1.0f;
  p.width = width;
  p.height = height;
  for (int k = 0; k < 3 * width * height; ++k) p.rgb.push_back(static_cast<std::uint8_t>(seed + k * 7));
  for (int k = 0; k < width * height; ++k) p.alpha.push_back(static_cast<std::uint8_t>(255 - k));
  auto deflate = [](const std::vector<std::uint8_t>& v) {
    return zlibCompress(std::string_view(reinterpret_cast<const char*>(v.data()), v.size()));
  };
  p.rgbDeflated = deflate(p.rgb);
  p.alphaDeflated = deflate(p.alpha);
  return p;
}

bool same(const PreparedPicture& a, const PreparedPicture& b) {
  return a.width == b.width && a.height == b.height && a.rgb == b.rgb && a.alpha == b.alpha &&
         a.rgbDeflated == b.rgbDeflated && a.alphaDeflated == b.alphaDeflated && a.picture.x == b.picture.x &&
         a.picture.y == b.picture.y && a.picture.width == b.picture.width && a.picture.height == b.picture.height;
}

}  // namespace

TEST_CASE("a glyph picture is read back as it was kept; without a folder nothing is kept") {
  pptest::TempDir dir;
  const ColorGlyphCache cache(dir.path);
  const std::string key(32, 'a');
  CHECK_FALSE(cache.load(key));
  const PreparedPicture p = pictureOf(5, 4, 3);
  cache.save(key, p);
  const std::optional<PreparedPicture> back = cache.load(key);
  REQUIRE(back);
  CHECK(same(*back, p));
  const ColorGlyphCache none{fs::path()};
  CHECK(none.empty());
  none.save(key, p);
  CHECK_FALSE(none.load(key));
  // A picture without its streams (deflating failed) is not kept.
  PreparedPicture partial = pictureOf(2, 2, 9);
  partial.alphaDeflated.reset();
  cache.save(std::string(32, 'b'), partial);
  CHECK_FALSE(cache.load(std::string(32, 'b')));
}

TEST_CASE("glyph pictures are named by the font, the glyph, the size and the density") {
  std::string err;
  const std::unique_ptr<FontFile> sans = FontFile::load(fs::path(PP_SOURCE_DIR) / "fonts" / "NotoSans-Regular.ttf", &err);
  const std::unique_ptr<FontFile> serif = FontFile::load(fs::path(PP_SOURCE_DIR) / "fonts" / "CharisSIL-Regular.ttf", &err);
  REQUIRE(sans);
  REQUIRE(serif);
  const std::string k = ColorGlyphCache::key(*sans, 7, 10.0f, 300);
  CHECK(k.size() == 32);
  CHECK(k == ColorGlyphCache::key(*sans, 7, 10.0f, 300));
  CHECK(k != ColorGlyphCache::key(*serif, 7, 10.0f, 300));
  CHECK(k != ColorGlyphCache::key(*sans, 8, 10.0f, 300));
  CHECK(k != ColorGlyphCache::key(*sans, 7, 10.5f, 300));
  CHECK(k != ColorGlyphCache::key(*sans, 7, 10.0f, 600));
}

TEST_CASE("a damaged or forged glyph picture is a miss") {
  pptest::TempDir dir;
  const ColorGlyphCache cache(dir.path);
  const std::string key(32, 'c');
  cache.save(key, pictureOf(6, 5, 1));
  const fs::path entry = pptest::fileIn(dir.path / "glyphs");
  const std::string good = pptest::readWholeFile(entry);
  auto with = [&](const std::string& bytes) {
    pptest::writeWholeFile(entry, bytes);
    return cache.load(key);
  };
  std::string flipped = good;
  flipped[good.size() / 2] = static_cast<char>(flipped[good.size() / 2] ^ 1);
  CHECK_FALSE(with(""));
  CHECK_FALSE(with(good.substr(0, good.size() - 1)));
  CHECK_FALSE(with(flipped));
  CHECK_FALSE(with(good + "x"));
  CHECK(with(good));
  // Another glyph's entry in its place: well formed, but not this key's.
  cache.save(std::string(32, 'd'), pictureOf(6, 5, 2));
  CHECK_FALSE(with(pptest::readWholeFile(dir.path / "glyphs" / (std::string(32, 'd') + ".picture"))));
  // Entries written whole but wrong: streams that do not inflate to their planes, planes of
  // another size than the picture's, a picture past the largest side, a placement not a number.
  auto forgedWith = [&](PreparedPicture p) {
    fs::remove(entry);
    cache.save(key, p);
    return cache.load(key);
  };
  PreparedPicture wrongStream = pictureOf(6, 5, 1);
  wrongStream.rgbDeflated = pictureOf(6, 5, 2).rgbDeflated;
  CHECK_FALSE(forgedWith(wrongStream));
  PreparedPicture wrongSize = pictureOf(6, 5, 1);
  wrongSize.width = 5;
  CHECK_FALSE(forgedWith(wrongSize));
  CHECK_FALSE(forgedWith(pictureOf(5000, 1, 1)));
  PreparedPicture notANumber = pictureOf(2, 2, 1);
  notANumber.picture.x = std::numeric_limits<float>::quiet_NaN();
  CHECK_FALSE(forgedWith(notANumber));
  CHECK(forgedWith(pictureOf(6, 5, 1)));
}
