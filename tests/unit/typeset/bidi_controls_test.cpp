// Explicit bidi controls (issue 19): the marks (LRM, RLM, ALM), embeddings and overrides (LRE,
// RLE, LRO, RLO, PDF) and isolates (LRI, RLI, FSI, PDI) authors of Arabic, Hebrew and Persian
// posts place Latin names and numbers with take part in the bidi algorithm where they are: a
// line is drawn as FriBiDi's own reordering of the text with them (UAX #9 rules X1 to X10), and
// none of them is drawn or read.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "bidi_env.h"

using namespace pp;
using namespace pp::typeset;
using namespace pp::typeset::testing;

namespace {

// `text` without its bidi controls and spaces: what the runs hold, in order.
std::string visibleText(const std::string& text) {
  std::string out;
  for (char32_t c : toUtf32(text))
    if (c != U' ' && !isBidiControl(c)) appendUtf8(out, c);
  return out;
}

void drawnAsFriBiDi(BidiEnv& env, const std::string& text, bool rightToLeft) {
  CAPTURE(text);
  ItemList list = env.items(text);
  CHECK(list.rtl == rightToLeft);
  const std::vector<SetLine> lines = env.lines(list, 2000);
  REQUIRE(lines.size() == 1);
  CHECK(toUtf8(drawn(lines[0])) == toUtf8(reference(text, rightToLeft)));
  // No run holds a control; the runs read the rest in the order of the text.
  std::string read;
  for (const TextRun& r : lines[0].content.runs) read += r.text;
  CHECK(read == visibleText(text));
}

}  // namespace

TEST_CASE("bidi controls in a right-to-left paragraph place what they mark as FriBiDi does") {
  BidiEnv env(true);
  for (const char* text : {
           // An isolate keeps "C++ 20" together, left to right (without it: "20 ++C").
           "\u05D0\u05E0\u05D7\u05E0\u05D5 \u05DB\u05D5\u05EA\u05D1\u05D9\u05DD \u05D1-\u2066C++ 20\u2069 \u05DB\u05DC \u05D9\u05D5\u05DD.",
           // A left-to-right mark after "C++" keeps its pluses at its right.
           "\u05D4\u05E9\u05E4\u05D4 C++\u200E \u05DE\u05D4\u05D9\u05E8\u05D4.",
           // A right-to-left mark after a Latin word that ends the sentence: its full stop
           // stays at the left end; after "(beta)" the bracket too.
           "\u064A\u0633\u062A\u062E\u062F\u0645 \u0627\u0644\u0641\u0631\u064A\u0642 Kubernetes (beta)\u200F.",
           // An embedding: the Hebrew words inside run left to right, each still right to left.
           "\u05D4\u05E1\u05E4\u05E8 \u202A\u05E9\u05DC\u05D5\u05DD \u05E2\u05D5\u05DC\u05DD\u202C \u05D9\u05E6\u05D0.",
           // An Arabic letter mark before a signed number.
           "\u0627\u0644\u0631\u0635\u064A\u062F \u061C-5 \u062F\u0648\u0644\u0627\u0631",
           // A first-strong isolate around a Latin name.
           "\u0642\u0627\u0644 \u2068Jane Doe, Acme\u2069 \u0634\u064A\u0626\u0627.",
       })
    drawnAsFriBiDi(env, text, true);
}

TEST_CASE("bidi controls in a left-to-right paragraph: overrides, isolates, a right-to-left mark") {
  BidiEnv env(false);
  for (const char* text : {
           // A right-to-left override draws its Latin letters right to left.
           "The code \u202Eabc def\u202C is reversed.",
           // A left-to-right override draws Hebrew left to right.
           "Shalom is \u202D\u05E9\u05DC\u05D5\u05DD\u202C in Hebrew.",
           // A right-to-left isolate: its neutrals and numbers follow its direction.
           "The title \u2067\u05D2\u05E8\u05E1\u05D4 2.0!\u2069 shipped.",
           // A right-to-left mark after a Hebrew word keeps the "!" with it.
           "He wrote \u05E9\u05DC\u05D5\u05DD!\u200F and left.",
       })
    drawnAsFriBiDi(env, text, false);
}

TEST_CASE("a right-to-left mark before a Latin word makes its paragraph right to left") {
  BidiEnv env(false);
  drawnAsFriBiDi(env, "\u200FKubernetes \u0647\u0648 \u0646\u0638\u0627\u0645.", true);
}

TEST_CASE("a bidi control is a box of no width that no line draws") {
  BidiEnv env(true);
  ItemList list = env.items("\u05D1-\u2066C++\u2069\u200F\u200F");
  std::vector<std::string> controls;
  for (const Item& it : list.items)
    if (it.isBox() && it.kind == BoxKind::BidiControl) {
      controls.push_back(it.text);
      CHECK(it.width == 0);
    }
  // Controls side by side share a box.
  CHECK(controls == std::vector<std::string>{"\u2066", "\u2069\u200F\u200F"});
  const std::vector<SetLine> lines = env.lines(list, 2000);
  REQUIRE(lines.size() == 1);
  for (const TextRun& r : lines[0].content.runs)
    for (char32_t c : toUtf32(r.text)) CHECK_FALSE(isBidiControl(c));
}
