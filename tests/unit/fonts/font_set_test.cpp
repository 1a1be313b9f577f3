// The fonts of a style: each role's face, the fallback chain for characters a face lacks (bold
// text falls back to a bold sibling), and the plain chain the EPUB cover draws with.
#include <doctest/doctest.h>
#include <unicode/uchar.h>

#include <filesystem>

#include "common/noto_fonts.h"
#include "postpress/fonts.h"
#include "postpress/style.h"
#include "postpress/support/files.h"

using namespace pp;
using pptest::kNotoFonts;

TEST_CASE("fallback: the role's face first, then symbols, CJK and emoji fonts") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts(st, diags);
  const int text = fonts.face("text", false, false);
  CHECK(fonts.resolve(text, U'a', false) == text);
  CHECK(fonts.resolve(text, U'é', false) == text);
  const int arrow = fonts.resolve(text, U'\u2192', false);
  CHECK(arrow >= 0);
  const int cjk = fonts.resolve(text, U'\u4E2D', false);  // 中
  if (std::filesystem::exists("/usr/share/fonts/truetype/droid/DroidSansFallbackFull.ttf")) {
    REQUIRE(cjk >= 0);
    CHECK(cjk != text);
    CHECK(fonts.file(cjk).path().filename() == "DroidSansFallbackFull.ttf");
  }
  // The rocket: a picture from the colour emoji font when there is one, else Symbola's glyph.
  const int emoji = fonts.resolve(text, U'\U0001F680', false, true);
  if (std::filesystem::exists("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf")) {
    REQUIRE(emoji >= 0);
    CHECK(fonts.file(emoji).path().filename() == "NotoColorEmoji.ttf");
    CHECK(fonts.file(emoji).hasColorBitmaps());
    CHECK_FALSE(fonts.file(emoji).hasOutlines());
    const ColorGlyphPicture pic = fonts.file(emoji).colorPicture(fonts.file(emoji).glyphIndex(U'\U0001F680'));
    CHECK(pic.png.substr(1, 3) == "PNG");
    CHECK(pic.width > 0.9f);
    CHECK(pic.height > 0.9f);
  } else if (std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    REQUIRE(emoji >= 0);
    CHECK(fonts.file(emoji).path().filename() == "Symbola_hint.ttf");
  }
  // An arrow is text (DejaVu), a heart with VS16 asks for its picture.
  CHECK_FALSE(wantsEmojiPresentation(U'\u2192', 0));
  CHECK_FALSE(wantsEmojiPresentation(U'\u2764', 0));
  CHECK(wantsEmojiPresentation(U'\u2764', 0xFE0F));
  CHECK(wantsEmojiPresentation(U'\U0001F680', 0));
  CHECK_FALSE(wantsEmojiPresentation(U'1', 0xFE0F));
  // Bold text falls back to the bold sibling of a fallback when there is one.
  const int boldText = fonts.face("text", true, false);
  const int boldSym = fonts.resolve(boldText, U'\u2211', true);  // ∑ (not in Charis)
  if (boldSym >= 0 && boldSym != boldText)
    CHECK(fonts.file(boldSym).path().filename() == "DejaVuSans-Bold.ttf");
  CHECK(fonts.resolve(text, U'\U0010FFFD', false) == -1);  // private use: nobody has it
}

TEST_CASE("a chain draws each character with the first of its files that has it") {
  FontChain chain;
  CHECK(chain.empty());
  chain.add(dataDir() / "fonts" / "no-such-font.ttf");  // unreadable: passed over
  chain.add({});                                         // an empty path: left out
  CHECK(chain.empty());
  chain.add(dataDir() / "fonts" / "NotoSans-Regular.ttf");
  chain.add(dataDir() / "fonts" / "DejaVuSans.ttf");
  REQUIRE_FALSE(chain.empty());
  const FontChain::Glyph a = chain.glyph(U'a');
  REQUIRE(a.font);
  CHECK(a.font->path().filename() == "NotoSans-Regular.ttf");
  CHECK(a.glyph > 0);
  const FontChain::Glyph sum = chain.glyph(U'\u2211');  // ∑: not in Noto Sans, in DejaVu
  REQUIRE(sum.font);
  CHECK(sum.font->path().filename() == "DejaVuSans.ttf");
  // Nobody has it: the first readable file's .notdef.
  const FontChain::Glyph none = chain.glyph(U'\U0010FFFD');
  CHECK(none.font == a.font);
  CHECK(none.glyph == 0);
}

