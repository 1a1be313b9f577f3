// Shaping (HarfBuzz): ligatures, kerning, Arabic joining, Indic conjuncts, Thai marks and
// right-to-left glyph order, and the widths the layout measures with.
#include <doctest/doctest.h>
#include <hb.h>

#include <algorithm>
#include <filesystem>

#include "common/noto_fonts.h"
#include "postpress/fonts.h"
#include "postpress/style.h"
#include "postpress/support/files.h"
#include "postpress/support/text.h"

using namespace pp;
using pptest::kNotoFonts;
namespace fs = std::filesystem;

namespace {

std::unique_ptr<FontFile> load(const fs::path& p) {
  std::string err;
  auto f = FontFile::load(p, &err);
  REQUIRE_MESSAGE(f, err);
  return f;
}

// The glyphs the characters have one by one (the font's cmap), as shaping without features
// would draw them.
std::vector<int> nominal(const FontFile& f, std::u32string_view s) {
  std::vector<int> out;
  for (char32_t c : s) out.push_back(f.glyphIndex(c));
  return out;
}

std::vector<int> ids(const ShapedText& t) {
  std::vector<int> out;
  for (const auto& g : t.glyphs) out.push_back(g.glyph);
  return out;
}

}  // namespace

TEST_CASE("Latin: a ligature is one glyph for two characters, kerning moves a pair closer") {
  auto noto = load(dataDir() / "fonts" / "NotoSans-Regular.ttf");
  const ShapedText fi = noto->shape(U"fi");
  CHECK(fi.glyphs.size() == 1);
  const ShapedText av = noto->shape(U"AV");
  REQUIRE(av.glyphs.size() == 2);
  CHECK(av.advance < static_cast<float>(av.glyphs[0].width + av.glyphs[1].width) - 10);
  CHECK_FALSE(av.rtl);
}

TEST_CASE("Arabic joins its letters and runs right to left") {
  if (!fs::exists(kNotoFonts / "NotoNaskhArabic-Regular.ttf")) return;
  auto arabic = load(kNotoFonts / "NotoNaskhArabic-Regular.ttf");
  const std::u32string word = U"\u0633\u0644\u0627\u0645";  // سلام
  const ShapedText t = arabic->shape(word);
  CHECK(t.rtl);
  REQUIRE(!t.glyphs.empty());
  // Joined forms (and the lam-alef ligature) are not the letters' isolated glyphs.
  CHECK(ids(t) != nominal(*arabic, std::u32string(word.rbegin(), word.rend())));
  // Visual order: the first letter (cluster 0) is drawn last, at the right.
  CHECK(t.glyphs.back().cluster == 0);
  CHECK(t.glyphs.front().cluster > 0);
}

TEST_CASE("right to left, a mark has a cluster of its own: each glyph stands for its own characters") {
  // ثبّت: the shadda over the beh. Merged into the beh's cluster, the word needed an ActualText,
  // which poppler read reversed (a mark is not a right-to-left letter to it).
  if (!fs::exists(kNotoFonts / "NotoNaskhArabic-Regular.ttf")) return;
  auto arabic = load(kNotoFonts / "NotoNaskhArabic-Regular.ttf");
  const ShapedText t = arabic->shape(U"\u062B\u0628\u0651\u062A");
  CHECK(t.rtl);
  REQUIRE(t.glyphs.size() == 4);
  for (std::size_t i = 1; i < t.glyphs.size(); ++i) CHECK(t.glyphs[i].cluster < t.glyphs[i - 1].cluster);
  CHECK(t.glyphs[1].cluster == 2);  // the shadda, drawn before its letter in visual order
}

TEST_CASE("Devanagari forms a conjunct and reorders the short i") {
  if (!fs::exists(kNotoFonts / "NotoSansDevanagari-Regular.ttf")) return;
  auto deva = load(kNotoFonts / "NotoSansDevanagari-Regular.ttf");
  const std::u32string ksha = U"\u0915\u094D\u0937";  // क्ष: three characters, one conjunct
  CHECK(deva->shape(ksha).glyphs.size() == 1);
  const std::u32string ki = U"\u0915\u093F";  // कि: the vowel sign is drawn before the consonant
  const ShapedText t = deva->shape(ki);
  REQUIRE(t.glyphs.size() == 2);
  CHECK(t.glyphs[0].glyph != deva->glyphIndex(0x0915));
  CHECK(t.glyphs[1].glyph == deva->glyphIndex(0x0915));
}

