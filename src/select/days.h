// Calendar-day ranges: the intersection of --since, --until, --quarter and --year.
#pragma once

#include <optional>
#include <string>
#include <tuple>

#include "postpress/select.h"

namespace pp {

struct Day {
  int year = 0, month = 0, day = 0;
  friend bool operator<(const Day& a, const Day& b) {
    return std::tie(a.year, a.month, a.day) < std::tie(b.year, b.month, b.day);
  }
  friend bool operator==(const Day& a, const Day& b) {
    return std::tie(a.year, a.month, a.day) == std::tie(b.year, b.month, b.day);
  }
  static Day of(const DateTime& d) { return {d.year, d.month, d.day}; }
  std::string iso() const;
};

int daysIn(int year, int month);

struct DayRange {
  std::optional<Day> lo, hi;  // inclusive; absent = open
  bool valid = true;          // false when the bounds exclude each other
  bool contains(const DateTime& d) const {
    Day day = Day::of(d);
    return (!lo || !(day < *lo)) && (!hi || !(*hi < day));
  }
};

DayRange dayRangeOf(const Selection& sel);
// "between 2025-11-01 and 2025-11-30", "on or after 2025-11-01", "on 2025-11-18".
std::string describeRange(const DayRange& r);
// The date flags as typed: "--since 2025-11-01 --until 2025-11-30".
std::string dateFlags(const Selection& sel);

}  // namespace pp
