// drawDiagrams over a post: figures for what is drawn, labelled source boxes and warnings for
// the rest, other code untouched, at any depth.
#include <doctest/doctest.h>

#include "common/code_block.h"
#include "postpress/diagrams.h"
#include "postpress/support/text.h"

using namespace pp;

namespace {

Block code(std::string info, std::string text, int line) { return test::codeBlock(std::move(info), std::move(text), line); }

Post post() {
  Post p;
  p.path = "posts/diagrams.md";
  p.bodyLine = 5;  // four lines of front matter
  return p;
}

}  // namespace

TEST_CASE("diagram blocks become figures or labelled source with a warning") {
  Document doc;
  doc.blocks.push_back(code("dot", "digraph { build -> test -> ship }\n", 3));
  doc.blocks.push_back(code("python", "print('hi')\n", 7));
  doc.blocks.push_back(code("mermaid", "sequenceDiagram\n  A->>B: hi\n", 10));
  Block list;
  list.kind = BlockKind::BulletList;
  Block item;
  item.kind = BlockKind::ListItem;
  item.children.push_back(code("mermaid", "graph LR\n  x[one] --> y[two]\n", 20));
  list.children.push_back(item);
  doc.blocks.push_back(list);
  doc.footnotes.push_back({"n", {code("graphviz", "digraph {\n  a -> -> b\n}\n", 30)}, {}});

  DiagnosticSink diags;
  CHECK(drawDiagrams(post(), doc, DiagramOptions{}, diags) == 2);

  const Block& fig = doc.blocks[0];
  REQUIRE(fig.kind == BlockKind::Figure);
  CHECK(startsWith(fig.image.src, "data:image/svg+xml;base64,"));
  CHECK(fig.image.alt == "Diagram: build, test, ship");
  CHECK(fig.pos.line == 3);

  CHECK(doc.blocks[1].kind == BlockKind::Code);  // other languages are not diagrams

  const Block& box = doc.blocks[2];
  REQUIRE(box.kind == BlockKind::Admonition);
  CHECK(plainText(box.inlines) == "Mermaid sequenceDiagram (shown as source)");
  REQUIRE(box.children.size() == 1);
  CHECK(box.children[0].kind == BlockKind::Code);
  CHECK(startsWith(box.children[0].text, "sequenceDiagram"));

  const Block& nested = doc.blocks[3].children[0].children[0];
  CHECK(nested.kind == BlockKind::Figure);
  CHECK(nested.image.alt == "Flowchart: one, two");

  CHECK(doc.footnotes[0].blocks[0].kind == BlockKind::Admonition);

  const auto all = diags.all();
  REQUIRE(all.size() == 2);
  CHECK(all[0].severity == Severity::Warning);
  CHECK(all[0].code == "diagram-unsupported");
  CHECK(all[0].loc.path == "posts/diagrams.md");
  CHECK(all[0].loc.line == 5 + 10 - 1);  // the fence's line in the file
  CHECK(all[1].code == "diagram-invalid");
  CHECK(all[1].loc.line == 5 + 30 + 2 - 1);  // the source's second line, after the fence
}

TEST_CASE("a mermaid title becomes the figure's caption") {
  Document doc;
  doc.blocks.push_back(code("mermaid", "---\ntitle: Release flow\n---\nflowchart LR\n  a --> b\n", 2));
  doc.blocks.push_back(code("mermaid", "flowchart LR\n  a --> b\n", 9));
  DiagnosticSink diags;
  CHECK(drawDiagrams(post(), doc, DiagramOptions{}, diags) == 2);
  CHECK(plainText(doc.blocks[0].inlines) == "Release flow");
  CHECK(doc.blocks[1].inlines.empty());
}

TEST_CASE("the figure's data URI decodes to the SVG") {
  Document doc;
  doc.blocks.push_back(code("dot", "digraph { a }", 1));
  DiagnosticSink diags;
  drawDiagrams(post(), doc, DiagramOptions{}, diags);
  const std::string& src = doc.blocks[0].image.src;
  const std::string payload = src.substr(src.find(',') + 1);
  CHECK(payload.size() % 4 == 0);
  // "<?xml" and "<svg" start the document: base64 of "<?xml" is "PD94bW".
  CHECK(startsWith(payload, "PD94bW"));
  DiagramResult direct = renderDiagram(DiagramLanguage::Dot, "digraph { a }", {});
  CHECK(payload.size() == (direct.svg.size() + 2) / 3 * 4);
}

TEST_CASE("a post's diagrams share one budget; past it they are printed as source") {
  Document doc;
  for (int k = 0; k < 4; ++k) doc.blocks.push_back(code("dot", "digraph { a -> b -> c -> d }", 10 * (k + 1)));
  DiagramOptions o;
  o.limits.maxEdgesPerPost = 6;  // two diagrams of three edges
  DiagnosticSink diags;
  CHECK(drawDiagrams(post(), doc, o, diags) == 2);
  CHECK(doc.blocks[1].kind == BlockKind::Figure);
  CHECK(doc.blocks[2].kind == BlockKind::Admonition);
  CHECK(doc.blocks[3].kind == BlockKind::Admonition);
  CHECK(diags.countCode("diagram-too-large") == 2);

  Document many;
  for (int k = 0; k < 3; ++k) many.blocks.push_back(code("dot", "digraph { a }", k + 1));
  o = {};
  o.limits.maxDiagramsPerPost = 2;
  DiagnosticSink d2;
  CHECK(drawDiagrams(post(), many, o, d2) == 2);
  CHECK(many.blocks[2].kind == BlockKind::Admonition);
}
