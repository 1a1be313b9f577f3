// Text extraction: the ToUnicode CMap of a glyph-id font. Codes are two bytes (Identity-H),
// each glyph drawn maps to the characters it stands for, as UTF-16 (surrogate pairs above
// U+FFFF, several units for a ligature). Glyphs that stand for more than their own characters,
// or for characters in another order, are covered by the run's ActualText as well.
#include <algorithm>
#include <string>
#include <vector>

#include "pdf/glyph_fonts.h"
#include "pdf/text_strings.h"

namespace pp::pdf {

namespace {

constexpr std::size_t kMaxUnitsPerGlyph = 60;

}  // namespace

std::string toUnicodeCMap(const std::unordered_map<std::uint16_t, std::u32string>& glyphs) {
  // A glyph that stands for no character of its own (the second glyph of a Devanagari or Thai
  // cluster whose first glyph carries the cluster's text) still needs a value: PDF/UA-1 7.21.7
  // and PDF/A-2u 6.2.11.7.2 ask one for every code shown, and 0, U+FEFF and U+FFFE are
  // refused. A zero width space adds nothing visible to text a reader extracts; the run's
  // ActualText gives the cluster's characters where readers honour it.
  const std::u32string noOwnText(1, U'\u200B');
  std::vector<std::pair<std::uint16_t, const std::u32string*>> sorted;
  sorted.reserve(glyphs.size());
  for (const auto& [g, text] : glyphs) sorted.emplace_back(g, text.empty() ? &noOwnText : &text);
  std::sort(sorted.begin(), sorted.end());
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // At most 100 entries per block, as the CMap format asks.
  for (std::size_t i = 0; i < sorted.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, sorted.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint16_t glyph = sorted[i + k].first;
      const char code[2] = {static_cast<char>(glyph >> 8), static_cast<char>(glyph & 0xFF)};
      // Readers keep a token to 256 bytes (poppler refuses a longer one as an illegal entry):
      // a glyph standing for a cluster longer than 60 UTF-16 units (a base letter under dozens
      // of marks) maps to its first ones; the run's ActualText still gives all of them.
      std::string text;
      for (char32_t c : *sorted[i + k].second) {
        const std::size_t before = text.size();
        appendUtf16(text, c);
        if (text.size() / 2 > kMaxUnitsPerGlyph) {
          text.resize(before);
          break;
        }
      }
      out += '<';
      appendHex(out, std::string_view(code, 2));
      out += "> <";
      appendHex(out, text);
      out += ">\n";
    }
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace pp::pdf
