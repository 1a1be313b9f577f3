// cmark-gfm -> Document: the CommonMark/GFM constructs, positions, figures, headings.
#include <doctest/doctest.h>

#include "helpers.h"
#include "postpress/support/parallel.h"

using namespace pp;
using namespace pptest;

TEST_CASE("basic blocks and inlines with body-relative positions") {
  DiagnosticSink d;
  Document doc = parse("Intro *em* **strong** `code` ~~gone~~ [link](https://x.org).\n\n"
                       "## Section Two\n\n- a\n- b\n\n1. one\n2. two\n\n> quoted\n\n```python\nprint(1)\n```\n\n---\n",
                       d);
  REQUIRE(doc.blocks.size() == 7);
  CHECK(doc.blocks[0].kind == BlockKind::Paragraph);
  CHECK(doc.blocks[0].pos.line == 1);
  CHECK(doc.blocks[1].kind == BlockKind::Heading);
  CHECK(doc.blocks[1].level == 2);
  CHECK(doc.blocks[1].id == "section-two");
  CHECK(doc.blocks[1].pos.line == 3);
  CHECK(doc.blocks[2].kind == BlockKind::BulletList);
  CHECK(doc.blocks[2].children.size() == 2);
  CHECK(doc.blocks[3].kind == BlockKind::OrderedList);
  CHECK(doc.blocks[4].kind == BlockKind::Quote);
  CHECK(doc.blocks[5].kind == BlockKind::Code);
  CHECK(doc.blocks[5].info == "python");
  CHECK(doc.blocks[5].text == "print(1)");
  CHECK(doc.blocks[6].kind == BlockKind::Rule);
  auto& in = doc.blocks[0].inlines;
  CHECK(in[1].kind == InlineKind::Emph);
  CHECK(in[3].kind == InlineKind::Strong);
  CHECK(in[5].kind == InlineKind::Code);
  CHECK(in[7].kind == InlineKind::Strike);
  CHECK(in[9].kind == InlineKind::Link);
  CHECK(in[9].link.url == "https://x.org");
}

TEST_CASE("tables, task lists and footnotes") {
  DiagnosticSink d;
  Document doc = parse("- [x] done\n- [ ] open\n\nText[^n] more[^m].\n\n[^m]: M note\n[^n]: N note\n\n"
                       "| a | b |\n|:-|-:|\n| 1 | 2 |\n",
                       d);
  auto lists = blocksOfKind(doc, BlockKind::BulletList);
  REQUIRE(lists.size() == 1);
  CHECK(lists[0]->children[0].task == TaskState::Done);
  CHECK(lists[0]->children[1].task == TaskState::Open);
  REQUIRE(doc.footnotes.size() == 2);
  CHECK(plainText(doc.footnotes[0].blocks[0]) == "N note");
  auto refs = inlinesOfKind(doc, InlineKind::FootnoteRef);
  REQUIRE(refs.size() == 2);
  CHECK(refs[0]->footnote == 0);
  CHECK(refs[1]->footnote == 1);
  auto tables = blocksOfKind(doc, BlockKind::Table);
  REQUIRE(tables.size() == 1);
  CHECK(tables[0]->rows.size() == 2);
  CHECK(tables[0]->rows[0].header);
  CHECK(tables[0]->aligns == std::vector<Align>{Align::Left, Align::Right});
}

TEST_CASE("a paragraph holding only an image becomes a figure; other images stay inline") {
  DiagnosticSink d;
  Document doc = parse("![A cat](cat.png \"The cat\")\n\n[![Project logo](logo.png)](https://x.org)\n\n"
                       "Text with ![icon](i.png) inside.\n\n![image](shot.png)\n",
                       d);
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[0].kind == BlockKind::Figure);
  CHECK(doc.blocks[0].image.src == "cat.png");
  CHECK(plainText(doc.blocks[0].inlines) == "The cat");
  CHECK(doc.blocks[1].kind == BlockKind::Figure);
  CHECK(doc.blocks[1].link.url == "https://x.org");
  CHECK(plainText(doc.blocks[1].inlines) == "Project logo");
  CHECK(doc.blocks[2].kind == BlockKind::Paragraph);
  CHECK(doc.blocks[3].kind == BlockKind::Figure);
  CHECK(doc.blocks[3].inlines.empty());  // "image" is no caption
}

TEST_CASE("heading ids: GitHub slugs, custom ids, uniqueness") {
  DiagnosticSink d;
  Document doc = parse("## Hello, World!\n\n## Hello, World!\n\n## Custom {#my-id}\n\n### snake_case Name\n", d);
  auto hs = blocksOfKind(doc, BlockKind::Heading);
  REQUIRE(hs.size() == 4);
  CHECK(hs[0]->id == "hello-world");
  CHECK(hs[1]->id == "hello-world-1");
  CHECK(hs[2]->id == "my-id");
  CHECK(plainText(hs[2]->inlines) == "Custom");
  CHECK(hs[3]->id == "snake_case-name");
}

