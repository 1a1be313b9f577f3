// Line-by-line walking of a Source with fenced code skipped, for the passes that work on
// whole lines (admonition fences, summary markers, MDX imports).
#pragma once

#include <string_view>

#include "markdown/code_regions.h"
#include "markdown/source.h"

namespace pp::markdown {

struct Line {
  std::size_t start = 0;  // offset of the first character
  std::size_t end = 0;    // offset of the '\n' (or the end of the text)
  std::size_t next = 0;   // offset of the next line
  std::string_view text;  // without the '\n'
  bool code = false;      // inside a fenced code block (fence lines included)
};

class LineScanner {
 public:
  explicit LineScanner(const Source& s) : text_(s.text), fences_(s.text) {}
  bool next(Line& line) {
    if (pos_ >= text_.size()) return false;
    line.start = pos_;
    std::size_t nl = text_.find('\n', pos_);
    line.end = nl == std::string_view::npos ? text_.size() : nl;
    line.next = nl == std::string_view::npos ? text_.size() : nl + 1;
    line.text = text_.substr(line.start, line.end - line.start);
    line.code = fences_.inside(line.start);
    pos_ = line.next;
    return true;
  }

 private:
  std::string_view text_;
  CodeFences fences_;
  std::size_t pos_ = 0;
};

inline std::string_view leadingSpace(std::string_view s) {
  std::size_t n = 0;
  while (n < s.size() && (s[n] == ' ' || s[n] == '\t')) ++n;
  return s.substr(0, n);
}

}  // namespace pp::markdown
