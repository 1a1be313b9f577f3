// Text extraction. libharu's ToUnicode CMap is not a valid one: it maps codes with a
// `begincidrange` (an operator of encoding CMaps, not of ToUnicode), which poppler reports on
// every page ("Invalid 'begincidrange' operator in ToUnicode CMap") and stricter readers may
// ignore. And its text is 16-bit, so a Private Use stand-in (Layout::privateUse) would extract
// as U+F8FF instead of the emoji it draws. For every font we append, as a PDF incremental
// update, a replacement ToUnicode CMap made of `bfrange`s that maps every code to itself and
// the stand-ins to the real characters (as UTF-16 surrogate pairs). libharu's bytes are left
// untouched; readers use the newest version of the object.
#include <cstdio>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "pdf/painter.h"

namespace pp::pdf {

namespace {

// The subset tag libharu gives the n-th TrueType font it loads: HPDFAA, HPDFAB, ...
std::string libharuTag(int n) {
  std::string tag = "HPDFAA";
  for (int k = 0; k < n; ++k)
    for (int i = 5; i >= 0; --i) {
      tag[static_cast<std::size_t>(i)] = static_cast<char>(tag[static_cast<std::size_t>(i)] + 1);
      if (tag[static_cast<std::size_t>(i)] > 'Z') tag[static_cast<std::size_t>(i)] = 'A';
      else break;
    }
  return tag;
}

// The number after `key` ("/Size 180", "/Root 1 0 R"), or -1.
long long numberAfter(const std::string& s, std::size_t from, std::size_t to, const std::string& key) {
  const std::size_t p = s.find(key, from);
  if (p == std::string::npos || p >= to) return -1;
  std::size_t i = p + key.size();
  while (i < s.size() && (s[i] == ' ' || s[i] == '\n' || s[i] == '\r')) ++i;
  long long v = 0;
  bool any = false;
  while (i < s.size() && s[i] >= '0' && s[i] <= '9') {
    v = v * 10 + (s[i] - '0');
    any = true;
    ++i;
  }
  return any ? v : -1;
}

// The object number of the Type0 font dictionary whose BaseFont carries `tag`, and its
// ToUnicode object number; {-1,-1} when not found.
std::pair<long long, long long> findToUnicode(const std::string& pdf, const std::string& tag) {
  const std::string needle = "/BaseFont /" + tag + "+";
  for (std::size_t pos = pdf.find(needle); pos != std::string::npos; pos = pdf.find(needle, pos + 1)) {
    const std::size_t objEnd = pdf.find("endobj", pos);
    const std::size_t objKw = pdf.rfind(" obj", pos);
    if (objEnd == std::string::npos || objKw == std::string::npos) continue;
    const long long tu = numberAfter(pdf, objKw, objEnd, "/ToUnicode");
    if (tu < 0) continue;  // the descendant CIDFont dictionary carries no ToUnicode
    return {0, tu};
  }
  return {-1, -1};
}

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

std::string extractionUpdate(const std::string& pdf, const Layout& layout, const PaintResult& result) {
  std::map<long long, std::string> replacements;  // object number -> new stream object body
  const std::string cmap = cmapFor(layout.privateUse);
  for (std::size_t k = 0; k < result.fontLoadOrder.size(); ++k) {
    const auto [dict, toUnicode] = findToUnicode(pdf, libharuTag(static_cast<int>(k)));
    (void)dict;
    if (toUnicode <= 0) return {};  // not the layout we expect: leave the file alone
    replacements[toUnicode] = cmap;
  }
  if (replacements.empty() || pdf.empty()) return {};

  const std::size_t trailer = pdf.rfind("trailer");
  const std::size_t startxref = pdf.rfind("startxref");
  if (trailer == std::string::npos || startxref == std::string::npos || startxref < trailer) return {};
  const long long size = numberAfter(pdf, trailer, startxref, "/Size");
  const long long root = numberAfter(pdf, trailer, startxref, "/Root");
  const long long info = numberAfter(pdf, trailer, startxref, "/Info");
  const long long prev = numberAfter(pdf, startxref, pdf.size(), "startxref");
  if (size <= 0 || root <= 0 || prev <= 0) return {};

  // Offsets in the update count from the start of the file: libharu's bytes, then these.
  std::string update;
  if (pdf.back() != '\n') update += '\n';
  std::map<long long, std::size_t> offsets;
  for (const auto& [num, body] : replacements) {
    offsets[num] = pdf.size() + update.size();
    update += std::to_string(num) + " 0 obj\n<< /Length " + std::to_string(body.size()) + " >>\nstream\n" + body +
              "\nendstream\nendobj\n";
  }
  const std::size_t xref = pdf.size() + update.size();
  update += "xref\n0 1\n0000000000 65535 f \n";
  for (const auto& [num, off] : offsets) {
    char entry[32];
    std::snprintf(entry, sizeof entry, "%010llu 00000 n \n", static_cast<unsigned long long>(off));
    update += std::to_string(num) + " 1\n" + entry;
  }
  update += "trailer\n<< /Size " + std::to_string(size) + " /Root " + std::to_string(root) + " 0 R";
  if (info > 0) update += " /Info " + std::to_string(info) + " 0 R";
  update += " /Prev " + std::to_string(prev) + " >>\nstartxref\n" + std::to_string(xref) + "\n%%EOF\n";
  return update;
}

}  // namespace pp::pdf
