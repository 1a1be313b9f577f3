#include <doctest/doctest.h>

#include <algorithm>
#include <filesystem>

#include "postpress/select.h"
#include "selected_paths.h"

using namespace pp;
using pptest::selectedPaths;

namespace {

DateTime dt(const char* s) {
  auto d = parseDateTime(s);
  REQUIRE_MESSAGE(d, s);
  return *d;
}

Post post(const char* path, const char* date, std::vector<std::string> tags = {},
          std::vector<std::string> authors = {}) {
  Post p;
  p.path = path;
  p.title = path;
  if (date) p.date = dt(date);
  p.tags = std::move(tags);
  p.authors = std::move(authors);
  return p;
}

Site sampleSite() {
  Site s;
  s.root = "/tmp/sample";
  s.posts = {
      post("a.md", "2025-09-30 23:59", {"KServe"}, {"Yuan Tang (Ant Group)"}),
      post("b.md", "2025-10-01", {"machine-learning", "kserve"}, {"Jane Doe"}),
      post("c.md", "2025-11-18 09:30:00 +0100", {"Machine Learning"}, {"Jane Doe", "Bob"}),
      post("d.md", "2025-12-31 23:30:00 -0800", {"events"}, {"Bob"}),
      post("e.md", "2026-01-01 00:00", {"kserve"}, {"Alice Author"}),
      post("f.md", nullptr, {"kserve"}, {"Jane Doe"}),
      post("g.md", "2025-11-18 08:00", {"kserve"}, {"Jane Doe"}),
      post("h.md", "2025-11-18 09:30:00 +0100", {"kserve"}, {"Jane Doe"}),
  };
  s.posts[6].draft = true;
  Author alice;
  alice.key = "alice";
  alice.name = "Alice Author";
  s.authors["alice"] = alice;
  s.tagLabels["ml"] = "Machine Learning";
  return s;
}

}  // namespace

TEST_CASE("quarter parsing") {
  int y = 0, q = 0;
  for (const char* ok : {"2025Q4", "2025-Q4", "2025q4", "Q4 2025", "Q4-2025", "q4 2025", " 2025 Q4 "}) {
    CHECK_MESSAGE(parseQuarter(ok, y, q), ok);
    CHECK(y == 2025);
    CHECK(q == 4);
  }
  for (const char* bad : {"2025Q5", "2025Q0", "Q4", "2025", "25Q4", "2025-4", "", "2025QQ4", "Q4 20255"}) {
    CHECK_MESSAGE(!parseQuarter(bad, y, q), bad);
  }
}

TEST_CASE("no filter: published posts, oldest first, undated last") {
  Site s = sampleSite();
  Selection sel;
  CHECK(sel.empty());
  SelectionResult r = selectPosts(s, sel);
  CHECK(selectedPaths(r) == std::vector<std::string>{"a.md", "b.md", "c.md", "h.md", "d.md", "e.md", "f.md"});
  sel.newestFirst = true;
  r = selectPosts(s, sel);
  CHECK(selectedPaths(r) == std::vector<std::string>{"e.md", "d.md", "c.md", "h.md", "b.md", "a.md", "f.md"});
  sel.drafts = true;
  sel.newestFirst = false;
  r = selectPosts(s, sel);
  CHECK(selectedPaths(r) == std::vector<std::string>{"a.md", "b.md", "g.md", "c.md", "h.md", "d.md", "e.md", "f.md"});
}

TEST_CASE("tags: any of, by matchKey; exclusions; tags.yml keys") {
  Site s = sampleSite();
  Selection sel;
  sel.tags = {"Machine_Learning"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"b.md", "c.md"});
  sel.tags = {"ml"};  // a tags.yml key means its label
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"b.md", "c.md"});
  sel.tags = {"events", "KSERVE"};
  CHECK(selectedPaths(selectPosts(s, sel)) ==
        std::vector<std::string>{"a.md", "b.md", "h.md", "d.md", "e.md", "f.md"});
  sel.excludeTags = {"machine learning"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"a.md", "h.md", "d.md", "e.md", "f.md"});
}

