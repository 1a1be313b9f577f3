// Pagination rules checked on the laid-out pages themselves: no widows or orphans, headings
// kept with what follows, nothing outside the text block, tables never wider than it, page
// numbers and anchors where the content really is.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <set>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;

namespace {

struct Line {
  float y;
  std::string text;
  float size;
};

// Body lines of a page (inside the text block), top to bottom.
std::vector<Line> bodyLines(const PageBox& page, const Style& st) {
  std::map<int, Line> byY;
  for (const auto& r : page.runs) {
    if (r.y < st.marginTop - 1 || r.y > st.pageHeight - st.marginBottom + 1) continue;
    const int key = static_cast<int>(r.y * 10);
    auto& l = byY[key];
    l.y = r.y;
    l.size = std::max(l.size, r.size);
    l.text += (l.text.empty() ? "" : " ") + r.text;
  }
  std::vector<Line> out;
  for (auto& [k, l] : byY) out.push_back(l);
  return out;
}

// The paragraph a body line belongs to: its words are "qNNN".
int paragraphOf(const Line& l) {
  if (l.text.size() < 2 || l.text[0] != 'q') return -1;
  return std::atoi(l.text.c_str() + 1);
}

std::string taggedParagraph(int id, int words) {
  std::string s;
  for (int i = 0; i < words; ++i) s += (i ? " q" : "q") + std::to_string(id) + (i % 3 ? "" : "x");
  return s;
}

}  // namespace

TEST_CASE("no widows, no orphans, headings kept with what follows") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  st.paragraphIndent = 0;  // keep every line starting with its paragraph's word
  SamplePublication s;
  Document d;
  unsigned seed = 7;
  for (int p = 0; p < 160; ++p) {
    seed = seed * 1103515245u + 12345u;
    if (p % 9 == 4) d.blocks.push_back(heading(2, "Heading " + std::to_string(p), "h" + std::to_string(p)));
    const int words = 8 + static_cast<int>((seed >> 16) % 150);
    d.blocks.push_back(para(taggedParagraph(p, words)));
  }
  s.addPost("Pagination", std::move(d));
  s.pub.parts.toc = false;
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  REQUIRE(lay.pages.size() > 10);

  std::vector<std::vector<Line>> pages;
  for (const auto& pg : lay.pages) pages.push_back(bodyLines(pg, st));
  int checkedSplits = 0;
  for (std::size_t i = 0; i + 1 < pages.size(); ++i) {
    const auto& a = pages[i];
    const auto& b = pages[i + 1];
    if (a.empty() || b.empty()) continue;
    // A heading is never the last line of a page.
    CHECK_MESSAGE(a.back().size < 12, "page " << i + 1 << " ends with a heading: " << a.back().text);
    const int pa = paragraphOf(a.back()), pb = paragraphOf(b.front());
    if (pa < 0 || pa != pb) continue;
    ++checkedSplits;
    const auto count = [&](const std::vector<Line>& ls) {
      return std::count_if(ls.begin(), ls.end(), [&](const Line& l) { return paragraphOf(l) == pa; });
    };
    CHECK_MESSAGE(count(a) >= 2, "orphan of paragraph " << pa << " on page " << i + 1);
    CHECK_MESSAGE(count(b) >= 2, "widow of paragraph " << pa << " on page " << i + 2);
  }
  CHECK(checkedSplits > 3);  // the test did see paragraphs split across pages

  // Every line lies inside the text block horizontally too.
  for (const auto& pg : lay.pages)
    for (const auto& r : pg.runs) {
      CHECK(r.x >= st.marginInner - 0.01f);
      CHECK(r.x + r.width <= st.pageWidth - st.marginOuter + 0.01f);
    }
}

