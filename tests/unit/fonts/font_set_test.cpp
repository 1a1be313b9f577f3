// The fonts of a style: each role's face, the fallback chain for characters a face lacks (bold
// text falls back to a bold sibling), and the plain chain the EPUB cover draws with.
#include <doctest/doctest.h>

#include <filesystem>

#include "postpress/fonts.h"
#include "postpress/style.h"
#include "postpress/support/files.h"

using namespace pp;

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
  const int emoji = fonts.resolve(text, U'\U0001F680', false);  // rocket
  if (std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    REQUIRE(emoji >= 0);
    CHECK(fonts.file(emoji).path().filename() == "Symbola_hint.ttf");
  }
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
  const float end = chain.set(U"AVA", 10, px, [&](const FontFile&, int, float x, float) { xs.push_back(x); });
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
