// Where code is, seen before cmark runs: fenced code blocks (``` and ~~~, also inside lists
// and quotes) and inline code spans. Passes that must not touch code (MDX, math, emoji) use it.
#pragma once

#include <array>
#include <cstddef>
#include <string>
#include <string_view>
#include <utility>
#include <vector>

namespace pp::markdown {

class CodeFences {
 public:
  explicit CodeFences(std::string_view text);
  // If `pos` lies in a fenced block, the offset just past it; else pos. Calls must come with
  // non-decreasing pos for linear time (a cursor remembers where it was).
  std::size_t skip(std::size_t pos);
  bool inside(std::size_t pos);
  // The first offset at or after `pos` that lies in a fenced block (`pos` itself when it does),
  // npos when none does. The same cursor as skip(): non-decreasing pos.
  std::size_t nextFrom(std::size_t pos);
  const std::vector<std::pair<std::size_t, std::size_t>>& ranges() const { return ranges_; }

 private:
  std::vector<std::pair<std::size_t, std::size_t>> ranges_;
  std::size_t cursor_ = 0;
};

// Inline code spans: given a backtick run at `pos`, the offset past its closing run, or npos
// when it has none (then the run is literal). Remembers failed searches so that a line of a
// million lone backticks stays linear.
class CodeSpans {
 public:
  explicit CodeSpans(std::string_view text) : text_(text) {}
  std::size_t runLength(std::size_t pos) const;
  std::size_t spanEnd(std::size_t pos);

 private:
  std::string_view text_;
  // Per run length: no closing run of that length in [first, second).
  std::array<std::pair<std::size_t, std::size_t>, 64> noClose_{};
};

// Fenced blocks and code spans together, for passes that walk text byte by byte and leave code
// alone (MDX, math, emoji): skip(i) is the offset just past the code that starts or lies at i,
// else i itself. Calls must come with non-decreasing i.
class CodeSkipper {
 public:
  explicit CodeSkipper(std::string_view text) : text_(text), fences_(text), spans_(text) {}
  std::size_t skip(std::size_t i);
  // The first offset at or after `i` where skip() may move (a backtick, or a fenced block),
  // npos when there is none: a pass looking for one character jumps to whichever comes first,
  // rather than asking skip() at every byte. Non-decreasing i, as for skip().
  std::size_t codeFrom(std::size_t i);
  CodeSpans& spans() { return spans_; }

 private:
  std::string_view text_;
  CodeFences fences_;
  CodeSpans spans_;
};

// A backtick fence longer than any backtick run in `content` (three at least), so that the
// content can stand in a fenced code block as it is.
std::string codeFenceFor(std::string_view content);

}  // namespace pp::markdown
