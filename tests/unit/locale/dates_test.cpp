// Dates in the digest's language, through ICU: always the Gregorian calendar, always UTC.
#include <doctest/doctest.h>

#include <cstdlib>
#include <ctime>

#include "locale_test_support.h"

using namespace pp;

namespace {

constexpr CalendarDate kPostDate{2025, 11, 18};
constexpr long long kLastSecondOfNov30 = 1764547199;  // 2025-11-30 23:59:59 UTC

struct Expected {
  const char* tag;
  const char* shortDate;
  const char* longDate;
  const char* month;
  const char* quarter;
};

// Checked against the forms a typesetter of each language uses (CLDR 42, ICU 72).
const Expected kExpected[] = {
    {"en", "18 Nov 2025", "18 November 2025", "November 2025", "Q4 2025"},
    {"en-US", "Nov 18, 2025", "November 18, 2025", "November 2025", "Q4 2025"},
    {"de", "18. Nov. 2025", "18. November 2025", "November 2025", "Q4 2025"},
    {"fr", "18 nov. 2025", "18 novembre 2025", "novembre 2025", "T4 2025"},
    {"ja", "2025年11月18日", "2025年11月18日", "2025年11月", "2025/Q4"},
    {"zh", "2025年11月18日", "2025年11月18日", "2025年11月", "2025年第4季度"},
    // Latin digits by lang/ar.yaml's choice (see its header).
    {"ar", "18 نوفمبر 2025", "18 نوفمبر 2025", "نوفمبر 2025", "الربع الرابع 2025"},
    {"ar-u-nu-arab", "١٨ نوفمبر ٢٠٢٥", "١٨ نوفمبر ٢٠٢٥", "نوفمبر ٢٠٢٥", "الربع الرابع ٢٠٢٥"},
    // The month alone in the nominative ("листопад"), in a date in the genitive; "р." (year)
    // after a narrow no-break space.
    {"uk", "18 лист. 2025\u202Fр.", "18 листопада 2025\u202Fр.", "листопад 2025\u202Fр.", "4-й кв. 2025"},
    {"he", "18 בנוב׳ 2025", "18 בנובמבר 2025", "נובמבר 2025", "Q4 2025"},
};

}  // namespace

TEST_CASE("post dates, month and quarter labels in each language") {
  for (const Expected& e : kExpected) {
    const std::string tag = e.tag;
    CAPTURE(tag);
    const Locale l = test::localeFor(e.tag);
    CHECK(l.date(kPostDate) == e.shortDate);
    CHECK(l.date(kPostDate, DateForm::Long) == e.longDate);
    CHECK(l.month(2025, 11) == e.month);
    CHECK(l.quarter(2025, 4) == e.quarter);
  }
}

TEST_CASE("the build date is the UTC day, whatever the machine's time zone") {
  const char* saved = std::getenv("TZ");
  const std::string old = saved ? saved : "";
  setenv("TZ", "Pacific/Kiritimati", 1);  // UTC+14: already 1 December there
  tzset();
  CHECK(test::localeFor("en").date(kLastSecondOfNov30) == "30 November 2025");
  CHECK(test::localeFor("de").date(kLastSecondOfNov30) == "30. November 2025");
  CHECK(test::localeFor("ja").date(kLastSecondOfNov30, DateForm::Short) == "2025年11月30日");
  if (saved) setenv("TZ", old.c_str(), 1);
  else unsetenv("TZ");
  tzset();
}

TEST_CASE("calendars other than the Gregorian are never used") {
  // Persian and Thai default to the Solar Hijri and Buddhist calendars: a post dated
  // 2025-11-18 must not print as 1404 or 2568. (Labels from a copy of en.yaml: only the
  // formats matter here.)
  const fs::path dir = fs::temp_directory_path() / "pp-locale-calendar-test";
  fs::create_directories(dir);
  for (const char* name : {"en.yaml", "fa.yaml", "th.yaml"})
    fs::copy_file(test::langDir() / "en.yaml", dir / name, fs::copy_options::overwrite_existing);
  const Locale fa("fa", dir), th("th", dir);
  CHECK(fa.tag() == "fa");
  CHECK(fa.month(2025, 11).find("2025") != std::string::npos);  // with its own digits: latn here
  CHECK(th.year(2025) == "2025");
  CHECK(th.date(kPostDate).find("2025") != std::string::npos);
  fs::remove_all(dir);
  CHECK(test::localeFor("en-US-u-ca-buddhist").date(kPostDate) == "Nov 18, 2025");
}

TEST_CASE("years, ranges, invalid dates") {
  const Locale en = test::localeFor("en");
  CHECK(en.year(2025) == "2025");
  CHECK(test::localeFor("ja").year(2025) == "2025年");
  // ICU writes the dash between thin spaces and says once what both ends share.
  CHECK(en.dateRange({2025, 10, 1}, {2026, 1, 15}) == "1 Oct 2025\u2009\u2013\u200915 Jan 2026");
  CHECK(en.dateRange({2025, 10, 1}, {2025, 10, 15}) == "1\u201315 Oct 2025");
  CHECK(test::localeFor("de").dateRange({2025, 10, 1}, {2026, 1, 15}) == "1. Okt. 2025\u2009\u2013\u200915. Jan. 2026");
  CHECK(en.date(CalendarDate{}).empty());
  CHECK(en.date(CalendarDate{2025, 13, 1}).empty());
  CHECK(en.month(2025, 0).empty());
  CHECK(en.quarter(2025, 5).empty());
  CHECK(en.dateRange({}, {2025, 1, 1}).empty());
}
