#include <doctest/doctest.h>

#include <regex>

#include "epub/code_markup.h"
#include "epub/contrast.h"
#include "epub/stylesheet.h"
#include "postpress/style.h"

using namespace pp;

TEST_CASE("the CSS follows the style and stays reader-friendly") {
  for (const Style& style : {defaultStyle(), Style{}}) {
    std::string css = epub::stylesheet(style);
    // No fixed font sizes, no forced page colours: readers' settings and dark modes win.
    CHECK_FALSE(std::regex_search(css, std::regex(R"(font-size:\s*[0-9.]+(px|pt))")));
    std::smatch body;
    REQUIRE(std::regex_search(css, body, std::regex(R"(\nbody \{[^}]*\})")));
    CHECK(body.str().find("background") == std::string::npos);
    CHECK(body.str().find("color") == std::string::npos);
    CHECK(css.find("prefers-color-scheme: dark") != std::string::npos);
    // The accent colour of the style reaches the post openings and admonitions.
    CHECK(css.find(epub::cssColor(style.accent)) != std::string::npos);
    for (const char* kind : {"note", "tip", "warning", "danger"})
      CHECK(css.find(std::string("div.admonition-") + kind) != std::string::npos);
    // Braces balance (a cheap syntax check; EPUBCheck parses it in the book tests).
    CHECK(std::count(css.begin(), css.end(), '{') == std::count(css.begin(), css.end(), '}'));
  }
  Style red = defaultStyle();
  red.accent = Color{1, 0, 0};
  red.headings[0].color = Color{0, 0.5f, 0};
  std::string css = epub::stylesheet(red);
  CHECK(css.find("#ff0000") != std::string::npos);
  CHECK(css.find("h2 { font-size: ") != std::string::npos);
  // #008000 has 3.9:1 on the stylesheet's tints: the heading gets a darker green.
  std::smatch h2;
  REQUIRE(std::regex_search(css, h2, std::regex(R"(h2 \{[^}]*color: #00([0-9a-f]{2})00)")));
  CHECK(std::stoi(h2[1].str(), nullptr, 16) < 0x80);
}

TEST_CASE("contrast: WCAG's ratios, and text colours darkened to AA's 4.5:1 only when they fall short") {
  const Color white{1, 1, 1}, black{0, 0, 0};
  CHECK(epub::contrastRatio(white, black) == doctest::Approx(21.0));
  CHECK(epub::contrastRatio(black, white) == doctest::Approx(21.0));
  const float g = 118 / 255.0f;  // #767676, the lightest gray with 4.5:1 on white
  CHECK(epub::contrastRatio(Color{g, g, g}, white) == doctest::Approx(4.54).epsilon(0.002));
  const Color tint = epub::tintOnWhite(Color{0, 0, 0}, 0.1);
  CHECK(tint.r == doctest::Approx(0.9f));
  const Color orange{0.8f, 0.5f, 0.0f};  // the warning admonition's: 3.2:1 on white
  CHECK(epub::contrastRatio(orange, white) < 4.5);
  const Color readable = epub::readableOn(orange, white);
  CHECK(epub::contrastRatio(readable, white) >= 4.5);
  CHECK(readable.r / readable.g == doctest::Approx(orange.r / orange.g));  // the hue kept
  CHECK(epub::contrastRatio(epub::readableOn(orange, white), white) < 5.0);  // darkened no more than needed
  const Color navy{0, 0.29f, 0.55f};
  CHECK(epub::readableOn(navy, white).b == navy.b);  // already readable: kept

  // Every colour the stylesheet sets on text reaches 4.5:1 on the lightest paper (white) and on
  // the darkest tint it puts behind text, whatever the style asks for.
  Style pale = defaultStyle();
  pale.link = pale.muted = pale.accent = Color{0.7f, 0.7f, 0.9f};
  pale.admonitionColors["warning"] = Color{1.0f, 0.8f, 0.0f};
  for (const Style& style : {defaultStyle(), pale}) {
    const std::string css = epub::stylesheet(style);
    const std::regex color(R"((^|[^-])color: #([0-9a-f]{6}))");
    int seen = 0;
    for (auto it = std::sregex_iterator(css.begin(), css.end(), color); it != std::sregex_iterator(); ++it) {
      const std::string hex = "#" + (*it)[2].str();
      const Color c = *Color::parse(hex);
      CAPTURE(hex);
      CHECK(epub::contrastRatio(c, Color{0.88f, 0.88f, 0.88f}) >= 4.5);
      ++seen;
    }
    CHECK(seen > 10);
  }
}

TEST_CASE("highlighted code: token classes become spans the stylesheet styles") {
  Block code;
  code.kind = BlockKind::Code;
  code.text = "key: <v> # note\nplain\n\n";
  code.spans = {{0, 3, TokenClass::Attribute}, {5, 3, TokenClass::String}, {9, 6, TokenClass::Comment}};
  std::string xhtml = epub::highlightedCode(code);
  CHECK(xhtml ==
        "<span class=\"hl-attribute\">key</span>: <span class=\"hl-string\">&lt;v&gt;</span> "
        "<span class=\"hl-comment\"># note</span>\nplain");

  DiagnosticSink diags;
  Style style = loadStyle("report", "letter", diags);
  REQUIRE(diags.errorCount() == 0);
  std::string css = epub::stylesheet(style);
  // Every class the theme gives a look has a rule, in weight and slant as well as colour.
  CHECK(css.find("span.hl-keyword {") != std::string::npos);
  CHECK(css.find("span.hl-comment {") != std::string::npos);
  CHECK(css.find("span.hl-plain") == std::string::npos);
  std::smatch rule;
  REQUIRE(std::regex_search(css, rule, std::regex(R"(span\.hl-keyword \{[^}]*\})")));
  CHECK(rule.str().find("font-weight: bold") != std::string::npos);
  style.highlight.enabled = false;
  CHECK(epub::stylesheet(style).find("hl-") == std::string::npos);
}