TEST_CASE("Thai: the vowel and tone marks sit over their consonant without advancing") {
  if (!fs::exists(kNotoFonts / "NotoSansThai-Regular.ttf")) return;
  auto thai = load(kNotoFonts / "NotoSansThai-Regular.ttf");
  const ShapedText t = thai->shape(U"\u0E17\u0E35\u0E48");  // ที่
  REQUIRE(t.glyphs.size() == 3);
  CHECK(t.glyphs[1].advance == 0);
  CHECK(t.glyphs[2].advance == 0);
  CHECK(t.advance == doctest::Approx(t.glyphs[0].advance));
}

TEST_CASE("a font set measures text as shaped, and shapes each text once") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts(st, diags);
  REQUIRE(fonts.ok());
  const int face = fonts.face("heading", false, false);
  FontFile& f = fonts.file(face);
  for (std::u32string_view s : {U"Hello, world", U"AVATAR Type", U"office affinity"}) {
    const ShapedText& shaped = f.shaped(s);
    std::string utf8;
    for (char32_t c : s) appendUtf8(utf8, c);
    CHECK(fonts.width(face, utf8, 10) == doctest::Approx(shaped.advance / 100.0f));
    CHECK(&f.shaped(s) == &shaped);  // cached
  }
}

TEST_CASE("combining marks and joiners stay with the letter before them") {
  CHECK(attachesToPrevious(0x0301));  // combining acute
  CHECK(attachesToPrevious(0x094D));  // Devanagari virama
  CHECK(attachesToPrevious(0x0E48));  // Thai tone mark
  CHECK(attachesToPrevious(0x200C));  // zero-width non-joiner
  CHECK(attachesToPrevious(0xFE0F));  // variation selector
  CHECK(attachesToPrevious(0x1F3FD));  // skin tone
  CHECK_FALSE(attachesToPrevious(U'a'));
  CHECK_FALSE(attachesToPrevious(0x0915));
  CHECK_FALSE(attachesToPrevious(U' '));
  CHECK(attachesToPrevious(0xAD));  // soft hyphen: a format character
  // Below the combining diacritics the answer is given without HarfBuzz's tables: the same as
  // they give.
  for (char32_t cp = 0; cp < 0x300; ++cp) {
    const hb_unicode_general_category_t c = hb_unicode_general_category(hb_unicode_funcs_get_default(), cp);
    const bool mark = c == HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK || c == HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK ||
                      c == HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK || c == HB_UNICODE_GENERAL_CATEGORY_FORMAT;
    CAPTURE(static_cast<unsigned>(cp));
    CHECK(attachesToPrevious(cp) == mark);
  }
}

TEST_CASE("glyphs that are not the font's own for their character are marked substituted") {
  auto mono = load(dataDir() / "fonts" / "JetBrainsMono-Regular.ttf");
  const ShapedText plain = mono->shape(U"Alice");
  REQUIRE(!plain.glyphs.empty());
  for (const auto& g : plain.glyphs) CHECK_FALSE(g.substituted);
  // JetBrains Mono draws "->>" with contextual alternates: the same glyphs stand for other
  // characters elsewhere, so the PDF must give their text by ActualText.
  const ShapedText arrow = mono->shape(U"->>");
  REQUIRE(arrow.glyphs.size() == 3);
  CHECK(ids(arrow) != nominal(*mono, U"->>"));
  bool any = false;
  for (const auto& g : arrow.glyphs) any = any || g.substituted;
  CHECK(any);
  auto noto = load(dataDir() / "fonts" / "NotoSans-Regular.ttf");
  const ShapedText fi = noto->shape(U"fi");
  if (fi.glyphs.size() == 1) CHECK(fi.glyphs[0].substituted);  // the fi ligature
}

