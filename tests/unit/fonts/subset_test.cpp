// Subsets: every composite glyph flattened with all its components (libharu's own subsetter
// drops the first component of composites), widths unchanged, loadable by libharu (the PDF
// writer's library, linked here as the reference).
#include <doctest/doctest.h>

#include <hpdf.h>

#include <algorithm>
#include <filesystem>

#include "common/temp_dir.h"
#include "postpress/fonts.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

using namespace pp;
namespace fs = std::filesystem;
using pptest::TempDir;

namespace {

// Writes `bytes` as a font file in `dir` (FontFile and libharu read fonts from files).
fs::path writeFont(const TempDir& dir, const std::string& bytes) {
  static int count = 0;
  const fs::path p = dir.path / ("subset" + std::to_string(count++) + ".ttf");
  REQUIRE(writeFileAtomic(p, bytes, nullptr));
  return p;
}

int contourCount(const std::vector<FontFile::RawVertex>& v) {
  int n = 0;
  for (const auto& e : v) n += e.type == 1;
  return n;
}

// The width libharu measures for `codes` set in the font file `path` (its UTF-8 encoder, as the
// PDF writer loads fonts).
long libharuWidth(const fs::path& path, const std::vector<char32_t>& codes) {
  HPDF_Doc pdf = HPDF_New(nullptr, nullptr);
  REQUIRE(pdf);
  HPDF_UseUTFEncodings(pdf);
  HPDF_SetCurrentEncoder(pdf, "UTF-8");
  const char* name = HPDF_LoadTTFontFromFile(pdf, path.c_str(), HPDF_TRUE);
  HPDF_Font f = name ? HPDF_GetFont(pdf, name, "UTF-8") : nullptr;
  long width = -1;
  if (f) {
    std::string utf8;
    for (char32_t c : codes) appendUtf8(utf8, c);
    width = static_cast<long>(
        HPDF_Font_TextWidth(f, reinterpret_cast<const HPDF_BYTE*>(utf8.data()), static_cast<HPDF_UINT>(utf8.size()))
            .width);
  }
  HPDF_Free(pdf);
  REQUIRE(f);
  return width;
}

void checkFont(const fs::path& file, const std::u32string& sample) {
  std::string err;
  auto src = FontFile::load(file, &err);
  REQUIRE_MESSAGE(src, err);
  std::vector<GlyphCode> codes;
  for (char32_t c : sample) codes.push_back({c, c});
  const std::string bytes = buildSubsetFont(*src, codes, &err);
  REQUIRE_MESSAGE(!bytes.empty(), err);

  TempDir dir;
  const fs::path subsetPath = writeFont(dir, bytes);
  REQUIRE(!subsetPath.empty());
  auto subset = FontFile::load(subsetPath, &err);
  REQUIRE_MESSAGE(subset, err);
  CHECK(subset->unitsPerEm() == src->unitsPerEm());
  for (char32_t c : sample) {
    CAPTURE(static_cast<unsigned>(c));
    REQUIRE(subset->has(c));
    CHECK(subset->advance(c) == src->advance(c));
    // Same drawing: as many contours as the source glyph with its components resolved.
    CHECK(contourCount(subset->glyphShape(subset->glyphIndex(c))) ==
          contourCount(src->glyphShape(src->glyphIndex(c))));
  }
  CHECK_FALSE(subset->has(U'\u4E00' + 5000));  // nothing beyond what was asked

  // libharu accepts it and measures it exactly as the source.
  long expected = 0;
  for (char32_t c : sample) expected += src->advance(c);
  CHECK(libharuWidth(subsetPath, std::vector<char32_t>(sample.begin(), sample.end())) == expected);
}

}  // namespace

TEST_CASE("a subset keeps every component of composite CJK glyphs") {
  const fs::path droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
  if (!fs::exists(droid)) {
    MESSAGE("fonts-droid-fallback not installed: skipped");
    return;
  }
  // 机, 的 and 源 are composites in Droid Sans Fallback; 之 and 开 are simple glyphs.
  checkFont(droid, U"机器之心的开源");
}

TEST_CASE("a subset of a bundled Latin face keeps accents and widths") {
  checkFont(dataDir() / "fonts" / "CharisSIL-Regular.ttf", U"Hello Über Café naïve ĳ ő");
  checkFont(dataDir() / "fonts" / "NotoSans-Bold.ttf", U"Évaluation Ω");
}

TEST_CASE("a font missing required tables is refused, not written broken") {
  std::string err;
  auto src = FontFile::load(dataDir() / "fonts" / "DejaVuSans.ttf", &err);
  REQUIRE(src);
  // Nothing usable asked for: still a valid font with .notdef only.
  const std::string bytes = buildSubsetFont(*src, {GlyphCode{U'\U0010FFFD', U'\U0010FFFD'}}, &err);
  CHECK(!bytes.empty());
}

