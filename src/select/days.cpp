#include "select/days.h"

#include <cstdio>

namespace pp {

int daysIn(int year, int month) {
  static constexpr int days[] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  bool leap = (year % 4 == 0 && year % 100 != 0) || year % 400 == 0;
  return month == 2 && leap ? 29 : days[month - 1];
}

std::string Day::iso() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

DayRange dayRangeOf(const Selection& sel) {
  DayRange r;
  auto raiseLo = [&](Day d) {
    if (!r.lo || *r.lo < d) r.lo = d;
  };
  auto lowerHi = [&](Day d) {
    if (!r.hi || d < *r.hi) r.hi = d;
  };
  if (sel.since && sel.since->valid()) raiseLo(Day::of(*sel.since));
  if (sel.until && sel.until->valid()) lowerHi(Day::of(*sel.until));
  int qy = 0, q = 0;
  if (!sel.quarter.empty() && parseQuarter(sel.quarter, qy, q)) {
    int first = (q - 1) * 3 + 1, last = first + 2;
    raiseLo({qy, first, 1});
    lowerHi({qy, last, daysIn(qy, last)});
  }
  if (sel.year > 0) {
    raiseLo({sel.year, 1, 1});
    lowerHi({sel.year, 12, 31});
  }
  if (r.lo && r.hi && *r.hi < *r.lo) r.valid = false;
  return r;
}

std::string describeRange(const DayRange& r) {
  if (r.lo && r.hi) {
    if (*r.lo == *r.hi) return "on " + r.lo->iso();
    return "between " + r.lo->iso() + " and " + r.hi->iso();
  }
  if (r.lo) return "on or after " + r.lo->iso();
  if (r.hi) return "on or before " + r.hi->iso();
  return "at any date";
}

std::string dateFlags(const Selection& sel) {
  std::string out;
  auto add = [&](const std::string& s) { out += (out.empty() ? "" : " ") + s; };
  if (sel.since) add("--since " + sel.since->isoDate());
  if (sel.until) add("--until " + sel.until->isoDate());
  if (!sel.quarter.empty()) add("--quarter " + sel.quarter);
  if (sel.year > 0) add("--year " + std::to_string(sel.year));
  return out;
}

}  // namespace pp
