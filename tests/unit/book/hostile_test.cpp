// Hostile and degenerate input: the layout finishes, quickly, and never sets anything outside
// the text block (this code is fuzzed and run under ASan/UBSan).
// ctest-cost: 30
#include <doctest/doctest.h>

#include <chrono>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;

namespace {

void checkInside(const Layout& lay, const Style& st) {
  for (const auto& pg : lay.pages)
    for (const auto& r : pg.runs) {
      CHECK(r.x >= st.marginInner - 0.01f);
      CHECK_MESSAGE(r.x + r.width <= st.pageWidth - st.marginOuter + 0.01f, "'" << r.text.substr(0, 30) << "' size " << r.size);
    }
}

}  // namespace

TEST_CASE("deep nesting, giant words and paragraphs, wide tables, empty posts") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  {
    Document d;
    Block b = para("innermost text of a very deep nest");
    // Moved in, level by level: a copy per level made building the nest itself quadratic
    // (most of this test's time).
    for (int i = 0; i < 2000; ++i) {
      std::vector<Block> inner;
      inner.push_back(std::move(b));
      if (i % 2) {
        b = quote(std::move(inner));
      } else {
        std::vector<std::vector<Block>> items;
        items.push_back(std::move(inner));
        b = list(false, std::move(items));
      }
    }
    d.blocks.push_back(b);
    s.addPost("Deep", std::move(d));
  }
  {
    Document d;
    d.blocks.push_back(para(std::string(200000, 'x')));
    std::string words;
    for (int i = 0; i < 60000; ++i) words += "word ";
    d.blocks.push_back(para(words));
    s.addPost("Giant", std::move(d));
  }
  {
    Document d;
    std::vector<std::vector<std::string>> rows(3, std::vector<std::string>(300, "cell-content"));
    d.blocks.push_back(table(rows));
    d.blocks.push_back(codeBlock(std::string(50000, 'y') + "\n\t\t\tz\n"));
    s.addPost("Wide", std::move(d));
  }
  s.addPost("", Document{});
  const auto t0 = std::chrono::steady_clock::now();
  Layout lay = layoutBook(s.pub, st, {}, {}, diags);
  const double secs = std::chrono::duration<double>(std::chrono::steady_clock::now() - t0).count();
  CHECK(secs < 60);
  REQUIRE(lay.pages.size() > 10);
  checkInside(lay, st);
  bool deepText = false;
  for (const auto& pg : lay.pages)
    for (const auto& r : pg.runs) deepText |= r.text == "innermost";
  CHECK(deepText);
}