TEST_CASE("a face without colour glyphs draws an emoji sequence as its emoji, which stands for the whole sequence") {
  // DejaVu Sans has ✌ (U+270C) and no colour glyphs: a skin tone, a joiner or a variation
  // selector after an emoji is not drawn (no swatch, no box) but stays in the glyph's cluster.
  auto dejavu = load(dataDir() / "fonts" / "DejaVuSans.ttf");
  const ShapedText plain = dejavu->shape(U"\u270C");
  for (const std::u32string& text : {std::u32string(U"\u270C\U0001F3FD"), std::u32string(U"\u270C\uFE0F"),
                                    std::u32string(U"\u270C\u200D\u270C")}) {
    const ShapedText s = dejavu->shape(text);
    REQUIRE_FALSE(s.glyphs.empty());
    CHECK(s.glyphs[0].glyph == plain.glyphs[0].glyph);
    CHECK(s.glyphs[0].cluster == 0);
    CHECK(s.glyphs[0].substituted);  // its run reads the sequence from its ActualText
    CHECK(s.glyphs.size() == (text.size() == 3 ? 2u : 1u));
    for (const ShapedGlyph& g : s.glyphs) CHECK(g.glyph != 0);
    if (text.size() == 3) CHECK(s.glyphs[1].cluster == 2);
  }
  // Not after an emoji, a joiner is shaped as before (Indic and Arabic text use it).
  CHECK_FALSE(dejavu->shape(U"a\u200Db").glyphs[0].substituted);
}

namespace {

// True when a glyph of `t` is the font's space or its .notdef: what a joiner became before
// (HarfBuzz's zero-width stand-in, read as a space) or a box.
bool drawsStandIn(const FontFile& f, const ShapedText& t) {
  const int space = f.glyphIndex(U' ');
  return std::any_of(t.glyphs.begin(), t.glyphs.end(), [&](const ShapedGlyph& g) { return g.glyph == 0 || g.glyph == space; });
}

}  // namespace

TEST_CASE("a zero width non-joiner keeps Persian letters apart and has no glyph of its own") {
  if (!fs::exists(kNotoFonts / "NotoNaskhArabic-Regular.ttf")) return;
  auto arabic = load(kNotoFonts / "NotoNaskhArabic-Regular.ttf");
  // نسخه‌ی: the heh takes its final form and the yeh its isolated one, where "نسخهی" joins them.
  const std::u32string apart = U"\u0646\u0633\u062E\u0647\u200C\u06CC", joined = U"\u0646\u0633\u062E\u0647\u06CC";
  const ShapedText a = arabic->shape(apart), j = arabic->shape(joined);
  REQUIRE(a.glyphs.size() == 5);
  CHECK_FALSE(drawsStandIn(*arabic, a));
  // Visual order: yeh (5), heh (3), ...: the non-joiner (4) is in the heh's cluster.
  std::vector<std::uint32_t> clusters;
  for (const ShapedGlyph& g : a.glyphs) clusters.push_back(g.cluster);
  CHECK(clusters == std::vector<std::uint32_t>{5, 3, 2, 1, 0});
  REQUIRE(j.glyphs.size() == 5);
  CHECK(a.glyphs[0].glyph != j.glyphs[0].glyph);  // the yeh, isolated
  CHECK(a.glyphs[1].glyph != j.glyphs[1].glyph);  // the heh, final
  CHECK(a.glyphs[2].glyph == j.glyphs[2].glyph);  // the rest as before
  // A zero width joiner asks a letter for its joining form: "ب‍" is the beh's initial form.
  const ShapedText beh = arabic->shape(U"\u0628\u200D"), alone = arabic->shape(U"\u0628");
  REQUIRE(beh.glyphs.size() == 1);
  CHECK(beh.glyphs[0].glyph != alone.glyphs[0].glyph);
  CHECK(beh.advance != alone.advance);
}

TEST_CASE("a zero width joiner after a virama asks Devanagari for the half form") {
  if (!fs::exists(kNotoFonts / "NotoSansDevanagari-Regular.ttf")) return;
  auto deva = load(kNotoFonts / "NotoSansDevanagari-Regular.ttf");
  // क्‍ष: the half form of ka, then ssa; क्ष: the conjunct, one glyph.
  const ShapedText half = deva->shape(U"\u0915\u094D\u200D\u0937");
  const ShapedText conjunct = deva->shape(U"\u0915\u094D\u0937");
  REQUIRE(conjunct.glyphs.size() == 1);
  REQUIRE(half.glyphs.size() == 2);
  CHECK_FALSE(drawsStandIn(*deva, half));
  CHECK(half.glyphs[1].glyph == deva->glyphIndex(0x0937));
  CHECK(half.glyphs[0].glyph != deva->glyphIndex(0x0915));
}
