// Private Use stand-ins for characters above U+FFFF. The PDF painter's library (libharu) shows
// text only in 16-bit codes: each character above U+FFFF (emoji) is set as a Private Use code
// (U+F8FF downwards) that the painter maps back, in the embedded font's cmap and in the PDF's
// ToUnicode, so it draws and extracts as itself (Layout::privateUse). Once they run out, the
// rest are drawn as vector outlines. A limit of the painter kept in the box model: moving it
// into the painter would move the text's positions (see the report of issue 24); glyph runs
// (issue 19) replace it.
#pragma once

#include <cstddef>
#include <map>
#include <unordered_map>

namespace pp::typeset {

class StandIns {
 public:
  static constexpr char32_t kFirst = 0xE000, kLast = 0xF8FF;

  // The stand-in for cp; 0 when they have run out. The same character always gets the same.
  char32_t standIn(char32_t cp) {
    if (auto it = standInOf_.find(cp); it != standInOf_.end()) return it->second;
    const std::size_t handedOut = table_.size();
    if (handedOut >= limit_ || handedOut > kLast - kFirst) return 0;
    const char32_t code = kLast - static_cast<char32_t>(handedOut);
    standInOf_.emplace(cp, code);
    table_.emplace(code, cp);
    return code;
  }
  // The character a code stands for (the code itself when it stands for none).
  char32_t real(char32_t code) const {
    if (code < kFirst || code > kLast) return code;
    auto it = table_.find(code);
    return it == table_.end() ? code : it->second;
  }
  const std::map<char32_t, char32_t>& table() const { return table_; }  // stand-in -> real
  // A part set on its own starts from none; its own are renumbered when its lines join the
  // run's (PartJoiner).
  void clear() {
    table_.clear();
    standInOf_.clear();
  }
  // Hands out at most `n` (fewer than the Private Use Area holds: tests).
  void limit(std::size_t n) { limit_ = n; }

 private:
  std::map<char32_t, char32_t> table_;                // stand-in -> real
  std::unordered_map<char32_t, char32_t> standInOf_;  // real -> stand-in
  // Handed out downwards from kLast, one per character: the next is kLast minus the number
  // handed out.
  std::size_t limit_ = kLast - kFirst + 1;
};

}  // namespace pp::typeset
