// Posts set apart and joined (layout/post_join.h): the joined list must be what one Flow
// setting every post in turn would have made, and a layout must not depend on --jobs.
#include <doctest/doctest.h>

#include <algorithm>
#include <atomic>
#include <filesystem>
#include <map>
#include <mutex>
#include <set>

#include "layout/context.h"
#include "postpress/fonts.h"
#include "layout/post_join.h"
#include "layout/sample_publication.h"
#include "postpress/layout.h"
#include "postpress/style.h"
#include "postpress/support/text.h"

using namespace pp;
using namespace pp::typeset;
using namespace pp::testing;

namespace {

std::string utf8(char32_t c) {
  std::string s;
  appendUtf8(s, c);
  return s;
}

VItem item(VKind kind, float height) {
  VItem it;
  it.kind = kind;
  it.height = height;
  return it;
}

GlyphOutline outlineMarked(float x) {
  GlyphOutline g;
  g.cmds.push_back({GlyphOutline::Op::Move, x, 0, 0, 0});
  return g;
}

// Everything drawn on the pages, as text: two layouts compare equal when this does.
std::string describe(const Layout& lay) {
  std::string s;
  auto num = [](float v) { return std::to_string(static_cast<long>(v * 1000)); };
  for (const PageBox& p : lay.pages) {
    s += "page " + p.label + "\n";
    for (const auto& r : p.runs)
      s += "run " + std::to_string(r.font) + " " + num(r.x) + " " + num(r.y) + " " + num(r.size) + " " + r.text + "\n";
    for (const auto& g : p.glyphs) s += "glyph " + std::to_string(g.outline) + " " + num(g.x) + " " + num(g.y) + "\n";
    for (const auto& r : p.rects) s += "rect " + num(r.x) + " " + num(r.y) + " " + num(r.width) + " " + num(r.height) + "\n";
    for (const auto& l : p.links) s += "link " + l.uri + l.dest + " " + num(l.x) + " " + num(l.y) + "\n";
  }
  for (const auto& [name, pos] : lay.anchors) s += "anchor " + name + " " + std::to_string(pos.page) + "\n";
  for (const auto& e : lay.outline) s += "outline " + e.title + " " + e.dest + "\n";
  for (const auto& [code, real] : lay.privateUse) s += "pua " + std::to_string(code) + " " + std::to_string(real) + "\n";
  s += "outlines " + std::to_string(lay.outlines.size()) + " fonts " + std::to_string(lay.fonts.size()) + "\n";
  return s;
}

// What a joiner joins into: the digest's fonts, outlines and context.
struct Digest {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts{st, diags};
  StandIns standIns;
  Layout out;
  Context ctx{st, fonts, standIns, diags, nullptr, out};
};

}  // namespace

