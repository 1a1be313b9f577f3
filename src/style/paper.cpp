// Paper sizes by name or dimensions. Everything ends up in PostScript points (1/72 in).
#include <cctype>
#include <cmath>
#include <cstdlib>
#include <string>

#include "postpress/style.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

struct NamedPaper {
  const char* name;
  float width, height;
};

constexpr NamedPaper kPapers[] = {
    {"letter", 612, 792}, {"legal", 612, 1008}, {"tabloid", 792, 1224},
    {"a3", 841.89f, 1190.55f}, {"a4", 595.28f, 841.89f}, {"a5", 419.53f, 595.28f},
    {"b5", 498.90f, 708.66f}, {"executive", 522, 756},
};

// Points per unit; 0 for an unknown unit.
float unitScale(std::string_view unit) {
  if (unit.empty() || unit == "pt") return 1.0f;
  if (unit == "in") return 72.0f;
  if (unit == "mm") return 72.0f / 25.4f;
  if (unit == "cm") return 72.0f / 2.54f;
  return 0;
}

// Parses "<number>[unit]" from the front of s, advancing it. unit is left in `unit`.
bool readLength(std::string_view& s, float& value, std::string& unit) {
  std::size_t i = 0;
  while (i < s.size() && (std::isdigit(static_cast<unsigned char>(s[i])) || s[i] == '.')) ++i;
  if (i == 0) return false;
  std::string num(s.substr(0, i));
  char* end = nullptr;
  double v = std::strtod(num.c_str(), &end);
  if (end != num.c_str() + num.size()) return false;
  // Units are two letters; 'x' separates the numbers, so never read it as a unit.
  std::string_view rest = s.substr(i);
  unit.clear();
  for (const char* u : {"pt", "in", "mm", "cm"})
    if (rest.substr(0, 2) == u) unit = u;
  s.remove_prefix(i + unit.size());
  value = static_cast<float>(v);
  return true;
}

}  // namespace

bool parsePaper(const std::string& text, float& width, float& height) {
  std::string t = toLowerAscii(trim(text));
  std::string compact;
  for (char c : t)
    if (c != ' ') compact += c;
  for (const auto& p : kPapers) {
    if (compact == p.name) {
      width = p.width;
      height = p.height;
      return true;
    }
  }
  // "6x9in", "210x297mm", "210mmx297mm", "595x842"
  std::string_view s = compact;
  float w = 0, h = 0;
  std::string uw, uh;
  if (!readLength(s, w, uw)) return false;
  if (s.empty() || (s[0] != 'x' && s[0] != '*')) return false;
  s.remove_prefix(1);
  if (!readLength(s, h, uh) || !s.empty()) return false;
  if (uw.empty()) uw = uh;  // "210x297mm": the unit after the second number applies to both
  float sw = unitScale(uw), sh = unitScale(uh);
  if (sw == 0 || sh == 0) return false;
  w *= sw;
  h *= sh;
  // Anything smaller than a business card or larger than a poster is a typo, not a page.
  if (!(w >= 144 && h >= 144 && w <= 14400 && h <= 14400)) return false;
  width = w;
  height = h;
  return true;
}

}  // namespace pp
