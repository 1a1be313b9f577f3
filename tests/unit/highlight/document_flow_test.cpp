// highlightDocument fills the Document's code blocks for both backends.
#include <doctest/doctest.h>

#include "common/code_block.h"
#include "token_probe.h"

using namespace pp;

using pp::test::codeBlock;

TEST_CASE("highlightDocument fills language and spans of every code block") {
  Document doc;
  doc.blocks.push_back(codeBlock("yml", "a: 1\n", 3));
  Block quote;
  quote.kind = BlockKind::Quote;
  quote.children.push_back(codeBlock("go", "package main", 9));
  doc.blocks.push_back(quote);
  doc.blocks.push_back(codeBlock("", "just text", 12));
  Footnote f;
  f.blocks.push_back(codeBlock("console", "$ ls\nREADME.md", 20));
  doc.footnotes.push_back(f);
  doc.blocks.push_back(codeBlock("json", std::string(std::size_t{300} << 10, ' '), 30));

  const std::vector<Highlighter::PlainBlock> over = test::highlighter().highlightDocument(doc);

  CHECK(doc.blocks[0].language == "yaml");
  CHECK_FALSE(doc.blocks[0].spans.empty());
  CHECK(doc.blocks[1].children[0].language == "go");
  CHECK_FALSE(doc.blocks[1].children[0].spans.empty());
  CHECK(doc.blocks[2].language.empty());
  CHECK(doc.blocks[2].spans.empty());
  CHECK(doc.footnotes[0].blocks[0].language == "console");
  REQUIRE(over.size() == 1);
  CHECK(over[0].pos.line == 30);
  CHECK(over[0].why == HighlightStatus::OverBudget);

  // The lines both backends draw: the prompt, then the command; the output line.
  const auto lines = codeLines(doc.footnotes[0].blocks[0]);
  REQUIRE(lines.size() == 2);
  REQUIRE(lines[0].size() >= 2);
  CHECK(lines[0][0].text == "$ ");
  CHECK(lines[0][0].token == TokenClass::Prompt);
  REQUIRE(lines[1].size() == 1);
  CHECK(lines[1][0].text == "README.md");
  CHECK(lines[1][0].token == TokenClass::Output);
}
