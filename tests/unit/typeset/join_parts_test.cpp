// Parts set apart and joined (typeset/join_parts.h): the joined list must be what one Flow
// setting every part in turn would have made.
#include <doctest/doctest.h>

#include "typeset/context.h"
#include "postpress/fonts.h"
#include "typeset/join_parts.h"
#include "postpress/typeset.h"
#include "postpress/style.h"
#include "postpress/support/text.h"

using namespace pp;
using namespace pp::typeset;

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

// What a joiner joins into: the digest's fonts and context.
struct Digest {
  DiagnosticSink diags;
  Style st = loadStyle("report", "", diags);
  FontSet fonts{st, diags};
  Layout out;
  Context ctx{st, fonts, diags, nullptr, out};
};

}  // namespace

TEST_CASE("joining a post: indices move past the body's, the seam's spaces collapse") {
  Digest d;
  Context& ctx = d.ctx;

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

  PartSetApart part;
  VList& l = part.list;
  l.items.push_back(item(VKind::Space, 24));  // collapses into the body's 10
  Fragment f;
  TextRun run;
  run.text = "a" + utf8(U'\U0001F680') + "b";
  f.runs.push_back(run);
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

  PartJoiner joiner(ctx, body);
  joiner.join(part);

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

  // The text comes as it was set.
  const Fragment& jf = body.fragments[1];
  CHECK(jf.runs[0].text == "a" + utf8(U'\U0001F680') + "b");
}

TEST_CASE("joining posts carries a keep and open anchors to the next post's first item") {
  Digest d;
  Context& ctx = d.ctx;
  VList body;
  PartJoiner joiner(ctx, body);

  PartSetApart first;
  first.list.items.push_back(item(VKind::Content, 12));
  first.keepNextAtEnd = true;
  first.openAnchors = {"left-open"};
  joiner.join(first);

  PartSetApart second;
  second.list.items.push_back(item(VKind::Space, 8));  // after content: no collapse
  second.list.items.push_back(item(VKind::Content, 12));
  second.list.items.back().anchors = {"own"};
  second.list.items.push_back(item(VKind::Content, 12));
  joiner.join(second);
  REQUIRE(body.items.size() == 4);
  CHECK(body.items[1].penaltyBefore >= kInfinity);
  CHECK(body.items[2].penaltyBefore >= kInfinity);
  CHECK(body.items[2].anchors == std::vector<std::string>{"left-open", "own"});
  CHECK(body.items[3].penaltyBefore == 0);  // the keep is used up

  // A page break drops a keep (Flow::pageBreak), but anchors wait for real content.
  PartSetApart third;
  third.keepNextAtEnd = true;
  third.openAnchors = {"again"};
  joiner.join(third);
  PartSetApart fourth;
  fourth.list.items.push_back(item(VKind::PageBreak, 0));
  fourth.list.items.push_back(item(VKind::Content, 12));
  joiner.join(fourth);
  CHECK(body.items[4].penaltyBefore == 0);
  CHECK(body.items[5].penaltyBefore == 0);
  CHECK(body.items[5].anchors == std::vector<std::string>{"again"});
}
