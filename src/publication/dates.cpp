// Date, reading-time and language labels for covers, bylines and package metadata.
#include <algorithm>
#include <ctime>

#include "postpress/publication.h"
#include "publication/summary.h"

namespace pp {

std::string postDateLabel(const Locale& locale, const DateTime& date, DateForm form) {
  if (!date.valid()) return {};
  return locale.date(CalendarDate{date.year, date.month, date.day}, form);
}

std::string readingTimeLabel(const Locale& locale, const PostEntry& entry) {
  return locale.count("reading_time", std::max(1, entry.readingMinutes));
}

std::string postLanguage(const Publication& pub, const Post& post) {
  return postLanguageTag(post.language, {}, pub.site ? std::string_view(pub.site->language) : pub.language);
}

std::string monthLabel(const Locale& locale, const DateTime& date) {
  if (!date.valid() || date.month < 1 || date.month > 12) return locale.label("undated");
  return locale.month(date.year, date.month);
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
