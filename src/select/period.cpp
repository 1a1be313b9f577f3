// Naming the period a digest covers, for its cover and metadata.
#include "postpress/select.h"
#include "select/days.h"

namespace pp {

namespace {

bool isQuarterStart(const Day& d) { return d.day == 1 && (d.month - 1) % 3 == 0; }

CalendarDate calendar(const Day& d) { return CalendarDate{d.year, d.month, d.day}; }
std::string dayName(const Day& d, const Locale& locale) { return locale.date(calendar(d)); }

// Exact names for exact spans, else a range.
std::string nameExact(const Day& lo, const Day& hi, const Locale& locale) {
  if (lo == hi) return dayName(lo, locale);
  if (lo.year == hi.year && lo.day == 1 && hi.day == daysIn(hi.year, hi.month)) {
    if (lo.month == 1 && hi.month == 12) return locale.year(lo.year);
    if (isQuarterStart(lo) && hi.month == lo.month + 2) return locale.quarter(lo.year, (lo.month - 1) / 3 + 1);
    if (lo.month == hi.month) return locale.month(lo.year, lo.month);
  }
  return locale.dateRange(calendar(lo), calendar(hi));
}

// Posts' own dates: the smallest calendar unit that holds them all.
std::string nameCovering(const Day& lo, const Day& hi, const Locale& locale) {
  if (lo.year == hi.year && lo.month == hi.month) return locale.month(lo.year, lo.month);
  if (lo.year == hi.year && (lo.month - 1) / 3 == (hi.month - 1) / 3)
    return locale.quarter(lo.year, (lo.month - 1) / 3 + 1);
  if (lo.year == hi.year) return locale.year(lo.year);
  return locale.dateRange(calendar(lo), calendar(hi));
}

}  // namespace

std::string periodLabel(const Selection& selection, const std::vector<const Post*>& posts, const Locale& locale) {
  std::optional<Day> first, last;
  for (const Post* p : posts) {
    if (!p || !p->date.valid()) continue;
    Day d = Day::of(p->date);
    if (!first || d < *first) first = d;
    if (!last || *last < d) last = d;
  }
  DayRange range = dayRangeOf(selection);
  if (range.valid && range.lo && range.hi) return nameExact(*range.lo, *range.hi, locale);
  if (range.valid && range.lo) {
    if (last && !(*last < *range.lo)) return nameExact(*range.lo, *last, locale);
    return locale.label("since", {{"date", dayName(*range.lo, locale)}});
  }
  if (range.valid && range.hi) {
    if (first && !(*range.hi < *first)) return nameExact(*first, *range.hi, locale);
    return locale.label("until", {{"date", dayName(*range.hi, locale)}});
  }
  if (first && last) return nameCovering(*first, *last, locale);
  return {};
}

}  // namespace pp