TEST_CASE("a chain measures text in pixels, kerned within a file, as it draws it") {
  FontChain chain;
  chain.add(dataDir() / "fonts" / "NotoSans-Regular.ttf");
  const float px = 40;
  // Each glyph's advance at the pixel scale, summed: what the text measures unkerned.
  auto unkerned = [&](std::u32string_view s) {
    float w = 0;
    for (char32_t c : s) {
      const FontChain::Glyph g = chain.glyph(c);
      int advance = 0, bearing = 0;
      g.font->glyphMetrics(g.glyph, advance, bearing);
      w += advance * g.font->scaleForPixelHeight(px);
    }
    return w;
  };
  CHECK(chain.width(U"AV", px) < unkerned(U"AV"));  // Noto Sans kerns A and V together
  CHECK(chain.width(U"HH", px) == doctest::Approx(unkerned(U"HH")));
  // Drawing walks the same positions the measure does.
  std::vector<float> xs;
  const float end = chain.set(U"AVA", 10, px, [&](const FontFile&, int, float x, float, float) { xs.push_back(x); });
  REQUIRE(xs.size() == 3);
  CHECK(xs[0] == 10);
  CHECK(end == doctest::Approx(10 + chain.width(U"AVA", px)));
}

TEST_CASE("a glyph rasterises to coverage where its outline is, nothing for a space") {
  FontChain chain;
  chain.add(dataDir() / "fonts" / "NotoSans-Bold.ttf");
  const FontChain::Glyph h = chain.glyph(U'H');
  REQUIRE(h.font);
  const float scale = h.font->scaleForPixelHeight(48);
  const GlyphBitmap bmp = h.font->rasterize(h.glyph, scale, 0.5f);
  REQUIRE(bmp.width > 10);
  REQUIRE(bmp.height > 20);
  CHECK(bmp.y0 < 0);  // above the baseline
  CHECK(bmp.coverage.size() == static_cast<std::size_t>(bmp.width * bmp.height));
  int full = 0;
  for (unsigned char c : bmp.coverage) full += c == 255;
  CHECK(full > bmp.width * bmp.height / 4);  // the stems and the bar are solid
  const FontChain::Glyph space = chain.glyph(U' ');
  CHECK(space.font->rasterize(space.glyph, scale, 0).coverage.empty());
}

namespace {

// The glyphs a chain draws for `text`, left to right, with the file each comes from.
std::vector<std::pair<std::string, int>> drawnGlyphs(const FontChain& chain, std::u32string_view text) {
  std::vector<std::pair<std::string, int>> out;
  chain.set(text, 0, 40, [&](const FontFile& f, int g, float, float, float) { out.emplace_back(f.path().filename().string(), g); });
  return out;
}

}  // namespace

