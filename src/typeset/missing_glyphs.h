// Characters no font of the fallback chain has, gathered while one post (or the front and back
// matter) is set and reported once for it: which characters, grouped by script, at the first
// place one was met. A post in a script without a font gives one warning, not one per letter.
#pragma once

#include <map>
#include <optional>
#include <set>
#include <string>

#include "postpress/support/diagnostics.h"

namespace pp::typeset {

class MissingGlyphs {
 public:
  // A character met at `where` (the first place is kept).
  void add(char32_t cp, const SourceLoc& where);
  bool empty() const { return chars_.empty(); }
  const std::set<char32_t>& characters() const { return chars_; }
  // One warning [missing-glyph] naming the characters not in `named` (reported already, by a
  // post), then forgets them. Nothing when none is left.
  void report(DiagnosticSink& diags, const std::set<char32_t>& named = {});

 private:
  std::set<char32_t> chars_;
  std::optional<SourceLoc> first_;
};

// "U+0E01 U+0E02 (Thai), U+1F9A9 (Common)": the characters by script (ICU's names, in order
// of first code point), at most `limit` of them written out ("and 12 more" after).
std::string describeMissingGlyphs(const std::set<char32_t>& chars, std::size_t limit = 16);

}  // namespace pp::typeset
