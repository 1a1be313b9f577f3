// Dates as real blogs write them. Everything is kept as written: the calendar day of a post is
// the day its author typed, whatever the offset (see site.h).
#include <array>
#include <cstdio>
#include <tuple>

#include "postpress/site.h"
#include "postpress/support/text.h"

namespace pp {

namespace {

bool isLeapYear(int y) { return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0; }

int daysInMonth(int y, int m) {
  static constexpr std::array<int, 12> days = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  if (m == 2 && isLeapYear(y)) return 29;
  return days[static_cast<std::size_t>(m - 1)];
}

bool isDigit(char c) { return c >= '0' && c <= '9'; }
bool isAlpha(char c) { return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'); }

// A small cursor over the text being parsed; every read is bounds-checked.
struct Cursor {
  std::string_view s;
  std::size_t i = 0;

  bool done() const { return i >= s.size(); }
  char peek(std::size_t ahead = 0) const { return i + ahead < s.size() ? s[i + ahead] : '\0'; }
  bool eat(char c) {
    if (peek() != c) return false;
    ++i;
    return true;
  }
  void skipSpaces() {
    while (!done() && (s[i] == ' ' || s[i] == '\t')) ++i;
  }
  // Reads between minDigits and maxDigits decimal digits.
  bool number(int minDigits, int maxDigits, int& out) {
    int n = 0, value = 0;
    while (n < maxDigits && isDigit(peek())) {
      value = value * 10 + (s[i] - '0');
      ++i;
      ++n;
    }
    if (n < minDigits) return false;
    out = value;
    return true;
  }
  std::string_view word() {
    std::size_t start = i;
    while (isAlpha(peek())) ++i;
    return s.substr(start, i - start);
  }
};

int monthFromName(std::string_view name) {
  static constexpr std::array<std::string_view, 12> names = {
      "january", "february", "march", "april", "may", "june",
      "july", "august", "september", "october", "november", "december"};
  if (name.size() < 3) return 0;
  std::string lower = toLowerAscii(name);
  if (lower == "sept") return 9;
  for (std::size_t m = 0; m < names.size(); ++m) {
    if (lower == names[m] || (lower.size() == 3 && names[m].substr(0, 3) == lower)) {
      return static_cast<int>(m) + 1;
    }
  }
  return 0;
}

bool isWeekdayName(std::string_view name) {
  static constexpr std::array<std::string_view, 7> names = {
      "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"};
  std::string lower = toLowerAscii(name);
  for (auto n : names) {
    if (lower == n || (lower.size() == 3 && n.substr(0, 3) == lower)) return true;
  }
  return false;
}

bool validDate(const DateTime& d) {
  return d.year >= 1 && d.year <= 9999 && d.month >= 1 && d.month <= 12 && d.day >= 1 &&
         d.day <= daysInMonth(d.year, d.month);
}

// `HH:MM[:SS[.frac]]`, hours with one or two digits (`8:30:00` is real).
bool parseTime(Cursor& c, DateTime& d) {
  if (!c.number(1, 2, d.hour)) return false;
  if (!c.eat(':')) return false;
  if (!c.number(2, 2, d.minute)) return false;
  if (c.eat(':')) {
    if (!c.number(2, 2, d.second)) return false;
    if (c.peek() == '.' || c.peek() == ',') {
      ++c.i;
      if (!isDigit(c.peek())) return false;
      while (isDigit(c.peek())) ++c.i;
    }
  }
  if (d.hour > 23 || d.minute > 59 || d.second > 59) return false;
  d.hasTime = true;
  return true;
}

// `Z`, `+0100`, `+01:00`, `-05`, `UTC`, `GMT`, optionally followed by a zone abbreviation
// (`-0800 PST`), which carries no more information than the offset before it.
bool parseOffset(Cursor& c, DateTime& d) {
  if (c.peek() == 'Z' || c.peek() == 'z') {
    ++c.i;
    d.hasOffset = true;
    d.offsetMinutes = 0;
    return true;
  }
  if (c.peek() == '+' || c.peek() == '-') {
    int sign = c.peek() == '-' ? -1 : 1;
    ++c.i;
    int h = 0, m = 0;
    if (!c.number(2, 2, h)) {
      // `+1` style is not a real offset form; `+0100` is read as 4 digits below.
      return false;
    }
    if (c.eat(':')) {
      if (!c.number(2, 2, m)) return false;
    } else if (isDigit(c.peek())) {
      if (!c.number(2, 2, m)) return false;
    }
    if (h > 18 || m > 59) return false;
    d.hasOffset = true;
    d.offsetMinutes = sign * (h * 60 + m);
    return true;
  }
  std::size_t save = c.i;
  std::string_view w = c.word();
  if (iequals(w, "UTC") || iequals(w, "GMT")) {
    d.hasOffset = true;
    d.offsetMinutes = 0;
    // `UTC+01:00` is seen in exported blogs.
    if (c.peek() == '+' || c.peek() == '-') return parseOffset(c, d);
    return true;
  }
  c.i = save;
  return false;
}

// Everything after the date: optional time, optional offset, optional zone name.
bool parseTimeAndOffset(Cursor& c, DateTime& d) {
  if (c.done()) return true;
  if (c.peek() == 'T' || c.peek() == 't') {
    ++c.i;
    if (!parseTime(c, d)) return false;
  } else {
    c.skipSpaces();
    if (c.done()) return true;
    if (!parseTime(c, d)) return false;
  }
  c.skipSpaces();
  if (c.done()) return true;
  if (!parseOffset(c, d)) return false;
  c.skipSpaces();
  if (c.done()) return true;
  // A trailing zone abbreviation after a numeric offset (`PST`, `CEST`).
  std::string_view w = c.word();
  if (w.size() < 2 || w.size() > 5) return false;
  if (c.eat('(') || c.eat(')')) return false;
  c.skipSpaces();
  return c.done();
}

// 2025-11-18, 2025/11/18, 2025-1-5 followed by the time part.
std::optional<DateTime> parseNumeric(std::string_view text) {
  Cursor c{text};
  DateTime d;
  if (!c.number(4, 4, d.year)) return std::nullopt;
  char sep = c.peek();
  if (sep != '-' && sep != '/') return std::nullopt;
  ++c.i;
  if (!c.number(1, 2, d.month)) return std::nullopt;
  if (!c.eat(sep)) return std::nullopt;
  if (!c.number(1, 2, d.day)) return std::nullopt;
  if (!validDate(d)) return std::nullopt;
  if (!parseTimeAndOffset(c, d)) return std::nullopt;
  return d;
}

// `November 18, 2025`, `Nov 18 2025`, `18 November 2025`, `Tue, 18 Nov 2025 09:30:00 +0000`.
std::optional<DateTime> parseWithMonthName(std::string_view text) {
  Cursor c{text};
  DateTime d;
  if (isAlpha(c.peek())) {
    std::size_t save = c.i;
    std::string_view w = c.word();
    if (isWeekdayName(w)) {
      c.eat(',');
      c.skipSpaces();
    } else {
      c.i = save;
    }
  }
  if (isAlpha(c.peek())) {
    d.month = monthFromName(c.word());
    if (d.month == 0) return std::nullopt;
    c.eat('.');
    c.skipSpaces();
    if (!c.number(1, 2, d.day)) return std::nullopt;
    if (c.peek() == 's' || c.peek() == 'n' || c.peek() == 'r' || c.peek() == 't') {
      std::string_view suffix = c.word();  // 1st, 2nd, 3rd, 18th
      if (suffix != "st" && suffix != "nd" && suffix != "rd" && suffix != "th") return std::nullopt;
    }
    c.eat(',');
    c.skipSpaces();
    if (!c.number(4, 4, d.year)) return std::nullopt;
  } else {
    if (!c.number(1, 2, d.day)) return std::nullopt;
    c.skipSpaces();
    d.month = monthFromName(c.word());
    if (d.month == 0) return std::nullopt;
    c.eat('.');
    c.eat(',');
    c.skipSpaces();
    if (!c.number(4, 4, d.year)) return std::nullopt;
  }
  if (!validDate(d)) return std::nullopt;
  c.eat(',');
  if (!parseTimeAndOffset(c, d)) return std::nullopt;
  return d;
}

std::string_view stripQuotes(std::string_view s) {
  s = trim(s);
  while (s.size() >= 2 && (s.front() == '"' || s.front() == '\'') && s.back() == s.front()) {
    s = trim(s.substr(1, s.size() - 2));
  }
  return s;
}

std::string_view stripMarkdownExtension(std::string_view s) {
  for (std::string_view ext : {".markdown", ".mdown", ".mdx", ".md", ".mkd", ".mkdn"}) {
    if (s.size() > ext.size() && iequals(s.substr(s.size() - ext.size()), ext)) {
      return s.substr(0, s.size() - ext.size());
    }
  }
  return s;
}

}  // namespace

std::string DateTime::isoDate() const {
  char buf[32];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
  return buf;
}

std::string DateTime::isoDateTime() const {
  if (!hasTime) return isoDate();
  char buf[64];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02dT%02d:%02d:%02d", year, month, day, hour, minute,
                second);
  std::string out = buf;
  if (hasOffset) {
    int off = offsetMinutes < 0 ? -offsetMinutes : offsetMinutes;
    std::snprintf(buf, sizeof buf, "%c%02d:%02d", offsetMinutes < 0 ? '-' : '+', off / 60,
                  off % 60);
    out += buf;
  }
  return out;
}

bool operator<(const DateTime& a, const DateTime& b) {
  return std::tie(a.year, a.month, a.day, a.hour, a.minute, a.second) <
         std::tie(b.year, b.month, b.day, b.hour, b.minute, b.second);
}

bool operator==(const DateTime& a, const DateTime& b) {
  return std::tie(a.year, a.month, a.day, a.hour, a.minute, a.second, a.hasTime, a.hasOffset,
                  a.offsetMinutes) == std::tie(b.year, b.month, b.day, b.hour, b.minute,
                                               b.second, b.hasTime, b.hasOffset,
                                               b.offsetMinutes);
}

int DateTime::compareDay(const DateTime& other) const {
  auto a = std::tie(year, month, day);
  auto b = std::tie(other.year, other.month, other.day);
  if (a < b) return -1;
  if (b < a) return 1;
  return 0;
}

std::optional<DateTime> parseDateTime(std::string_view text) {
  std::string_view s = stripQuotes(text);
  if (s.empty() || s.size() > 80) return std::nullopt;
  if (isDigit(s[0])) {
    if (auto d = parseNumeric(s)) return d;
  }
  return parseWithMonthName(s);
}

std::optional<DateTime> dateFromName(std::string_view name, std::string* slug) {
  Cursor c{name};
  DateTime d;
  if (!c.number(4, 4, d.year)) return std::nullopt;
  char sep = c.peek();
  if (sep != '-' && sep != '/' && sep != '_') return std::nullopt;
  ++c.i;
  if (!c.number(1, 2, d.month)) return std::nullopt;
  if (!c.eat(sep)) return std::nullopt;
  if (!c.number(1, 2, d.day)) return std::nullopt;
  if (!validDate(d)) return std::nullopt;
  std::string_view rest = name.substr(c.i);
  if (!rest.empty()) {
    char next = rest.front();
    if (next == '-' || next == '_' || next == '/') {
      rest.remove_prefix(1);
    } else if (next != '.') {
      return std::nullopt;  // 2025-11-185 is not a date followed by a slug
    }
  }
  if (slug) {
    rest = stripMarkdownExtension(rest);
    if (endsWith(rest, "/index")) rest.remove_suffix(6);
    if (rest == "index") rest = {};
    *slug = std::string(rest);
  }
  return d;
}

}  // namespace pp

namespace pp::site {

std::optional<DateTime> parseUsDate(std::string_view text) {
  std::string_view s = stripQuotes(text);
  Cursor c{s};
  DateTime d;
  if (!c.number(1, 2, d.month) || !c.eat('/') || !c.number(1, 2, d.day) || !c.eat('/') ||
      !c.number(4, 4, d.year))
    return std::nullopt;
  if (!validDate(d) || !parseTimeAndOffset(c, d)) return std::nullopt;
  return d;
}

}  // namespace pp::site
