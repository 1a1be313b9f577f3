// Selection: filters applied one after another, so that an empty result can name the filter
// that emptied it; then a deterministic order and the limit.
#include <algorithm>
#include <map>
#include <set>

#include "postpress/support/suggest.h"
#include "postpress/select.h"
#include "postpress/support/text.h"
#include "select/days.h"

namespace pp {

namespace {

std::string joinOr(const std::vector<std::string>& items) {
  std::string out;
  for (std::size_t i = 0; i < items.size(); ++i) {
    if (i > 0) out += i + 1 == items.size() ? " or " : ", ";
    out += items[i];
  }
  return out;
}

std::string plural(std::size_t n, const char* word) {
  return std::to_string(n) + " " + word + (n == 1 ? "" : "s");
}

// Tag keys a selection asks for: the words as given, and for Docusaurus tags.yml keys their
// labels too.
std::set<std::string> tagKeys(const Site& site, const std::vector<std::string>& tags) {
  std::set<std::string> keys;
  for (const std::string& t : tags) {
    keys.insert(matchKey(t));
    if (auto it = site.tagLabels.find(t); it != site.tagLabels.end()) keys.insert(matchKey(it->second));
  }
  return keys;
}

bool hasAnyTag(const Post& p, const std::set<std::string>& keys) {
  return std::any_of(p.tags.begin(), p.tags.end(),
                     [&](const std::string& t) { return keys.count(matchKey(t)) > 0; });
}

// "Yuan Tang (Ant Group)" is also "Yuan Tang".
std::string withoutAffiliation(std::string_view name) {
  std::size_t open = name.find('(');
  if (open == std::string_view::npos || open == 0) return std::string(name);
  return std::string(trim(name.substr(0, open)));
}

std::set<std::string> authorKeys(const Site& site, const std::vector<std::string>& authors) {
  std::set<std::string> keys;
  for (const std::string& a : authors) {
    keys.insert(matchKey(a));
    for (const auto& [key, author] : site.authors) {
      if (matchKey(key) == matchKey(a)) keys.insert(matchKey(author.name));
    }
  }
  return keys;
}

// A post is by an author when one of its names (with or without a written-in affiliation),
// or the data-file key it was named by, is asked for.
bool byAnyAuthor(const Post& p, const std::set<std::string>& keys) {
  bool byName = std::any_of(p.authors.begin(), p.authors.end(), [&](const std::string& a) {
    return keys.count(matchKey(a)) > 0 || keys.count(matchKey(withoutAffiliation(a))) > 0;
  });
  return byName || std::any_of(p.authorDetails.begin(), p.authorDetails.end(), [&](const Author& a) {
           return !a.key.empty() && keys.count(matchKey(a.key)) > 0;
         });
}

// The most used values, for "tags in use: …" hints.
std::string commonValues(const std::vector<const Post*>& posts,
                         const std::vector<std::string> Post::*field, std::size_t max) {
  std::map<std::string, std::pair<std::size_t, std::string>> counts;
  for (const Post* p : posts) {
    for (const std::string& v : p->*field) {
      auto& entry = counts[matchKey(v)];
      if (entry.first++ == 0) entry.second = v;
    }
  }
  std::vector<std::pair<std::size_t, std::string>> ranked;
  for (auto& [key, entry] : counts) ranked.emplace_back(entry.first, entry.second);
  std::stable_sort(ranked.begin(), ranked.end(),
                   [](const auto& a, const auto& b) { return a.first > b.first; });
  std::string out;
  for (std::size_t i = 0; i < ranked.size() && i < max; ++i) {
    out += (i ? ", " : "") + ranked[i].second;
  }
  if (ranked.size() > max) out += ", …";
  return out;
}

// "; did you mean Security?" when a value asked for is one typo from a value in use.
std::string suggestion(const std::vector<const Post*>& posts, const std::vector<std::string> Post::*field,
                       const std::vector<std::string>& wanted) {
  std::set<std::string> seen;
  std::vector<std::string> inUse;
  for (const Post* p : posts)
    for (const std::string& v : p->*field)
      if (seen.insert(v).second) inUse.push_back(v);
  for (const std::string& w : wanted)
    if (auto match = closestMatch(w, inUse)) return "; did you mean " + *match + "?";
  return "";
}

// One filter step: keeps the posts pred accepts; when that empties a non-empty list, records
// why, in terms of the filters applied before.
struct Funnel {
  std::vector<const Post*> posts;
  std::vector<std::string> applied;  // "--tag kserve", …
  std::string reason;

  // hint() is only called when this step empties the list (it may be costly).
  template <class Pred, class Hint>
  bool apply(const std::string& flag, const std::string& noneClause, Pred pred, Hint hint) {
    if (!reason.empty()) return false;
    std::vector<const Post*> kept;
    for (const Post* p : posts) {
      if (pred(*p)) kept.push_back(p);
    }
    if (kept.empty() && !posts.empty()) {
      std::string before = applied.empty()
                               ? "the site has " + plural(posts.size(), "post")
                               : joinAll() + " matched " + plural(posts.size(), "post");
      std::string why = hint();
      reason = before + ", but none of them " + noneClause + (why.empty() ? "" : " (" + why + ")");
    }
    posts = std::move(kept);
    applied.push_back(flag);
    return reason.empty();
  }
  template <class Pred>
  bool apply(const std::string& flag, const std::string& noneClause, Pred pred) {
    return apply(flag, noneClause, pred, [] { return std::string(); });
  }

