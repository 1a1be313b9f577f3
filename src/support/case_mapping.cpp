// Capitals for labels and headings set in capitals, in any script that has them.
#include <unicode/uchar.h>

#include "postpress/support/text.h"

namespace pp {

char32_t upperCase(char32_t c) {
  // ICU's simple mapping: one code point for one (ß stays ß rather than becoming "SS"), so a
  // run's offsets into its text still hold after the change.
  return static_cast<char32_t>(u_toupper(static_cast<UChar32>(c)));
}

std::u32string upperCase(std::u32string_view s) {
  std::u32string out(s);
  for (char32_t& c : out) c = upperCase(c);
  return out;
}

}  // namespace pp
