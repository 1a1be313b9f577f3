// Text extraction. libharu's ToUnicode CMap is not a valid one: it maps codes with a
// `begincidrange` (an operator of encoding CMaps, not of ToUnicode), which poppler reports on
// every page ("Invalid 'begincidrange' operator in ToUnicode CMap") and stricter readers may
// ignore. And its text is 16-bit, so a Private Use stand-in (Layout::privateUse) would extract
// as U+F8FF instead of the emoji it draws. Every font's CMap stream is given, before the
// document is saved, one made of `bfrange`s that maps every code to itself and the stand-ins
// to the real characters (as UTF-16 surrogate pairs).
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pdf/byte_streams.h"
#include "pdf/painter.h"

#include <hpdf_font.h>
#include <hpdf_objects.h>

#include "postpress/support/deflate.h"

namespace pp::pdf {

namespace {

std::string hex4(unsigned v) {
  char b[8];
  std::snprintf(b, sizeof b, "%04X", v & 0xFFFF);
  return b;
}

std::string utf16Hex(char32_t c) {
  if (c < 0x10000) return hex4(static_cast<unsigned>(c));
  const char32_t v = c - 0x10000;
  return hex4(0xD800 + static_cast<unsigned>(v >> 10)) + hex4(0xDC00 + static_cast<unsigned>(v & 0x3FF));
}

std::string cmapFor(const std::map<char32_t, char32_t>& standIns) {
  std::set<unsigned> rowsWithStandIns;
  for (const auto& [code, real] : standIns) rowsWithStandIns.insert(static_cast<unsigned>(code >> 8));
  std::vector<std::string> ranges, chars;
  for (unsigned row = 0; row < 256; ++row) {
    if (row >= 0xD8 && row <= 0xDF) continue;  // surrogates are never codes of ours
    if (!rowsWithStandIns.count(row)) {
      ranges.push_back("<" + hex4(row << 8) + "> <" + hex4((row << 8) | 0xFF) + "> <" + hex4(row << 8) + ">");
      continue;
    }
    for (unsigned lo = 0; lo < 256; ++lo) {
      const char32_t code = (row << 8) | lo;
      auto it = standIns.find(code);
      chars.push_back("<" + hex4(static_cast<unsigned>(code)) + "> <" +
                      utf16Hex(it == standIns.end() ? code : it->second) + ">");
    }
  }
  std::string out =
      "/CIDInit /ProcSet findresource begin\n12 dict begin\nbegincmap\n"
      "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
      "/CMapName /Adobe-Identity-UCS def\n/CMapType 2 def\n"
      "1 begincodespacerange\n<0000> <FFFF>\nendcodespacerange\n";
  // At most 100 entries per block, as the CMap format asks.
  for (std::size_t i = 0; i < ranges.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, ranges.size() - i);
    out += std::to_string(n) + " beginbfrange\n";
    for (std::size_t k = 0; k < n; ++k) out += ranges[i + k] + "\n";
    out += "endbfrange\n";
  }
  for (std::size_t i = 0; i < chars.size(); i += 100) {
    const std::size_t n = std::min<std::size_t>(100, chars.size() - i);
    out += std::to_string(n) + " beginbfchar\n";
    for (std::size_t k = 0; k < n; ++k) out += chars[i + k] + "\n";
    out += "endbfchar\n";
  }
  out += "endcmap\nCMapName currentdict /CMap defineresource pop\nend\nend\n";
  return out;
}

}  // namespace

std::string toUnicodeCMap(const std::map<char32_t, char32_t>& standIns) {
  return zlibCompress(cmapFor(standIns)).value_or(std::string());
}

bool replaceToUnicode(HpdfDoc& doc, HPDF_Font font, const std::string& zlibCMap) {
  HPDF_Dict toUnicode = font ? static_cast<HPDF_Dict>(HPDF_Dict_GetItem(font, "ToUnicode", HPDF_OCLASS_DICT)) : nullptr;
  doc.reset();  // a font without one is not an error of the document
  if (!toUnicode || !font->attr) return false;
  // libharu deflates only its memory streams, and sets the filter of the stream it knows as the
  // font's CMap as it writes the font: it forgets that stream, which then writes our bytes,
  // deflated already, as they are.
  static_cast<HPDF_FontAttr>(font->attr)->cmap_stream = nullptr;
  return setDeflatedStreamBytes(doc, toUnicode, FileBytes(zlibCMap));
}

}  // namespace pp::pdf