TEST_CASE("tables are never wider than the text block, and repeat their header") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  Document d;
  std::vector<std::vector<std::string>> rows;
  rows.push_back({"Name", "Description", "Endpoint", "Notes", "Owner", "Status", "Since"});
  for (int r = 0; r < 90; ++r)
    rows.push_back({"component-" + std::to_string(r), prose(12, static_cast<unsigned>(r)),
                    "https://example.org/api/v1/namespaces/default/services/component-" + std::to_string(r),
                    prose(5, 100u + static_cast<unsigned>(r)), "Team " + std::to_string(r % 7), "Stable",
                    "2025-11-" + std::to_string(1 + r % 28)});
  d.blocks.push_back(table(rows));
  s.addPost("Tables", std::move(d));
  s.pub.parts.toc = false;
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  REQUIRE(lay.pages.size() >= 3);
  const float left = st.marginInner, right = st.pageWidth - st.marginOuter;
  int headerPages = 0;
  for (const auto& pg : lay.pages) {
    for (const auto& r : pg.runs) {
      CHECK(r.x >= left - 0.01f);
      CHECK(r.x + r.width <= right + 0.01f);
    }
    for (const auto& r : pg.rects) CHECK(r.x + r.width <= right + 0.01f);
    for (const auto& l : pg.lines) CHECK(std::max(l.x1, l.x2) <= right + 0.01f);
    for (const auto& r : pg.runs)
      if (r.text == "Description") ++headerPages;
  }
  CHECK(headerPages == static_cast<int>(lay.pages.size()));  // the header on every page
}

TEST_CASE("anchors and the contents cite the pages where things really are") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  for (int p = 0; p < 4; ++p) {
    Document d;
    for (int k = 0; k < 3 + p * 2; ++k) {
      d.blocks.push_back(heading(2, "Part " + std::to_string(p) + "." + std::to_string(k), "part-" + std::to_string(k)));
      d.blocks.push_back(para(prose(220, static_cast<unsigned>(p * 10 + k))));
    }
    s.addPost("Post number " + std::to_string(p + 1), std::move(d));
  }
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  REQUIRE(lay.frontPages == 1);
  CHECK(lay.pages[0].label == "i");
  CHECK(lay.pages[1].label == "1");
  for (const auto& e : s.pub.posts) {
    const AnchorPos* a = lay.find(e.anchor);
    REQUIRE(a);
    // The post's title is on that page, at or below the anchor.
    bool found = false;
    for (const auto& r : lay.pages[static_cast<std::size_t>(a->page)].runs)
      if (r.text == "number" && r.y >= a->y) found = true;
    CHECK(found);
    // The contents page shows that page's label.
    const std::string label = lay.pageLabel(e.anchor);
    bool listed = false;
    for (const auto& r : lay.pages[0].runs) listed |= r.text == label;
    CHECK(listed);
    const AnchorPos* h = lay.find(e.anchor + "/part-2");
    REQUIRE(h);
    bool headingThere = false;
    for (const auto& r : lay.pages[static_cast<std::size_t>(h->page)].runs)
      if (r.text.rfind("Part", 0) == 0 && r.y >= h->y - 0.01f) headingThere = true;
    CHECK(headingThere);
  }
  // The outline lists posts and their headings.
  int top = 0, sub = 0;
  for (const auto& o : lay.outline) (o.level == 0 ? top : sub)++;
  CHECK(top == 5);  // four posts and the contents
  CHECK(sub == 3 + 5 + 7 + 9);
}

TEST_CASE("figures shrink into the space left or move on while text fills the gap") {
  // Figures need real assets: covered by the PDF tests with the asset stage. Here: a figure
  // whose asset is missing becomes a visible placeholder naming the source.
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  Document d;
  d.blocks.push_back(para(prose(40, 1)));
  d.blocks.push_back(figure(-1, "A diagram", "img/diagram.png"));
  s.addPost("Figures", std::move(d));
  s.pub.parts.toc = false;
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  REQUIRE(!lay.pages.empty());
  std::string all;
  for (const auto& r : lay.pages[0].runs) all += r.text + " ";
  CHECK(all.find("not available") != std::string::npos);
  CHECK(all.find("img/diagram.png") != std::string::npos);
  CHECK(!lay.pages[0].rects.empty());
}
