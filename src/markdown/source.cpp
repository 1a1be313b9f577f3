#include "markdown/source.h"

#include <algorithm>
#include <cstring>

namespace pp::markdown {

Source Source::identity(std::string text) {
  Source s;
  s.text = std::move(text);
  std::size_t n = static_cast<std::size_t>(std::count(s.text.begin(), s.text.end(), '\n')) + 1;
  s.lines.resize(n);
  for (std::size_t k = 0; k < n; ++k) s.lines[k] = static_cast<int>(k) + 1;
  return s;
}

void Source::indexLines() const {
  if (!starts_.empty()) return;
  starts_.push_back(0);
  const char* base = text.data();
  std::size_t pos = 0;
  while (pos < text.size()) {
    const void* nl = std::memchr(base + pos, '\n', text.size() - pos);
    if (!nl) break;
    pos = static_cast<std::size_t>(static_cast<const char*>(nl) - base) + 1;
    starts_.push_back(pos);
  }
}

static std::size_t lineIndex(const std::vector<std::size_t>& starts, std::size_t offset) {
  auto it = std::upper_bound(starts.begin(), starts.end(), offset);
  return it == starts.begin() ? 0 : static_cast<std::size_t>(it - starts.begin()) - 1;
}

int Source::bodyLineAt(std::size_t offset) const {
  indexLines();
  std::size_t k = lineIndex(starts_, offset);
  if (lines.empty()) return static_cast<int>(k) + 1;
  return lines[std::min(k, lines.size() - 1)];
}

int Source::bodyLineOf(int line) const {
  if (lines.empty()) return std::max(line, 1);
  if (line < 1) line = 1;
  std::size_t k = std::min(static_cast<std::size_t>(line - 1), lines.size() - 1);
  return lines[k];
}

int Source::columnAt(std::size_t offset) const {
  indexLines();
  std::size_t k = lineIndex(starts_, offset);
  return static_cast<int>(offset - starts_[k]) + 1;
}

void TextBuilder::put(std::string_view s, int bodyLine) {
  for (std::size_t i = 0; i < s.size();) {
    if (atLineStart()) out_.lines.push_back(bodyLine);
    const void* nl = std::memchr(s.data() + i, '\n', s.size() - i);
    std::size_t end = nl ? static_cast<std::size_t>(static_cast<const char*>(nl) - s.data()) + 1
                         : s.size();
    out_.text.append(s.data() + i, end - i);
    i = end;
  }
}

void TextBuilder::copy(std::size_t from, std::size_t to) {
  to = std::min(to, in_.text.size());
  if (from >= to) return;
  std::size_t k = lineIndex(in_.starts_, from);
  std::size_t pos = from;
  while (pos < to) {
    std::size_t lineEnd = k + 1 < in_.starts_.size() ? in_.starts_[k + 1] : in_.text.size();
    std::size_t end = std::min(lineEnd, to);
    int bodyLine = in_.lines.empty() ? static_cast<int>(k) + 1
                                     : in_.lines[std::min(k, in_.lines.size() - 1)];
    put(std::string_view(in_.text).substr(pos, end - pos), bodyLine);
    pos = end;
    ++k;
  }
}

void TextBuilder::emit(std::string_view s, std::size_t at) {
  put(s, in_.bodyLineAt(std::min(at, in_.text.size())));
}

Source TextBuilder::finish() {
  if (out_.lines.empty()) out_.lines.push_back(in_.lines.empty() ? 1 : in_.lines.front());
  // The line after a final newline exists for cmark too (it reports it for trailing blocks).
  if (!out_.text.empty() && out_.text.back() == '\n') out_.lines.push_back(out_.lines.back());
  return std::move(out_);
}

}  // namespace pp::markdown
