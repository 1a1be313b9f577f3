// The scanning helpers the passes share: JSX braces and strings (MDX pass, HTML tokenizer),
// code regions and fences (MDX, math, emoji, Liquid highlight, shortcode code blocks), and the
// shortcode opening scan.
#include <doctest/doctest.h>

#include <string>

#include "markdown/code_regions.h"
#include "markdown/jsx_syntax.h"
#include "markdown/shortcode_syntax.h"

using namespace pp::markdown;

TEST_CASE("matchBrace: nesting, braces inside string literals, escapes") {
  CHECK(matchBrace("{a{b}c}d", 0, 100) == 7);
  CHECK(matchBrace("x{a}", 1, 100) == 4);
  CHECK(matchBrace("{'}' \"{\" `}`}!", 0, 100) == 13);
  CHECK(matchBrace("{'\\'}'}", 0, 100) == 7);  // the escaped quote does not end the literal
  CHECK(matchBrace("{{}", 0, 100) == std::string::npos);
}

TEST_CASE("matchBrace: the span limit, and where a failed search stopped") {
  std::string s = "{" + std::string(50, 'a') + "}";
  CHECK(matchBrace(s, 0, 100) == s.size());
  std::size_t stop = 0;
  CHECK(matchBrace(s, 0, 20, &stop) == std::string::npos);
  CHECK(stop == 20);
  // An escape at the very end: the stop stays within the text.
  std::string open = "{'abc\\";
  CHECK(matchBrace(open, 0, 100, &stop) == std::string::npos);
  CHECK(stop == open.size());
}

TEST_CASE("JsStrings: what a scan passes over") {
  std::string s = "a'b\\'c'd";
  JsStrings strings;
  std::string kept;
  for (std::size_t k = 0; k < s.size(); ++k)
    if (!strings.skip(s, k)) kept += s[k];
  CHECK(kept == "ad");
}

TEST_CASE("jsxExpressionString: the string an expression names") {
  CHECK(jsxExpressionString("'/img/a.png'") == "/img/a.png");
  CHECK(jsxExpressionString("require('./x.png').default") == "./x.png");
  CHECK(jsxExpressionString("{light: \"/a.png\", dark: '/b.png'}") == "/a.png");
  CHECK(jsxExpressionString(" 42 ") == "42");
  CHECK(jsxExpressionString("props.width") == "");
  CHECK(jsxExpressionString("'unclosed") == "");
}

TEST_CASE("codeFenceFor: longer than any backtick run in the content") {
  CHECK(codeFenceFor("plain") == "```");
  CHECK(codeFenceFor("a ``` b") == "````");
  CHECK(codeFenceFor("`````") == "``````");
}

TEST_CASE("CodeSkipper: fenced blocks and code spans are passed over, the rest is not") {
  std::string s = "a `b` c\n```\nd\n```\ne `` f";
  CodeSkipper code(s);
  std::string kept;
  for (std::size_t i = 0; i < s.size();) {
    if (std::size_t past = code.skip(i); past != i) {
      i = past;
      continue;
    }
    kept += s[i++];
  }
  CHECK(kept == "a  c\ne  f");  // the lone `` run has no close: skipped as a literal run
}

TEST_CASE("nextShortcodeOpening: {{< and {{% only") {
  std::string s = "{{ x }} {{< a >}} {{% b %}}";
  std::size_t first = nextShortcodeOpening(s, 0);
  CHECK(first == s.find("{{<"));
  CHECK(nextShortcodeOpening(s, first + 1) == s.find("{{%"));
  CHECK(nextShortcodeOpening(s, s.find("{{%") + 1) == std::string::npos);
  Shortcode sc;
  REQUIRE(parseShortcode(s, first, sc));
  CHECK(sc.name == "a");
  CHECK(shortcodePixelWidth("500px") == 500);
  CHECK(shortcodePixelWidth("50%") == 0);
}