TEST_CASE("a chain shapes what it draws: Arabic joined right to left, Devanagari conjuncts, marks raised") {
  FontChain chain;
  chain.add(dataDir() / "fonts" / "NotoSans-Regular.ttf");
  chain.add(kNotoFonts / "NotoNaskhArabic-Regular.ttf");
  chain.add(kNotoFonts / "NotoSansDevanagari-Regular.ttf");
  REQUIRE_FALSE(chain.empty());
  // سلام: four letters, joined: HarfBuzz's glyphs, drawn left to right (the last letter first).
  const std::u32string salam = U"\u0633\u0644\u0627\u0645";
  auto naskh = FontFile::load(kNotoFonts / "NotoNaskhArabic-Regular.ttf", nullptr);
  REQUIRE(naskh);
  const ShapedText shaped = naskh->shape(salam, TextDirection::RightToLeft);
  std::vector<std::pair<std::string, int>> want;
  for (const ShapedGlyph& g : shaped.glyphs) want.emplace_back("NotoNaskhArabic-Regular.ttf", g.glyph);
  CHECK(drawnGlyphs(chain, salam) == want);
  // Not the letters' isolated forms (what drawing character by character showed).
  CHECK(drawnGlyphs(chain, salam).back().second != naskh->glyphIndex(U'\u0633'));
  // क्ष: three characters, one conjunct glyph.
  CHECK(drawnGlyphs(chain, U"\u0915\u094D\u0937").size() == 1);
  // A mark drawn above its base is raised or moved by shaping (Thai, Arabic harakat).
  std::vector<float> rises;
  chain.set(U"\u0628\u064E", 0, 40, [&](const FontFile&, int, float, float rise, float) { rises.push_back(rise); });
  REQUIRE(rises.size() == 2);
  CHECK(std::max(std::abs(rises[0]), std::abs(rises[1])) > 0);
}

TEST_CASE("a chain draws a right-to-left line with a Latin word inside in the bidi order") {
  FontChain chain;
  chain.add(dataDir() / "fonts" / "NotoSans-Regular.ttf");
  chain.add(kNotoFonts / "NotoSansHebrew-Regular.ttf");
  // "אב Kube גד": right to left: גד is drawn first (leftmost), then Kube, then אב.
  const auto drawn = drawnGlyphs(chain, U"\u05D0\u05D1 Kube \u05D2\u05D3");
  REQUIRE(drawn.size() == 10);
  auto hebrew = FontFile::load(kNotoFonts / "NotoSansHebrew-Regular.ttf", nullptr);
  auto latin = FontFile::load(dataDir() / "fonts" / "NotoSans-Regular.ttf", nullptr);
  REQUIRE(hebrew);
  REQUIRE(latin);
  CHECK(drawn[0].second == hebrew->glyphIndex(U'\u05D3'));
  CHECK(drawn[1].second == hebrew->glyphIndex(U'\u05D2'));
  CHECK(drawn[3].second == latin->glyphIndex(U'K'));
  CHECK(drawn[6].second == latin->glyphIndex(U'e'));
  CHECK(drawn[8].second == hebrew->glyphIndex(U'\u05D1'));
  CHECK(drawn[9].second == hebrew->glyphIndex(U'\u05D0'));
}

