#include <doctest/doctest.h>

#include "postpress/support/media_types.h"
#include "postpress/support/text.h"
#include "postpress/publication.h"
#include "publication/summary.h"
#include "../common/blocks.h"

using namespace pp;
using pptest::paragraph;

namespace {
std::string words(int n, const std::string& ending = "") {
  std::string s;
  for (int i = 0; i < n; ++i) s += (i ? " " : "") + std::string("word");
  return s + ending;
}
}  // namespace

TEST_CASE("cutAtSentence cuts at the sentence end nearest 60 words") {
  std::string text = words(50, ".") + " " + words(30, ".") + " " + words(40, ".");
  std::string cut = cutAtSentence(text);
  CHECK(countWords(cut) == 50);
  CHECK(cut.back() == '.');
  // Short texts are kept whole.
  CHECK(cutAtSentence("One short sentence.") == "One short sentence.");
  // Without a sentence end in range: 60 words and an ellipsis.
  std::string longRun = words(200);
  std::string cut2 = cutAtSentence(longRun);
  CHECK(countWords(cut2) == 60);
  CHECK(cut2.substr(cut2.size() - 3) == "\xE2\x80\xA6");
  // Abbreviations do not end sentences.
  std::string abbrev = words(55) + " e.g. " + words(30) + ". " + words(50);
  std::string cut3 = cutAtSentence(abbrev);
  CHECK(cut3.size() == abbrev.find(". ", abbrev.find("e.g.") + 5) + 1);  // 55 + e.g. + 30 words
}

TEST_CASE("summaries: front matter, then the marker, then the first real paragraph") {
  Post post;
  Document doc;
  doc.blocks.push_back(paragraph("Short line."));
  doc.blocks.push_back(paragraph("This opening paragraph has comfortably more than twelve words so it counts as prose."));
  doc.blocks.push_back(paragraph("Second paragraph."));
  CHECK(postSummary(post, doc) == "This opening paragraph has comfortably more than twelve words so it counts as prose.");

  doc.summaryEnd = 1;
  CHECK(postSummary(post, doc) == "Short line.");

  post.summary = "  From the front matter.  ";
  CHECK(postSummary(post, doc) == "From the front matter.");
}

TEST_CASE("media links get QR codes; dates are labelled") {
  CHECK(isMediaUrl("https://www.youtube.com/watch?v=abc"));
  CHECK(isMediaUrl("https://youtu.be/abc"));
  // A schedule is a schedule, by its long or its short address.
  CHECK_FALSE(isMediaUrl("https://kccncna2025.sched.com/event/27Fc"));
  CHECK_FALSE(isMediaUrl("https://sched.co/27Fc"));
  CHECK(mediaSiteOf("https://sched.co/27Fc") == mediaSiteOf("https://kccncna2025.sched.com/event/27Fc"));
  CHECK(isMediaUrl("https://vimeo.com/12345"));
  CHECK_FALSE(isMediaUrl("https://github.com/kserve/kserve"));
}

TEST_CASE("dates, months and reading times in the digest's language") {
  const Locale en("en"), de("de"), ja("ja");
  CHECK(en.date(1764460800, DateForm::Long) == "30 November 2025");
  DateTime d;
  d.year = 2025;
  d.month = 11;
  d.day = 18;
  CHECK(postDateLabel(en, d) == "18 Nov 2025");
  CHECK(postDateLabel(en, d, DateForm::Long) == "18 November 2025");
  CHECK(monthLabel(en, d) == "November 2025");
  CHECK(postDateLabel(de, d, DateForm::Long) == "18. November 2025");
  CHECK(monthLabel(ja, d) == "2025年11月");
  CHECK(postDateLabel(en, DateTime{}).empty());
  CHECK(monthLabel(de, DateTime{}) == de.label("undated"));
  PostEntry e;
  e.readingMinutes = 6;
  CHECK(readingTimeLabel(en, e) == "6 min read");
  CHECK(readingTimeLabel(de, e) == "6 Min. Lesezeit");
  e.readingMinutes = 0;  // never "0 min"
  CHECK(readingTimeLabel(en, e) == "1 min read");
}

TEST_CASE("a summary made of one giant word is cut at a character boundary") {
  std::string giant;
  for (int i = 0; i < 20000; ++i) giant += "\xC3\xA9";  // é, two bytes each
  const std::string s = pp::cutAtSentence("Start " + giant + " end.");
  CHECK(s.size() <= 60 * 12 + 3);
  CHECK(s.rfind("\xE2\x80\xA6") == s.size() - 3);
  CHECK(pp::isValidUtf8(s));
  CHECK(pp::cutAtSentence("A short summary. It ends here.") == "A short summary. It ends here.");
}