TEST_CASE("joining a post: indices move past the body's, the seam's spaces collapse") {
  Digest d;
  Layout& out = d.out;
  Context& ctx = d.ctx;
  // The digest already has a stand-in and an outline: the post's own numbering must move.
  const char32_t taken = d.standIns.standIn(U'\U0001F600');
  CHECK(taken == StandIns::kLast);
  ctx.adoptOutline({0, U'\U0001F600'}, outlineMarked(1));

  VList body;
  body.items.push_back(item(VKind::Content, 12));
  body.items.back().fragment = body.addFragment({});
  body.items.push_back(item(VKind::Space, 10));
  body.frames.push_back({});
  body.frameSets.push_back({0});
  body.figures.emplace_back();
  body.footnotes.emplace_back();
  body.boxes.emplace_back();
  body.tableHeaders.push_back({0});

  PostPart part;
  VList& l = part.list;
  l.items.push_back(item(VKind::Space, 24));  // collapses into the body's 10
  Fragment f;
  TextRun run;
  run.text = "a" + utf8(StandIns::kLast) + "b";  // the post's first stand-in: U+1F680
  f.runs.push_back(run);
  f.glyphs.push_back({1, 0, 0, 10, {}});  // the post's outline 1: the digest's existing one
  f.glyphs.push_back({0, 0, 0, 10, {}});  // the post's outline 0: new to the digest
  VItem c = item(VKind::Content, 12);
  c.fragment = l.addFragment(std::move(f));
  c.frameSet = 0;
  c.footnotes = {0};
  c.anchors = {"own"};
  l.items.push_back(c);
  VItem fl = item(VKind::Float, 100);
  fl.figure = 0;
  l.items.push_back(fl);
  VItem bx = item(VKind::Box, 30);
  bx.box = 0;
  l.items.push_back(bx);
  VItem row = item(VKind::Content, 14);
  row.headerGroup = 0;
  row.isHeaderRow = true;
  l.items.push_back(row);
  l.frames.push_back({});
  l.frameSets.push_back({0});
  l.figures.emplace_back();
  l.footnotes.emplace_back();
  l.boxes.emplace_back();
  l.tableHeaders.push_back({4});
  part.standIns[StandIns::kLast] = U'\U0001F680';
  part.outlines = {outlineMarked(2), outlineMarked(3)};
  part.outlineKeys = {{0, U'\U0001F680'}, {0, U'\U0001F600'}};

  PostJoiner joiner(ctx, body);
  REQUIRE(joiner.join(part));

  REQUIRE(body.items.size() == 6);  // 2 + 5 - the collapsed space
  CHECK(body.items[1].height == 24);
  const VItem& joined = body.items[2];
  CHECK(joined.fragment == 1);
  CHECK(joined.frameSet == 1);
  CHECK(joined.footnotes == std::vector<int>{1});
  CHECK(joined.anchors == std::vector<std::string>{"own"});
  CHECK(body.items[3].figure == 1);
  CHECK(body.items[4].box == 1);
  CHECK(body.items[5].headerGroup == 1);
  REQUIRE(body.tableHeaders.size() == 2);
  CHECK(body.tableHeaders[1] == std::vector<int>{5});  // the header row's new index
  REQUIRE(body.frameSets.size() == 2);
  CHECK(body.frameSets[1] == std::vector<int>{1});
  CHECK(body.figures.size() == 2);
  CHECK(body.footnotes.size() == 2);
  CHECK(body.boxes.size() == 2);

  // The rocket became the digest's second stand-in; the outlines its ids.
  const char32_t rocket = StandIns::kLast - 1;
  CHECK(d.standIns.real(rocket) == U'\U0001F680');
  const Fragment& jf = body.fragments[1];
  CHECK(jf.runs[0].text == "a" + utf8(rocket) + "b");
  CHECK(jf.glyphs[0].outline == 0);  // the digest's U+1F600
  CHECK(jf.glyphs[1].outline == 1);  // new: kept after it
  REQUIRE(out.outlines.size() == 2);
  CHECK(out.outlines[1].cmds[0].x == 2);
}

TEST_CASE("joining posts carries a keep and open anchors to the next post's first item") {
  Digest d;
  Context& ctx = d.ctx;
  VList body;
  PostJoiner joiner(ctx, body);

  PostPart first;
  first.list.items.push_back(item(VKind::Content, 12));
  first.keepNextAtEnd = true;
  first.openAnchors = {"left-open"};
  REQUIRE(joiner.join(first));

  PostPart second;
  second.list.items.push_back(item(VKind::Space, 8));  // after content: no collapse
  second.list.items.push_back(item(VKind::Content, 12));
  second.list.items.back().anchors = {"own"};
  second.list.items.push_back(item(VKind::Content, 12));
  REQUIRE(joiner.join(second));
  REQUIRE(body.items.size() == 4);
  CHECK(body.items[1].penaltyBefore >= kInfinity);
  CHECK(body.items[2].penaltyBefore >= kInfinity);
  CHECK(body.items[2].anchors == std::vector<std::string>{"left-open", "own"});
  CHECK(body.items[3].penaltyBefore == 0);  // the keep is used up

  // A page break drops a keep (Flow::pageBreak), but anchors wait for real content.
  PostPart third;
  third.keepNextAtEnd = true;
  third.openAnchors = {"again"};
  REQUIRE(joiner.join(third));
  PostPart fourth;
  fourth.list.items.push_back(item(VKind::PageBreak, 0));
  fourth.list.items.push_back(item(VKind::Content, 12));
  REQUIRE(joiner.join(fourth));
  CHECK(body.items[4].penaltyBefore == 0);
  CHECK(body.items[5].penaltyBefore == 0);
  CHECK(body.items[5].anchors == std::vector<std::string>{"again"});
}

