// Formulas in the flow: inline math is one box of the line (its height makes the line taller,
// its glyphs are runs of the math face), display math a centred block, and a formula that
// cannot be read its TeX in the code face.
#include <doctest/doctest.h>

#include <memory>

#include "breaking_env.h"
#include "common/sample_publication.h"
#include "typeset/flow.h"
#include "typeset/math_items.h"

using namespace pp;
using namespace pp::typeset;
using pp::testing::para;

namespace {

struct MathFlow : pp::typeset::testing::BreakingEnv {
  Context& c = *ctx;
  FontSet& f = *fonts;
  VList set(const std::vector<Block>& blocks) {
    VList list;
    Flow flow(c, list);
    flow.blocks(blocks);
    return list;
  }
};

Inline inlineMath(std::string tex) {
  Inline in;
  in.kind = InlineKind::Math;
  in.text = std::move(tex);
  return in;
}

Block display(std::string tex) {
  Block b;
  b.kind = BlockKind::MathBlock;
  b.text = std::move(tex);
  return b;
}

std::vector<const VItem*> lines(const VList& l) {
  std::vector<const VItem*> out;
  for (const auto& it : l.items)
    if (it.kind == VKind::Content) out.push_back(&it);
  return out;
}

std::string textIn(const Fragment& f, int face) {
  std::string s;
  for (const TextRun& r : f.runs)
    if (face < 0 || r.font == face) s += r.text;
  return s;
}

}  // namespace

TEST_CASE("the report style's math face has a MATH table") {
  MathFlow s;
  const int face = mathFace(s.c);
  REQUIRE(face >= 0);
  CHECK(s.f.file(face).path().filename() == "DejaVuMathTeXGyre.ttf");
}

TEST_CASE("an inline fraction is a box of the line: the line grows, the glyphs are the math face's") {
  MathFlow s;
  const VList plain = s.set({para({Inline::makeText("Attention is a weighted sum here.")})});
  const VList withMath = s.set({para({Inline::makeText("Attention is "), inlineMath("\\frac{QK^T}{\\sqrt{d_k}}"),
                                           Inline::makeText(" here.")})});
  REQUIRE(lines(plain).size() == 1);
  REQUIRE(lines(withMath).size() == 1);
  CHECK(lines(withMath)[0]->height > lines(plain)[0]->height + 4);
  const Fragment& f = withMath.fragments[static_cast<std::size_t>(lines(withMath)[0]->fragment)];
  const int face = mathFace(s.c);
  CHECK(textIn(f, face) == "QKT√dk");  // an italic Q reads as Q; the radical sign as √
  CHECK(textIn(f, -1).find("\\frac") == std::string::npos);
  CHECK(f.rects.size() == 2);  // the fraction bar and the radical's overbar
  for (const TextRun& r : f.runs)
    if (r.font == face) CHECK(r.glyphs.size() >= 1);
}

TEST_CASE("display math is a centred block; an unreadable formula is its TeX in the code face") {
  MathFlow s;
  const VList l = s.set({display("\\sum_{i=1}^{n} i = \\frac{n(n+1)}{2}")});
  REQUIRE(lines(l).size() == 1);
  const Fragment& f = l.fragments[static_cast<std::size_t>(lines(l)[0]->fragment)];
  float left = 1e9f, right = -1e9f;
  for (const TextRun& r : f.runs) {
    left = std::min(left, r.x);
    right = std::max(right, r.x + r.width);
  }
  const float width = s.style.textWidth();
  CHECK(left > width / 4);
  CHECK(std::abs(left - (width - right)) < 3.0f);
  CHECK(lines(l)[0]->height > 20);  // the limits above and below the sum

  const VList bad = s.set({display("\\foo{x}")});
  std::string all;
  for (const Fragment& fr : bad.fragments) all += textIn(fr, -1);
  CHECK(all.find("\\foo{x}") != std::string::npos);
  const int mono = s.f.face("mono", false, false);
  bool inMono = false;
  for (const Fragment& fr : bad.fragments)
    for (const TextRun& r : fr.runs) inMono |= r.font == mono && r.text.find("foo") != std::string::npos;
  CHECK(inMono);
}