TEST_CASE("a language's CJK glyph forms: its region's face of the CJK collection") {
  CHECK(cjkRegionOf("ja") == "JP");
  CHECK(cjkRegionOf("ja-JP") == "JP");
  CHECK(cjkRegionOf("ko") == "KR");
  CHECK(cjkRegionOf("zh") == "SC");
  CHECK(cjkRegionOf("zh-CN") == "SC");
  CHECK(cjkRegionOf("zh_Hans_SG") == "SC");
  CHECK(cjkRegionOf("zh-TW") == "TC");
  CHECK(cjkRegionOf("zh-Hant") == "TC");
  CHECK(cjkRegionOf("zh-hant-hk") == "HK");
  CHECK(cjkRegionOf("zh-HK") == "HK");
  CHECK(cjkRegionOf("yue") == "HK");
  CHECK(cjkRegionOf("en") == "");
  CHECK(cjkRegionOf("") == "");

  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts(st, diags);
  const int text = fonts.face("text", false, false);
  auto faceFor = [&](std::string_view lang, char32_t c, bool bold = false) {
    fonts.setLanguage(lang);
    return fonts.resolve(text, c, bold);
  };
  // 直 and 骨 are drawn differently in Japan and mainland China; 骨 differs in Taiwan too.
  for (char32_t c : {U'\u76F4', U'\u9AA8'}) {
    const int ja = faceFor("ja", c), zh = faceFor("zh-CN", c), tw = faceFor("zh-TW", c), hk = faceFor("zh-HK", c);
    REQUIRE(ja >= 0);
    // The text family is serif (`serif: true`): Noto Serif CJK's faces.
    CHECK(fonts.file(ja).familyName() == "Noto Serif CJK JP");
    CHECK(fonts.file(zh).familyName() == "Noto Serif CJK SC");
    CHECK(fonts.file(tw).familyName() == "Noto Serif CJK TC");
    CHECK(fonts.file(hk).familyName() == "Noto Serif CJK HK");
    CHECK(faceFor("zh-Hant", c) == tw);
    auto glyph = [&](int face) { return fonts.file(face).shape(std::u32string(1, c)).glyphs.at(0).glyph; };
    CHECK(glyph(ja) != glyph(zh));
    if (c == U'\u9AA8') CHECK(glyph(zh) != glyph(tw));
  }
  // Hangul in a Korean post: the KR face; bold text: the bold collection's.
  CHECK(fonts.file(faceFor("ko", U'\uD55C')).familyName() == "Noto Serif CJK KR");
  const int boldJa = faceFor("ja", U'\u76F4', true);
  CHECK(boldJa != faceFor("ja", U'\u76F4', false));
  CHECK(fonts.file(boldJa).path().filename() == "NotoSerifCJK-Bold.ttc");
  // A sans family (the headings'): Noto Sans CJK, regular and bold.
  const int heading = fonts.face("heading", false, false), boldHeading = fonts.face("heading", true, false);
  fonts.setLanguage("ja");
  CHECK(fonts.file(fonts.resolve(heading, U'\u76F4', false)).familyName() == "Noto Sans CJK JP");
  CHECK(fonts.file(fonts.resolve(boldHeading, U'\u76F4', true)).path().filename() == "NotoSansCJK-Bold.ttc");
  // Without a serif collection among the fallbacks, serif text takes the sans one.
  Style sansOnly = st;
  std::erase_if(sansOnly.fallbacks, [](const fs::path& p) { return p.filename() == "NotoSerifCJK-Regular.ttc"; });
  FontSet sans(sansOnly, diags);
  sans.setLanguage("ja");
  CHECK(sans.file(sans.resolve(sans.face("text", false, false), U'\u76F4', false)).familyName() == "Noto Sans CJK JP");
  // Another language keeps the chain as it was.
  CHECK(fonts.file(faceFor("en", U'\u76F4')).path().filename() == "DroidSansFallbackFull.ttf");
  // Every set made from the style numbers the regional faces alike, whatever it set first.
  FontSet other(st, diags);
  other.setLanguage("zh-TW");
  CHECK(other.resolve(text, U'\u76F4', false) == faceFor("zh-TW", U'\u76F4'));
}

TEST_CASE("emoji presentation: the quick answers below U+231A agree with ICU's properties") {
  // What wantsEmojiPresentation answers without asking ICU, checked against the rule it
  // shortens for every character before U+2400, alone and before each kind of neighbour.
  for (char32_t c = 0; c < 0x2400; ++c)
    for (char32_t next : {char32_t{0}, char32_t{U'a'}, char32_t{0xFE0F}, char32_t{0x1F3FB}}) {
      const bool presentation = u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_PRESENTATION);
      const bool modified = next == 0x1F3FB && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI_MODIFIER_BASE);
      const bool selected = next == 0xFE0F && u_hasBinaryProperty(static_cast<UChar32>(c), UCHAR_EMOJI) && c >= 0x80;
      CHECK_MESSAGE(wantsEmojiPresentation(c, next) == (presentation || modified || selected),
                    "U+" << std::hex << static_cast<unsigned>(c));
    }
}