TEST_CASE("joining fails, appending nothing, when the digest's stand-ins run out") {
  Digest d;
  Context& ctx = d.ctx;
  for (char32_t c = 0; c <= StandIns::kLast - StandIns::kFirst; ++c)
    REQUIRE(d.standIns.standIn(0x20000 + c) != 0);
  VList body;
  PostJoiner joiner(ctx, body);
  PostPart part;
  part.list.items.push_back(item(VKind::Content, 12));
  part.standIns[StandIns::kLast] = U'\U0001F680';
  CHECK_FALSE(joiner.join(part));
  CHECK(body.items.empty());
}

TEST_CASE("stand-in codes are rewritten in UTF-8 text, other characters kept") {
  std::map<char32_t, char32_t> codes{{0xF8FF, 0xF8FE}, {0xF8FE, 0xF8FD}};
  std::string t = "x" + utf8(0xF8FF) + utf8(0xF8FE) + "\u00e9" + utf8(0xE000);
  CHECK(remapStandIns(t, codes));
  CHECK(t == "x" + utf8(0xF8FE) + utf8(0xF8FD) + "\u00e9" + utf8(0xE000));
  std::string plain = "caf\u00e9 \u2192";
  CHECK_FALSE(remapStandIns(plain, codes));
}

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
  LayoutOptions one, four;
  one.jobs = 1;
  four.jobs = 4;
  DiagnosticSink d1, d4;
  const Layout a = layoutPublication(s.pub, st, one, d1);
  const Layout b = layoutPublication(s.pub, st, four, d4);
  REQUIRE(a.pages.size() >= 2);
  CHECK(describe(a) == describe(b));
  CHECK(d1.all().size() == d4.all().size());
  if (std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) {
    // One stand-in per character, whichever posts share it.
    std::set<char32_t> reals;
    for (const auto& [code, real] : a.privateUse) reals.insert(real);
    CHECK(reals.size() == a.privateUse.size());
    CHECK(a.privateUse.size() >= 4);
    // Each post's stand-ins read back as its own characters: "Post i launches X word Y word".
    std::vector<std::string> words;
    for (const PageBox& p : a.pages)
      for (const auto& r : p.runs) {
        std::string w;
        for (std::size_t k = 0; k < r.text.size();) {
          const char32_t c = nextCodepoint(r.text, k);
          auto it = a.privateUse.find(c);
          appendUtf8(w, it == a.privateUse.end() ? c : it->second);
        }
        words.push_back(w);
      }
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

TEST_CASE("when stand-ins run out, the posts are set again in one sequence, on any number of threads") {
  if (!std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf")) return;
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  // Five characters above U+FFFF over three posts, two stand-ins: the first two met in
  // reading order keep theirs, the other three are drawn as vector outlines.
  const std::vector<std::vector<char32_t>> perPost = {
      {U'\U0001F680', U'\U0001F600'}, {U'\U0001F4A1', U'\U0001F680'}, {U'\U0001F525', U'\U0001F3C1'}};
  for (std::size_t i = 0; i < perPost.size(); ++i) {
    Document d;
    std::string t = "Symbols";
    for (char32_t c : perPost[i]) t += " " + utf8(c);
    d.blocks.push_back(para(t + " end."));
    s.addPost("Post " + std::to_string(i), std::move(d));
  }
  s.pub.parts.toc = false;
  LayoutOptions one, four;
  one.jobs = 1;
  four.jobs = 4;
  one.maxStandIns = four.maxStandIns = 2;
  DiagnosticSink d1, d4;
  const Layout a = layoutPublication(s.pub, st, one, d1);
  const Layout b = layoutPublication(s.pub, st, four, d4);
  CHECK(describe(a) == describe(b));
  REQUIRE(a.privateUse.size() == 2);
  std::set<char32_t> reals;
  for (const auto& [code, real] : a.privateUse) reals.insert(real);
  CHECK(reals == std::set<char32_t>{U'\U0001F680', U'\U0001F600'});
  std::size_t glyphs = 0;
  for (const PageBox& p : a.pages) glyphs += p.glyphs.size();
  CHECK(glyphs == 3);             // U+1F4A1, U+1F525, U+1F3C1, each once
  CHECK(a.outlines.size() == 3);  // one outline each
}

TEST_CASE("body pages handed over as they are finished are the pages a layout keeps, restarts included") {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  SamplePublication s;
  const bool symbola = std::filesystem::exists("/usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf");
  for (int i = 0; i < 9; ++i) {
    Document d;
    d.blocks.push_back(heading(2, "Part " + std::to_string(i), "p" + std::to_string(i)));
    d.blocks.push_back(para(prose(300 + 40 * i, i) + " " + utf8(U'\U0001F680' + static_cast<char32_t>(i % 4)), 1));
    d.blocks.push_back(para({text("See "), hyperlink("#p" + std::to_string(i), "above")}));
    s.addPost("Post " + std::to_string(i), std::move(d));
  }
  for (int maxStandIns : {6400, 2}) {  // 2: the stand-ins run out and the body is set again
    LayoutOptions whole, handed;
    whole.jobs = handed.jobs = 4;
    whole.maxStandIns = handed.maxStandIns = maxStandIns;
    std::mutex m;
    std::map<std::size_t, std::pair<PageBox, std::vector<GlyphOutline>>> got;
    int restarts = 0;
    handed.bodyPages.page = [&](std::size_t i, PageBox&& page, std::vector<GlyphOutline>&& outlines) {
      std::lock_guard<std::mutex> lock(m);
      CHECK(got.count(i) == 0);
      got[i] = {std::move(page), std::move(outlines)};
    };
    handed.bodyPages.restart = [&] {
      std::lock_guard<std::mutex> lock(m);
      got.clear();
      ++restarts;
    };
    DiagnosticSink d1, d2;
    const Layout a = layoutPublication(s.pub, st, whole, d1);
    Layout b = layoutPublication(s.pub, st, handed, d2);
    CHECK(restarts == (maxStandIns == 2 && symbola ? 1 : 0));
    REQUIRE(got.size() >= 5);
    // Layout::pages keeps the size, label and links of a page handed over; its drawing went.
    for (const auto& [i, entry] : got) {
      PageBox& kept = b.pages[static_cast<std::size_t>(b.frontPages) + i];
      CHECK(kept.runs.empty());
      CHECK(kept.label == entry.first.label);
      CHECK(kept.label == std::to_string(i + 1));
      kept.runs = entry.first.runs;
      kept.rects = entry.first.rects;
      kept.glyphs = entry.first.glyphs;
      // Outlines come with the page, renumbered: put them back where the layout keeps them.
      for (auto& g : kept.glyphs) {
        const GlyphOutline& o = entry.second[static_cast<std::size_t>(g.outline)];
        for (std::size_t k = 0; k < b.outlines.size(); ++k)
          if (b.outlines[k].cmds.size() == o.cmds.size() &&
              std::equal(o.cmds.begin(), o.cmds.end(), b.outlines[k].cmds.begin(), [](const auto& x, const auto& y) {
                return x.op == y.op && x.x == y.x && x.y == y.y;
              })) {
            g.outline = static_cast<int>(k);
            break;
          }
      }
    }
    CHECK(describe(a) == describe(b));
  }
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
    LayoutOptions o;
    o.jobs = jobs;
    std::atomic<int> calls{0};
    std::atomic<std::size_t> pagesBefore{0};
    std::atomic<std::size_t> pagesHanded{0};
    o.bodyPages.page = [&](std::size_t, PageBox&&, std::vector<GlyphOutline>&&) { ++pagesHanded; };
    o.workersFreed = [&] {
      ++calls;
      pagesBefore = pagesHanded.load();
    };
    DiagnosticSink d;
    const Layout l = layoutPublication(s.pub, st, o, d);
    INFO("jobs " << jobs << ", pages handed " << pagesHanded.load());
    CHECK(calls == 1);
    // Not before every post had started (on one thread: after six posts' pages went out), and
    // before the body's last pages (finished when it ends).
    if (jobs == 1) CHECK(pagesBefore > 0);
    CHECK(pagesBefore < pagesHanded);
    CHECK(l.pages.size() > pagesHanded);  // front matter too
  }
  SamplePublication none;
  LayoutOptions o;
  int calls = 0;
  o.workersFreed = [&] { ++calls; };
  DiagnosticSink d;
  layoutPublication(none.pub, st, o, d);
  CHECK(calls == 1);
}
