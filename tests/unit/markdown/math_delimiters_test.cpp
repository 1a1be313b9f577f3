// Which delimiters make math, generator by generator, as each one's Markdown reaches the
// page's MathJax or KaTeX: kramdown (Jekyll) and goldmark (Hugo) unescape \\( into \( unless
// Hugo's passthrough keeps the delimiters its configuration lists; remark-math (Docusaurus)
// knows dollars only; plain Markdown with math on takes \( and \[ as written.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace pp;
using namespace pptest;

namespace {

constexpr const char* kBody =
    "Single \\(a^2\\) and doubled \\\\(b_1\\\\) inline.\n\n"
    "\\[\nc = \\frac{1}{2}\n\\]\n\n"
    "\\\\[\nd = e\n\\\\]\n\n"
    "Dollars $x$ everywhere.\n";

struct Found {
  std::vector<std::string> inlines, blocks;
};

Found mathIn(const Site& site) {
  DiagnosticSink d;
  Post post = makePost(kBody);
  Document doc = parsePost(site, post, d);
  Found f;
  for (const Inline* i : inlinesOfKind(doc, InlineKind::Math)) f.inlines.push_back(i->text);
  for (const Block* b : blocksOfKind(doc, BlockKind::MathBlock)) f.blocks.push_back(b->text);
  return f;
}

using V = std::vector<std::string>;

}  // namespace

TEST_CASE("Hugo's passthrough delimiters from the site config: \\( and \\[ as written") {
  Site site = makeSite(Generator::Hugo);
  site.math = true;
  site.config["markup.goldmark.extensions.passthrough.enable"] = "true";
  site.config["markup.goldmark.extensions.passthrough.delimiters.block.0.0"] = "\\[";
  site.config["markup.goldmark.extensions.passthrough.delimiters.block.0.1"] = "\\]";
  site.config["markup.goldmark.extensions.passthrough.delimiters.inline.0.0"] = "\\(";
  site.config["markup.goldmark.extensions.passthrough.delimiters.inline.0.1"] = "\\)";
  const Found f = mathIn(site);
  CHECK(f.inlines == V{"a^2", "x"});
  CHECK(f.blocks == V{"c = \\frac{1}{2}"});
}

TEST_CASE("Hugo without passthrough and Jekyll's kramdown: doubled backslashes") {
  for (Generator g : {Generator::Hugo, Generator::Jekyll}) {
    CAPTURE(generatorName(g));
    Site site = makeSite(g);
    site.math = true;
    const Found f = mathIn(site);
    CHECK(f.inlines == V{"b_1", "x"});
    CHECK(f.blocks == V{"d = e"});
  }
}

TEST_CASE("Docusaurus (remark-math): dollars only") {
  Site site = makeSite(Generator::Docusaurus);
  site.math = true;
  const Found f = mathIn(site);
  CHECK(f.inlines == V{"x"});
  CHECK(f.blocks.empty());
}

TEST_CASE("plain Markdown with math on: single backslashes; math off: nothing") {
  Site site = makeSite();
  site.math = true;
  const Found f = mathIn(site);
  CHECK(f.inlines == V{"a^2", "x"});
  CHECK(f.blocks == V{"c = \\frac{1}{2}"});
  const Found off = mathIn(makeSite());
  CHECK(off.inlines.empty());
  CHECK(off.blocks.empty());
}

TEST_CASE("an opener without a closer stays text, and many of them stay linear") {
  Site site = makeSite();
  site.math = true;
  DiagnosticSink d;
  std::string body;
  for (int i = 0; i < 20000; ++i) body += "\\( open ";
  body += "\n\nThen \\(y\\) closes.\n";
  Post post = makePost(body);
  Document doc = parsePost(site, post, d);
  auto math = inlinesOfKind(doc, InlineKind::Math);
  REQUIRE(math.size() == 1);
  CHECK(math[0]->text == "y");
}
