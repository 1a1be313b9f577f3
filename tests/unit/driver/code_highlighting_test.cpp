// The driver highlights each post's code as the post is parsed, several posts side by side on one
// highlighter: every block gets the spans it would get alone, and each post's warnings come in
// its reading order whatever the threads.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/code_block.h"
#include "driver/code_highlighting.h"
#include "postpress/highlight.h"
#include "postpress/support/parallel.h"

using namespace pp;

namespace {

using pp::test::codeBlock;

// Three posts: one with most of the code (a large block over the budget among them), one
// with none, one with a block inside a quote and one in a footnote.
std::vector<Document> selection() {
  const std::string big(std::size_t{300} << 10, 'x');  // over HighlightLimits::maxBlockBytes
  std::vector<Document> docs(3);
  docs[0].blocks.push_back(codeBlock("python", "def f(x):\n    return x + 1\n", 3));
  docs[0].blocks.push_back(codeBlock("python", big, 9));
  docs[0].blocks.push_back(codeBlock("go", "package main\nfunc main() {}\n", 20));
  docs[0].blocks.push_back(codeBlock("c", big, 30));
  Block quote;
  quote.kind = BlockKind::Quote;
  quote.children.push_back(codeBlock("bash", "echo hello  # greet\n", 5));
  docs[2].blocks.push_back(std::move(quote));
  Footnote note;
  note.blocks.push_back(codeBlock("json", "{\"a\": [1, 2]}\n", 2));
  docs[2].footnotes.push_back(std::move(note));
  return docs;
}

std::vector<const Block*> codeBlocksOf(const std::vector<Document>& docs) {
  std::vector<const Block*> out;
  for (const Document& d : docs) {
    auto take = [&](const Block& b) {
      if (b.kind == BlockKind::Code) out.push_back(&b);
    };
    forEachBlock(d.blocks, take);
    for (const Footnote& f : d.footnotes) forEachBlock(f.blocks, take);
  }
  return out;
}

}  // namespace

TEST_CASE("posts highlighted side by side on one highlighter, warnings in reading order") {
  std::vector<Post> posts(3);
  for (std::size_t i = 0; i < posts.size(); ++i) posts[i].path = "_posts/p" + std::to_string(i) + ".md";
  std::vector<const Post*> selected{&posts[0], &posts[1], &posts[2]};
  const Style style;
  const Highlighter alone;
  for (int jobs : {1, 2, 4}) {
    CAPTURE(jobs);
    std::vector<Document> docs = selection();
    std::vector<DiagnosticSink> postDiags(docs.size());
    const std::unique_ptr<Highlighter> highlighter = driver::highlighterFor(style, {});
    REQUIRE(highlighter);
    parallelFor(docs.size(), jobs,
                [&](std::size_t i) { driver::highlightPostCode(*highlighter, *selected[i], docs[i], postDiags[i]); });
    for (const Block* b : codeBlocksOf(docs)) {
      CAPTURE(b->info);
      const HighlightedCode expected = alone.highlight(b->info, b->text);
      CHECK(b->language == expected.language);
      CHECK(b->spans.size() == expected.spans.size());
      if (b->text.size() < 1000) CHECK_FALSE(b->spans.empty());  // small blocks are highlighted
    }
    const std::vector<Diagnostic> first = postDiags[0].all();
    REQUIRE(first.size() == 2);
    CHECK(first[0].code == "code-not-highlighted");
    CHECK(first[0].loc.line == 9);
    CHECK(first[1].loc.line == 30);
    CHECK(postDiags[1].count() == 0);
    CHECK(postDiags[2].count() == 0);
  }
}

TEST_CASE("no block names a language: no engine is made; highlighting off: no highlighter") {
  Post post;
  Document doc;
  doc.blocks.push_back(codeBlock("", "plain text\n", 1));
  DiagnosticSink diags;
  const std::unique_ptr<Highlighter> highlighter = driver::highlighterFor(Style{}, {});
  REQUIRE(highlighter);
  driver::highlightPostCode(*highlighter, post, doc, diags);
  CHECK(highlighter->engineCount() == 0);
  CHECK(doc.blocks[0].language.empty());
  CHECK(doc.blocks[0].spans.empty());
  Style plain;
  plain.highlight.enabled = false;
  CHECK_FALSE(driver::highlighterFor(plain, {}));
}
