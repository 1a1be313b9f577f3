// The TeX reader: the supported subset read into the tree, everything else refused with a
// message that names the command or the budget.
#include <doctest/doctest.h>

#include "math/tree.h"
#include "postpress/math.h"

using namespace pp;
using math::Kind;

namespace {

const math::Node& rootOf(const ParsedMath& m) {
  REQUIRE(m.ok());
  return *m.root;
}

}  // namespace

TEST_CASE("fractions, scripts and roots become their constructs") {
  const ParsedMath m = parseMath(R"(\frac{a}{b} + x^{2}_i - \sqrt[3]{y})");
  const math::Node& r = rootOf(m);
  REQUIRE(r.kids.size() == 5);
  CHECK(r.kids[0].kind == Kind::Frac);
  CHECK(r.kids[1].cls == math::AtomClass::Bin);
  CHECK(r.kids[2].kind == Kind::Scripts);
  CHECK(r.kids[2].kids[1].kids.size() == 1);  // subscript i
  CHECK(r.kids[2].kids[2].kids.size() == 1);  // superscript 2
  CHECK(r.kids[3].text == U"\u2212");         // '-' is a minus sign
  CHECK(r.kids[4].kind == Kind::Root);
  CHECK(r.kids[4].kids.size() == 2);          // body and index
}

TEST_CASE("big operators, delimiters, environments, accents and fonts") {
  const ParsedMath m = parseMath(
      R"(\sum_{i=1}^{n} \left( \hat{x}_i \right) \begin{pmatrix} a & b \\ c & d \end{pmatrix} \mathbb{R} \text{if } \alpha)");
  const math::Node& r = rootOf(m);
  REQUIRE(r.kids.size() == 6);
  CHECK(r.kids[0].kind == Kind::Scripts);
  CHECK(r.kids[0].kids[0].largeOp);
  CHECK(r.kids[0].kids[0].limits);
  CHECK(r.kids[1].kind == Kind::Fenced);
  CHECK(r.kids[1].open == U'(');
  CHECK(r.kids[2].kind == Kind::Fenced);
  REQUIRE(r.kids[2].kids[0].kind == Kind::Table);
  CHECK(r.kids[2].kids[0].columns == 2);
  CHECK(r.kids[2].kids[0].kids.size() == 4);
  CHECK(r.kids[3].variant == math::Variant::Blackboard);
  CHECK(r.kids[4].kind == Kind::Text);
  CHECK(r.kids[4].text == U"if ");
  CHECK(r.kids[5].text == U"α");
}

TEST_CASE("cases and aligned environments keep their rows and columns") {
  const ParsedMath c = parseMath(R"(f(x) = \begin{cases} 0 & x < 0 \\ x & \text{otherwise} \end{cases})");
  const math::Node& cases = rootOf(c);
  const math::Node& fenced = cases.kids.back();
  REQUIRE(fenced.kind == Kind::Fenced);
  CHECK(fenced.open == U'{');
  CHECK(fenced.close == 0);
  CHECK(fenced.kids[0].table == math::TableKind::Cases);
  CHECK(fenced.kids[0].kids.size() == 4);
  const ParsedMath a = parseMath(R"(\begin{aligned} a &= b \\ &= c \\ \end{aligned})");
  const math::Node& al = rootOf(a);
  CHECK(al.kids[0].table == math::TableKind::Aligned);
  CHECK(al.kids[0].kids.size() == 4);  // the closing \\ makes no third row
}

TEST_CASE("unknown commands and broken sources are refused with a reason") {
  CHECK(parseMath(R"(\frac{a}{b} + \foo{x})").error == "unsupported command \\foo");
  CHECK(parseMath(R"(\begin{tikzcd} a \end{tikzcd})").error == "unsupported environment tikzcd");
  CHECK(parseMath("x^{2").error == "missing closing brace");
  CHECK(parseMath("x}").error == "unbalanced closing brace");
  CHECK(parseMath(R"(\left( x)").error == "\\left without \\right");
  CHECK(parseMath("x^2^3").error == "double superscript");
  CHECK(parseMath(R"(\frac{a})").error.find("argument is missing") != std::string::npos);
}

TEST_CASE("budgets bound what a stranger's formula may cost") {
  MathLimits limits;
  limits.maxDepth = 10;
  CHECK(parseMath(std::string(20, '{') + "x" + std::string(20, '}'), limits).error ==
        "formula nested deeper than 10 levels");
  CHECK(parseMath(std::string(8, '{') + "x" + std::string(8, '}'), limits).ok());
  limits.maxNodes = 50;
  CHECK(parseMath(std::string(60, 'x'), limits).error == "formula larger than 50 symbols");
  limits.maxSourceBytes = 10;
  CHECK(parseMath("x+y+z+w+v+u", limits).error == "formula longer than 10 bytes");
  // Deep nesting of the default budget refuses instead of overflowing the stack.
  CHECK_FALSE(parseMath(std::string(5000, '{') + std::string(5000, '}')).ok());
  std::string fracs;
  for (int i = 0; i < 3000; ++i) fracs += "\\frac{";
  CHECK_FALSE(parseMath(fracs).ok());
}
