// Terminal column widths from ICU's character properties (see display_width.h).
#include "postpress/support/display_width.h"

#include <unicode/uchar.h>

#include "postpress/support/text.h"

namespace pp {

std::size_t displayWidth(char32_t c) {
  const auto cp = static_cast<UChar32>(c);
  if (c == 0x200B || c == 0x200C || c == 0x200D || c == 0xFEFF) return 0;
  switch (u_charType(cp)) {
    case U_NON_SPACING_MARK:
    case U_ENCLOSING_MARK:
    case U_FORMAT_CHAR:
    case U_CONTROL_CHAR:
      return 0;
    default:
      break;
  }
  const int eaw = u_getIntPropertyValue(cp, UCHAR_EAST_ASIAN_WIDTH);
  return eaw == U_EA_WIDE || eaw == U_EA_FULLWIDTH ? 2 : 1;
}

std::size_t displayWidth(std::string_view utf8) {
  std::size_t width = 0;
  for (std::size_t i = 0; i < utf8.size();) width += displayWidth(nextCodepoint(utf8, i));
  return width;
}

std::string fitColumns(std::string_view utf8, std::size_t columns) {
  if (displayWidth(utf8) <= columns) return std::string(utf8);
  if (columns == 0) return {};
  std::string out;
  std::size_t used = 0;  // the ellipsis takes the last column
  for (std::size_t i = 0; i < utf8.size();) {
    const std::size_t start = i;
    const std::size_t w = displayWidth(nextCodepoint(utf8, i));
    if (used + w + 1 > columns) break;
    out.append(utf8.substr(start, i - start));
    used += w;
  }
  return out + "\xE2\x80\xA6";
}

std::string padColumns(std::string_view utf8, std::size_t columns) {
  const std::size_t w = displayWidth(utf8);
  std::string out(utf8);
  if (w < columns) out.append(columns - w, ' ');
  return out;
}

}  // namespace pp
