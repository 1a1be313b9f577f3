#include <doctest/doctest.h>

#include <regex>

#include "epub/code_markup.h"
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
  CHECK(std::regex_search(css, std::regex(R"(h2 \{[^}]*color: #008000)")));
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
