// The `highlight:` block of styles: the bundled theme, overrides, and mistakes reported.
#include <doctest/doctest.h>

#include "postpress/style.h"
#include "style/highlight_theme.h"

using namespace pp;

namespace {
std::vector<style::ThemeProblem> read(const char* yaml, HighlightTheme& theme) {
  std::vector<style::ThemeProblem> problems;
  style::readHighlightTheme(YAML::Load(yaml), theme, problems);
  return problems;
}
}  // namespace

TEST_CASE("the bundled theme tells classes apart by weight and slant, not by colour alone") {
  DiagnosticSink diags;
  const Style report = loadStyle("report", "", diags);
  for (const auto& d : diags.all()) MESSAGE(formatDiagnostic(d));
  CHECK(diags.count() == 0);
  const HighlightTheme& t = report.highlight;
  CHECK(t.enabled);
  CHECK(t[TokenClass::Keyword].bold);
  CHECK(t[TokenClass::Attribute].bold);
  CHECK(t[TokenClass::Comment].italic);
  CHECK_FALSE(t[TokenClass::Comment].bold);
  CHECK(t[TokenClass::Prompt].bold);
  CHECK(t[TokenClass::Inserted].bold != t[TokenClass::Deleted].bold);
  CHECK_FALSE(t[TokenClass::String].bold);
  CHECK_FALSE(t[TokenClass::String].italic);
  CHECK_FALSE(t[TokenClass::Plain].color.has_value());  // plain code keeps the code colour
  REQUIRE(t[TokenClass::Keyword].color.has_value());
  // brief changes some colours and keeps the rest of report's theme
  const Style brief = loadStyle("brief", "", diags);
  REQUIRE(brief.highlight[TokenClass::Keyword].color.has_value());
  CHECK(brief.highlight[TokenClass::Keyword].color->hex() != t[TokenClass::Keyword].color->hex());
  CHECK(brief.highlight[TokenClass::Comment].color->hex() == t[TokenClass::Comment].color->hex());
}

TEST_CASE("a theme block overrides only the fields it sets") {
  HighlightTheme theme;
  theme[TokenClass::String].italic = true;
  const auto problems = read("enabled: false\nstring: {color: \"#102030\"}\nkeyword: {bold: true, color: none}\n", theme);
  CHECK(problems.empty());
  CHECK_FALSE(theme.enabled);
  CHECK(theme[TokenClass::String].color->hex() == "#102030");
  CHECK(theme[TokenClass::String].italic);  // kept
  CHECK(theme[TokenClass::Keyword].bold);
  CHECK_FALSE(theme[TokenClass::Keyword].color.has_value());
}

TEST_CASE("unknown classes, unknown fields and bad values are problems at their place") {
  HighlightTheme theme;
  const auto problems = read(
      "keywords: {bold: true}\n"         // line 1: no such class
      "string: {colour: \"#fff\"}\n"     // line 2: no such field
      "comment: {italic: maybe}\n"       // line 3: not a boolean
      "number: {color: teal}\n"          // line 4: not a colour
      "type: bold\n",                    // line 5: not a mapping
      theme);
  REQUIRE(problems.size() == 5);
  CHECK(std::string(problems[0].code) == "style-unknown-key");
  CHECK(problems[0].where.Mark().line == 0);
  CHECK(problems[0].message.find("keyword") != std::string::npos);  // names the known keys
  CHECK(std::string(problems[1].code) == "style-unknown-key");
  CHECK(problems[1].where.Mark().line == 1);
  for (std::size_t k = 2; k < 5; ++k) {
    CHECK(std::string(problems[k].code) == "style-bad-value");
    CHECK(problems[k].where.Mark().line == static_cast<int>(k));
  }
  CHECK_FALSE(theme[TokenClass::Comment].italic);
  CHECK_FALSE(theme[TokenClass::Number].color.has_value());
}
