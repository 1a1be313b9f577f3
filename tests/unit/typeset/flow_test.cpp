// What the flow tells pagination about figures: a line that introduces a picture (one line, or
// text ending with a colon) is kept with it, other paragraphs are not; a heading starts a
// section no figure may float past. And first-line indents: none for lines broken by hand.
#include <doctest/doctest.h>

#include <fstream>
#include <memory>

#include "common/sample_publication.h"
#include "common/temp_dir.h"
#include "postpress/assets.h"
#include "postpress/codecs.h"
#include "postpress/fonts.h"
#include "postpress/style.h"
#include "typeset/context.h"
#include "typeset/flow.h"

using namespace pp;
using namespace pp::typeset;
using pp::testing::para;
namespace fs = std::filesystem;

namespace {

Inline picture(int asset) {
  Inline in;
  in.kind = InlineKind::Image;
  in.image.asset = asset;
  in.image.src = "p.png";
  return in;
}

Inline hardBreak() {
  Inline in;
  in.kind = InlineKind::HardBreak;
  return in;
}

const std::string kLong =
    "A paragraph long enough to take several lines of the text block, telling what happened at the "
    "conference and who was there, before a picture that it does not introduce at all, because it "
    "simply ends where the story goes on.";

struct FlowWithPicture {
  pptest::TempDir tmp;
  std::unique_ptr<AssetStore> store;
  int asset = -1;
  DiagnosticSink diags;
  Style style = loadStyle("report", "", diags);
  FontSet fonts{style, diags};
  Layout out;
  std::unique_ptr<Context> ctx;
  FlowWithPicture() {
    std::vector<std::uint8_t> px(400 * 300 * 3, 128);
    std::ofstream(tmp.path / "p.png", std::ios::binary) << codecs::encodePngPixels(400, 300, 3, px.data(), 1);
    AssetOptions options;
    options.cacheDir = tmp.path / "cache";
    options.jobs = 1;
    store = std::make_unique<AssetStore>(options);
    asset = store->resolveFile(tmp.path / "p.png", {}, diags);
    store->process(diags);
    ctx = std::make_unique<Context>(style, fonts, diags, store.get(), out);
  }
  // The figure item of what `blocks` set, and the list.
  VList set(const std::vector<Block>& blocks) {
    VList list;
    Flow flow(*ctx, list);
    flow.blocks(blocks);
    return list;
  }
};

const VItem* floatOf(const VList& l) {
  for (const auto& it : l.items)
    if (it.kind == VKind::Float) return &it;
  return nullptr;
}

}  // namespace

TEST_CASE("a one-line paragraph or one ending with a colon is kept with the picture after it") {
  FlowWithPicture s;
  REQUIRE(s.store->at(s.asset).ok());
  for (const auto& lead : {std::string("Red Hat Booth"), kLong.substr(0, kLong.size() - 1) + ":"}) {
    CAPTURE(lead);
    VList l = s.set({para({Inline::makeText(kLong)}), para({Inline::makeText(lead)}),
                     para({picture(s.asset)})});
    const VItem* f = floatOf(l);
    REQUIRE(f);
    CHECK(f->penaltyBefore >= kInfinity);
  }
  // The same inside one paragraph: "Red Hat Booth", a hard break, the picture.
  VList l = s.set({para({Inline::makeText("Red Hat Booth"), hardBreak(), picture(s.asset)})});
  REQUIRE(floatOf(l));
  CHECK(floatOf(l)->penaltyBefore >= kInfinity);
}

TEST_CASE("a paragraph of several lines not ending with a colon lets the picture after it float") {
  FlowWithPicture s;
  VList l = s.set({para({Inline::makeText(kLong)}), para({picture(s.asset)})});
  REQUIRE(floatOf(l));
  CHECK(floatOf(l)->penaltyBefore < kInfinity);
}

TEST_CASE("a heading's first line starts a section; the lines after it do not") {
  FlowWithPicture s;
  Block h;
  h.kind = BlockKind::Heading;
  h.level = 2;
  h.inlines.push_back(Inline::makeText("Keynotes"));
  VList l = s.set({para({Inline::makeText(kLong)}), h, para({Inline::makeText(kLong)})});
  std::vector<bool> starts;
  for (const auto& it : l.items)
    if (it.kind == VKind::Content) starts.push_back(it.startsSection);
  REQUIRE(starts.size() >= 4);
  int count = 0;
  for (bool b : starts) count += b;
  CHECK(count == 1);
  CHECK_FALSE(starts.front());
}

TEST_CASE("lines broken by hand start no paragraph: no first-line indent on any of them") {
  FlowWithPicture s;
  REQUIRE(s.style.paragraphIndent > 0);
  REQUIRE(s.style.paragraphSpacing <= 0);
  auto firstX = [](const VList& l, std::size_t item) {
    const Fragment& f = l.fragments[static_cast<std::size_t>(l.items[item].fragment)];
    float x = 1e9f;
    for (const auto& r : f.runs) x = std::min(x, r.x);
    return x + l.items[item].x;
  };
  auto contentItems = [](const VList& l) {
    std::vector<std::size_t> out;
    for (std::size_t k = 0; k < l.items.size(); ++k)
      if (l.items[k].kind == VKind::Content) out.push_back(k);
    return out;
  };
  // A paragraph after a paragraph is indented...
  VList plain = s.set({para({Inline::makeText(kLong)}), para({Inline::makeText("Time: Nov 9th")})});
  std::vector<std::size_t> p = contentItems(plain);
  CHECK(firstX(plain, p.back()) > firstX(plain, p.front()) + 1);
  // ...but "Time:" / "Location:" lines are not, neither the first nor the one after the break.
  VList broken = s.set({para({Inline::makeText(kLong)}),
                        para({Inline::makeText("Time: Nov 9th"), hardBreak(), Inline::makeText("Location: Atlanta")})});
  std::vector<std::size_t> b = contentItems(broken);
  REQUIRE(b.size() >= 3);
  CHECK(firstX(broken, b[b.size() - 2]) == doctest::Approx(firstX(broken, b.front())));
  CHECK(firstX(broken, b.back()) == doctest::Approx(firstX(broken, b.front())));
}

TEST_CASE("a wrapped code line's continuation keeps the line's own indentation") {
  FlowWithPicture s;
  const std::string tail(160, 'x');
  VList l;
  Flow flow(*s.ctx, l);
  Block code;
  code.kind = BlockKind::Code;
  code.text = "top\n        deeply.indented(" + std::string(40, 'a') + " " + tail + ")\nend";
  flow.codeBlock(code);
  // The first run right of the padding on each visual line (the continuation mark aside).
  std::vector<float> starts;
  for (const auto& it : l.items) {
    if (it.kind != VKind::Content || it.fragment < 0) continue;
    float x = 1e9f;
    for (const auto& r : l.fragments[static_cast<std::size_t>(it.fragment)].runs)
      if (r.text.find("\u21AA") == std::string::npos && r.text.find_first_not_of(' ') != std::string::npos) x = std::min(x, r.x);
    starts.push_back(x);
  }
  REQUIRE(starts.size() >= 4);
  const float top = starts[0];                     // "top": no indent
  const float indented = starts[1];                // the 8-space line's text
  CHECK(indented > top);
  for (std::size_t k = 2; k + 1 < starts.size(); ++k) CHECK(starts[k] > indented);  // its continuations
  CHECK(starts.back() == doctest::Approx(top));    // "end"
}
