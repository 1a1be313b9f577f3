// Highlighted code in the PDF: each token class gets its theme's colour, weight and slant (the
// faces of the code family), a theme that is off prints the block in the code role alone, and
// tabs and the text of every token survive.
#include <doctest/doctest.h>

#include <map>
#include <string>
#include <vector>

#include "postpress/style.h"
#include "postpress/typeset.h"

using namespace pp;

namespace {

// `source` as a Code block whose spans are given as (text of the token, class), in order.
Block highlighted(const std::string& source, const std::vector<std::pair<std::string, TokenClass>>& tokens) {
  Block b;
  b.kind = BlockKind::Code;
  b.info = "yaml";
  b.language = "yaml";
  b.text = source;
  std::size_t from = 0;
  for (const auto& [text, token] : tokens) {
    const std::size_t at = source.find(text, from);
    REQUIRE(at != std::string::npos);
    b.spans.push_back({static_cast<std::uint32_t>(at), static_cast<std::uint32_t>(text.size()), token});
    from = at + text.size();
  }
  return b;
}

struct Drawn {
  std::vector<TextRun> runs;
  std::vector<FontFace> fonts;
  std::string fileOf(const TextRun& r) const { return fonts.at(r.font).file.filename().string(); }
  const TextRun& run(const std::string& text) const {
    for (const TextRun& r : runs)
      if (r.text == text) return r;
    FAIL("no run " << text);
    return runs.front();
  }
};

Drawn set(const Style& st, const Block& code) {
  DiagnosticSink diags;
  TypesetOptions options;
  options.jobs = 1;
  const Locale en("en");
  Typesetter ts(st, nullptr, en, [](const LinkTarget& t, int) { return ResolvedLink{t.url, ""}; }, options, diags);
  REQUIRE(ts.ok());
  Document doc;
  doc.blocks.push_back(code);
  std::vector<BodyPart> parts(1);
  parts[0].owner = 0;
  parts[0].anchor = "p";
  SetPages pages = ts.setBody(
      parts,
      [&](PartComposer& c, std::size_t) {
        c.beginPart(0, &doc, "p");
        c.blocks(doc.blocks);
        c.endPart();
      },
      [](SetPage&, std::size_t) {});
  Drawn d;
  for (const SetPage& p : pages.pages) d.runs.insert(d.runs.end(), p.box.runs.begin(), p.box.runs.end());
  d.fonts = ts.takeLayout().fonts;
  return d;
}

bool sameColor(const Color& a, const Color& b) { return a.hex() == b.hex(); }

}  // namespace

TEST_CASE("token classes are set in their theme's colour, weight and slant") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  REQUIRE(st.highlight.enabled);
  const Block code = highlighted("apiVersion: v1 # pinned\nreplicas: 3\n",
                                 {{"apiVersion", TokenClass::Attribute},
                                  {":", TokenClass::Punctuation},
                                  {"# pinned", TokenClass::Comment},
                                  {"replicas", TokenClass::Attribute},
                                  {"3", TokenClass::Number}});
  const Drawn d = set(st, code);
  const TextRun& key = d.run("apiVersion");
  const TextRun& plain = d.run("v1");
  const TextRun& comment = d.run("# pinned");
  const TextRun& number = d.run("3");
  // The theme: keys bold, comments italic, each in its colour; unclassified text in the code role.
  REQUIRE(st.highlight[TokenClass::Attribute].color);
  CHECK(sameColor(key.color, *st.highlight[TokenClass::Attribute].color));
  CHECK(sameColor(comment.color, *st.highlight[TokenClass::Comment].color));
  CHECK(sameColor(number.color, *st.highlight[TokenClass::Number].color));
  CHECK(sameColor(plain.color, st.code.color));
  CHECK(d.fileOf(key).find("Bold") != std::string::npos);
  CHECK(d.fileOf(key).find("Italic") == std::string::npos);
  CHECK(d.fileOf(comment).find("Italic") != std::string::npos);
  CHECK(d.fileOf(comment).find("Bold") == std::string::npos);
  CHECK(d.fileOf(plain) == d.fileOf(number));
  // A monospaced block keeps its columns whatever the face: "replicas" starts where
  // "apiVersion" does, under it.
  CHECK(d.run("replicas").x == doctest::Approx(key.x));
}

TEST_CASE("a theme that is off prints highlighted code in the code role alone") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  st.highlight.enabled = false;
  const Drawn d = set(st, highlighted("kind: Pod\n", {{"kind", TokenClass::Attribute}}));
  // One run, as unhighlighted code: nothing splits the line any more.
  const TextRun& line = d.run("kind: Pod");
  CHECK(sameColor(line.color, st.code.color));
  CHECK(d.runs.size() == 1);
}

TEST_CASE("indentation moves a token, and spans that do not fit the text are ignored") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  Block code = highlighted("    go run .\n", {{"go", TokenClass::Function}});
  code.spans.push_back({5000, 3, TokenClass::Keyword});  // past the end
  const Drawn d = set(st, code);
  const TextRun& fn = d.run("go");
  CHECK(sameColor(fn.color, *st.highlight[TokenClass::Function].color));
  // Four spaces of indentation move "go" right of where it starts unindented.
  const Drawn flush = set(st, highlighted("go run .\n", {{"go", TokenClass::Function}}));
  CHECK(fn.x > flush.run("go").x);
  const TextRun& run = d.run("run .");
  CHECK(run.x > fn.x);
  std::string all;
  for (const TextRun& r : d.runs) all += r.text + " ";
  CHECK(all == "go run . ");
}
