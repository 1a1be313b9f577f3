// Quarter names as people type them.
#include <cctype>

#include "postpress/select.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

bool readYear(std::string_view s, int& year) {
  if (s.size() != 4) return false;
  year = 0;
  for (char c : s) {
    if (!std::isdigit(static_cast<unsigned char>(c))) return false;
    year = year * 10 + (c - '0');
  }
  return year >= 1;
}

bool readQ(std::string_view s, int& quarter) {
  if (s.size() != 2 || (s[0] != 'q' && s[0] != 'Q') || s[1] < '1' || s[1] > '4') return false;
  quarter = s[1] - '0';
  return true;
}

}  // namespace

bool parseQuarter(std::string_view text, int& year, int& quarter) {
  std::string_view s = trim(text);
  // Split into the year part and the Q part at the first separator or at the Q.
  std::size_t sep = s.find_first_of(" -_/");
  std::string_view a, b;
  if (sep != std::string_view::npos) {
    a = trim(s.substr(0, sep));
    b = trim(s.substr(sep + 1));
  } else {
    std::size_t q = s.find_first_of("qQ");
    if (q == std::string_view::npos) return false;
    a = s.substr(0, q);
    b = s.substr(q);
    if (a.empty()) {  // "Q42025"
      a = s.substr(0, 2);
      b = s.substr(2);
    }
  }
  int y = 0, q = 0;
  if ((readYear(a, y) && readQ(b, q)) || (readQ(a, q) && readYear(b, y))) {
    year = y;
    quarter = q;
    return true;
  }
  return false;
}

}  // namespace pp
