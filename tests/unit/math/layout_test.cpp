// The layout with the bundled MATH font: boxes grow with what they hold, display style sets
// big operators larger with their limits above and below, delimiters and roots grow.
#include <doctest/doctest.h>

#include "postpress/math.h"
#include "postpress/support/files.h"

using namespace pp;

namespace {

const FontFile& mathFont() {
  static const std::unique_ptr<FontFile> font = [] {
    std::string err;
    auto f = FontFile::load(dataDir() / "fonts" / "DejaVuMathTeXGyre.ttf", &err);
    REQUIRE_MESSAGE(f, err);
    return f;
  }();
  return *font;
}

MathBox box(std::string_view tex, bool display = false) {
  const ParsedMath m = parseMath(tex);
  REQUIRE_MESSAGE(m.ok(), m.error);
  return layoutMath(m, mathFont(), 10, display);
}

float total(const MathBox& b) { return b.ascent + b.descent; }

bool hasText(const MathBox& b, std::string_view t) {
  for (const MathGlyph& g : b.glyphs)
    if (g.text == t) return true;
  return false;
}

}  // namespace

TEST_CASE("the bundled font has a MATH table") { CHECK(hasMathTable(mathFont())); }

TEST_CASE("a fraction is taller than its parts, with a bar, and grows with them") {
  const MathBox x = box("x"), frac = box(R"(\frac{x}{y})"), tall = box(R"(\frac{\frac{a}{b}}{y})");
  CHECK(x.glyphs.size() == 1);
  CHECK(x.glyphs[0].text == "x");  // an italic x reads as x
  CHECK(frac.rules.size() == 1);
  CHECK(frac.ascent > x.ascent);
  CHECK(frac.descent > x.descent);
  CHECK(total(tall) > total(frac));
  CHECK(total(box(R"(\frac{x}{y})", true)) > total(frac));  // display style is larger
}

TEST_CASE("scripts are smaller and shifted") {
  const MathBox b = box("x^2_i");
  REQUIRE(b.glyphs.size() == 3);
  CHECK(b.glyphs[1].size < b.glyphs[0].size);
  const MathGlyph& sup = b.glyphs[1].text == "2" ? b.glyphs[1] : b.glyphs[2];
  const MathGlyph& sub = b.glyphs[1].text == "i" ? b.glyphs[1] : b.glyphs[2];
  CHECK(sup.y > 0);
  CHECK(sub.y < 0);
  CHECK(sup.x >= b.glyphs[0].advance);
}

TEST_CASE("a sum has its limits above and below in display style, beside it in text") {
  const MathBox display = box(R"(\sum_{i=1}^{n} x_i)", true), inlined = box(R"(\sum_{i=1}^{n} x_i)");
  auto find = [](const MathBox& b, std::string_view t) {
    for (const MathGlyph& g : b.glyphs)
      if (g.text == t) return g;
    FAIL("no glyph for ", t);
    return MathGlyph{};
  };
  const MathGlyph sum = find(display, "∑"), n = find(display, "n"), one = find(display, "1");
  CHECK_FALSE(sum.nominal);  // the display-size variant
  CHECK(n.y > 5);            // above the operator
  CHECK(one.y < -5);         // below it
  CHECK(n.x > sum.x);
  CHECK(n.x < sum.x + sum.advance);  // over it, not beside it
  const MathGlyph isum = find(inlined, "∑"), in = find(inlined, "n");
  CHECK(isum.nominal);
  CHECK(in.x >= isum.x + isum.advance);  // beside it
  CHECK(total(display) > total(inlined));
}

TEST_CASE("delimiters and radicals grow with their content") {
  const MathBox small = box(R"(\left( x \right))"), big = box(R"(\left( \frac{\frac{a}{b}}{\frac{c}{d}} \right))", true);
  CHECK(total(big) > 2 * total(small));
  const MathBox huge = box(R"(\left( \begin{matrix} 1 \\ 2 \\ 3 \\ 4 \\ 5 \\ 6 \\ 7 \\ 8 \end{matrix} \right))");
  int pieces = 0;
  for (const MathGlyph& g : huge.glyphs)
    if (!g.nominal && g.text.empty()) ++pieces;
  CHECK(pieces >= 2);  // an assembly of pieces, not one glyph
  const MathBox root = box(R"(\sqrt{x})"), tallRoot = box(R"(\sqrt{\frac{a}{b}})", true);
  CHECK(root.rules.size() == 1);
  CHECK(total(tallRoot) > total(root));
}

