#include <doctest/doctest.h>

#include <regex>

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