TEST_CASE("a style whose math face has no MATH table prints formulas as TeX, with one warning") {
  pp::typeset::testing::BreakingEnv env;
  env.style.families["math"] = env.style.families["text"];
  FontSet fonts(env.style, env.diags);
  Context c(env.style, fonts, env.diags, nullptr, env.out);
  CHECK(mathFace(c) < 0);
  VList list;
  Flow flow(c, list);
  flow.blocks({para({inlineMath("x^2")}), display("y^2")});
  std::string all;
  for (const Fragment& fr : list.fragments) all += textIn(fr, -1);
  CHECK(all.find("x^2") != std::string::npos);
  CHECK(all.find("y^2") != std::string::npos);
  CHECK(env.diags.warningCount() == 1);
}

TEST_CASE("a formula wider than the column is set smaller, or printed as TeX with a warning") {
  MathFlow s;
  std::string wide = "a_1";
  for (int i = 2; i <= 20; ++i) wide += " + a_{" + std::to_string(i) + "}";
  REQUIRE(setFormula(s.c, wide, s.style.body.size, true)->width > s.style.textWidth());
  const VList shrunk = s.set({display(wide)});
  REQUIRE(lines(shrunk).size() == 1);
  const Fragment& f = shrunk.fragments[static_cast<std::size_t>(lines(shrunk)[0]->fragment)];
  float right = 0;
  for (const TextRun& r : f.runs) right = std::max(right, r.x + r.width);
  CHECK(right <= s.style.textWidth() + 0.01f);
  CHECK(s.diags.warningCount() == 0);

  std::string huge = wide;
  for (int i = 21; i <= 200; ++i) huge += " + a_{" + std::to_string(i) + "}";
  // Inline, it breaks after its operators: set over lines, no TeX left, no warning.
  const VList broken = s.set({para({Inline::makeText("Sum "), inlineMath(huge), Inline::makeText(" here.")})});
  CHECK(lines(broken).size() > 3);
  std::string all;
  for (const Fragment& fr : broken.fragments) all += textIn(fr, -1);
  CHECK(all.find("a_{200}") == std::string::npos);
  CHECK(s.diags.warningCount() == 0);
  // Inside a \left...\right pair nothing breaks: too wide, it is its TeX, which breaks like code.
  const VList asText = s.set({para({Inline::makeText("Sum "), inlineMath("\\left(" + huge + "\\right)"), Inline::makeText(" here.")})});
  CHECK(lines(asText).size() > 3);
  all.clear();
  for (const Fragment& fr : asText.fragments) all += textIn(fr, -1);
  CHECK(all.find("a_{200}") != std::string::npos);
  CHECK(s.diags.warningCount() == 1);
}

TEST_CASE("\\text words are set in the body's roman face (bold, italic for \\textbf, \\textit), not the math font") {
  MathFlow s;
  const VList l = s.set({display("x = 1 \\text{ if } y \\textbf{else} z")});
  REQUIRE(lines(l).size() == 1);
  const Fragment& f = l.fragments[static_cast<std::size_t>(lines(l)[0]->fragment)];
  const int roman = s.f.face("text", false, false), bold = s.f.face("text", true, false), math = mathFace(s.c);
  REQUIRE(roman >= 0);
  REQUIRE(roman != math);
  CHECK(textIn(f, roman) == " if ");
  CHECK(textIn(f, bold) == "else");
  CHECK(textIn(f, math).find("if") == std::string::npos);
  CHECK(textIn(f, math).find("x") != std::string::npos);
}

TEST_CASE("a long inline formula breaks across lines after a relation or an operator") {
  MathFlow s;
  std::string tex = "L";
  for (int k = 0; k < 14; ++k) tex += " = x_{" + std::to_string(k) + "} + y_{" + std::to_string(k) + "}";
  const VList l = s.set({para({Inline::makeText("The total, written out in full, is "), inlineMath(tex), Inline::makeText(".")})});
  const auto set = lines(l);
  REQUIRE(set.size() >= 2);
  const int math = mathFace(s.c);
  int linesWithMath = 0;
  for (const VItem* it : set) {
    const Fragment& f = l.fragments[static_cast<std::size_t>(it->fragment)];
    if (!textIn(f, math).empty()) ++linesWithMath;
    for (const TextRun& r : f.runs) CHECK(r.x + r.width <= s.style.textWidth() + 0.5f);
  }
  CHECK(linesWithMath >= 2);
}
