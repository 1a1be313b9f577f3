// Glyphs in the layout: characters no font has (reported once each, drawn as a visible box),
// emoji set as themselves, every run shaped, no invalid UTF-8 in a text run.
#include <doctest/doctest.h>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"
#include "postpress/support/text.h"
#include <cstring>

using namespace pp;
using namespace pp::testing;

TEST_CASE("a character no font has is reported once and drawn as a box with its code point") {
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
  CHECK(diags.countCode("missing-glyph") == 2);  // two distinct characters, each once
  bool sawLine = false;
  for (const auto& d2 : diags.all())
    if (d2.code == "missing-glyph") {
      sawLine |= d2.loc.path == "_posts/1.md";
      CHECK(d2.message.find("U+10FFF") != std::string::npos);
    }
  CHECK(sawLine);
  const PageBox& p = lay.pages[0];
  int boxes = 0;
  for (const auto& r : p.rects) boxes += (!r.fill && r.strokeWidth > 0);
  CHECK(boxes == 3);
  bool hex = false;
  for (const auto& r : p.runs) hex |= r.text == "10FFFD";
  CHECK(hex);
  if (std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    // The rocket is set as itself, shaped in the emoji fallback: one glyph the font has.
    bool drawn = false;
    for (const auto& r : p.runs)
      if (r.text == "\U0001F680") {
        drawn = true;
        CHECK(lay.fonts[r.font].file.filename() == "Symbola_hint.ttf");
        CHECK(r.width > 3);
        REQUIRE(r.glyphs.size() == 1);
        CHECK(r.glyphs[0].glyph != 0);
      }
    CHECK(drawn);
    CHECK(lay.privateUse.empty());
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
