// A page's text as a reader places it (content_stream.h): runs that go on along one baseline
// share one TJ array, whose adjustments bring each run's first glyph to where a text matrix of
// its own would have put it; anything else starts again with a matrix.
#include <doctest/doctest.h>

#include <cctype>
#include <cmath>
#include <string>
#include <vector>

#include "common/occurrences.h"
#include "pdf/content_stream.h"

using namespace pp;
using namespace pp::pdf;
using pptest::countOccurrences;

namespace {

// `count` glyphs of id 0x41, each 600/1000 em wide, placed at their own width.
std::vector<ShapedGlyph> word(std::size_t count, float advance = 600) {
  std::vector<ShapedGlyph> glyphs(count);
  for (ShapedGlyph& g : glyphs) {
    g.glyph = 0x41;
    g.width = 600;
    g.advance = advance;
  }
  return glyphs;
}

// Reads a content stream as a PDF reader would, for the operators ContentStream writes in
// text: where each glyph starts (x of the pen, pt), in order.
struct Reader {
  std::vector<double> glyphX;
  double size = 0, tc = 0, x = 0;

  explicit Reader(const std::string& s) {
    std::vector<double> operands;
    for (std::size_t i = 0; i < s.size();) {
      const char c = s[i];
      if (std::isspace(static_cast<unsigned char>(c))) {
        ++i;
      } else if (c == '/') {  // a name: the font's or a tag's
        while (i < s.size() && !std::isspace(static_cast<unsigned char>(s[i])) && s[i] != '<') ++i;
      } else if (c == '<' && s.compare(i, 2, "<<") == 0) {
        i = s.find(">>", i) + 2;
      } else if (c == '[') {
        ++i;
        while (s[i] != ']') {
          if (s[i] == '(') {
            for (++i; s[i] != ')'; i += 2) {  // glyph 0x0041: two bytes, neither escaped
              glyphX.push_back(x);
              x += 600 * size / 1000 + tc;
            }
            ++i;
          } else {
            std::size_t used = 0;
            x -= std::stod(s.substr(i), &used) * size / 1000;
            i += used;
          }
        }
        i = s.find("TJ", i) + 2;
      } else if (std::isdigit(static_cast<unsigned char>(c)) || c == '-' || c == '.') {
        std::size_t used = 0;
        operands.push_back(std::stod(s.substr(i), &used));
        i += used;
      } else {
        std::size_t end = i;
        while (end < s.size() && std::isalpha(static_cast<unsigned char>(s[end]))) ++end;
        if (end == i) ++end;  // a delimiter left of a dictionary or string
        const std::string op = s.substr(i, end - i);
        if (op == "Tm") x = operands.at(4);
        if (op == "Tf") size = operands.at(0);
        if (op == "Tc") tc = operands.at(0);
        operands.clear();
        i = end;
      }
    }
  }
};

}  // namespace

TEST_CASE("content stream: words along one baseline are one TJ array, each word where it was set") {
  ContentStream cs;
  cs.beginText();
  cs.font("F1", 10);
  // Words with justified spaces between them: 12.3456 and 3.21 pt after each word's end.
  cs.glyphs(72, 700, 10, word(3), {});
  cs.glyphs(72 + 18 + 12.3456f, 700, 10, word(2), {});
  cs.glyphs(72 + 18 + 12.3456f + 12 + 3.21f, 700, 10, word(1), {});
  cs.endText();
  const std::string s = cs.bytes();
  CHECK(countOccurrences(s, "Tm") == 1);
  CHECK(countOccurrences(s, "TJ") == 1);
  Reader r(s);
  REQUIRE(r.glyphX.size() == 6);
  CHECK(r.glyphX[0] == doctest::Approx(72).epsilon(1e-9));
  CHECK(std::fabs(r.glyphX[3] - (72 + 18 + 12.3456)) < 1e-4);
  CHECK(std::fabs(r.glyphX[5] - (72 + 18 + 12.3456 + 12 + 3.21)) < 1e-4);
}