TEST_CASE("authors: display name, affiliation-free name, or key") {
  Site s = sampleSite();
  Selection sel;
  sel.authors = {"bob"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"c.md", "d.md"});
  sel.authors = {"Yuan Tang"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"a.md"});
  sel.authors = {"alice"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"e.md"});
}

TEST_CASE("authors: the data-file key a post named its author by") {
  Site s = sampleSite();
  // A Hugo post naming `jdoe`, whose data file calls her "Jane Q. Doe".
  Author jane;
  jane.key = "jdoe";
  jane.name = "Jane Q. Doe";
  s.posts[0].authors = {jane.name};
  s.posts[0].authorDetails = {jane};
  Selection sel;
  sel.authors = {"jdoe"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"a.md"});
  sel.authors = {"Jane Q. Doe"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"a.md"});
}

TEST_CASE("date bounds are inclusive calendar days as written") {
  Site s = sampleSite();
  Selection sel;
  sel.since = dt("2025-10-01");
  sel.until = dt("2025-11-18");
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"b.md", "c.md", "h.md"});
  // Times in the bounds do not matter: the day does.
  sel.since = dt("2025-10-01 23:59:59");
  sel.until = dt("2025-11-18 00:00:00");
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"b.md", "c.md", "h.md"});
}

TEST_CASE("quarter edges; 23:30 on the last day with an offset stays in the quarter") {
  Site s = sampleSite();
  Selection sel;
  sel.quarter = "2025Q4";
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"b.md", "c.md", "h.md", "d.md"});
  sel.quarter = "2025Q3";
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"a.md"});
  sel.quarter = "Q1 2026";
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"e.md"});
  sel.quarter.clear();
  sel.year = 2025;
  CHECK(selectedPaths(selectPosts(s, sel)).size() == 5);
  sel.year = 2026;
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"e.md"});
}

TEST_CASE("limit applies after ordering") {
  Site s = sampleSite();
  Selection sel;
  sel.limit = 2;
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"a.md", "b.md"});
  sel.newestFirst = true;
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"e.md", "d.md"});
}

TEST_CASE("an empty selection names the filter that emptied it") {
  Site s = sampleSite();
  Selection sel;
  sel.tags = {"kserve"};
  sel.since = dt("2024-01-01");
  sel.until = dt("2024-03-31");
  SelectionResult r = selectPosts(s, sel);
  CHECK(r.posts.empty());
  CHECK(r.emptyReason.find("--tag kserve matched 5 posts") != std::string::npos);
  CHECK(r.emptyReason.find("between 2024-01-01 and 2024-03-31") != std::string::npos);
  CHECK(r.emptyReason.find("1 post without a date") != std::string::npos);

  sel = Selection{};
  sel.tags = {"nonexistent"};
  r = selectPosts(s, sel);
  CHECK(r.posts.empty());
  CHECK(r.emptyReason.find("the site has 7 posts") != std::string::npos);
  CHECK(r.emptyReason.find("nonexistent") != std::string::npos);
  CHECK(r.emptyReason.find("tags in use") != std::string::npos);

  sel = Selection{};
  sel.tags = {"events"};
  sel.authors = {"Jane Doe"};
  r = selectPosts(s, sel);
  CHECK(r.emptyReason.find("--tag events matched 1 post, but none of them is by Jane Doe") == 0);

  sel = Selection{};
  sel.quarter = "2025Q4";
  sel.year = 2024;
  r = selectPosts(s, sel);
  CHECK(r.posts.empty());
  CHECK(!r.emptyReason.empty());

  Site empty;
  r = selectPosts(empty, Selection{});
  CHECK(r.emptyReason.find("no posts found") == 0);

  Site drafts;
  drafts.posts = {post("x.md", "2025-01-01")};
  drafts.posts[0].draft = true;
  r = selectPosts(drafts, Selection{});
  CHECK(r.emptyReason.find("draft") != std::string::npos);
}

