// checkFormulas over a post: readable formulas keep their kind and get their plain text;
// unreadable ones become code with a warning at post:line (a few per post, then a note).
#include <doctest/doctest.h>

#include <tuple>

#include "postpress/math.h"

using namespace pp;

namespace {

Inline formula(std::string tex, int line) {
  Inline in = Inline::makeText(std::move(tex), {line, 3});
  in.kind = InlineKind::Math;
  return in;
}

// A post whose body starts on line 5 (four lines of front matter).
Post post() {
  Post p;
  std::tie(p.path, p.bodyLine) = std::make_tuple(std::string("posts/formulas.md"), 5);
  return p;
}

}  // namespace

TEST_CASE("readable formulas stay math with their plain text; unreadable ones become code, warned at post:line") {
  Document doc;
  Block para;
  para.kind = BlockKind::Paragraph;
  para.inlines = {formula("a^2 + b^2", 1), Inline::makeText(" and "), formula("\\oops{x}", 2)};
  Block display;
  display.kind = BlockKind::MathBlock;
  display.text = "\\begin{weird} x \\end{weird}";
  display.pos = {4, 1};
  Block quote;
  quote.kind = BlockKind::Quote;
  quote.children = {display};
  doc.blocks = {para, quote};
  DiagnosticSink diags;
  CHECK(checkFormulas(post(), doc, diags) == 1);
  const auto& in = doc.blocks[0].inlines;
  CHECK(in[0].kind == InlineKind::Math);
  CHECK(plainText(doc.blocks[0].inlines) == "a² + b² and \\oops{x}");
  CHECK(in[2].kind == InlineKind::Code);
  const Block& b = doc.blocks[1].children[0];
  CHECK(b.kind == BlockKind::Code);
  CHECK(b.info == "tex");
  REQUIRE(diags.all().size() == 2);
  CHECK(diags.all()[0].loc.path == "posts/formulas.md");
  CHECK(diags.all()[0].loc.line == 6);
  CHECK(diags.all()[0].code == kMathUnsupportedCode);
  CHECK(diags.all()[0].message == "formula printed as TeX source: unsupported command \\oops");
  CHECK(diags.all()[1].loc.line == 8);
  CHECK(diags.all()[1].message == "formula printed as TeX source: unsupported environment weird");
}

TEST_CASE("a post full of unreadable formulas gets twenty warnings and one note") {
  Document doc;
  Block para;
  para.kind = BlockKind::Paragraph;
  for (int i = 0; i < 100; ++i) para.inlines.push_back(formula("\\nope", i + 1));
  doc.blocks = {para};
  DiagnosticSink diags;
  CHECK(checkFormulas(post(), doc, diags) == 0);
  CHECK(diags.warningCount() == 20);
  CHECK(diags.count() == 21);
}
