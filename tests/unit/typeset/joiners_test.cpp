// Zero width joiners and non-joiners (issue 19): they stay in their word's text, so shaping
// joins or keeps letters apart by them (Persian "نسخه‌ی", "می‌شود"; Devanagari half forms) and
// the text reads as written; they draw nothing (no glyph, no box), wherever they are in a word.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bidi_env.h"

using namespace pp;
using namespace pp::typeset;
using namespace pp::typeset::testing;

namespace {

// The boxes' texts, with what kind each box is.
std::vector<std::string> boxTexts(const ItemList& list) {
  std::vector<std::string> out;
  for (const Item& it : list.items)
    if (it.isBox()) out.push_back(it.kind == BoxKind::Text ? it.text : "<not text>");
  return out;
}

}  // namespace

TEST_CASE("a non-joiner stays in its word, which is shaped with it and draws no glyph for it") {
  BidiEnv env(true);
  const std::string word = "\u0646\u0633\u062E\u0647\u200C\u06CC";  // نسخه‌ی
  ItemList list = env.items(word);
  CHECK(boxTexts(list) == std::vector<std::string>{word});
  ItemList joined = env.items("\u0646\u0633\u062E\u0647\u06CC");  // نسخهی
  const std::vector<SetLine> lines = env.lines(list, 2000), joinedLines = env.lines(joined, 2000);
  REQUIRE(lines.size() == 1);
  REQUIRE(lines[0].content.runs.size() == 1);
  const TextRun& run = lines[0].content.runs[0];
  CHECK(run.text == word);
  CHECK(run.rtl);
  // Five glyphs for six characters: none for the non-joiner, no space nor .notdef in its place.
  REQUIRE(run.glyphs.size() == 5);
  const int space = env.fonts->file(run.font).glyphIndex(U' ');
  for (const ShapedGlyph& g : run.glyphs) {
    CHECK(g.glyph != 0);
    CHECK(g.glyph != space);
  }
  // The heh is final and the yeh isolated: other glyphs than the joined word's.
  REQUIRE(joinedLines[0].content.runs.size() == 1);
  CHECK(run.glyphs[0].glyph != joinedLines[0].content.runs[0].glyphs[0].glyph);
}

TEST_CASE("a joiner is never a box of its own, where it is in a word") {
  BidiEnv env(true);
  SUBCASE("first in a word: with the letter after it") {
    ItemList list = env.items("\u200D\u0628\u200D \u0645\u06CC\u200C\u0634\u0648\u062F");  // ‍ب‍ می‌شود
    CHECK(boxTexts(list) == std::vector<std::string>{"\u200D\u0628\u200D", "\u0645\u06CC\u200C\u0634\u0648\u062F"});
  }
  SUBCASE("at a change of look: with the letter before it") {
    InlineBuilder b(*env.ctx, env.style.body, false);
    Inline strong;
    strong.kind = InlineKind::Strong;
    strong.children.push_back(Inline::makeText("\u200C\u0647\u0627"));  // ‌ها in bold
    b.add({Inline::makeText("\u06A9\u062A\u0627\u0628"), strong});     // کتاب
    ItemList list = b.finish();
    CHECK(boxTexts(list) == std::vector<std::string>{"\u06A9\u062A\u0627\u0628\u200C", "\u0647\u0627"});
  }
  SUBCASE("Devanagari: the half form's joiner stays in the conjunct's box") {
    BidiEnv ltr(false);
    ItemList list = ltr.items("\u0915\u094D\u200D\u0937");  // क्‍ष
    CHECK(boxTexts(list) == std::vector<std::string>{"\u0915\u094D\u200D\u0937"});
  }
  for (const Item& it : env.items("\u200C\u0628 \u200D").items) CHECK(it.kind != BoxKind::Missing);
}
