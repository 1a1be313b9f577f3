// A right-to-left digest is a right-to-left book (issue 19): its own parts are laid out from
// the right, as Arabic, Hebrew and Persian books are: the contents (titles at the right, page
// numbers at the left, leaders between), the brief (running numbers in the right margin), the
// cover, the indexes (the first column at the right), the running heads (the digest's title at
// the right); a left-to-right post's title among them keeps its own order ("What's new in
// Helm 4?" ends with its question mark), and the post's own pages stay left to right. A
// left-to-right book keeps a right-to-left title at the left of its contents line.
#include <doctest/doctest.h>

#include <algorithm>
#include <map>
#include <string>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"
#include "postpress/support/text.h"

using namespace pp;
using namespace pp::testing;

namespace {

struct Book {
  Style style;
  Layout layout;
  float left = 0, right = 0;  // the text block's edges
};

// Four posts: an Arabic one, a long English one (running heads on its later pages), a Hebrew
// one and a Russian one; the digest in `language`.
Book book(const char* language) {
  DiagnosticSink diags;
  Book b;
  b.style = loadStyle("report", "", diags);
  SamplePublication s;
  s.pub.locale = std::make_shared<const Locale>(language);
  s.pub.title = "Cloud Digest";
  Document ar;
  ar.blocks.push_back(para("\u0623\u0639\u0644\u0646 \u0627\u0644\u0641\u0631\u064A\u0642 \u0627\u0644\u064A\u0648\u0645 \u0639\u0646 \u0625\u0635\u062F\u0627\u0631 \u062C\u062F\u064A\u062F."));
  // A paragraph after a paragraph: its first line is indented (the report style's indent).
  ar.blocks.push_back(para("\u064A\u062C\u0644\u0628 \u0647\u0630\u0627 \u0627\u0644\u0625\u0635\u062F\u0627\u0631 \u062A\u062D\u0633\u064A\u0646\u0627\u062A."));
  s.addPost("\u0625\u0637\u0644\u0627\u0642 Kubernetes \u0627\u0644\u062C\u062F\u064A\u062F", std::move(ar)).post;
  s.posts.back().language = "ar";
  Document en;
  for (int k = 0; k < 14; ++k) en.blocks.push_back(para(prose(120, static_cast<unsigned>(k))));
  s.addPost("What's new in Helm 4?", std::move(en), {"helm"});
  s.posts.back().language = "en";
  Document he;
  he.blocks.push_back(para("\u05D4\u05D2\u05E8\u05E1\u05D4 \u05D4\u05D7\u05D3\u05E9\u05D4 \u05D9\u05E6\u05D0\u05D4."));
  s.addPost("\u05D2\u05E8\u05E1\u05D4 \u05D7\u05D3\u05E9\u05D4", std::move(he));
  s.posts.back().language = "he";
  Document ru;  // a fourth post: the contents get a page of their own
  ru.blocks.push_back(para("\u041C\u044B \u043F\u0435\u0440\u0435\u0448\u043B\u0438."));
  s.addPost("\u041D\u043E\u0432\u0430\u044F \u0432\u0435\u0440\u0441\u0438\u044F", std::move(ru), {"helm"});
  s.posts.back().language = "ru";
  s.pub.tagIndex = {{"helm", {1, 3}}, {"Kubernetes", {0, 2}}};
  s.pub.authorIndex = {{"Ada Lovelace", {0, 1, 2, 3}}};
  b.layout = layoutBook(s.pub, b.style, printedBook(s.pub, b.style, {}), TypesetOptions{}, diags);
  b.left = b.style.textLeft(s.pub.locale->rightToLeft());
  b.right = b.left + b.style.textWidth();
  return b;
}

const PageBox& pageOf(const Book& b, const char* anchor) {
  const AnchorPos* a = b.layout.find(anchor);
  REQUIRE(a);
  return b.layout.pages[static_cast<std::size_t>(a->page)];
}

// The runs of the line (same baseline, within a point) of the first run whose text holds `word`.
std::vector<TextRun> lineOf(const PageBox& page, const std::string& word) {
  const auto it = std::find_if(page.runs.begin(), page.runs.end(), [&](const TextRun& r) { return r.text.find(word) != std::string::npos; });
  REQUIRE_MESSAGE(it != page.runs.end(), word);
  std::vector<TextRun> line;
  for (const TextRun& r : page.runs)
    if (std::abs(r.y - it->y) < 1) line.push_back(r);
  std::sort(line.begin(), line.end(), [](const TextRun& a, const TextRun& b) { return a.x < b.x; });
  return line;
}

const TextRun& runWith(const std::vector<TextRun>& line, const std::string& word) {
  const auto it = std::find_if(line.begin(), line.end(), [&](const TextRun& r) { return r.text.find(word) != std::string::npos; });
  REQUIRE_MESSAGE(it != line.end(), word);
  return *it;
}

float leftOf(const std::vector<TextRun>& line) { return line.front().x; }
float rightOf(const std::vector<TextRun>& line) { return line.back().x + line.back().width; }

// What the line draws from left to right, its right-to-left runs turned around (spaces left out).
std::string drawnText(const std::vector<TextRun>& line) {
  std::string out;
  for (const TextRun& r : line) {
    std::u32string t = toUtf32(r.text);
    if (r.rtl) std::reverse(t.begin(), t.end());
    for (char32_t c : t)
      if (c != U' ') appendUtf8(out, c);
  }
  return out;
}

}  // namespace