TEST_CASE("matrices, cases and accents lay out") {
  const MathBox m = box(R"(\begin{pmatrix} a & b \\ c & d \end{pmatrix})");
  CHECK(hasText(m, "a"));
  CHECK(hasText(m, "("));
  CHECK(total(m) > 2 * total(box("a")));
  const MathBox hat = box(R"(\hat{x})"), x = box("x");
  CHECK(hat.glyphs.size() == 2);
  CHECK(hat.ascent > x.ascent);
  const MathBox cases = box(R"(f = \begin{cases} 1 & x > 0 \\ 0 & \text{otherwise} \end{cases})");
  CHECK(hasText(cases, "{"));
  CHECK(hasText(cases, "o"));
}

TEST_CASE("\\big, \\Big, \\bigg and \\Bigg delimiters grow in steps, whatever their l/r/m form") {
  const float plain = total(box("("));
  const float big = total(box(R"(\big()")), Big = total(box(R"(\Bigl()")), bigg = total(box(R"(\biggr))"));
  const float Bigg = total(box(R"(\Biggm|)"));
  CHECK(big > plain);
  CHECK(Big > big);
  CHECK(bigg > Big);
  CHECK(Bigg > total(box(R"(\bigg|)")));
  CHECK(big >= 12 * 0.9f);  // about 1.2 em at 10 pt, as in plain TeX
  CHECK(Bigg >= 30 * 0.9f);
  CHECK(hasText(box(R"(\Big[)"), "["));  // it still reads as its character
}

TEST_CASE("bold math: \\mathbf upright bold, \\boldsymbol and \\bm bold italic, from the MATH font's own glyphs") {
  const FontFile& f = mathFont();
  auto glyphOf = [&](std::string_view tex) { return box(tex).glyphs.at(0).glyph; };
  CHECK(glyphOf(R"(\mathbf{x})") == f.glyphIndex(0x1D431));    // MATHEMATICAL BOLD SMALL X
  CHECK(glyphOf(R"(\boldsymbol{x})") == f.glyphIndex(0x1D499));  // BOLD ITALIC SMALL X
  CHECK(glyphOf(R"(\bm{\alpha})") == f.glyphIndex(0x1D736));     // BOLD ITALIC SMALL ALPHA
  CHECK(glyphOf(R"(\mathbf{2})") == f.glyphIndex(0x1D7D0));      // BOLD DIGIT TWO
  CHECK(f.glyphIndex(0x1D499) != 0);
  CHECK(glyphOf(R"(\boldsymbol{x})") != glyphOf("x"));
  CHECK(box(R"(\bm{x})").glyphs.at(0).text == "x");
}

TEST_CASE("\\text words in the body's face when the layout is given one; the math font when not") {
  std::string err;
  const auto serif = FontFile::load(dataDir() / "fonts" / "CharisSIL-Regular.ttf", &err);
  REQUIRE_MESSAGE(serif, err);
  const ParsedMath m = parseMath(R"(a \text{if} b)");
  REQUIRE(m.ok());
  MathTextFaces faces;
  faces.regular = serif.get();
  const MathBox withFace = layoutMath(m, mathFont(), 10, false, {}, faces);
  const MathBox without = layoutMath(m, mathFont(), 10, false);
  int inText = 0;
  for (const MathGlyph& g : withFace.glyphs)
    if (g.face == MathGlyph::Face::Text) {
      ++inText;
      CHECK(g.glyph == serif->glyphIndex(g.text == "i" ? U'i' : U'f'));
    }
  CHECK(inText == 2);
  for (const MathGlyph& g : without.glyphs) CHECK(g.face == MathGlyph::Face::Math);
  // \textbf with no bold face given stays in the math font.
  const MathBox bold = layoutMath(parseMath(R"(\textbf{if})"), mathFont(), 10, false, {}, faces);
  for (const MathGlyph& g : bold.glyphs) CHECK(g.face == MathGlyph::Face::Math);
}

TEST_CASE("an inline formula may break after its outermost relations and binary operators, as TeX's may") {
  const MathBox inlineBox = box("a + b = c");
  REQUIRE(inlineBox.breaks.size() == 2);
  CHECK(inlineBox.breaks[0].at < inlineBox.breaks[0].resume);  // the space after the + is dropped at a break
  CHECK(inlineBox.breaks[1].at > inlineBox.breaks[0].resume);
  CHECK(inlineBox.breaks[1].resume < inlineBox.width);
  CHECK(box("a + b = c", true).breaks.empty());   // display formulas are not broken
  CHECK(box("-a").breaks.empty());                 // a sign, not an operator
  CHECK(box(R"(\frac{a+b}{c=d})").breaks.empty()); // nothing inside a construct
  CHECK(box(R"(a \le \ge b)").breaks.size() == 1); // never between two relations
  CHECK(box("x = ").breaks.empty());               // nor after the last atom
}