TEST_CASE("a first H1 repeating the title is dropped") {
  DiagnosticSink d;
  Site site = makeSite();
  Post post = makePost("# A post\n\nBody.\n", "A Post");
  Document doc = parsePost(site, post, d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(doc.blocks[0].kind == BlockKind::Paragraph);
  Post other = makePost("# Something else\n\nBody.\n", "A Post");
  CHECK(parsePost(site, other, d).blocks.size() == 2);
}

TEST_CASE("summary markers") {
  DiagnosticSink d;
  Document doc = parse("First.\n\nSecond.\n\n<!--more-->\n\nThird.\n", d);
  CHECK(doc.summaryEnd == 2);
  CHECK(doc.blocks.size() == 3);
  Document doc2 = parse("One.\n<!-- truncate -->\nTwo.\n", d);
  CHECK(doc2.summaryEnd == 1);
  Document none = parse("Nothing here.\n", d);
  CHECK(none.summaryEnd == -1);
}

TEST_CASE("CRLF, BOM, tabs, nbsp indentation and invalid UTF-8") {
  DiagnosticSink d;
  Document doc = parse("\xEF\xBB\xBFLine one\r\nstill\tone\r\n\r\n\xC2\xA0\xC2\xA0- item\r\n\r\nbad \xFF byte\r\n", d);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(plainText(doc.blocks[0]) == "Line one still one");
  CHECK(doc.blocks[1].kind == BlockKind::BulletList);
  CHECK(plainText(doc.blocks[2]).find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(hasDiag(d, "utf8-invalid", 5 + 6 - 1));  // body line 6, body starts at file line 5
}

TEST_CASE("controls inside a line are dropped and a non-breaking space there kept") {
  DiagnosticSink d;
  // Mid-line: \x01 and DEL dropped, form feed a space, a bare CR a line end, NBSP as it is.
  Document doc = parse("Ab\x01" "cd\x7F ef\fgh\xC2\xA0ij\rkl\n", d);
  REQUIRE(doc.blocks.size() == 1);
  CHECK(plainText(doc.blocks[0]) == "Abcd ef gh\xC2\xA0ij kl");
}

TEST_CASE("GitHub alerts become admonitions") {
  DiagnosticSink d;
  Document doc = parse("> [!WARNING]\n> Be careful.\n\n> [!TIP]\n> One.\n>\n> Two.\n\n> plain quote\n", d);
  REQUIRE(doc.blocks.size() == 3);
  CHECK(doc.blocks[0].kind == BlockKind::Admonition);
  CHECK(doc.blocks[0].admonition == AdmonitionKind::Warning);
  CHECK(plainText(doc.blocks[0]) == "Be careful.");
  CHECK(doc.blocks[1].admonition == AdmonitionKind::Tip);
  CHECK(doc.blocks[1].children.size() == 2);
  CHECK(doc.blocks[2].kind == BlockKind::Quote);
}

TEST_CASE("smart punctuation") {
  DiagnosticSink d;
  Document doc = parse("\"Quoted\" -- and --- it's\n", d);
  CHECK(plainText(doc.blocks[0]) == "\xE2\x80\x9CQuoted\xE2\x80\x9D \xE2\x80\x93 and \xE2\x80\x94 it\xE2\x80\x99s");
}

TEST_CASE("strong emphasis next to CJK punctuation is repaired") {
  DiagnosticSink d;
  Document doc = parse("**\xE5\x94\x90\xE6\xBA\x90\xEF\xBC\x9A**\xE6\x88\x91 and a ** b ** c stays\n", d);
  auto strong = inlinesOfKind(doc, InlineKind::Strong);
  REQUIRE(strong.size() == 1);
  CHECK(plainText(strong[0]->children) == "\xE5\x94\x90\xE6\xBA\x90\xEF\xBC\x9A");
  CHECK(plainText(doc.blocks[0]).find("a ** b ** c") != std::string::npos);
}

TEST_CASE("posts parsed on several threads keep their bare URLs and strikethrough") {
  // cmark-gfm keeps the extensions' trigger characters in one table for the whole process,
  // added and removed around each parse's inline pass: unguarded, a parse finishing on one
  // thread made another miss its autolinks now and then.
  std::string body;
  for (int i = 0; i < 40; ++i)
    body += "Item " + std::to_string(i) + ": see https://example.com/p" + std::to_string(i) +
            " and www.example.org, ~~old~~ news.\n\n";
  constexpr std::size_t kPosts = 64;
  std::vector<std::size_t> links(kPosts, 0), strikes(kPosts, 0);
  parallelFor(kPosts, 4, [&](std::size_t i) {
    DiagnosticSink d;
    const Document doc = parse(body, d);
    links[i] = inlinesOfKind(doc, InlineKind::Link).size();
    strikes[i] = inlinesOfKind(doc, InlineKind::Strike).size();
  });
  for (std::size_t i = 0; i < kPosts; ++i) {
    CAPTURE(i);
    CHECK(links[i] == 80);
    CHECK(strikes[i] == 40);
  }
}

TEST_CASE("a fence's caption or title attribute is kept on its code block") {
  DiagnosticSink d;
  Document doc = parse("```mermaid caption=\"From commit  to canary\"\nflowchart TD\n```\n\n"
                       "```js title='app.js' {1,3}\nx\n```\n\n```dot {title=build, caption=Build}\ndigraph {}\n```\n\n"
                       "```python subtitle=no\nx\n```\n",
                       d);
  REQUIRE(doc.blocks.size() == 4);
  CHECK(doc.blocks[0].info == "mermaid");
  CHECK(plainText(doc.blocks[0].inlines) == "From commit to canary");
  CHECK(plainText(doc.blocks[1].inlines) == "app.js");
  CHECK(plainText(doc.blocks[2].inlines) == "Build");  // a caption before a title
  CHECK(doc.blocks[3].inlines.empty());
}
