// The MathML writer: presentation elements for each construct, the TeX as alttext.
#include <doctest/doctest.h>

#include "postpress/math.h"

using namespace pp;

namespace {

std::string ml(std::string_view tex, bool display = false) {
  const ParsedMath m = parseMath(tex);
  REQUIRE(m.ok());
  return mathML(m, tex, display);
}

bool has(const std::string& s, std::string_view what) { return s.find(what) != std::string::npos; }

}  // namespace

TEST_CASE("the math element carries the TeX as alttext and says how it is displayed") {
  const std::string s = ml(R"(a<b \text{"c"})", false);
  CHECK(s.starts_with("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"a&lt;b"));
  CHECK(has(s, "display=\"inline\""));
  CHECK(has(ml("x", true), "display=\"block\""));
}

TEST_CASE("constructs become their MathML elements") {
  CHECK(has(ml(R"(\frac{a}{b})"), "<mfrac><mi>a</mi><mi>b</mi></mfrac>"));
  CHECK(has(ml("x^2"), "<msup><mi>x</mi><mn>2</mn></msup>"));
  CHECK(has(ml("x_i^2"), "<msubsup><mi>x</mi><mi>i</mi><mn>2</mn></msubsup>"));
  CHECK(has(ml(R"(\sqrt{x})"), "<msqrt><mi>x</mi></msqrt>"));
  CHECK(has(ml(R"(\sqrt[3]{x})"), "<mroot><mi>x</mi><mn>3</mn></mroot>"));
  CHECK(has(ml(R"(\sum_{i=1}^n i)"), "<munderover><mo largeop=\"true\" movablelimits=\"true\">∑</mo>"));
  CHECK(has(ml(R"(\int_0^1 f)"), "<msubsup><mo largeop=\"true\" movablelimits=\"false\">∫</mo>"));
  CHECK(has(ml(R"(\left( x \right])"), "<mo fence=\"true\" stretchy=\"true\">(</mo><mi>x</mi><mo fence=\"true\" stretchy=\"true\">]</mo>"));
  CHECK(has(ml(R"(\begin{bmatrix} 1 & 2 \\ 3 & 4 \end{bmatrix})"),
            "<mtable><mtr><mtd><mn>1</mn></mtd><mtd><mn>2</mn></mtd></mtr><mtr><mtd><mn>3</mn></mtd><mtd><mn>4</mn></mtd></mtr></mtable>"));
  CHECK(has(ml(R"(\hat{x})"), "<mover accent=\"true\"><mi>x</mi><mo stretchy=\"false\">^</mo></mover>"));
  CHECK(has(ml(R"(\text{if } x)"), "<mtext>if </mtext>"));
  CHECK(has(ml(R"(\mathbf{v})"), "<mi>𝐯</mi>"));
  CHECK(has(ml(R"(\mathrm{d}x)"), "<mi mathvariant=\"normal\">d</mi>"));
  CHECK(has(ml(R"(\Gamma)"), "<mi mathvariant=\"normal\">Γ</mi>"));
  CHECK(has(ml(R"(\lim_{n\to\infty})"), "<munder><mo movablelimits=\"true\" form=\"prefix\">lim</mo>"));
  CHECK(has(ml(R"(a\,b)"), "<mspace width=\"0.1667em\"/>"));
  CHECK(has(ml(R"(\operatorname{softmax}(x))"), "<mi>softmax</mi><mo>\u2061</mo>"));
}

TEST_CASE("a formula's plain text: Unicode script forms where they exist, readable fractions") {
  auto plain = [](std::string_view tex) {
    const ParsedMath m = parseMath(tex);
    REQUIRE(m.ok());
    return mathPlainText(m);
  };
  CHECK(plain("a^2 + b^2 = c^2") == "a² + b² = c²");
  CHECK(plain(R"(\mathrm{softmax}\left(\frac{QK^T}{\sqrt{d_k}}\right)V)") == "softmax(QKᵀ/√dₖ)V");
  CHECK(plain(R"(x_{i+1} = e^{-\lambda t})") == "xᵢ₊₁ = e^−λt");
  CHECK(plain(R"(\sum_{j=1}^{K} e^{z_j})") == "∑ⱼ₌₁^K e^zⱼ");
  CHECK(plain(R"(\sin x + \frac{n(n+1)}{2})") == "sin x + n(n + 1)/2");
  CHECK(plain(R"(\mathbb{R}^n)") == "ℝⁿ");
}

TEST_CASE("sized delimiters and bold italic symbols in MathML") {
  CHECK(has(ml(R"(\Bigl( x \Bigr))"), "<mo stretchy=\"true\" symmetric=\"true\" minsize=\"1.80em\" maxsize=\"1.80em\">(</mo>"));
  CHECK(has(ml(R"(\boldsymbol{x})"), "<mi>\U0001D499</mi>"));
  CHECK(has(ml(R"(\mathbf{x})"), "<mi>\U0001D431</mi>"));
}
