#include "diagrams/captions.h"

#include "postpress/support/text.h"

namespace pp::diagrams {

std::string cellOption(std::string_view source, std::string_view prefix, std::string_view key) {
  for (std::size_t start = 0; start < source.size();) {
    std::size_t end = source.find('\n', start);
    if (end == std::string_view::npos) end = source.size();
    std::string_view line = trim(source.substr(start, end - start));
    start = end + 1;
    if (line.empty()) continue;
    if (!startsWith(line, prefix)) break;  // cell options come first
    line = trim(line.substr(prefix.size()));
    if (!startsWith(line, key) || !trim(line.substr(key.size())).starts_with(':')) continue;
    std::string_view value = trim(trim(line.substr(key.size())).substr(1));
    if (value.size() >= 2 && (value.front() == '"' || value.front() == '\'') && value.back() == value.front())
      value = value.substr(1, value.size() - 2);
    return collapseSpaces(value);
  }
  return {};
}

}  // namespace pp::diagrams
