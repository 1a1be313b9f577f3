// codeLines: a highlighted Code block as lines of runs, the shape both backends draw from.
#include <algorithm>

#include "postpress/document.h"

namespace pp {

static_assert(static_cast<std::size_t>(TokenClass::Deleted) + 1 == kTokenClassCount,
              "kTokenClassNames must name every TokenClass");

std::vector<std::vector<CodeRun>> codeLines(const Block& code) {
  const std::string_view text = code.text;
  const std::vector<CodeSpan>& spans = code.spans;
  std::vector<std::vector<CodeRun>> lines;
  std::size_t first = 0;  // spans before this one end before the current line
  std::size_t start = 0;
  for (;;) {
    std::size_t end = text.find('\n', start);
    if (end == std::string_view::npos) end = text.size();
    std::vector<CodeRun> runs;
    std::size_t pos = start;
    auto plainUpTo = [&](std::size_t to) {
      if (to > pos) runs.push_back({text.substr(pos, to - pos), TokenClass::Plain});
      pos = to;
    };
    while (first < spans.size() && std::uint64_t{spans[first].begin} + spans[first].length <= start) ++first;
    for (std::size_t k = first; k < spans.size() && spans[k].begin < end; ++k) {
      const std::size_t from = std::max<std::size_t>(spans[k].begin, pos);
      const std::size_t to = static_cast<std::size_t>(
          std::min<std::uint64_t>(std::uint64_t{spans[k].begin} + spans[k].length, end));
      if (from >= to) continue;  // empty, or overlapping what an earlier span took
      plainUpTo(from);
      runs.push_back({text.substr(from, to - from), spans[k].token});
      pos = to;
    }
    plainUpTo(end);
    lines.push_back(std::move(runs));
    if (end == text.size()) break;
    start = end + 1;
  }
  return lines;
}

}  // namespace pp
