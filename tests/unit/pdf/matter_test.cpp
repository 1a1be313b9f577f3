// Front and back matter through the public Composer API (what issue 7 builds on): sections
// cite the right page numbers, get outline entries and page labels, draw QR codes that scan.
#include <doctest/doctest.h>

#include <unistd.h>

#include <algorithm>
#include <array>
#include <vector>
#include <cstdio>
#include <filesystem>

#include "common/sample_publication.h"
#include "postpress/typeset.h"
#include "postpress/pdf.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;
namespace fs = std::filesystem;

namespace {

std::string capture(const std::string& cmd) {
  std::string out;
  FILE* p = popen((cmd + " 2>/dev/null").c_str(), "r");
  if (!p) return out;
  std::array<char, 4096> buf{};
  std::size_t n;
  while ((n = fread(buf.data(), 1, buf.size(), p)) > 0) out.append(buf.data(), n);
  pclose(p);
  return out;
}

SamplePublication threePosts() {
  SamplePublication s;
  for (int p = 0; p < 3; ++p) {
    Document d;
    for (int k = 0; k < 4 + 3 * p; ++k) d.blocks.push_back(para(prose(200, static_cast<unsigned>(p * 7 + k))));
    s.addPost("Post " + std::to_string(p + 1) + " of the digest", std::move(d));
  }
  return s;
}

}  // namespace

TEST_CASE("front and back sections cite the pages of the body and number themselves") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s = threePosts();
  BookPlan o;
  o.front.push_back({"At a glance", "brief", [&s](Composer& c) {
                       c.heading("At a glance", 1, "", false);
                       for (const PostEntry& p : s.pub.posts)
                         c.entry({Inline::makeText(p.post->title)}, p.anchor, c.style().tocEntry, 0);
                     }});
  o.back.push_back({"Index", "index", [](Composer& c) {
                      c.heading("Index", 1, "", false);
                      c.entry({Inline::makeText("Post 3")}, "p3", c.style().tocEntry, 12);
                    }});
  Layout lay = layoutBook(s.pub, st, o, {}, diags);
  const AnchorPos* brief = lay.find("brief");
  REQUIRE(brief);
  CHECK(lay.pages[static_cast<std::size_t>(brief->page)].label == "i");
  const AnchorPos* contents = lay.find("contents");  // the built-in contents follows
  REQUIRE(contents);
  CHECK(contents->page > brief->page);
  const AnchorPos* index = lay.find("index");
  REQUIRE(index);
  CHECK(index->page == static_cast<int>(lay.pages.size()) - 1);
  CHECK(lay.pages.back().label == std::to_string(lay.pages.size() - static_cast<std::size_t>(lay.frontPages)));
  // Each post's entry on the brief page shows the label of the page the post starts on.
  const PageBox& bp = lay.pages[static_cast<std::size_t>(brief->page)];
  for (const auto& e : s.pub.posts) {
    const std::string label = lay.pageLabel(e.anchor);
    REQUIRE(!label.empty());
    bool shown = false;
    for (const auto& r : bp.runs) shown |= r.text == label && r.x > st.marginInner + st.textWidth() / 2;
    CHECK_MESSAGE(shown, e.anchor << " page " << label);
  }
  // Outline: sections in page order around the posts.
  REQUIRE(lay.outline.size() >= 6);
  CHECK(lay.outline.front().title == "At a glance");
  CHECK(lay.outline.back().title == "Index");
}

TEST_CASE("a QR code drawn on a canvas scans to its text") {
  if (capture("command -v zbarimg").empty() || capture("command -v pdftoppm").empty()) {
    MESSAGE("zbarimg or pdftoppm missing: skipped");
    return;
  }
  const std::string url = "https://www.youtube.com/watch?v=Sw5uT4VkCHA";
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s = threePosts();
  BookPlan o;
  o.front.push_back({"Codes", "codes", [&](Composer& c) {
                       c.box(120, [&](Canvas& cv) { CHECK(cv.qrCode(url, 0, 0, 90, Color{0, 0, 0})); });
                     }});
  // And beside a paragraph, through the aside hook.
  o.hooks.asideFor = [&](const PostEntry&, const Block&) -> std::optional<Aside> {
    return Aside{60, 60, [&](Canvas& cv, float x, float y) { cv.qrCode(url, x, y, 60, Color{0, 0, 0}); }};
  };
  const fs::path dir = fs::temp_directory_path() / ("pp-qr-" + std::to_string(::getpid()));
  fs::create_directories(dir);
  REQUIRE(writePdf(s.pub, st, o, {}, dir / "qr.pdf", diags));
  // Page 1 is the codes section, then the contents, then the first post with its asides.
  capture("pdftoppm -r 150 -f 1 -l 4 -png '" + (dir / "qr.pdf").string() + "' '" + (dir / "p").string() + "'");
  std::vector<fs::path> pages;
  for (const auto& f : fs::directory_iterator(dir))
    if (f.path().extension() == ".png") pages.push_back(f.path());
  std::sort(pages.begin(), pages.end());
  REQUIRE(pages.size() == 4);
  CHECK(capture("zbarimg -q --raw '" + pages[0].string() + "'").find(url) != std::string::npos);
  CHECK(capture("zbarimg -q --raw '" + pages[2].string() + "'").find(url) != std::string::npos);
  std::error_code ec;
  if (!std::getenv("PP_KEEP")) fs::remove_all(dir, ec);
}