  std::string joinAll() const {
    std::string out;
    for (const std::string& a : applied) out += (out.empty() ? "" : " ") + a;
    return out;
  }
};

}  // namespace

bool Selection::empty() const {
  return tags.empty() && excludeTags.empty() && authors.empty() && !since && !until &&
         quarter.empty() && year == 0 && language.empty() && limit == 0;
}

std::string Selection::describe() const {
  std::vector<std::string> parts;
  if (!tags.empty()) parts.push_back("tags: " + joinOr(tags));
  if (!excludeTags.empty()) {
    std::string s;
    for (const std::string& t : excludeTags) s += (s.empty() ? "" : ", ") + t;
    parts.push_back("excluding tags: " + s);
  }
  if (!authors.empty()) parts.push_back("authors: " + joinOr(authors));
  if (!language.empty()) parts.push_back("language: " + language);
  DayRange range = dayRangeOf(*this);
  if (range.valid && (range.lo || range.hi)) parts.push_back(describeRange(range));
  if (drafts) parts.push_back("drafts included");
  if (limit > 0) parts.push_back((newestFirst ? "newest " : "first ") + std::to_string(limit));
  std::string out;
  for (const std::string& p : parts) out += (out.empty() ? "" : "; ") + p;
  return out.empty() ? "all posts" : out;
}

SelectionResult selectPosts(const Site& site, const Selection& sel) {
  SelectionResult result;
  Funnel f;
  for (const Post& p : site.posts) f.posts.push_back(&p);
  if (f.posts.empty()) {
    result.emptyReason = "no posts found in " + site.root.generic_string() + " (" +
                         generatorName(site.generator) + " site)";
    return result;
  }

  if (!sel.drafts) {
    f.apply("", "is published (all are drafts; --drafts includes them)",
            [](const Post& p) { return !p.draft; });
    f.applied.pop_back();  // leaving drafts out is the default, not a filter the user typed
  }
  if (!sel.language.empty()) {
    std::string want = toLowerAscii(sel.language);
    std::string siteLang = toLowerAscii(site.language);
    f.apply("--lang " + sel.language, "is in language " + sel.language, [&](const Post& p) {
      std::string lang = toLowerAscii(p.language.empty() ? siteLang : p.language);
      return lang == want || startsWith(lang, want + "-");
    });
  }
  if (!sel.tags.empty()) {
    std::set<std::string> keys = tagKeys(site, sel.tags);
    std::string flag;
    for (const std::string& t : sel.tags) flag += (flag.empty() ? "" : " ") + ("--tag " + t);
    f.apply(flag, "has the tag " + joinOr(sel.tags), [&](const Post& p) { return hasAnyTag(p, keys); },
            [&] { return "tags in use: " + commonValues(f.posts, &Post::tags, 12) + suggestion(f.posts, &Post::tags, sel.tags); });
  }
  if (!sel.excludeTags.empty()) {
    std::set<std::string> keys = tagKeys(site, sel.excludeTags);
    std::string flag;
    for (const std::string& t : sel.excludeTags) flag += (flag.empty() ? "" : " ") + ("--exclude-tag " + t);
    f.apply(flag, "is left without the tag " + joinOr(sel.excludeTags),
            [&](const Post& p) { return !hasAnyTag(p, keys); });
  }
  if (!sel.authors.empty()) {
    std::set<std::string> keys = authorKeys(site, sel.authors);
    std::string flag;
    for (const std::string& a : sel.authors) flag += (flag.empty() ? "" : " ") + ("--author " + a);
    f.apply(flag, "is by " + joinOr(sel.authors), [&](const Post& p) { return byAnyAuthor(p, keys); },
            [&] { return "authors: " + commonValues(f.posts, &Post::authors, 12) + suggestion(f.posts, &Post::authors, sel.authors); });
  }
  DayRange range = dayRangeOf(sel);
  if (!range.valid) {
    result.emptyReason = "the date filters exclude each other (" + describeRange(range) + ")";
    return result;
  }
  if (range.lo || range.hi) {
    std::size_t undated = static_cast<std::size_t>(std::count_if(
        f.posts.begin(), f.posts.end(), [](const Post* p) { return !p->date.valid(); }));
    f.apply(dateFlags(sel), "is dated " + describeRange(range),
            [&](const Post& p) { return p.date.valid() && range.contains(p.date); },
            [&] { return undated ? plural(undated, "post") + " without a date" : std::string(); });
  }
  if (!f.reason.empty()) {
    result.emptyReason = f.reason;
    return result;
  }

  // Dated posts by date and time as written, then path; undated posts last.
  auto older = [](const Post* a, const Post* b) {
    if (a->date.valid() != b->date.valid()) return a->date.valid();
    if (a->date < b->date) return true;
    if (b->date < a->date) return false;
    return a->path < b->path;
  };
  auto newer = [](const Post* a, const Post* b) {
    if (a->date.valid() != b->date.valid()) return a->date.valid();
    if (b->date < a->date) return true;
    if (a->date < b->date) return false;
    return a->path < b->path;
  };
  if (sel.newestFirst) {
    std::sort(f.posts.begin(), f.posts.end(), newer);
  } else {
    std::sort(f.posts.begin(), f.posts.end(), older);
  }
  if (sel.limit > 0 && f.posts.size() > static_cast<std::size_t>(sel.limit)) {
    f.posts.resize(static_cast<std::size_t>(sel.limit));
  }
  result.posts = std::move(f.posts);
  return result;
}

}  // namespace pp
