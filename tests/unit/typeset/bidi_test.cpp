// Bidirectional text (bidi.h): a line's runs are drawn in the order FriBiDi's own reordering
// (rule L2 over every character) gives, whatever a word mixes (numbers, brackets, dates,
// versions, URLs, quotes in Arabic; a Hebrew word with digits in English); every run is drawn in
// one direction; the text stays whole and in logical order; a line's hyphen is drawn beside the
// word it ends; a paragraph's label in right-to-left text is drawn as the bidi algorithm and
// browsers draw a list's number (".12").
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "bidi_env.h"

using namespace pp;
using namespace pp::typeset;
using namespace pp::typeset::testing;

TEST_CASE("every mixed word of a right-to-left line is drawn as FriBiDi reorders it") {
  BidiEnv env(true);
  for (const char* text : {
           "صدر الإصدار (2025) في يوم 2025-12-07 مع الإصدار v1.2 من الأداة.",
           "يدعم Kubernetes 1.31 الآن ميزة جديدة، بنسبة %50 أو 50% تقريبا.",
           "اقرأ المزيد على https://kubernetes.io/blog/2025/12/07/release/ قبل التثبيت.",
           "قال الفريق \u201CCloud Native\u201D و(OpenTelemetry) و\"Helm\" في البيان.",
           "نستخدم Kubernetes، ثم v1.2-بيتا في الاختبار.",
           "הגרסה (2025) יצאה ב-2025-12-07 עם Kubernetes 1.31, כלומר [v1.2].",
       }) {
    CAPTURE(text);
    ItemList list = env.items(text);
    CHECK(list.rtl);
    // Boxes cut where the level changes, nothing lost, in logical order.
    CHECK(boxText(list) == withoutSpaces(text));
    const std::vector<SetLine> lines = env.lines(list, 2000);
    REQUIRE(lines.size() == 1);
    CHECK(toUtf8(drawn(lines[0])) == toUtf8(reference(text, true)));
    // The runs are kept in the order of the text (what pdftotext -raw and the structure read).
    std::string read;
    for (const TextRun& r : lines[0].content.runs) read += r.text;
    CHECK(read == withoutSpaces(text));
  }
}

TEST_CASE("right-to-left words with digits inside a left-to-right paragraph are drawn as FriBiDi reorders them") {
  BidiEnv env(false);
  for (const char* text : {"The release was called גרסה2025 in the notes, and שלום 123 was the greeting.",
                           "Version (שלום-2) and \"בדיקה 3.1\" shipped."}) {
    CAPTURE(text);
    ItemList list = env.items(text);
    CHECK_FALSE(list.rtl);
    const std::vector<SetLine> lines = env.lines(list, 2000);
    REQUIRE(lines.size() == 1);
    CHECK(toUtf8(drawn(lines[0])) == toUtf8(reference(text, false)));
  }
}

TEST_CASE("a mixed word broken at a line end is drawn by the levels of each line") {
  BidiEnv env(true);
  // A URL inside Arabic, broken where long URLs break; a word wider than the measure, broken
  // anywhere (splitOverwideBoxes): each line reorders its own pieces, at the levels of the whole
  // paragraph, the break opportunities between them drawing nothing and cutting nothing.
  for (const char* text : {"اقرأ المزيد على https://kubernetes.io/blog/2025/12/07/a-very-long-release-name/ قبل التثبيت الجديد.",
                           "كلمة ومعها الكلمةالطويلةجدابلامسافاتأبداحتىتتجاوزعرضالسطرالمتاح في النص."}) {
    CAPTURE(text);
    ItemList list = env.items(text);
    const std::vector<SetLine> lines = env.lines(list, 150);
    REQUIRE(lines.size() > 1);
    std::vector<std::size_t> lengths;
    for (const SetLine& line : lines) {
      std::size_t n = 0;
      for (const TextRun& r : line.content.runs) n += toUtf32(r.text).size();
      lengths.push_back(n);
    }
    const std::vector<std::u32string> want = reference(text, true, lengths);
    for (std::size_t k = 0; k < lines.size(); ++k) {
      CAPTURE(k);
      CHECK(toUtf8(drawn(lines[k])) == toUtf8(want[k]));
    }
  }
}