TEST_CASE("content stream: a run starts with a matrix of its own when it cannot go on") {
  auto matrices = [](auto&& between) {
    ContentStream cs;
    cs.beginText();
    cs.font("F1", 10);
    cs.glyphs(72, 700, 10, word(3), {});
    between(cs);
    cs.endText();
    return countOccurrences(cs.bytes(), "Tm");
  };
  // The same line, nothing between: one matrix; so too after a word space a justified line
  // shrank (the pen goes back a little).
  CHECK(matrices([](ContentStream& cs) { cs.glyphs(100, 700, 10, word(1), {}); }) == 1);
  CHECK(matrices([](ContentStream& cs) { cs.glyphs(88.5f, 700, 10, word(1), {}); }) == 1);
  // The next line; a size of its own; back along the line past the last word (right to
  // left); a colour, a font,
  // a marked-content sequence between; what the glyphs stand for said apart (ActualText).
  CHECK(matrices([](ContentStream& cs) { cs.glyphs(72, 686, 10, word(1), {}); }) == 2);
  CHECK(matrices([](ContentStream& cs) { cs.glyphs(100, 700, 12, word(1), {}); }) == 2);
  CHECK(matrices([](ContentStream& cs) { cs.glyphs(60, 700, 10, word(1), {}); }) == 2);
  CHECK(matrices([](ContentStream& cs) {
          cs.fillColor(Color{1, 0, 0});
          cs.glyphs(100, 700, 10, word(1), {});
        }) == 2);
  CHECK(matrices([](ContentStream& cs) {
          cs.font("F2", 10);
          cs.glyphs(100, 700, 10, word(1), {});
        }) == 2);
  CHECK(matrices([](ContentStream& cs) {
          cs.beginTagged(1, false);
          cs.glyphs(100, 700, 10, word(1), {});
        }) == 2);
  CHECK(matrices([](ContentStream& cs) { cs.glyphs(100, 700, 10, word(1), "ﬁ"); }) == 2);
}

TEST_CASE("content stream: character spacing and shaping's own offsets are where the next run starts from") {
  ContentStream cs;
  cs.beginText();
  cs.font("F1", 12);
  cs.charSpacing(0.5f);
  // Shaping set the glyphs at 580/1000 em (kerned): the array moves the pen back after each.
  cs.glyphs(50, 400, 12, word(4, 580), {});
  const float next = 50 + 4 * (0.580f * 12 + 0.5f) + 3;
  cs.glyphs(next, 400, 12, word(2), {});
  cs.endText();
  CHECK(countOccurrences(cs.bytes(), "Tm") == 1);
  Reader r(cs.bytes());
  REQUIRE(r.glyphX.size() == 6);
  CHECK(std::fabs(r.glyphX[3] - (50 + 3 * (0.580 * 12 + 0.5))) < 1e-3);
  CHECK(std::fabs(r.glyphX[4] - next) < 1e-4);
}

TEST_CASE("content stream: a raised run ends its array with the rise put back, and the next run starts anew") {
  ContentStream cs;
  cs.beginText();
  cs.font("F1", 10);
  std::vector<ShapedGlyph> raised = word(2);
  raised[1].dy = 300;
  cs.glyphs(72, 700, 10, raised, {});
  cs.glyphs(90, 700, 10, word(1), {});
  cs.endText();
  CHECK(countOccurrences(cs.bytes(), "0 Ts") == 1);
  CHECK(countOccurrences(cs.bytes(), "Tm") == 2);
}

// The move to a run and shaping's offset of its first glyph are two numbers: apart, not one
// malformed one ("-6592.27317.9" once moved a Hebrew word over the full stop after it).
TEST_CASE("content stream: the move to a run and its first glyph's offset stay two numbers") {
  ContentStream cs;
  cs.beginText();
  cs.font("F1", 10);
  cs.glyphs(72, 700, 10, word(1), {});
  std::vector<ShapedGlyph> offset = word(2);
  offset[0].dx = -31.79f;
  cs.glyphs(150, 700, 10, offset, {});
  cs.endText();
  CHECK(countOccurrences(cs.bytes(), "Tm") == 1);
  Reader r(cs.bytes());
  REQUIRE(r.glyphX.size() == 3);
  CHECK(std::fabs(r.glyphX[1] - (150 - 0.3179)) < 1e-3);
}

// Numbers are rounded half away from zero, as std::llround does, and written without trailing
// zeros; what no reader accepts (infinite, absurdly large) is written as 0.
TEST_CASE("content stream: numbers rounded half away from zero, trailing zeros dropped") {
  ContentStream cs;
  // Exact binary halves at the third decimal: 0.0625 -> 0.063, -0.0625 -> -0.063; 2.5 at the
  // third decimal stays 2.5; 1e-4 is 0.
  cs.moveTo(0.0625f, -0.0625f);
  cs.moveTo(2.5f, 0.0001f);
  cs.moveTo(-0.0005f, 123456.789f);
  cs.moveTo(INFINITY, 2e7f);
  CHECK(cs.bytes() == "0.063 -0.063 m\n2.5 0 m\n-0.001 123456.789 m\n0 0 m\n");
}
