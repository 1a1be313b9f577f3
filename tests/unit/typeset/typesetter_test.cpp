// The typesetter's contract, without a book: parts of a body set side by side give the pages
// one worker gives, with their anchors, owners, openings and outline; sections set after cite
// the body's pages; free drawing lands in page coordinates.
#include <doctest/doctest.h>

#include <algorithm>
#include <string>
#include <tuple>
#include <vector>

#include "postpress/style.h"
#include "postpress/typeset.h"
#include "links_as_written.h"
#include "../common/blocks.h"

using namespace pp;
using pptest::paragraph;
using pp::typeset::testing::resolveAsWritten;

namespace {

std::string prose(int words, int seed) {
  static const char* kWords[] = {"typesetting", "engine", "pages", "of", "positioned", "boxes", "lines",
                                 "broken", "optimally", "with", "hyphenation", "and", "a", "paragraph"};
  std::string s;
  for (int i = 0; i < words; ++i) s += (i ? " " : "") + std::string(kWords[(i * 7 + seed) % 14]);
  return s + ".";
}

std::vector<Document> proseParts() {
  std::vector<Document> docs(5);
  for (int k = 0; k < 5; ++k) {
    Block h;
    h.kind = BlockKind::Heading;
    h.level = 2;
    h.id = "h";
    h.inlines.push_back(Inline::makeText("Part " + std::to_string(k)));
    docs[static_cast<std::size_t>(k)].blocks.push_back(h);
    for (int p = 0; p < 3 + 2 * k; ++p) docs[static_cast<std::size_t>(k)].blocks.push_back(paragraph(prose(120, k + p)));
  }
  return docs;
}

struct Body {
  SetPages pages;
  std::string drawn;  // every run of every page, with its position
};

Body setBody(Typesetter& ts, const std::vector<Document>& docs) {
  std::vector<BodyPart> parts(docs.size());
  for (std::size_t k = 0; k < docs.size(); ++k) {
    parts[k].owner = static_cast<int>(k);
    parts[k].anchor = "d" + std::to_string(k);
  }
  Body b;
  b.pages = ts.setBody(
      parts,
      [&](PartComposer& c, std::size_t k) {
        if (k > 0) c.newPage();
        const std::string anchor = "d" + std::to_string(k);
        c.beginPart(static_cast<int>(k), &docs[k], anchor);
        c.markOpening();
        c.anchor(anchor);
        c.outlineEntry("Document " + std::to_string(k), 0, anchor);
        c.blocks(docs[k].blocks);
        c.endPart();
      },
      [](SetPage& p, std::size_t index) { p.box.label = std::to_string(index + 1); });
  for (const SetPage& p : b.pages.pages) {
    b.drawn += "page " + p.box.label + " of " + std::to_string(p.owner) + (p.opensPart ? " opens\n" : "\n");
    for (const TextRun& r : p.box.runs)
      b.drawn += r.text + " " + std::to_string(static_cast<int>(r.x * 100)) + " " +
                 std::to_string(static_cast<int>(r.y * 100)) + "\n";
  }
  return b;
}


}  // namespace

TEST_CASE("a body set on four workers is the body set on one: pages, anchors, owners, outline") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  const std::vector<Document> docs = proseParts();
  TypesetOptions one, four;
  one.jobs = 1;
  four.jobs = 4;
  const Locale enUS("en-US");
  Typesetter a(st, nullptr, enUS, resolveAsWritten, one, diags), b(st, nullptr, enUS, resolveAsWritten, four, diags);
  REQUIRE(a.ok());
  const Body x = setBody(a, docs), y = setBody(b, docs);
  CHECK(x.drawn == y.drawn);
  REQUIRE(x.pages.pages.size() > docs.size());  // the longer parts take more than a page
  // Each part opens a page of its own, owned by it; headings are anchored under the part.
  int opened = 0;
  for (const SetPage& p : x.pages.pages) opened += p.opensPart;
  CHECK(opened == static_cast<int>(docs.size()));
  for (std::size_t k = 0; k < docs.size(); ++k) {
    const std::string anchor = "d" + std::to_string(k);
    auto at = [&](const std::string& name) {
      auto it = std::find_if(x.pages.anchors.begin(), x.pages.anchors.end(), [&](const auto& a) { return a.first == name; });
      REQUIRE(it != x.pages.anchors.end());
      return it->second.page;
    };
    const int page = at(anchor);
    CHECK(x.pages.pages[static_cast<std::size_t>(page)].owner == static_cast<int>(k));
    CHECK(x.pages.pages[static_cast<std::size_t>(page)].opensPart);
    CHECK(at(anchor + "/h") == page);
  }
  // The outline: each part's own entry, then its heading's, in order.
  REQUIRE(x.pages.outline.size() == 2 * docs.size());
  CHECK(x.pages.outline[4].title == "Document 2");
  CHECK(x.pages.outline[4].dest == "d2");
  CHECK(x.pages.outline[5].title == "Part 2");
  CHECK(x.pages.outline[5].level == 2);
  CHECK(x.pages.outline[5].dest == "d2/h");
}

