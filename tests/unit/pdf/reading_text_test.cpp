// What a page's content reads as (page_painter.h), for the structure tree and text
// extraction: a word followed by a space ends with the font's blank space glyph, which the
// font's ToUnicode gives back as a space; a hyphenated line end draws its hyphen as an
// artifact after the word's marked content, so the word reads whole; a character drawn as a
// path carries its ActualText.
#include <doctest/doctest.h>
#include <zlib.h>

#include <string>
#include <vector>

#include "common/occurrences.h"
#include "pdf/page_painter.h"

using namespace pp;
using namespace pp::pdf;
using pptest::countOccurrences;

namespace {

ShapedGlyph glyph(std::uint16_t id, std::uint32_t cluster) {
  ShapedGlyph g;
  g.glyph = id;
  g.cluster = cluster;
  g.advance = 500;
  g.width = 500;
  return g;
}

TextRun textRun(const std::string& text, std::vector<ShapedGlyph> glyphs, std::int32_t tag) {
  TextRun r;
  r.text = text;
  r.glyphs = std::move(glyphs);
  r.x = 72;
  r.y = 100;
  r.tag = tag;
  return r;
}

struct Painted {
  std::string content;
  PaintedPage page;
};

Painted paint(const PageBox& box) {
  const ResourceUse use = resourceUse(box);
  Painted p{{}, paintPage(box, use, expectedResources(use), true)};
  if (p.page.deflated) {
    std::string out(1 << 16, '\0');
    uLongf n = out.size();
    REQUIRE(uncompress(reinterpret_cast<Bytef*>(out.data()), &n, reinterpret_cast<const Bytef*>(p.page.deflated->data()),
                       p.page.deflated->size()) == Z_OK);
    out.resize(n);
    p.content = out;
  } else {
    p.content = p.page.raw;
  }
  return p;
}

}  // namespace

TEST_CASE("a word space is a blank glyph the font's ToUnicode reads as a space") {
  PageBox box;
  TextRun word = textRun("ab", {glyph(11, 0), glyph(12, 1), glyph(3, 2)}, 0);  // 3: the space glyph
  word.spaceAfter = true;
  box.runs.push_back(word);
  const Painted p = paint(box);
  REQUIRE(p.page.glyphs.byFont.size() == 1);
  const auto& map = p.page.glyphs.byFont[0];
  REQUIRE(map.count(3));
  CHECK(map.at(3) == U" ");
  CHECK(map.at(12) == U"b");
  CHECK(p.content.find("ActualText") == std::string::npos);  // the glyphs say it all

  SUBCASE("without a space after it, the same glyphs need an ActualText to read right") {
    box.runs[0].spaceAfter = false;
    CHECK(paint(box).content.find("ActualText") != std::string::npos);
  }
}

TEST_CASE("a hyphenated line end draws its hyphen as an artifact after the word's marked content") {
  PageBox box;
  TextRun first = textRun("hy-", {glyph(11, 0), glyph(12, 1), glyph(13, 2)}, 4);
  first.hyphenBreak = true;
  box.runs.push_back(first);
  TextRun second = textRun("phen", {glyph(14, 0), glyph(15, 1), glyph(16, 2), glyph(17, 3)}, 4);
  second.y = 114;
  box.runs.push_back(second);
  const Painted p = paint(box);
  // The word's two halves are two sequences of its node, the hyphen between them an artifact.
  CHECK(p.page.mcidLeaf == std::vector<std::int32_t>{4, 4});
  const std::size_t mcid0 = p.content.find("/MCID 0"), artifact = p.content.find("/Artifact"),
                    mcid1 = p.content.find("/MCID 1");
  REQUIRE(artifact != std::string::npos);
  CHECK(mcid0 < artifact);
  CHECK(artifact < mcid1);
  CHECK(countOccurrences(p.content, " TJ") == 3);
  // The hyphen glyph still reads as a hyphen where nothing says otherwise (text extraction
  // joins lines at it).
  CHECK(p.page.glyphs.byFont[0].at(13) == U"-");

  SUBCASE("not a line end's hyphen: one sequence, no artifact") {
    box.runs[0].hyphenBreak = false;
    const Painted plain = paint(box);
    CHECK(plain.content.find("/Artifact") == std::string::npos);
    CHECK(plain.page.mcidLeaf == std::vector<std::int32_t>{4});
  }
}

