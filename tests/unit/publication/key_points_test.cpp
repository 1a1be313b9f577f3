// Key points for the brief: the summary section found by its name in a few languages, its
// first bullets, and the headline figures the post quotes.
#include <doctest/doctest.h>

#include "postpress/publication.h"
#include "publication/key_points.h"
#include "publication/summary.h"
#include "../common/blocks.h"

using namespace pp;
using pptest::paragraph;
using pptest::heading;

namespace {

// A bullet list; an item "label: a, b" is a label with a nested list of a and b.
Block bullets(const std::vector<std::string>& items) {
  Block list;
  list.kind = BlockKind::BulletList;
  for (const auto& text : items) {
    Block item;
    item.kind = BlockKind::ListItem;
    const auto colon = text.find(": ");
    if (colon == std::string::npos) {
      item.children.push_back(paragraph(text));
    } else {
      item.children.push_back(paragraph(text.substr(0, colon)));
      std::vector<std::string> nested;
      std::string rest = text.substr(colon + 2);
      for (std::size_t at; (at = rest.find(", ")) != std::string::npos; rest = rest.substr(at + 2))
        nested.push_back(rest.substr(0, at));
      nested.push_back(rest);
      item.children.push_back(bullets(nested));
    }
    list.children.push_back(std::move(item));
  }
  return list;
}

}  // namespace

TEST_CASE("a summary section is named like one, in a few languages, without case or a colon") {
  for (const char* yes : {"Executive Summary", "TL;DR", "tl;dr:", "Key Takeaways", "Highlights", "Highlights of the week",
                          "Zusammenfassung", "Résumé", "RÉSUMÉ", "Resumen", "まとめ", "摘要"})
    CHECK_MESSAGE(namesSummary(yes), yes);
  for (const char* no : {"Keynotes", "Summaryless", "Benchmarking", "Resume writing tips", ""})
    CHECK_MESSAGE(!namesSummary(no), no);
}

TEST_CASE("key points: the summary section's first bullets; figures from its statistics") {
  Document doc;
  doc.blocks.push_back(paragraph("We went to the conference and this is the lead paragraph of the post, long enough."));
  doc.blocks.push_back(heading("Executive Summary", 1));
  doc.blocks.push_back(bullets({"Red Hat: Delivered the day 1 keynote on security, Co-chaired two co-located events",
                                "Event statistics: 9,000+ attendees, 34 Red Hat sessions, 2025 plans"}));
  doc.blocks.push_back(heading("Keynotes", 1));
  doc.blocks.push_back(bullets({"Elsewhere: 300+ attendees, A point that is not in the summary section"}));
  const KeyPoints k = keyPointsOf(doc);
  CHECK(k.points == std::vector<std::string>{"Delivered the day 1 keynote on security", "Co-chaired two co-located events"});
  CHECK(k.figures == std::vector<std::string>{"9,000+ attendees", "34 Red Hat sessions"});
  CHECK(k.sectionParagraph.empty());
}

TEST_CASE("without a summary section: no points, and the figures of the post's lists") {
  Document doc;
  doc.blocks.push_back(paragraph("A lead paragraph that says what the post is about in more than a few words."));
  doc.blocks.push_back(bullets({"Results: 50% fewer restarts, 1.2 release notes, 12 new contributors"}));
  const KeyPoints k = keyPointsOf(doc);
  CHECK(k.points.empty());
  CHECK(k.figures == std::vector<std::string>{"50% fewer restarts", "12 new contributors"});
}

TEST_CASE("the summary section's paragraph is the summary when the front matter has none") {
  Post post;
  Document doc;
  doc.blocks.push_back(paragraph("This opening paragraph has comfortably more than twelve words so it counts as prose."));
  doc.blocks.push_back(heading("TL;DR", 2));
  doc.blocks.push_back(paragraph("The release makes upgrades safe and halves the time a rollout takes in large clusters."));
  const KeyPoints k = keyPointsOf(doc);
  CHECK(summarize(post, doc, k.sectionParagraph) ==
        "The release makes upgrades safe and halves the time a rollout takes in large clusters.");
  post.summary = "From the front matter.";
  CHECK(summarize(post, doc, k.sectionParagraph) == "From the front matter.");
}
