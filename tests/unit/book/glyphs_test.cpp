// Glyphs in the layout: characters no font has (one warning per post, drawn as a visible box),
// emoji set as themselves, every run shaped, no invalid UTF-8 in a text run.
#include <doctest/doctest.h>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"
#include "postpress/support/text.h"
#include <cstring>

using namespace pp;
using namespace pp::testing;

TEST_CASE("characters no font has get one warning per post and are drawn as boxes with their code points") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  Document d;
  d.blocks.push_back(para("Before \U0010FFFD middle \U0010FFFD after \U0010FFFE end", 3));
  d.blocks.push_back(para("Emoji rocket \U0001F680 and CJK 中文 and arrow \u2192 here.", 4));
  s.addPost("Glyphs", std::move(d));
  s.pub.parts.toc = false;
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  REQUIRE(!lay.pages.empty());
  // One warning for the post, naming both characters and their script, where the first is.
  REQUIRE(diags.countCode("missing-glyph") == 1);
  for (const auto& d2 : diags.all())
    if (d2.code == "missing-glyph") {
      CHECK(d2.loc.path == "_posts/1.md");
      CHECK(d2.message.find("U+10FFFD U+10FFFE (Unknown)") != std::string::npos);
      CHECK(d2.message.find("2 characters") != std::string::npos);
    }
  const PageBox& p = lay.pages[0];
  int boxes = 0;
  for (const auto& r : p.rects) boxes += (!r.fill && r.strokeWidth > 0);
  CHECK(boxes == 3);
  bool hex = false;
  for (const auto& r : p.runs) hex |= r.text == "10FFFD";
  CHECK(hex);
  const bool colour = std::filesystem::exists("/usr/share/fonts/truetype/noto/NotoColorEmoji.ttf");
  if (colour || std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    // The rocket is set as itself, shaped in the emoji fallback: one glyph the font has, a
    // picture of the colour font when there is one.
    bool drawn = false;
    for (const auto& r : p.runs)
      if (r.text == "\U0001F680") {
        drawn = true;
        CHECK(lay.fonts[r.font].file.filename() == (colour ? "NotoColorEmoji.ttf" : "Symbola_hint.ttf"));
        CHECK(r.colorGlyphs == colour);
        CHECK(r.width > 3);
        REQUIRE(r.glyphs.size() == (r.spaceAfter ? 2u : 1u));  // then the space after it
        CHECK(r.glyphs[0].glyph != 0);
      }
    CHECK(drawn);
  }
  // Every run is shaped, with no glyph its font lacks.
  for (const auto& r : p.runs) {
    CHECK(!r.glyphs.empty());
    for (const auto& g : r.glyphs) CHECK(g.glyph != 0);
  }
}

TEST_CASE("invalid UTF-8 never reaches a text run") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  Document d;
  d.blocks.push_back(para(std::string("bad \xFF\xFE bytes \xE2\x82 here")));
  s.addPost("Bytes", std::move(d));
  s.pub.parts.toc = false;
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  for (const auto& pg : lay.pages)
    for (const auto& r : pg.runs) CHECK(isValidUtf8(r.text));
}

TEST_CASE("each post with characters no font has gets its own warning; the contents repeat none") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  Document a, b;
  a.blocks.push_back(para("One \U0010FFFD and again \U0010FFFD", 2));
  b.blocks.push_back(para("Two \U0010FFFD and \U0010FFFC", 5));
  s.addPost("Title with \U0010FFFB", std::move(a));
  s.addPost("Plain", std::move(b));
  s.pub.parts.toc = true;  // the first title, with its missing character, is listed there too
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  REQUIRE(!lay.pages.empty());
  std::vector<Diagnostic> missing;
  for (const auto& d : diags.all())
    if (d.code == "missing-glyph") missing.push_back(d);
  REQUIRE(missing.size() == 2);
  CHECK(missing[0].loc.path == "_posts/1.md");
  CHECK(missing[0].message.find("U+10FFFB U+10FFFD") != std::string::npos);
  CHECK(missing[1].loc.path == "_posts/2.md");
  CHECK(missing[1].message.find("U+10FFFC U+10FFFD") != std::string::npos);
}