TEST_CASE("a colour emoji reads as its text, its picture painted over it as an artifact") {
  // A ZWJ sequence shaped into one glyph of a colour font (glyph 7), then the font's space.
  PageBox box;
  TextRun r = textRun("\U0001F469\u200D\U0001F4BB", {{7, 0, 1245, 0, 0, 1245, true}, {3, 3, 1245, 0, 0, 1245, false}}, 2);
  r.colorGlyphs = true;
  r.spaceAfter = true;
  box.runs.push_back(r);
  const ResourceUse use = resourceUse(box);
  // One picture: the sequence's glyph at the run's size (not the space after it).
  REQUIRE(use.pictures.size() == 1);
  CHECK(use.pictures[0] == PictureKey{0, 7, r.size});
  CHECK(expectedResources(use).pictures == std::vector<std::string>{"X1"});
  const Painted p = paint(box);
  // The sequence as ActualText (a surrogate pair, ZWJ, a surrogate pair), without the space:
  // the space glyph follows outside it.
  const std::size_t actual = p.content.find("/Span<</ActualText <FEFFD83DDC69200DD83DDCBB>>>BDC");
  REQUIRE(actual != std::string::npos);
  // The picture after the text object, in an artifact: one em scaled to the size.
  const std::size_t et = p.content.find("ET"), artifact = p.content.find("/Artifact<</Type/Layout>>BDC");
  REQUIRE(artifact != std::string::npos);
  CHECK(actual < et);
  CHECK(et < artifact);
  CHECK(p.content.find("/X1 Do", artifact) != std::string::npos);
  CHECK(p.page.mcidLeaf == std::vector<std::int32_t>{2});
  CHECK(countOccurrences(p.content, "BDC") == countOccurrences(p.content, "EMC"));

  SUBCASE("a run of another font has no pictures") {
    box.runs[0].colorGlyphs = false;
    CHECK(resourceUse(box).pictures.empty());
    CHECK(paint(box).content.find(" Do") == std::string::npos);
  }
}

TEST_CASE("a missing glyph's box reads as the character, not as the code point written in it") {
  PageBox box;
  TextRun code = textRun("E000", {glyph(21, 0), glyph(22, 1), glyph(22, 2), glyph(22, 3)}, 5);
  code.missingGlyph = true;
  box.runs.push_back(code);
  const Painted p = paint(box);
  CHECK(p.content.find("/Span<</ActualText <FEFFE000>>>BDC") != std::string::npos);
  // Its glyphs still map to what they draw (every glyph maps to Unicode).
  CHECK(p.page.glyphs.byFont[0].at(21) == U"E");

  SUBCASE("outside the Basic Multilingual Plane, with the space after it") {
    box.runs[0] = textRun("1E900", {glyph(23, 0), glyph(21, 1), glyph(24, 2), glyph(22, 3), glyph(22, 4), glyph(3, 5)}, 5);
    box.runs[0].missingGlyph = true;
    box.runs[0].spaceAfter = true;
    CHECK(paint(box).content.find("/Span<</ActualText <FEFFD83ADD000020>>>BDC") != std::string::npos);
  }
  SUBCASE("the same digits as plain text read as themselves") {
    box.runs[0].missingGlyph = false;
    CHECK(paint(box).content.find("FEFFE000") == std::string::npos);
  }
}

TEST_CASE("a drawing's paths are painted with vector operators inside the Figure's marked content") {
  PageBox box;
  PathBox shape;
  shape.path.moveTo(10, 20);
  shape.path.curveTo(20, 20, 30, 30, 40, 40);
  shape.path.lineTo(10, 40);
  shape.path.close();
  shape.path.fill = Color{1, 0, 0};
  shape.path.stroke = Color{0, 0, 1};
  shape.path.strokeWidth = 1.5f;
  shape.tag = 3;
  box.paths.push_back(shape);
  PathBox edge;
  edge.path.moveTo(0, 0);
  edge.path.lineTo(50, 50);
  edge.path.stroke = Color{};
  edge.path.dash = {5, 2};
  edge.tag = 3;
  box.paths.push_back(edge);
  const Painted p = paint(box);
  // y flipped against the page's height (792): one marked sequence, filled and stroked, then
  // stroked dashed, then the dash reset for what follows.
  CHECK(p.content.find("/Figure<</MCID 0>>BDC") != std::string::npos);
  CHECK(p.content.find("10 772 m\n20 772 30 762 40 752 c\n10 752 l\nh\nB\n") != std::string::npos);
  CHECK(p.content.find("[5 2] 0 d\n0 792 m\n50 742 l\nS\n[] 0 d\n") != std::string::npos);
  CHECK(p.page.mcidLeaf == std::vector<std::int32_t>{3});
}

