// Selection: which posts go into a digest, and in what order. Stage home: src/select/.
#pragma once

#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/locale.h"
#include "postpress/site.h"

namespace pp {

struct Selection {
  std::vector<std::string> tags;         // any of (matchKey comparison)
  std::vector<std::string> excludeTags;  // none of
  std::vector<std::string> authors;      // any of (matchKey comparison, also Author keys)
  std::optional<DateTime> since;         // inclusive, by calendar day
  std::optional<DateTime> until;         // inclusive, by calendar day
  std::string quarter;                   // "2025Q4" (also "2025-Q4", "q4 2025")
  int year = 0;
  std::string language;  // only posts in this language (a post without one is in the site's)
  bool drafts = false;   // include drafts (left out otherwise)
  int limit = 0;  // 0 = no limit; applied after ordering
  bool newestFirst = false;

  // True when nothing narrows the selection (no tag, author, date, language filter, no limit):
  // every published post is selected.
  bool empty() const;
  // Human description of the filters, e.g. "tags: kserve; 2025-11-01 – 2025-11-30".
  std::string describe() const;
};

// Parses "2025Q4", "2025-Q4", "2025q4", "Q4 2025", "Q4-2025". Returns false when malformed.
bool parseQuarter(std::string_view text, int& year, int& quarter);

// Order: by date and time as written (not by instant), oldest first unless newestFirst; ties by
// path. Undated posts come last either way and are left out by any date filter.
struct SelectionResult {
  std::vector<const Post*> posts;  // ordered
  // When posts is empty: which filter emptied it, e.g. "--tag kserve matched 3 posts, but none
  // of them is between 2024-01-01 and 2024-03-31".
  std::string emptyReason;
};

SelectionResult selectPosts(const Site& site, const Selection& selection);

// The period a selection covers, named for a cover: "Q4 2025", "November 2025", "2025",
// "18 Nov 2025", "1 Oct 2025 – 15 Jan 2026". Date bounds that are exactly a quarter, month or
// year get that name; other bounds are written as a range. Without bounds the posts' dates
// are used (same month -> the month, same quarter -> the quarter, same year -> the year);
// with one bound the other end comes from the posts. "" when nothing is known. In `locale`'s
// language ("4. Quartal 2025", "2025年11月").
std::string periodLabel(const Selection& selection, const std::vector<const Post*>& posts, const Locale& locale);

}  // namespace pp
