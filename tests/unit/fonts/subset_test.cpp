// Subsets (hb-subset): the glyphs asked for, with the components of composite glyphs, the same
// advance widths and outlines, and a glyph map that sends each source glyph id to its id in
// the subset (the PDF's CIDToGIDMap).
#include <doctest/doctest.h>

#include <hb.h>

#include <filesystem>
#include <memory>

#include "postpress/fonts.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"

#include <algorithm>

using namespace pp;
namespace fs = std::filesystem;

namespace {

// The subset's bytes as HarfBuzz reads them.
struct Opened {
  hb_blob_t* blob;
  hb_face_t* face;
  hb_font_t* font;
  explicit Opened(const std::string& bytes)
      // A copy: the bytes may be a temporary that is gone once the constructor returns.
      : blob(hb_blob_create(bytes.data(), static_cast<unsigned>(bytes.size()), HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr)),
        face(hb_face_create(blob, 0)),
        font(hb_font_create(face)) {}
  ~Opened() {
    hb_font_destroy(font);
    hb_face_destroy(face);
    hb_blob_destroy(blob);
  }
};

hb_glyph_extents_t extentsOf(hb_font_t* font, unsigned glyph) {
  hb_glyph_extents_t e{};
  hb_font_get_glyph_extents(font, glyph, &e);
  return e;
}

void checkSubset(const fs::path& file, std::u32string_view sample) {
  std::string err;
  auto src = FontFile::load(file, &err);
  REQUIRE_MESSAGE(src, err);
  std::vector<std::uint16_t> glyphs;
  for (char32_t c : sample) glyphs.push_back(static_cast<std::uint16_t>(src->glyphIndex(c)));
  const FontSubset subset = makeFontSubset(*src, glyphs, &err);
  REQUIRE_MESSAGE(!subset.bytes.empty(), err);
  CHECK(subset.bytes.size() < src->bytes().size() / 4);
  CHECK(zlibInflatesTo(subset.deflatedBytes, subset.bytes));
  CHECK(zlibInflatesTo(subset.deflatedGlyphMap, glyphMapOf(subset.glyphMap)));
  Opened out(subset.bytes);
  Opened in(std::string(src->bytes()));
  CHECK(hb_face_get_upem(out.face) == static_cast<unsigned>(src->unitsPerEm()));
  CHECK(hb_face_get_glyph_count(out.face) < hb_face_get_glyph_count(in.face));
  for (const std::uint16_t g : glyphs) {
    CAPTURE(g);
    auto it = std::find_if(subset.glyphMap.begin(), subset.glyphMap.end(), [&](const auto& p) { return p.first == g; });
    REQUIRE(it != subset.glyphMap.end());
    CHECK(it->second != 0);
    CHECK(hb_font_get_glyph_h_advance(out.font, it->second) == hb_font_get_glyph_h_advance(in.font, g));
    // The same drawing: a composite's components came along (its extents are theirs).
    const hb_glyph_extents_t a = extentsOf(out.font, it->second), b = extentsOf(in.font, g);
    CHECK(a.width == b.width);
    CHECK(a.height == b.height);
    CHECK(a.x_bearing == b.x_bearing);
  }
}

}  // namespace

TEST_CASE("a subset keeps every component of composite CJK glyphs") {
  const fs::path droid = "/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf";
  if (!fs::exists(droid)) {
    MESSAGE("fonts-droid-fallback not installed: skipped");
    return;
  }
  // 机, 的 and 源 are composites in Droid Sans Fallback; 之 and 开 are simple glyphs.
  checkSubset(droid, U"机器之心的开源");
}

TEST_CASE("a subset of a bundled Latin face keeps accents and widths") {
  checkSubset(dataDir() / "fonts" / "CharisSIL-Regular.ttf", U"Hello Über Café naïve ĳ ő");
  checkSubset(dataDir() / "fonts" / "NotoSans-Bold.ttf", U"Évaluation Ω");
}

TEST_CASE("the glyph map sends each source glyph to its subset glyph (the PDF's CIDToGIDMap)") {
  const std::string map = glyphMapOf({{3, 1}, {700, 2}, {258, 0x0102}});
  REQUIRE(map.size() == 2 * 701);
  auto at = [&](std::size_t cid) {
    return (static_cast<unsigned char>(map[2 * cid]) << 8) | static_cast<unsigned char>(map[2 * cid + 1]);
  };
  CHECK(at(3) == 1);
  CHECK(at(700) == 2);
  CHECK(at(258) == 0x0102);
  CHECK(at(4) == 0);
  CHECK(at(0) == 0);
}

TEST_CASE("nothing drawn still makes a valid font with .notdef only") {
  std::string err;
  auto src = FontFile::load(dataDir() / "fonts" / "DejaVuSans.ttf", &err);
  REQUIRE(src);
  const FontSubset subset = makeFontSubset(*src, {}, &err);
  REQUIRE_MESSAGE(!subset.bytes.empty(), err);
  Opened out(subset.bytes);
  CHECK(hb_face_get_glyph_count(out.face) == 1);
}

TEST_CASE("a colour emoji font's subset has empty outlines and no pictures") {
  // Its pictures go into the PDF as images; the font program must still be TrueType (glyf,
  // loca) with the glyphs' advances, for text that paints nothing.
  const fs::path file = "/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf";
  if (!fs::exists(file)) {
    MESSAGE("fonts-noto-color-emoji not installed: skipped");
    return;
  }
  std::string err;
  auto src = FontFile::load(file, &err);
  REQUIRE_MESSAGE(src, err);
  CHECK(src->hasColorBitmaps());
  CHECK_FALSE(src->hasOutlines());
  const std::uint16_t rocket = static_cast<std::uint16_t>(src->glyphIndex(U'\U0001F680'));
  REQUIRE(rocket != 0);
  CHECK(src->advance(U'\U0001F680') > 1000);  // an emoji is wider than an em in this font
  const FontSubset subset = makeFontSubset(*src, {rocket}, &err);
  REQUIRE_MESSAGE(!subset.bytes.empty(), err);
  CHECK(subset.bytes.size() < 20000);
  Opened out(subset.bytes);
  for (const char* tag : {"glyf", "loca", "hmtx", "head"}) {
    hb_blob_t* t = hb_face_reference_table(out.face, hb_tag_from_string(tag, 4));
    CHECK_MESSAGE(hb_blob_get_length(t) > 0, tag);
    hb_blob_destroy(t);
  }
  hb_blob_t* bitmaps = hb_face_reference_table(out.face, HB_TAG('C', 'B', 'D', 'T'));
  CHECK(hb_blob_get_length(bitmaps) == 0);
  hb_blob_destroy(bitmaps);
  Opened in(std::string(src->bytes()));
  REQUIRE(subset.glyphMap.size() == 1);
  CHECK(hb_font_get_glyph_h_advance(out.font, subset.glyphMap[0].second) == hb_font_get_glyph_h_advance(in.font, rocket));
}