TEST_CASE("sections cite the pages of what was set before them, by the labels it was given") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  const std::vector<Document> docs = proseParts();
  const Locale enUS("en-US");
  Typesetter ts(st, nullptr, enUS, resolveAsWritten, TypesetOptions{}, diags);
  Body body = setBody(ts, docs);
  for (SetPage& p : body.pages.pages) p.box.label = "p" + p.box.label;  // labels as cited
  ts.citePages(body.pages);
  std::vector<std::string> cited;
  std::string unknown = "?";
  const SetPages list = ts.setSections(2, [&](PartComposer& c, std::size_t k) {
    c.beginPart(-2 - static_cast<int>(k), nullptr, "");
    unknown = c.pageOf("nowhere");
    for (std::size_t d = 0; d < docs.size(); ++d) {
      cited.push_back(c.pageOf("d" + std::to_string(d)));
      c.entry({Inline::makeText("Document " + std::to_string(d))}, "d" + std::to_string(d), st.tocEntry, 0);
    }
    c.endPart();
  });
  REQUIRE(cited.size() == 2 * docs.size());
  CHECK(cited[0] == "p1");
  CHECK(cited[4] != cited[3]);
  CHECK(unknown.empty());
  REQUIRE(!list.pages.empty());
  CHECK(list.pages[0].owner == -2);
  // The entries print the cited labels at the right.
  std::string runs;
  for (const SetPage& p : list.pages)
    for (const TextRun& r : p.box.runs) runs += r.text + " ";
  CHECK(runs.find(cited[4] + " ") != std::string::npos);
}

TEST_CASE("free drawing on a page lands in page coordinates, with the fonts' text") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  const Locale enUS("en-US");
  Typesetter ts(st, nullptr, enUS, resolveAsWritten, TypesetOptions{}, diags);
  PageBox page;
  float width = 0;
  ts.drawOnPage(page, [&](Canvas& c) {
    width = c.textWidth("Running head", st.runningHeader);
    c.text("Running head", st.runningHeader, 100, 40);
    c.line({100, 44, 300, 44, 0.4f, st.rule});
  });
  REQUIRE(page.runs.size() >= 2);  // two words
  CHECK(page.runs[0].x == doctest::Approx(100));
  CHECK(page.runs[0].y == doctest::Approx(40));
  CHECK(width > 30);
  REQUIRE(page.lines.size() == 1);
  CHECK(page.lines[0].x2 == 300);
  const Layout l = ts.takeLayout();
  CHECK(!l.fonts.empty());
}

TEST_CASE("body progress is told once per page, in order, with the parts begun so far") {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  const std::vector<Document> docs = proseParts();
  std::vector<std::tuple<std::size_t, std::size_t, std::size_t>> told;
  TypesetOptions options;
  options.jobs = 3;
  options.bodyProgress = [&](std::size_t pages, std::size_t parts, std::size_t total) {
    told.emplace_back(pages, parts, total);
  };
  const Locale enUS("en-US");
  Typesetter ts(st, nullptr, enUS, resolveAsWritten, options, diags);
  const Body b = setBody(ts, docs);
  REQUIRE(told.size() == b.pages.pages.size());
  for (std::size_t i = 0; i < told.size(); ++i) {
    const auto [pages, parts, total] = told[i];
    CHECK(pages == i + 1);
    CHECK(total == docs.size());
    if (i > 0) CHECK(parts >= std::get<1>(told[i - 1]));
  }
  CHECK(std::get<1>(told.back()) == docs.size());
}
