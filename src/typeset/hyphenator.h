// Hyphenation with libhyphen and the system's patterns (/usr/share/hyphen/hyph_<lang>.dic).
// Points are cached per word: a digest repeats its vocabulary, and pattern matching is the
// costliest part of breaking a paragraph that needs hyphens.
#pragma once

#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "postpress/locale.h"
#include "postpress/support/diagnostics.h"

namespace pp::typeset {

class Hyphenator {
 public:
  // Patterns for `language` ("en-US", "en_US", "en", "de-DE"...), looked up in `dir` by
  // pp::hyphenationDictionary. Without patterns (a language not hyphenated, no dictionary
  // installed) every word stays whole.
  Hyphenator(const std::string& language, DiagnosticSink& diags,
             const std::filesystem::path& dir = kHyphenationDir);
  ~Hyphenator();
  Hyphenator(const Hyphenator&) = delete;
  Hyphenator& operator=(const Hyphenator&) = delete;

  bool available() const { return dict_ != nullptr; }
  // Another hyphenator on the same patterns, with a cache of its own: for a thread setting
  // posts beside this one (the patterns are only read; the cache is written).
  std::unique_ptr<Hyphenator> sharing() const;
  // Byte offsets inside `word` where a hyphen may go (the break is before that byte).
  // Only words of letters are hyphenated: never anything with digits, never a name with a
  // capital inside it, never words shorter than kMinWordLetters; at least 2 letters stay
  // before and 3 after a break.
  const std::vector<int>& points(std::string_view word);

  static constexpr int kMinWordLetters = 6;
  static constexpr int kLeftMin = 2;
  static constexpr int kRightMin = 3;

 private:
  Hyphenator() = default;
  struct Dict;
  std::shared_ptr<const Dict> dict_;
  std::unordered_map<std::string, std::vector<int>> cache_;
  std::vector<int> none_;
};

}  // namespace pp::typeset