namespace {

// A page with one glyph `gid` (`advance` wide) set right to left for `rtlText`, and the same
// glyph on the next line left to right for `ltrText`: what each reads as, and the glyph's text.
Painted paintRtlBesideLtr(const char* rtlText, const char* ltrText, std::uint16_t gid, std::int16_t advance) {
  PageBox box;
  TextRun rtl = textRun(rtlText, {{gid, 0, static_cast<float>(advance), 0, 0, static_cast<float>(advance), true}}, 1);
  rtl.rtl = true;
  box.runs.push_back(rtl);
  TextRun ltr = textRun(ltrText, {glyph(gid, 0)}, 1);
  ltr.y = 130;
  box.runs.push_back(ltr);
  return paint(box);
}

}  // namespace

TEST_CASE("a right-to-left run of no right-to-left letter reads in drawn order between right-to-left marks") {
  // Readers turn right-to-left text around, but take neutral characters with the left-to-right
  // text beside them, in the order drawn: said right to left (RLM ... RLM), in drawn order.
  PageBox box;
  SUBCASE("an emoji sequence standing for its skin tone keeps it, its glyph keeps its own text") {
    // A face without colour emoji draws 👍🏽 as 👍 (glyph 7), which also draws 👍 alone.
    const Painted p = paintRtlBesideLtr("\U0001F44D\U0001F3FD", "\U0001F44D", 7, 1000);
    // RLM, 🏽, 👍, RLM.
    CHECK(p.content.find("/Span<</ActualText <FEFF200FD83CDFFDD83DDC4D200F>>>BDC") != std::string::npos);
    CHECK(p.page.glyphs.byFont[0].at(7) == U"\U0001F44D");
  }
  SUBCASE("a mirrored bracket reads as itself, and its glyph stays the other bracket's") {
    // "(" set right to left is drawn with the glyph of ")" (9), which left to right is ")".
    const Painted p = paintRtlBesideLtr("(", ")", 9, 500);
    CHECK(p.content.find("/Span<</ActualText <FEFF200F0028200F>>>BDC") != std::string::npos);
    CHECK(p.page.glyphs.byFont[0].at(9) == U")");
  }
  SUBCASE("a dash between numbers, its word space drawn before, outside what the marks say") {
    ShapedGlyph space = glyph(3, 1);
    space.dx = -500;
    space.advance = 0;
    TextRun rtl = textRun("-", {space, glyph(12, 0)}, 1);
    rtl.rtl = true;
    rtl.spaceAfter = true;
    box.runs.push_back(rtl);
    const Painted p = paint(box);
    const std::size_t actual = p.content.find("/Span<</ActualText <FEFF200F002D200F>>>BDC");
    REQUIRE(actual != std::string::npos);
    CHECK(p.content.find(" TJ") < actual);
    CHECK(p.page.glyphs.byFont[0].at(3) == U" ");
  }
  SUBCASE("right-to-left letters read through their glyphs, as before") {
    TextRun rtl = textRun("\u05E9\u05DC", {glyph(21, 1), glyph(22, 0)}, 1);
    rtl.rtl = true;
    box.runs.push_back(rtl);
    CHECK(paint(box).content.find("ActualText") == std::string::npos);
  }
}

TEST_CASE("a joiner, which has no glyph, reads from the run's ActualText; its letter's glyph reads as the letter") {
  // نسخه‌ی shaped right to left: yeh (5), heh (3), khah, seen, noon; the non-joiner (4) in the
  // heh's cluster, without a glyph (FontFile::shaped).
  PageBox box;
  TextRun r = textRun("\u0646\u0633\u062E\u0647\u200C\u06CC",
                      {glyph(25, 5), glyph(23, 3), glyph(22, 2), glyph(21, 1), glyph(20, 0)}, 0);
  r.rtl = true;
  box.runs.push_back(r);
  Painted p = paint(box);
  // In the order drawn between right-to-left marks, as right-to-left runs read (readsApart).
  CHECK(p.content.find("/Span<</ActualText <FEFF200F06CC200C0647062E06330646200F>>>BDC") != std::string::npos);
  CHECK(p.page.glyphs.byFont[0].at(23) == U"\u0647");
  CHECK(p.page.glyphs.byFont[0].at(25) == U"\u06CC");

  SUBCASE("left to right: a non-joiner between two letters") {
    box.runs[0] = textRun("a\u200Cb", {glyph(11, 0), glyph(12, 2)}, 0);
    p = paint(box);
    CHECK(p.content.find("/Span<</ActualText <FEFF0061200C0062>>>BDC") != std::string::npos);
    CHECK(p.page.glyphs.byFont[0].at(11) == U"a");
  }
  SUBCASE("without the joiner, the glyphs say it all") {
    box.runs[0] = textRun("\u0646\u0633\u062E\u0647\u06CC", {glyph(25, 4), glyph(23, 3), glyph(22, 2), glyph(21, 1), glyph(20, 0)}, 0);
    box.runs[0].rtl = true;
    CHECK(paint(box).content.find("ActualText") == std::string::npos);
  }
}
