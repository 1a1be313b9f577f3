// Naming the period a digest covers, for its cover and metadata.
#include <array>

#include "postpress/select.h"
#include "select/days.h"

namespace pp {

namespace {

constexpr std::array<const char*, 12> kMonths = {"January", "February", "March", "April",
                                                 "May", "June", "July", "August",
                                                 "September", "October", "November", "December"};

bool isQuarterStart(const Day& d) { return d.day == 1 && (d.month - 1) % 3 == 0; }

// Exact names for exact spans, else a range.
std::string nameExact(const Day& lo, const Day& hi) {
  if (lo == hi) return lo.human();
  if (lo.year == hi.year && lo.day == 1 && hi.day == daysIn(hi.year, hi.month)) {
    if (lo.month == 1 && hi.month == 12) return std::to_string(lo.year);
    if (isQuarterStart(lo) && hi.month == lo.month + 2) {
      return "Q" + std::to_string((lo.month - 1) / 3 + 1) + " " + std::to_string(lo.year);
    }
    if (lo.month == hi.month) {
      return std::string(kMonths[static_cast<std::size_t>(lo.month - 1)]) + " " + std::to_string(lo.year);
    }
  }
  return lo.human() + " \u2013 " + hi.human();
}

// Posts' own dates: the smallest calendar unit that holds them all.
std::string nameCovering(const Day& lo, const Day& hi) {
  if (lo.year == hi.year && lo.month == hi.month) {
    return std::string(kMonths[static_cast<std::size_t>(lo.month - 1)]) + " " + std::to_string(lo.year);
  }
  if (lo.year == hi.year && (lo.month - 1) / 3 == (hi.month - 1) / 3) {
    return "Q" + std::to_string((lo.month - 1) / 3 + 1) + " " + std::to_string(lo.year);
  }
  if (lo.year == hi.year) return std::to_string(lo.year);
  return lo.human() + " \u2013 " + hi.human();
}

}  // namespace

std::string periodLabel(const Selection& selection, const std::vector<const Post*>& posts) {
  std::optional<Day> first, last;
  for (const Post* p : posts) {
    if (!p || !p->date.valid()) continue;
    Day d = Day::of(p->date);
    if (!first || d < *first) first = d;
    if (!last || *last < d) last = d;
  }
  DayRange range = dayRangeOf(selection);
  if (range.valid && range.lo && range.hi) return nameExact(*range.lo, *range.hi);
  if (range.valid && range.lo) {
    if (last && !(*last < *range.lo)) return nameExact(*range.lo, *last);
    return "since " + range.lo->human();
  }
  if (range.valid && range.hi) {
    if (first && !(*range.hi < *first)) return nameExact(*first, *range.hi);
    return "until " + range.hi->human();
  }
  if (first && last) return nameCovering(*first, *last);
  return {};
}

}  // namespace pp