TEST_CASE("a stand-in code draws the glyph of the character it stands for") {
  const fs::path symbola = "/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf";
  if (!fs::exists(symbola)) return;
  std::string err;
  auto src = FontFile::load(symbola, &err);
  REQUIRE(src);
  const std::string bytes = buildSubsetFont(*src, {GlyphCode{0xF8FF, 0x1F680}}, &err);
  REQUIRE(!bytes.empty());
  TempDir dir;
  auto subset = FontFile::load(writeFont(dir, bytes), &err);
  REQUIRE(subset);
  CHECK(subset->has(0xF8FF));
  CHECK(subset->advance(0xF8FF) == src->advance(0x1F680));
  CHECK(contourCount(subset->glyphShape(subset->glyphIndex(0xF8FF))) ==
        contourCount(src->glyphShape(src->glyphIndex(0x1F680))));
}

TEST_CASE("characters far apart share few cmap segments and still map to their own glyphs") {
  // libharu walks the segments from the first for each of the 65,536 codes when it loads a
  // font, and for each character it measures: they must be few, however scattered the text.
  std::string err;
  auto src = FontFile::load(dataDir() / "fonts" / "CharisSIL-Regular.ttf", &err);
  REQUIRE_MESSAGE(src, err);
  std::vector<char32_t> asked, skipped;
  int n = 0;
  for (char32_t c = 0x20; c < 0xFFFE; ++c)
    if (src->has(c)) (n++ % 7 == 0 ? asked : skipped).push_back(c);
  REQUIRE(asked.size() > 100);
  std::vector<GlyphCode> codes;
  for (char32_t c : asked) codes.push_back({c, c});
  const std::string bytes = buildSubsetFont(*src, codes, &err);
  REQUIRE_MESSAGE(!bytes.empty(), err);
  TempDir dir;
  const fs::path path = writeFont(dir, bytes);
  auto subset = FontFile::load(path, &err);
  REQUIRE_MESSAGE(subset, err);
  for (char32_t c : asked) {
    CAPTURE(static_cast<unsigned>(c));
    REQUIRE(subset->has(c));
    CHECK(subset->advance(c) == src->advance(c));
  }
  for (char32_t c : skipped) {
    CAPTURE(static_cast<unsigned>(c));
    REQUIRE_FALSE(subset->has(c));
  }
  // cmap header (4 bytes) + one encoding record (8): the format 4 subtable, segCountX2 at 6.
  const std::string_view cmap = subset->table("cmap");
  REQUIRE(cmap.size() > 20);
  const unsigned segCount = ((static_cast<unsigned char>(cmap[18]) << 8) | static_cast<unsigned char>(cmap[19])) / 2;
  CHECK(segCount < 16);

  long expected = 0;
  for (char32_t c : asked) expected += src->advance(c);
  CHECK(libharuWidth(path, asked) == expected);
}

TEST_CASE("the glyph map sends each code to the subset's glyph for it (the PDF's CIDToGIDMap)") {
  std::string err;
  auto src = FontFile::load(dataDir() / "fonts" / "CharisSIL-Regular.ttf", &err);
  REQUIRE_MESSAGE(src, err);
  // Out of order, one repeated, one the font has no glyph for (left out), one far up.
  std::vector<GlyphCode> codes;
  for (char32_t c : std::u32string(U"zaÜ\u2014a\uE000\u0416")) codes.push_back({c, c});
  std::vector<char32_t> glyphCodes;
  const std::string bytes = buildSubsetFont(*src, codes, &err, &glyphCodes);
  REQUIRE_MESSAGE(!bytes.empty(), err);
  CHECK(std::is_sorted(glyphCodes.begin(), glyphCodes.end()));
  CHECK(std::find(glyphCodes.begin(), glyphCodes.end(), U'\uE000') == glyphCodes.end());
  CHECK(std::count(glyphCodes.begin(), glyphCodes.end(), U'a') == 1);

  TempDir dir;
  auto subset = FontFile::load(writeFont(dir, bytes), &err);
  REQUIRE_MESSAGE(subset, err);
  const std::string map = glyphMapOf(glyphCodes);
  CHECK(map.size() == 2 * (static_cast<std::size_t>(glyphCodes.back()) + 1));
  auto gidAt = [&](char32_t code) {
    const std::size_t at = 2 * static_cast<std::size_t>(code);
    return at + 1 < map.size() ? (static_cast<unsigned char>(map[at]) << 8) | static_cast<unsigned char>(map[at + 1]) : 0;
  };
  for (char32_t c = 0; c < 0x3000; ++c) {
    CAPTURE(static_cast<unsigned>(c));
    const bool present = std::find(glyphCodes.begin(), glyphCodes.end(), c) != glyphCodes.end();
    // The subset's own cmap agrees with the map, code by code; codes not in it map to 0.
    CHECK(gidAt(c) == (present ? subset->glyphIndex(c) : 0));
    if (present) CHECK(gidAt(c) != 0);
  }
}