TEST_CASE("period labels") {
  Site s = sampleSite();
  const Locale en("en");
  std::vector<const Post*> none;
  Selection sel;
  sel.quarter = "2025Q4";
  CHECK(periodLabel(sel, none, en) == "Q4 2025");
  sel = Selection{};
  sel.year = 2025;
  CHECK(periodLabel(sel, none, en) == "2025");
  sel = Selection{};
  sel.since = dt("2025-11-01");
  sel.until = dt("2025-11-30");
  CHECK(periodLabel(sel, none, en) == "November 2025");
  sel.since = dt("2025-10-01");
  sel.until = dt("2026-01-15");
  // CLDR's range: thin spaces around the dash.
  CHECK(periodLabel(sel, none, en) == "1 Oct 2025\u2009\u2013\u200915 Jan 2026");
  sel.since = dt("2025-10-01");
  sel.until = dt("2025-12-31");
  CHECK(periodLabel(sel, none, en) == "Q4 2025");
  sel.until = dt("2025-10-01");
  CHECK(periodLabel(sel, none, en) == "1 Oct 2025");

  // From the posts when there are no bounds.
  std::vector<const Post*> posts = {&s.posts[2], &s.posts[7]};
  CHECK(periodLabel(Selection{}, posts, en) == "November 2025");
  posts = {&s.posts[1], &s.posts[3]};
  CHECK(periodLabel(Selection{}, posts, en) == "Q4 2025");
  posts = {&s.posts[0], &s.posts[3]};
  CHECK(periodLabel(Selection{}, posts, en) == "2025");
  posts = {&s.posts[0], &s.posts[4]};
  CHECK(periodLabel(Selection{}, posts, en) == "30 Sept 2025\u2009\u2013\u20091 Jan 2026");
  CHECK(periodLabel(Selection{}, {}, en) == "");
  // One bound: the other end from the posts.
  sel = Selection{};
  sel.since = dt("2025-10-01");
  posts = {&s.posts[1], &s.posts[3]};
  CHECK(periodLabel(sel, posts, en) == "Q4 2025");
}

TEST_CASE("period labels in the digest's language") {
  Selection sel;
  sel.quarter = "2025Q4";
  CHECK(periodLabel(sel, {}, Locale("de")) == "Q4 2025");
  sel = Selection{};
  sel.since = dt("2025-11-01");
  sel.until = dt("2025-11-30");
  CHECK(periodLabel(sel, {}, Locale("de")) == "November 2025");
  CHECK(periodLabel(sel, {}, Locale("ja")) == "2025年11月");
  sel.until = dt("2025-11-18");
  CHECK(periodLabel(sel, {}, Locale("de")) == "1.\u201318. Nov. 2025");
  sel = Selection{};
  sel.since = dt("2025-10-01");
  CHECK(periodLabel(sel, {}, Locale("fr")) == "depuis le 1 oct. 2025");
}

TEST_CASE("describe") {
  Selection sel;
  CHECK(sel.describe() == "all posts");
  sel.tags = {"kserve"};
  sel.since = dt("2025-11-01");
  sel.until = dt("2025-11-30");
  CHECK(sel.describe() == "tags: kserve; between 2025-11-01 and 2025-11-30");
}

TEST_CASE("--lang keeps the posts of one language; a post without one is in the site's") {
  Site s = sampleSite();
  s.language = "en-US";
  s.posts[1].language = "fr";
  s.posts[2].language = "en-GB";
  Selection sel;
  std::vector<std::string> all = selectedPaths(selectPosts(s, sel));
  all.erase(std::remove(all.begin(), all.end(), "b.md"), all.end());
  sel.language = "en";
  SelectionResult r = selectPosts(s, sel);
  CHECK(selectedPaths(r) == all);  // en-US (the site's) and en-GB match "en"; fr does not
  sel.language = "FR";
  r = selectPosts(s, sel);
  CHECK(selectedPaths(r) == std::vector<std::string>{"b.md"});
  sel.language = "de";
  r = selectPosts(s, sel);
  CHECK(r.posts.empty());
  INFO(r.emptyReason);
  CHECK(r.emptyReason.find("language de") != std::string::npos);
}
