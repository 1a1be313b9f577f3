// The ToUnicode CMap of a glyph-id font: every entry a reader accepts.
#include <doctest/doctest.h>

#include <sstream>
#include <string>

#include "pdf/glyph_fonts.h"

TEST_CASE("a glyph standing for a long cluster maps to its first characters, within a reader's token size") {
  std::unordered_map<std::uint16_t, std::u32string> glyphs;
  glyphs[3] = U"a" + std::u32string(200, U'\u0301');   // a base letter under 200 marks
  glyphs[4] = std::u32string(40, U'\U0001F600');       // surrogate pairs are never cut in two
  glyphs[5] = U"fi";
  glyphs[6] = U"";  // no text of its own (a cluster's second glyph): a zero width space
  const std::string cmap = pp::pdf::toUnicodeCMap(glyphs);
  CHECK(cmap.find("4 beginbfchar") != std::string::npos);
  std::istringstream lines(cmap);
  int entries = 0;
  bool inBlock = false;
  for (std::string line; std::getline(lines, line);) {
    if (line.find("beginbfchar") != std::string::npos) inBlock = true;
    if (line == "endbfchar") inBlock = false;
    if (!inBlock || line.rfind("<", 0) != 0) continue;
    ++entries;
    const std::string dest = line.substr(line.find("> <") + 3);
    CHECK(dest.size() <= 255);  // poppler reads at most 256 bytes a token
    CHECK((dest.size() - 1) % 4 == 0);
    if (line.rfind("<0004>", 0) == 0) CHECK((dest.size() - 1) % 8 == 0);
  }
  CHECK(entries == 4);
  CHECK(cmap.find("<0005> <00660069>") != std::string::npos);
  CHECK(cmap.find("<0006> <200B>") != std::string::npos);  // every code shown has a value
}
