// Source: the text handed from one preprocessing pass to the next, with the body line each of
// its lines came from, so that diagnostics and SourcePos always name the author's line even
// after Liquid, shortcodes or MDX rewrote the text. TextBuilder writes the next Source.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>
#include <vector>

namespace pp::markdown {

struct Source {
  std::string text;
  std::vector<int> lines;  // lines[k] = body line (1-based) of text line k (0-based)

  // A Source whose every line k maps to body line k+1 (the body as written).
  static Source identity(std::string text);
  // Body line of the text line holding byte `offset`.
  int bodyLineAt(std::size_t offset) const;
  // Body line of 1-based text line `line` (cmark's numbering); clamped, never out of range.
  int bodyLineOf(int line) const;
  // 1-based column of `offset` within its line.
  int columnAt(std::size_t offset) const;

  // Offsets of line starts, computed on demand by the lookups above.
  mutable std::vector<std::size_t> starts_;
  void indexLines() const;
};

class TextBuilder {
 public:
  explicit TextBuilder(const Source& in) : in_(in) { in_.indexLines(); }

  // Copies in.text[from, to) verbatim: each copied line keeps its own body line.
  void copy(std::size_t from, std::size_t to);
  // Appends generated text, every line of it attributed to the input byte `at`.
  void emit(std::string_view s, std::size_t at);
  // True when the output so far ends a line (or is empty).
  bool atLineStart() const { return out_.text.empty() || out_.text.back() == '\n'; }
  // Ends the current output line unless it is already ended.
  void endLine(std::size_t at) {
    if (!atLineStart()) emit("\n", at);
  }
  std::size_t size() const { return out_.text.size(); }
  const std::string& text() const { return out_.text; }
  Source finish();

 private:
  void put(std::string_view s, int bodyLine);
  const Source& in_;
  Source out_;
};

}  // namespace pp::markdown
