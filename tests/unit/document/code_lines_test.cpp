// codeLines: a Code block's text and spans as lines of runs.
#include <doctest/doctest.h>

#include "postpress/document.h"

using namespace pp;

namespace {
Block code(std::string text, std::vector<CodeSpan> spans) {
  Block b;
  b.kind = BlockKind::Code;
  b.text = std::move(text);
  b.spans = std::move(spans);
  return b;
}
std::string render(const std::vector<std::vector<CodeRun>>& lines) {
  std::string out;
  for (const auto& line : lines) {
    for (const CodeRun& r : line) out += "[" + std::string(tokenClassName(r.token)) + ":" + std::string(r.text) + "]";
    out += "\n";
  }
  return out;
}
}  // namespace

TEST_CASE("no spans: every line one plain run, empty lines none") {
  CHECK(render(codeLines(code("a b\n\nc", {}))) == "[plain:a b]\n\n[plain:c]\n");
  CHECK(render(codeLines(code("", {}))) == "\n");
}

TEST_CASE("spans and the plain gaps between them cover each line") {
  const Block b = code("key: 1\n# c", {{0, 3, TokenClass::Attribute}, {5, 1, TokenClass::Number},
                                       {7, 3, TokenClass::Comment}});
  CHECK(render(codeLines(b)) == "[attribute:key][plain:: ][number:1]\n[comment:# c]\n");
}

TEST_CASE("spans that do not fit are clipped, never read out of range") {
  const Block b = code("ab\ncd", {{1, 3, TokenClass::String},      // across the line end
                                  {1, 1, TokenClass::Keyword},     // overlaps the one before
                                  {4, 100, TokenClass::Comment},   // past the end
                                  {4000000000u, 10, TokenClass::Number}});
  CHECK(render(codeLines(b)) == "[plain:a][string:b]\n[string:c][comment:d]\n");
}

TEST_CASE("token class names round-trip") {
  for (std::size_t k = 0; k < kTokenClassCount; ++k) {
    TokenClass t{};
    REQUIRE(tokenClassFromName(tokenClassName(static_cast<TokenClass>(k)), &t));
    CHECK(static_cast<std::size_t>(t) == k);
  }
  TokenClass t{};
  CHECK_FALSE(tokenClassFromName("bogus", &t));
}
