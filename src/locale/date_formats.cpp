#include "locale/date_formats.h"

#include <chrono>
#include <stdexcept>

#include <unicode/timezone.h>

namespace pp::locale {

namespace {

// CLDR skeletons: the fields wanted, in any order; ICU picks the language's pattern.
constexpr std::array<const char*, 5> kSkeletons = {
    "yMMMd",   // ShortDate
    "yMMMMd",  // LongDate
    "yMMMM",   // MonthYear (a stand-alone month where the language has one: "листопад")
    "yQQQ",    // QuarterYear
    "y",       // Year
};

void check(UErrorCode status, const char* what) {
  if (U_FAILURE(status)) throw std::runtime_error(std::string("ICU cannot make ") + what + ": " + u_errorName(status));
}

}  // namespace

UDate startOfDay(int year, int month, int day) {
  using namespace std::chrono;
  const sys_days d = std::chrono::year(year) / std::chrono::month(static_cast<unsigned>(month)) /
                     std::chrono::day(static_cast<unsigned>(day));
  return static_cast<UDate>(d.time_since_epoch().count()) * 86400000.0;
}

std::string utf8Of(const icu::UnicodeString& s) {
  std::string out;
  s.toUTF8String(out);
  return out;
}

DateFormats::DateFormats(const icu::Locale& loc) {
  for (std::size_t i = 0; i < kSkeletons.size(); ++i) {
    UErrorCode status = U_ZERO_ERROR;
    formats_[i].reset(icu::DateFormat::createInstanceForSkeleton(icu::UnicodeString(kSkeletons[i]), loc, status));
    check(status, "a date format");
    formats_[i]->setTimeZone(*icu::TimeZone::getGMT());
  }
  UErrorCode status = U_ZERO_ERROR;
  range_.reset(icu::DateIntervalFormat::createInstance(icu::UnicodeString(kSkeletons[0]), loc, status));
  check(status, "a date range format");
  range_->setTimeZone(*icu::TimeZone::getGMT());
}

std::string DateFormats::format(DateField field, UDate when) const {
  icu::UnicodeString out;
  formats_[static_cast<std::size_t>(field)]->format(when, out);
  return utf8Of(out);
}

std::string DateFormats::range(UDate from, UDate to) const {
  icu::UnicodeString out;
  UErrorCode status = U_ZERO_ERROR;
  const icu::DateInterval interval(from, to);
  icu::FieldPosition pos;
  range_->format(&interval, out, pos, status);
  return U_SUCCESS(status) ? utf8Of(out) : std::string();
}

}  // namespace pp::locale
