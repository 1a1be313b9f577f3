#include <doctest/doctest.h>

#include "postpress/site.h"

using namespace pp;

namespace {
DateTime parsed(const char* text) {
  auto d = parseDateTime(text);
  REQUIRE_MESSAGE(d.has_value(), "not parsed: ", text);
  return *d;
}
}  // namespace

TEST_CASE("every date form real sites write") {
  DateTime d = parsed("2025-11-18");
  CHECK(d.isoDate() == "2025-11-18");
  CHECK_FALSE(d.hasTime);
  CHECK_FALSE(d.hasOffset);

  d = parsed("2025-11-18 09:30");
  CHECK(d.hasTime);
  CHECK(d.hour == 9);
  CHECK(d.minute == 30);
  CHECK(d.second == 0);
  CHECK_FALSE(d.hasOffset);

  d = parsed("2025-11-18 09:30:00 +0100");
  CHECK(d.hasOffset);
  CHECK(d.offsetMinutes == 60);
  CHECK(d.isoDateTime() == "2025-11-18T09:30:00+01:00");

  d = parsed("2021-03-01 8:30:00+00:00");  // one-digit hour, offset glued to the time
  CHECK(d.hour == 8);
  CHECK(d.hasOffset);
  CHECK(d.offsetMinutes == 0);

  d = parsed("2025-11-18T09:30:00Z");
  CHECK(d.hasOffset);
  CHECK(d.offsetMinutes == 0);

  d = parsed("2025-11-18T09:30:00.123-05:00");
  CHECK(d.offsetMinutes == -300);
  CHECK(d.second == 0);
  CHECK(d.isoDateTime() == "2025-11-18T09:30:00-05:00");

  d = parsed("2025-11-18T09:30:00+05:30");
  CHECK(d.offsetMinutes == 330);

  d = parsed("2025-12-31 23:30:00 -0800 PST");
  CHECK(d.day == 31);
  CHECK(d.offsetMinutes == -480);

  d = parsed("2020-12-01 12:30:00+00:00");
  CHECK(d.isoDateTime() == "2020-12-01T12:30:00+00:00");

  // Quoted, as YAML and TOML strings sometimes keep them.
  CHECK(parsed("\"2025-11-18\"").isoDate() == "2025-11-18");
  CHECK(parsed("'2025-11-18 09:30:00 +0100'").offsetMinutes == 60);
  CHECK(parsed("  2025-11-18  ").isoDate() == "2025-11-18");

  // Slashes, one-digit months and days, month names.
  CHECK(parsed("2025/11/18").isoDate() == "2025-11-18");
  CHECK(parsed("2025-1-5").isoDate() == "2025-01-05");
  CHECK(parsed("November 18, 2025").isoDate() == "2025-11-18");
  CHECK(parsed("Nov 18 2025").isoDate() == "2025-11-18");
  CHECK(parsed("18 November 2025").isoDate() == "2025-11-18");
  DateTime rfc = parsed("Tue, 18 Nov 2025 09:30:00 +0000");
  CHECK(rfc.isoDateTime() == "2025-11-18T09:30:00+00:00");
  CHECK(parsed("2025-11-18 09:30:00 UTC").hasOffset);
}

TEST_CASE("impossible and malformed dates are rejected") {
  for (const char* bad : {"2025-02-30", "2025-02-29", "2025-13-01", "2025-00-10", "2025-11-00",
                          "2025-04-31", "2025-11-18 24:00", "2025-11-18 09:60", "2025-11-18 09:30:61",
                          "2025-11-18 09:30:00 +2500", "2025-11-18 09:30 nonsense", "18/11/2025",
                          "yesterday", "", "2025", "2025-11", "20251118", "2025-11-185",
                          "Smarch 3, 2025", "2025-11-18T"}) {
    CHECK_MESSAGE(!parseDateTime(bad).has_value(), "accepted: ", bad);
  }
  CHECK(parseDateTime("2024-02-29").has_value());  // leap year
  CHECK_FALSE(parseDateTime("1900-02-29").has_value());
  CHECK(parseDateTime("2000-02-29").has_value());
}

TEST_CASE("ordering is by the date and time as written, not by instant") {
  DateTime a = parsed("2025-12-31 23:30:00 -0800");  // 2026-01-01 07:30 UTC
  DateTime b = parsed("2026-01-01 01:00:00 +0000");
  CHECK(a < b);
  CHECK(a.compareDay(b) < 0);
  CHECK(a.year == 2025);
  DateTime c = parsed("2025-12-31");
  CHECK(c.compareDay(a) == 0);
  CHECK(c < a);  // midnight before 23:30
  CHECK(parsed("2025-11-18") == parsed("2025-11-18"));
}

TEST_CASE("dates from file and folder names") {
  std::string slug;
  auto d = dateFromName("2025-11-18-kubecon-na-2025.md", &slug);
  REQUIRE(d);
  CHECK(d->isoDate() == "2025-11-18");
  CHECK(slug == "kubecon-na-2025");

  d = dateFromName("2024-04-02_underscore-name.mdx", &slug);
  REQUIRE(d);
  CHECK(slug == "underscore-name");

  d = dateFromName("2024/05/06/dated-folders.md", &slug);
  REQUIRE(d);
  CHECK(d->isoDate() == "2024-05-06");
  CHECK(slug == "dated-folders");

  d = dateFromName("2024-06-07-folder-post/index.mdx", &slug);
  REQUIRE(d);
  CHECK(slug == "folder-post");

  d = dateFromName("2021-03-08", &slug);
  REQUIRE(d);
  CHECK(slug.empty());

  CHECK_FALSE(dateFromName("hello-world.md"));
  CHECK_FALSE(dateFromName("2025-02-30-nope.md"));
  CHECK_FALSE(dateFromName("2025-11-185-slug.md"));
  CHECK_FALSE(dateFromName("v2025-11-18-slug.md"));
}
