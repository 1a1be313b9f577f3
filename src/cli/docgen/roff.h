// Text into roff (man(7)) without surprises: a backslash is printed, a line never starts a
// request, and a dash in an option name stays an ASCII hyphen-minus that can be copied.
#pragma once

#include <string>
#include <string_view>

namespace pp::docgen {

inline std::string roff(std::string_view text) {
  std::string out;
  for (char c : text) {
    if (c == '\\') out += "\\e";
    else if (c == '-') out += "\\-";
    else out += c;
  }
  if (!out.empty() && (out[0] == '.' || out[0] == '\'')) out.insert(0, "\\&");
  return out;
}

}  // namespace pp::docgen
