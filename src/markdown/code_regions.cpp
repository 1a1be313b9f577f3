#include "markdown/code_regions.h"

#include <algorithm>
#include <string>

namespace pp::markdown {

namespace {

// Strips what may stand before a fence on its line: indentation, quote markers, one list marker.
std::string_view fenceCandidate(std::string_view line) {
  std::size_t i = 0;
  auto spaces = [&] {
    while (i < line.size() && (line[i] == ' ' || line[i] == '\t')) ++i;
  };
  spaces();
  while (i < line.size() && line[i] == '>') {
    ++i;
    spaces();
  }
  if (i < line.size() && (line[i] == '-' || line[i] == '*' || line[i] == '+') &&
      i + 1 < line.size() && line[i + 1] == ' ') {
    i += 2;
    spaces();
  } else {
    std::size_t j = i;
    while (j < line.size() && j - i < 9 && line[j] >= '0' && line[j] <= '9') ++j;
    if (j > i && j + 1 < line.size() && (line[j] == '.' || line[j] == ')') && line[j + 1] == ' ') {
      i = j + 2;
      spaces();
    }
  }
  return line.substr(i);
}

struct Fence {
  char ch = 0;
  std::size_t len = 0;
};

Fence openingFence(std::string_view line) {
  std::string_view c = fenceCandidate(line);
  if (c.empty() || (c[0] != '`' && c[0] != '~')) return {};
  std::size_t n = 0;
  while (n < c.size() && c[n] == c[0]) ++n;
  if (n < 3) return {};
  if (c[0] == '`' && c.substr(n).find('`') != std::string_view::npos) return {};
  return {c[0], n};
}

bool closingFence(std::string_view line, Fence f) {
  std::string_view c = fenceCandidate(line);
  std::size_t n = 0;
  while (n < c.size() && c[n] == f.ch) ++n;
  if (n < f.len) return false;
  for (std::size_t k = n; k < c.size(); ++k)
    if (c[k] != ' ' && c[k] != '\t') return false;
  return true;
}

}  // namespace

CodeFences::CodeFences(std::string_view text) {
  std::size_t pos = 0;
  Fence open;
  std::size_t openStart = 0;
  while (pos < text.size()) {
    std::size_t nl = text.find('\n', pos);
    std::size_t end = nl == std::string_view::npos ? text.size() : nl + 1;
    std::string_view line = text.substr(pos, (nl == std::string_view::npos ? text.size() : nl) - pos);
    if (open.ch == 0) {
      Fence f = openingFence(line);
      if (f.ch) {
        open = f;
        openStart = pos;
      }
    } else if (closingFence(line, open)) {
      ranges_.emplace_back(openStart, end);
      open = {};
    }
    pos = end;
  }
  if (open.ch) ranges_.emplace_back(openStart, text.size());
}

std::size_t CodeFences::skip(std::size_t pos) {
  while (cursor_ < ranges_.size() && ranges_[cursor_].second <= pos) ++cursor_;
  if (cursor_ < ranges_.size() && ranges_[cursor_].first <= pos) return ranges_[cursor_].second;
  return pos;
}

bool CodeFences::inside(std::size_t pos) { return skip(pos) != pos; }

std::size_t CodeFences::nextFrom(std::size_t pos) {
  while (cursor_ < ranges_.size() && ranges_[cursor_].second <= pos) ++cursor_;
  if (cursor_ == ranges_.size()) return std::string_view::npos;
  return std::max(pos, ranges_[cursor_].first);
}

std::size_t CodeSpans::runLength(std::size_t pos) const {
  std::size_t n = 0;
  while (pos + n < text_.size() && text_[pos + n] == '`') ++n;
  return n;
}

std::size_t CodeSpans::spanEnd(std::size_t pos) {
  std::size_t n = runLength(pos);
  // Absurdly long runs are taken as literal backticks: it keeps the memo below bounded.
  if (n == 0 || n >= noClose_.size()) return std::string_view::npos;
  std::size_t slot = n;
  std::size_t from = pos + n;
  if (slot && from >= noClose_[slot].first && from < noClose_[slot].second)
    return std::string_view::npos;
  std::size_t i = from;
  while (i < text_.size()) {
    std::size_t bt = text_.find_first_of("`\n", i);
    if (bt == std::string_view::npos) {
      i = text_.size();
      break;
    }
    if (text_[bt] == '\n') {
      // A blank line ends the paragraph, and a code span with it.
      std::size_t j = bt + 1;
      while (j < text_.size() && (text_[j] == ' ' || text_[j] == '\t')) ++j;
      if (j >= text_.size() || text_[j] == '\n') {
        i = bt + 1;
        break;
      }
      i = bt + 1;
      continue;
    }
    std::size_t m = runLength(bt);
    if (m == n) return bt + m;
    i = bt + m;
  }
  if (slot) noClose_[slot] = {from, i};
  return std::string_view::npos;
}

std::size_t CodeSkipper::skip(std::size_t i) {
  if (std::size_t past = fences_.skip(i); past != i) return past;
  if (i < text_.size() && text_[i] == '`') {
    std::size_t end = spans_.spanEnd(i);
    return end == std::string_view::npos ? i + spans_.runLength(i) : end;
  }
  return i;
}

std::size_t CodeSkipper::codeFrom(std::size_t i) {
  return std::min(fences_.nextFrom(i), text_.find('`', i));
}

std::string codeFenceFor(std::string_view content) {
  std::size_t longest = 0, run = 0;
  for (char c : content) {
    run = c == '`' ? run + 1 : 0;
    longest = std::max(longest, run);
  }
  return std::string(std::max<std::size_t>(3, longest + 1), '`');
}

}  // namespace pp::markdown
