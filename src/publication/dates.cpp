// Date labels for covers, bylines and package metadata.
#include <ctime>

#include "postpress/publication.h"

namespace pp {

namespace {
const char* kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                         "July",    "August",   "September", "October", "November", "December"};
const char* kShortMonths[] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                              "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};
}  // namespace

std::string formatLongDate(long long epochSeconds) {
  std::time_t t = static_cast<std::time_t>(epochSeconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  return std::to_string(tm.tm_mday) + " " + kMonths[tm.tm_mon] + " " + std::to_string(tm.tm_year + 1900);
}

std::string formatPostDate(const DateTime& date, bool longMonth) {
  if (!date.valid() || date.month < 1 || date.month > 12) return "";
  const char* month = longMonth ? kMonths[date.month - 1] : kShortMonths[date.month - 1];
  return std::to_string(date.day) + " " + month + " " + std::to_string(date.year);
}

std::string monthLabel(const DateTime& date) {
  if (!date.valid() || date.month < 1 || date.month > 12) return "Undated";
  return std::string(kMonths[date.month - 1]) + " " + std::to_string(date.year);
}

std::string isoTimestamp(long long epochSeconds) {
  std::time_t t = static_cast<std::time_t>(epochSeconds);
  std::tm tm{};
  gmtime_r(&t, &tm);
  char buf[32];
  std::strftime(buf, sizeof buf, "%Y-%m-%dT%H:%M:%SZ", &tm);
  return buf;
}

}  // namespace pp
