#include "typeset/hyphenator.h"

#include <hyphen.h>

#include <cctype>
#include <cstdlib>

#include "postpress/locale.h"
#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

// Capitals of the Latin, Greek and Cyrillic letters the patterns know.
bool isUpperLetter(char32_t c) {
  return (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0xDE && c != 0xD7) || (c >= 0x391 && c <= 0x3A9) ||
         (c >= 0x400 && c <= 0x42F);
}

}  // namespace

struct Hyphenator::Dict {
  HyphenDict* dict = nullptr;
  ~Dict() {
    if (dict) hnj_hyphen_free(dict);
  }
};

Hyphenator::Hyphenator(const std::string& language, DiagnosticSink& diags,
                       const std::filesystem::path& dir) {
  if (language.empty()) return;
  // The language's patterns from Debian's hyphen-* packages; none for the languages whose
  // lines end without a hyphen (Chinese, Japanese, Arabic...).
  if (const std::optional<std::filesystem::path> p = hyphenationDictionary(language, dir)) {
    auto d = std::make_unique<Dict>();
    d->dict = hnj_hyphen_load(p->c_str());
    if (d->dict) {
      dict_ = std::move(d);
      return;
    }
  }
  diags.reportOnce("hyphenation:" + language,
                   {Severity::Note, {}, "hyphenation-unavailable",
                    "no hyphenation patterns for language '" + language + "'; words are not hyphenated"});
}

Hyphenator::~Hyphenator() = default;

}  // namespace pp::typeset

namespace pp {

// One language read ahead: its hyphenator (patterns or none) and what reading it said.
struct HyphenationSet::Read {
  DiagnosticSink notes;
  std::unique_ptr<typeset::Hyphenator> hyphenator;
};

HyphenationSet::HyphenationSet() = default;
HyphenationSet::~HyphenationSet() = default;

std::shared_ptr<const HyphenationSet> HyphenationSet::read(const std::vector<std::string>& languages) {
  std::shared_ptr<HyphenationSet> set(new HyphenationSet());
  for (const std::string& language : languages) {
    auto [it, fresh] = set->languages_.try_emplace(language);
    if (!fresh) continue;
    it->second = std::make_unique<Read>();
    it->second->hyphenator = std::make_unique<typeset::Hyphenator>(language, it->second->notes);
  }
  return set;
}

std::unique_ptr<typeset::Hyphenator> HyphenationSet::take(const std::string& language, DiagnosticSink& diags) const {
  const auto it = languages_.find(language);
  if (it == languages_.end()) return nullptr;
  it->second->notes.replayInto(diags);
  return it->second->hyphenator->sharing();
}

}  // namespace pp

namespace pp::typeset {

std::unique_ptr<Hyphenator> Hyphenator::sharing() const {
  std::unique_ptr<Hyphenator> h(new Hyphenator());
  h->dict_ = dict_;
  return h;
}

const std::vector<int>& Hyphenator::points(std::string_view word) {
  if (!dict_) return none_;
  // Letters only (any script the patterns know); digits or symbols mean a code-like token.
  // A capital after the first letter makes a name: TensorFlow, KubeCon, LLMInferenceService,
  // and words in capitals; those stay whole, as do short words.
  int letters = 0;
  for (std::size_t i = 0; i < word.size();) {
    char32_t c = nextCodepoint(word, i);
    if (c < 0x80 && !std::isalpha(static_cast<int>(c))) return none_;
    if (c >= 0x2000) return none_;  // punctuation, symbols, CJK: no patterns apply
    if (letters > 0 && isUpperLetter(c)) return none_;
    ++letters;
  }
  if (letters < kMinWordLetters) return none_;
  auto it = cache_.find(std::string(word));
  if (it != cache_.end()) return it->second;

  // Patterns are lower-case; keep byte offsets aligned (ASCII lowering keeps lengths).
  std::string lower(word);
  for (char& ch : lower)
    if (ch >= 'A' && ch <= 'Z') ch = static_cast<char>(ch - 'A' + 'a');
  std::vector<char> hyphens(lower.size() + 5, '0');
  char** rep = nullptr;
  int* pos = nullptr;
  int* cut = nullptr;
  std::vector<int> out;
  if (hnj_hyphen_hyphenate2(dict_->dict, lower.data(), static_cast<int>(lower.size()),
                            hyphens.data(), nullptr, &rep, &pos, &cut) == 0 &&
      !rep) {  // non-standard hyphenation (rep) changes spelling: skip those words
    // hyphens[i] odd: a break is allowed after byte i. Count letters to honour min lengths.
    std::vector<int> letterIndexAtByte(lower.size() + 1, 0);
    int idx = 0;
    for (std::size_t i = 0; i < lower.size();) {
      std::size_t start = i;
      nextCodepoint(lower, i);
      for (std::size_t b = start; b < i; ++b) letterIndexAtByte[b] = idx;
      ++idx;
    }
    for (std::size_t i = 0; i + 1 < lower.size(); ++i) {
      if ((hyphens[i] - '0') % 2 == 0) continue;
      // only at the last byte of a character
      if ((static_cast<unsigned char>(lower[i + 1]) & 0xC0) == 0x80) continue;
      const int before = letterIndexAtByte[i] + 1;
      const int after = letters - before;
      if (before >= kLeftMin && after >= kRightMin) out.push_back(static_cast<int>(i + 1));
    }
  }
  if (rep) {
    for (std::size_t i = 0; i < lower.size(); ++i) std::free(rep[i]);
    std::free(rep);
  }
  std::free(pos);
  std::free(cut);
  return cache_.emplace(std::string(word), std::move(out)).first->second;
}

}  // namespace pp::typeset
