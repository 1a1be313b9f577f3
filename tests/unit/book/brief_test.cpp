// At a glance: a one-post digest gets the post's key points instead of an entry repeating its
// title; many posts get compact entries (no tags, no meta line, two lines of summary).
#include <doctest/doctest.h>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;

namespace {

// The text of the brief's pages, run after run, without spaces.
std::string briefText(const Publication& pub, const char* styleName) {
  DiagnosticSink diags;
  const Style st = loadStyle(styleName, "", diags);
  const Layout l = layoutBook(pub, st, printedBook(pub, st, {}), TypesetOptions{}, diags);
  const AnchorPos* brief = l.find(kBriefAnchor);
  const AnchorPos* contents = l.find(kContentsAnchor);
  REQUIRE(brief);
  REQUIRE(contents);
  std::string text;
  for (int p = brief->page; p <= contents->page; ++p)
    for (const TextRun& r : l.pages[static_cast<std::size_t>(p)].runs) {
      if (p == contents->page && r.y >= contents->y) continue;
      text += r.text;  // runs split words at kerning pairs: compared without spaces
    }
  return text;
}

SamplePublication posts(int n) {
  SamplePublication s;
  for (int p = 0; p < n; ++p) {
    Document d;
    for (int k = 0; k < 3; ++k) d.blocks.push_back(para(prose(120, static_cast<unsigned>(p * 7 + k))));
    PostEntry& e = s.addPost("Zebra title " + std::to_string(p + 1), std::move(d), {"Taggy"});
    e.summary = prose(70, 50u + static_cast<unsigned>(p));
    e.keyPoints = {"Quokkapointone", "Quokka point two"};
    e.figures = {"9,000+ attendees", "34 sessions"};
  }
  return s;
}

}  // namespace

TEST_CASE("a one-post brief gives the key points and figures, not the title again") {
  for (const char* style : {"report", "brief"}) {
    CAPTURE(style);
    SamplePublication s = posts(1);
    const std::string text = briefText(s.pub, style);
    CHECK(text.find("Zebra") == std::string::npos);
    CHECK(text.find("Quokkapointone") != std::string::npos);
    CHECK(text.find("attendees") != std::string::npos);
  }
}

TEST_CASE("a few posts get full entries with their figures; many get compact ones") {
  SamplePublication few = posts(3);
  const std::string full = briefText(few.pub, "report");
  CHECK(full.find("Zebratitle3") != std::string::npos);
  CHECK(full.find("TAGGY") != std::string::npos);  // tags shown
  CHECK(full.find("attendees") != std::string::npos);
  SamplePublication many = posts(20);
  const std::string compact = briefText(many.pub, "report");
  CHECK(compact.find("Zebratitle20") != std::string::npos);
  CHECK(compact.find("TAGGY") == std::string::npos);
  CHECK(compact.find("attendees") == std::string::npos);
}