TEST_CASE("a line's hyphen is drawn beside the word it ends, on the side it ends") {
  BidiEnv env(true);
  // Soft hyphens break the word where the measure asks for it.
  SUBCASE("a left-to-right word in a right-to-left line: at the word's right") {
    ItemList list = env.items("نستخدم الأداة Kuber\u00ADnetes\u00ADOperator\u00ADFramework\u00ADExtended في الاختبار.");
    const std::vector<SetLine> lines = env.lines(list, 120);
    REQUIRE(lines.size() > 1);
    const std::vector<TextRun> runs = byPosition(lines[0]);
    auto hyphen = std::find_if(runs.begin(), runs.end(), [](const TextRun& r) { return r.text.back() == '-'; });
    REQUIRE(hyphen != runs.end());
    CHECK_FALSE(hyphen->rtl);
    // The word's piece ends with it ("Kuber-"), at the line's left end (the end of its text).
    CHECK(hyphen->text.size() > 1);
    CHECK(hyphen == runs.begin());
  }
  SUBCASE("a right-to-left word: at its left, the line's left end") {
    ItemList list = env.items("שלום לכם תת\u00ADמערכת\u00ADהתקשורת\u00ADהחדשה\u00ADוהמשופרת בפרויקט");
    const std::vector<SetLine> lines = env.lines(list, 70);
    REQUIRE(lines.size() > 1);
    // The first line: "שלום לכם תת-", the piece at its left end, its hyphen left of it.
    REQUIRE(lines[0].content.runs.size() > 1);
    const std::vector<TextRun> runs = byPosition(lines[0]);
    CHECK(runs.front().text == "תת-");
    for (std::size_t k = 1; k < runs.size(); ++k) CHECK(runs[k].text.find('-') == std::string::npos);
    CHECK(runs.front().rtl);
    CHECK(runs.front().glyphs.front().cluster == 2);  // the hyphen, drawn first on the left
  }
}

TEST_CASE("a paragraph's label in right-to-left text is drawn right to left, its number left to right") {
  BidiEnv env(true);
  for (const char* text : {"الموقع الرسمي https://kubernetes.io/releases/", "https://kubernetes.io/releases/"}) {
    CAPTURE(text);
    ItemList list = env.items(text, "12.\u2002");
    // A note of a right-to-left post is set right to left, even when it holds only a URL.
    CHECK(list.rtl);
    const std::vector<SetLine> lines = env.lines(list, 2000);
    REQUIRE(lines.size() == 1);
    const std::vector<TextRun> runs = byPosition(lines[0]);
    const TextRun& label = runs.back();  // on the right, where the line starts
    CHECK(label.text == "12.");
    CHECK(label.rtlLabel);
    // Drawn ".12": the full stop (cluster 2), then the digits left to right (clusters 0, 1).
    std::vector<std::uint32_t> clusters;
    for (const ShapedGlyph& g : label.glyphs)
      if (g.cluster < 3) clusters.push_back(g.cluster);
    CHECK(clusters == std::vector<std::uint32_t>{2, 0, 1});
    // Read first (the runs are in the order of the text).
    CHECK(lines[0].content.runs.front().text == "12.");
  }
  SUBCASE("Arabic-Indic digits from another font than the full stop: two runs, drawn '.١٢', read '١٢.'") {
    // The digits come from the Arabic fallback, the full stop from the text's face.
    ItemList list = env.items("\u0627\u0644\u0645\u0648\u0642\u0639 \u0627\u0644\u0631\u0633\u0645\u064A", "\u0661\u0662.\u2002");
    const std::vector<SetLine> lines = env.lines(list, 2000);
    REQUIRE(lines.size() == 1);
    const std::vector<TextRun> runs = byPosition(lines[0]);
    REQUIRE(runs.size() >= 3);
    const TextRun& stop = runs[runs.size() - 2];
    const TextRun& digits = runs.back();
    CHECK(digits.text == "\u0661\u0662");
    CHECK(stop.text == ".");
    CHECK(digits.font != stop.font);
    CHECK(digits.rtlLabel);
    CHECK(stop.rtlLabel);
    // Side by side, the full stop on the left, the digits left to right (١ then ٢).
    CHECK(stop.x + stop.width == doctest::Approx(digits.x).epsilon(0.001));
    REQUIRE(digits.glyphs.size() == 2);
    CHECK(digits.glyphs[0].cluster == 0);
    CHECK(digits.glyphs[1].cluster == 1);
    // Read first, the digits before the full stop (each run's ActualText is its text).
    CHECK(lines[0].content.runs[0].text == "\u0661\u0662");
    CHECK(lines[0].content.runs[1].text == ".");
  }
  SUBCASE("left to right, a label stays as it was") {
    BidiEnv ltr(false);
    ItemList list = ltr.items("The official site", "12.\u2002");
    const std::vector<SetLine> lines = ltr.lines(list, 2000);
    REQUIRE(lines.size() == 1);
    CHECK_FALSE(lines[0].content.runs.front().rtlLabel);
    CHECK(byPosition(lines[0]).front().text == "12.");
  }
}
