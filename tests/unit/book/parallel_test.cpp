// The book's layout does not depend on the number of workers setting its posts (the
// typesetter's setBody); pages handed over as they are finished are the pages it keeps.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"
#include "postpress/support/text.h"

using namespace pp;
using namespace pp::testing;

namespace {

std::string utf8(char32_t c) {
  std::string s;
  appendUtf8(s, c);
  return s;
}

// Everything drawn on the pages, as text: two layouts compare equal when this does.
std::string describe(const Layout& lay) {
  std::string s;
  auto num = [](float v) { return std::to_string(static_cast<long>(v * 1000)); };
  for (const PageBox& p : lay.pages) {
    s += "page " + p.label + "\n";
    for (const auto& r : p.runs)
      s += "run " + std::to_string(r.font) + " " + num(r.x) + " " + num(r.y) + " " + num(r.size) + " " + r.text + "\n";
    for (const auto& r : p.rects) s += "rect " + num(r.x) + " " + num(r.y) + " " + num(r.width) + " " + num(r.height) + "\n";
    for (const auto& l : p.links) s += "link " + l.uri + l.dest + " " + num(l.x) + " " + num(l.y) + "\n";
  }
  for (const auto& [name, pos] : lay.anchors) s += "anchor " + name + " " + std::to_string(pos.page) + "\n";
  for (const auto& e : lay.outline) s += "outline " + e.title + " " + e.dest + "\n";
  s += "fonts " + std::to_string(lay.fonts.size()) + "\n";
  return s;
}

}  // namespace

TEST_CASE("a layout is the same on one thread and on four") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  const char32_t astral[] = {U'\U0001F680', U'\U0001F600', U'\U0001D49C', U'\U0001F4A1', U'\U0001F525'};
  for (int i = 0; i < 12; ++i) {
    Document d;
    d.blocks.push_back(heading(2, "Section " + std::to_string(i), "s" + std::to_string(i)));
    // Each post meets the characters above U+FFFF in its own order, some shared.
    std::string t = "Post " + std::to_string(i) + " launches";
    for (int k = 0; k < 3; ++k) t += " " + utf8(astral[(i + k * 2) % 5]) + " word";
    d.blocks.push_back(para(t + " and a long sentence that wraps over the line to make several lines of text "
                                "with hyphenation opportunities everywhere, internationalization included.",
                            2));
    d.blocks.push_back(para({text("See "), hyperlink("#s" + std::to_string(i), "above"), text(" and "),
                             hyperlink("", "the next post", (i + 1) % 12)}));
    d.blocks.push_back(codeBlock("printf(\"" + utf8(astral[i % 5]) + "\");\nreturn 0;"));
    d.blocks.push_back(list(false, {{para("one")}, {para("two " + utf8(astral[(i + 1) % 5]))}}));
    s.addPost("Post " + std::to_string(i) + " " + utf8(astral[(i + 3) % 5]), std::move(d));
  }
  TypesetOptions one, four;
  one.jobs = 1;
  four.jobs = 4;
  DiagnosticSink d1, d4;
  const Layout a = layoutBook(s.pub, st, {}, one, d1);
  const Layout b = layoutBook(s.pub, st, {}, four, d4);
  REQUIRE(a.pages.size() >= 2);
  CHECK(describe(a) == describe(b));
  CHECK(d1.all().size() == d4.all().size());
  if (std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    // Characters above U+FFFF are set as themselves: each post's read back as its own.
    std::vector<std::string> words;
    for (const PageBox& p : a.pages)
      for (const auto& r : p.runs) words.push_back(r.text);
    int checked = 0;
    for (std::size_t k = 0; k + 6 < words.size(); ++k)
      if (words[k] == "Post" && words[k + 2] == "launches") {
        const int i = std::stoi(words[k + 1]);
        CHECK(words[k + 3] == utf8(astral[i % 5]));
        CHECK(words[k + 5] == utf8(astral[(i + 2) % 5]));
        ++checked;
      }
    CHECK(checked == 12);
  }
}

TEST_CASE("body pages handed over as they are finished are the pages a layout keeps") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  for (int i = 0; i < 9; ++i) {
    Document d;
    d.blocks.push_back(heading(2, "Part " + std::to_string(i), "p" + std::to_string(i)));
    d.blocks.push_back(para(prose(300 + 40 * i, i) + " " + utf8(U'\U0001F680' + static_cast<char32_t>(i % 4)), 1));
    d.blocks.push_back(para({text("See "), hyperlink("#p" + std::to_string(i), "above")}));
    s.addPost("Post " + std::to_string(i), std::move(d));
  }
  TypesetOptions whole, handed;
  whole.jobs = handed.jobs = 4;
  std::mutex m;
  std::map<std::size_t, PageBox> got;
  handed.bodyPages.page = [&](std::size_t i, PageBox&& page) {
    std::lock_guard<std::mutex> lock(m);
    CHECK(got.count(i) == 0);
    got[i] = std::move(page);
  };
  DiagnosticSink d1, d2;
  const Layout a = layoutBook(s.pub, st, {}, whole, d1);
  Layout b = layoutBook(s.pub, st, {}, handed, d2);
  REQUIRE(got.size() >= 5);
  // Layout::pages keeps the size, label and links of a page handed over; its drawing went.
  for (const auto& [i, page] : got) {
    PageBox& kept = b.pages[static_cast<std::size_t>(b.frontPages) + i];
    CHECK(kept.runs.empty());
    CHECK(kept.label == page.label);
    CHECK(kept.label == std::to_string(i + 1));
    kept.runs = page.runs;
    kept.rects = page.rects;
  }
  CHECK(describe(a) == describe(b));
}

TEST_CASE("workersFreed: called once, when the last post is being set, whatever the jobs; also for no posts") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  for (int i = 0; i < 7; ++i) {
    Document d;
    d.blocks.push_back(para(prose(200 + 30 * i, i), 1));
    s.addPost("Post " + std::to_string(i), std::move(d));
  }
  for (int jobs : {1, 2, 4}) {
    TypesetOptions o;
    o.jobs = jobs;
    std::atomic<int> calls{0};
    std::atomic<std::size_t> pagesBefore{0};
    std::atomic<std::size_t> pagesHanded{0};
    o.bodyPages.page = [&](std::size_t, PageBox&&) { ++pagesHanded; };
    o.workersFreed = [&] {
      ++calls;
      pagesBefore = pagesHanded.load();
    };
    DiagnosticSink d;
    const Layout l = layoutBook(s.pub, st, {}, o, d);
    INFO("jobs " << jobs << ", pages handed " << pagesHanded.load());
    CHECK(calls == 1);
    // Not before every post had started (on one thread: after six posts' pages went out), and
    // before the body's last pages (finished when it ends).
    if (jobs == 1) CHECK(pagesBefore > 0);
    CHECK(pagesBefore < pagesHanded);
    CHECK(l.pages.size() > pagesHanded);  // front matter too
  }
  SamplePublication none;
  TypesetOptions o;
  int calls = 0;
  o.workersFreed = [&] { ++calls; };
  DiagnosticSink d;
  layoutBook(none.pub, st, {}, o, d);
  CHECK(calls == 1);
}
