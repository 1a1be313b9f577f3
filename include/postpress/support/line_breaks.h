// Where a line may break inside a run of text without spaces, by the Unicode line breaking
// algorithm (UAX #14, through ICU), with ICU's dictionaries for Thai, Lao, Khmer and Burmese.
// Text of Latin, Greek and Cyrillic letters never needs it (spaces and the typesetter's own URL
// and hyphen rules decide there), so callers ask needsUax14 first and keep the fast path.
#pragma once

#include <cstddef>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

// A character whose script breaks lines without spaces or by rules of its own: CJK, kana,
// Hangul, Thai, Lao, Khmer, Burmese, and the CJK and fullwidth punctuation (kinsoku).
bool needsUax14(char32_t c);

class LineBreaker {
 public:
  // `language` (BCP 47, "ja", "th"; "" for the root rules) tunes ICU's tailoring.
  explicit LineBreaker(const std::string& language = "");
  ~LineBreaker();
  LineBreaker(const LineBreaker&) = delete;
  LineBreaker& operator=(const LineBreaker&) = delete;

  // Indexes i in (0, text.size()) where a line may break before text[i]. Spaces are breaks
  // after them as UAX #14 has it; callers that split at spaces themselves ignore those.
  // Without ICU's data (it failed to open) every boundary of two needsUax14 characters.
  std::vector<std::size_t> opportunities(std::u32string_view text);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pp
