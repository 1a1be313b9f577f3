#include "postpress/support/line_breaks.h"

#include <unicode/brkiter.h>
#include <unicode/locid.h>
#include <unicode/unistr.h>

namespace pp {

bool needsUax14(char32_t c) {
  if (c < 0x0E00) return false;  // asked of every character: Latin, Greek, Cyrillic... at once
  return (c >= 0x0E00 && c <= 0x0EFF) ||    // Thai, Lao
         (c >= 0x1000 && c <= 0x109F) ||    // Myanmar
         (c >= 0x1780 && c <= 0x17FF) ||    // Khmer
         (c >= 0x19E0 && c <= 0x19FF) ||    // Khmer symbols
         (c >= 0xA9E0 && c <= 0xA9FF) ||    // Myanmar Extended-B
         (c >= 0xAA60 && c <= 0xAA7F) ||    // Myanmar Extended-A
         (c >= 0x1100 && c <= 0x11FF) ||    // Hangul Jamo
         (c >= 0x2E80 && c <= 0x9FFF) ||    // CJK radicals, punctuation, kana, ideographs
         (c >= 0xA960 && c <= 0xA97F) || (c >= 0xAC00 && c <= 0xD7FF) ||  // Hangul
         (c >= 0xF900 && c <= 0xFAFF) ||    // compatibility ideographs
         (c >= 0xFE30 && c <= 0xFE4F) ||    // CJK compatibility forms
         (c >= 0xFF00 && c <= 0xFFEF) ||    // halfwidth and fullwidth forms
         (c >= 0x20000 && c <= 0x3FFFF);    // ideographs beyond the BMP
}

struct LineBreaker::Impl {
  std::unique_ptr<icu::BreakIterator> iter;
};

LineBreaker::LineBreaker(const std::string& language) : impl_(std::make_unique<Impl>()) {
  UErrorCode status = U_ZERO_ERROR;
  const icu::Locale locale = language.empty() ? icu::Locale::getRoot() : icu::Locale(language.c_str());
  impl_->iter.reset(icu::BreakIterator::createLineInstance(locale, status));
  if (U_FAILURE(status)) impl_->iter.reset();
}

LineBreaker::~LineBreaker() = default;

std::vector<std::size_t> LineBreaker::opportunities(std::u32string_view text) {
  std::vector<std::size_t> out;
  if (text.size() < 2) return out;
  if (!impl_->iter) {
    for (std::size_t i = 1; i < text.size(); ++i)
      if (needsUax14(text[i - 1]) || needsUax14(text[i])) out.push_back(i);
    return out;
  }
  icu::UnicodeString s = icu::UnicodeString::fromUTF32(reinterpret_cast<const UChar32*>(text.data()),
                                                       static_cast<int32_t>(text.size()));
  impl_->iter->setText(s);
  // UTF-16 offsets back to code point indexes, walking both in step (boundaries ascend).
  int32_t u16 = 0;
  std::size_t cp = 0;
  for (int32_t b = impl_->iter->next(); b != icu::BreakIterator::DONE; b = impl_->iter->next()) {
    while (u16 < b && cp < text.size()) {
      u16 += text[cp] > 0xFFFF ? 2 : 1;
      ++cp;
    }
    if (cp > 0 && cp < text.size()) out.push_back(cp);
  }
  // The iterator keeps a pointer into `s`: point it elsewhere before `s` goes.
  impl_->iter->setText(icu::UnicodeString());
  return out;
}

}  // namespace pp
