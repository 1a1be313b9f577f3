// Selection on the real blogs of ../shared/corpus, when present.
#include <doctest/doctest.h>

#include <filesystem>

#include "postpress/select.h"

using namespace pp;
namespace fs = std::filesystem;

namespace {
fs::path corpus(const char* name) { return fs::path(PP_SOURCE_DIR) / ".." / "shared" / "corpus" / name; }
bool present(const fs::path& p) {
  std::error_code ec;
  if (fs::is_directory(p, ec)) return true;
  MESSAGE("skipped: corpus not found at " << p.string());
  return false;
}
}  // namespace

TEST_CASE("terrytangyuan: --tag kserve --since 2025-11-01 --until 2025-11-30 lists the KubeCon post") {
  if (!present(corpus("terrytangyuan"))) return;
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = corpus("terrytangyuan");
  Site site = loadSite(opts, diags);
  Selection sel;
  sel.tags = {"kserve"};
  sel.since = parseDateTime("2025-11-01");
  sel.until = parseDateTime("2025-11-30");
  SelectionResult r = selectPosts(site, sel);
  REQUIRE_FALSE(r.posts.empty());
  bool found = false;
  for (const Post* p : r.posts) {
    CHECK(p->date.year == 2025);
    CHECK(p->date.month == 11);
    if (p->path == "_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md") {
      found = true;
      CHECK(p->title.find("KubeCon") != std::string::npos);
    }
  }
  CHECK(found);
  CHECK(periodLabel(sel, r.posts, Locale("en")) == "November 2025");
}

TEST_CASE("kubeflow: --tag release via categories, newest first") {
  if (!present(corpus("kubeflow"))) return;
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = corpus("kubeflow");
  Site site = loadSite(opts, diags);
  Selection sel;
  sel.tags = {"release"};
  sel.newestFirst = true;
  SelectionResult r = selectPosts(site, sel);
  REQUIRE(r.posts.size() >= 15);
  for (std::size_t i = 1; i < r.posts.size(); ++i) CHECK_FALSE(r.posts[i - 1]->date < r.posts[i]->date);
}

TEST_CASE("fluxcd: a quarter of monthly updates") {
  if (!present(corpus("fluxcd"))) return;
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = corpus("fluxcd");
  Site site = loadSite(opts, diags);
  Selection sel;
  sel.tags = {"Monthly Update"};
  sel.year = 2022;
  SelectionResult r = selectPosts(site, sel);
  CHECK(r.posts.size() >= 6);
  for (const Post* p : r.posts) CHECK(p->date.year == 2022);
}