TEST_CASE("an Arabic digest's contents: titles at the right, page numbers at the left, leaders between") {
  const Book b = book("ar");
  const PageBox& contents = pageOf(b, kContentsAnchor);
  for (const char* title : {"Kubernetes", "Helm", "\u05D2\u05E8\u05E1\u05D4"}) {
    CAPTURE(title);
    const std::vector<TextRun> line = lineOf(contents, title);
    REQUIRE(line.size() >= 2);
    CHECK(rightOf(line) == doctest::Approx(b.right).epsilon(0.002));  // the title ends at the right edge
    const TextRun& number = line.front();                              // the page number, at the left
    CHECK(number.x == doctest::Approx(b.left).epsilon(0.002));
    CHECK(std::all_of(number.text.begin(), number.text.end(), [](char c) { return c >= '0' && c <= '9'; }));
    // Leaders (dots) between the number and the title.
    const float titleLeft = line[1].x;
    const auto dots = std::count_if(contents.rects.begin(), contents.rects.end(), [&](const FillRect& r) {
      return std::abs(r.y - (line[0].y - r.height)) < 2 && r.x > number.x + number.width && r.x + r.width < titleLeft;
    });
    CHECK(dots > 10);
  }
  // A left-to-right title keeps its order, its question mark at its end (an isolate).
  CHECK(drawnText(lineOf(contents, "Helm")).find("What'snewinHelm4?") != std::string::npos);
}

TEST_CASE("an Arabic digest's brief, cover, indexes and running heads are laid out from the right") {
  const Book b = book("ar");
  SUBCASE("the brief: the running number right of the title, the page number at the left") {
    const PageBox& brief = pageOf(b, kBriefAnchor);
    const std::vector<TextRun> line = lineOf(brief, "Helm");
    const TextRun& title = runWith(line, "Helm");
    // The running number is larger: its baseline is near the title's, not on it.
    const auto running = std::find_if(brief.runs.begin(), brief.runs.end(), [&](const TextRun& r) { return r.text == "02" && std::abs(r.y - title.y) < 6; });
    REQUIRE(running != brief.runs.end());
    CHECK(running->x > title.x + title.width);
    CHECK(running->x + running->width == doctest::Approx(b.right).epsilon(0.002));
    CHECK(leftOf(line) == doctest::Approx(b.left).epsilon(0.002));
  }
  SUBCASE("the cover: the digest's title ends at the right edge") {
    const std::vector<TextRun> line = lineOf(pageOf(b, kCoverAnchor), "Cloud");
    CHECK(rightOf(line) == doctest::Approx(b.right).epsilon(0.002));
    CHECK(leftOf(line) > b.left + b.style.textWidth() / 2);
  }
  SUBCASE("the index of tags: its first column (helm, Kubernetes) at the right") {
    const PageBox& index = pageOf(b, kTagIndexAnchor);
    const TextRun& helm = runWith(lineOf(index, "helm"), "helm");
    CHECK(helm.x + helm.width == doctest::Approx(b.right).epsilon(0.002));
  }
  SUBCASE("running heads: the digest's title at the right, the post's at the left, in its own order") {
    bool found = false;
    for (const PageBox& page : b.layout.pages) {
      const auto head = std::find_if(page.runs.begin(), page.runs.end(), [&](const TextRun& r) { return r.text.find("Digest") != std::string::npos && r.y < b.style.marginTop; });
      if (head == page.runs.end()) continue;
      found = true;
      const std::vector<TextRun> line = lineOf(page, "Digest");
      CHECK(rightOf(line) == doctest::Approx(b.right).epsilon(0.002));
      CHECK(leftOf(line) == doctest::Approx(b.left).epsilon(0.002));
      CHECK(drawnText(line).find("What'snewinHelm4?") == 0);
    }
    CHECK(found);
  }
  SUBCASE("a left-to-right post's own pages stay left to right") {
    // Every line of its text starts at the left (or a paragraph's indent from it), the short
    // last lines of its paragraphs too.
    const PageBox& post = pageOf(b, "p2");
    std::map<int, float> lineStart;  // baseline -> leftmost run
    for (const TextRun& r : post.runs)
      if (r.size == b.style.body.size && r.y > b.style.marginTop + 150) {
        auto [it, fresh] = lineStart.emplace(static_cast<int>(r.y), r.x);
        if (!fresh) it->second = std::min(it->second, r.x);
      }
    CHECK(lineStart.size() > 10);
    for (const auto& [y, x] : lineStart) CHECK(x - b.left < b.style.body.size * 3);
  }
}

TEST_CASE("a left-to-right digest's contents: a right-to-left title starts at the left, its number at the right") {
  const Book b = book("en");
  const std::vector<TextRun> line = lineOf(pageOf(b, kContentsAnchor), "Kubernetes");
  CHECK(leftOf(line) == doctest::Approx(b.left).epsilon(0.002));
  CHECK(rightOf(line) == doctest::Approx(b.right).epsilon(0.002));  // the number
  CHECK(line.back().text == "1");
}

TEST_CASE("a right-to-left paragraph's first line is indented at the right, where it starts") {
  for (const char* language : {"ar", "en"}) {
    CAPTURE(language);
    const Book b = book(language);
    REQUIRE(b.style.paragraphIndent > 0);
    const PageBox& post = pageOf(b, "p1");
    const std::vector<TextRun> first = lineOf(post, "\u0623\u0639\u0644\u0646");
    const std::vector<TextRun> second = lineOf(post, "\u064A\u062C\u0644\u0628");
    CHECK(rightOf(first) == doctest::Approx(b.right).epsilon(0.002));
    CHECK(rightOf(second) == doctest::Approx(b.right - b.style.paragraphIndent).epsilon(0.002));
  }
}
