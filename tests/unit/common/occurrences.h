// How often a string occurs in another, overlapping occurrences counted: the operators of a
// page's content stream, the keys of a written PDF.
#pragma once

#include <cstddef>
#include <string>

namespace pptest {

inline std::size_t countOccurrences(const std::string& haystack, const std::string& needle) {
  std::size_t n = 0;
  for (std::size_t at = haystack.find(needle); at != std::string::npos; at = haystack.find(needle, at + 1)) ++n;
  return n;
}

}  // namespace pptest
