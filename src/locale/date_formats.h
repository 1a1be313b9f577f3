// Date formats of one language through ICU: the pattern for each skeleton as CLDR orders the
// fields for the language, always the Gregorian calendar, always UTC.
//
// Shared by every thread without a lock of ours: ICU makes its const APIs safe to call
// concurrently (DateFormat::format works on a copy of the formatter's calendar;
// DateIntervalFormat::format takes ICU's own lock). A lock of ours, or a clone per thread,
// would cost about the same; a clone per call costs many formats (bench/results.md, "The
// digest's language").
#pragma once

#include <array>
#include <memory>
#include <string>

#include <unicode/datefmt.h>
#include <unicode/dtitvfmt.h>
#include <unicode/locid.h>

namespace pp::locale {

// Milliseconds since 1970-01-01 UTC at the start of a calendar day (ICU's UDate).
UDate startOfDay(int year, int month, int day);
// The same for an instant in seconds.
inline UDate fromEpochSeconds(long long seconds) { return static_cast<UDate>(seconds) * 1000.0; }

enum class DateField { ShortDate, LongDate, MonthYear, QuarterYear, Year };

class DateFormats {
 public:
  // Formats for `loc`; `loc` should carry calendar=gregorian. Throws std::runtime_error when
  // ICU cannot make them (missing ICU data).
  explicit DateFormats(const icu::Locale& loc);
  std::string format(DateField field, UDate when) const;
  // "1 Oct 2025 – 15 Jan 2026", with what the two ends share written once.
  std::string range(UDate from, UDate to) const;

 private:
  std::array<std::unique_ptr<icu::DateFormat>, 5> formats_;
  std::unique_ptr<icu::DateIntervalFormat> range_;
};

// ICU's UTF-16 text as UTF-8.
std::string utf8Of(const icu::UnicodeString& s);

}  // namespace pp::locale
