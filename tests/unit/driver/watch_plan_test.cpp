// WatchPlan: what `postpress watch` watches and which changes start a build. The digest's own
// outputs (even inside the site), its report, the image cache, editors' scratch files and
// generator output folders never start one; posts, images and inputs outside the site do.
#include <doctest/doctest.h>

#include <algorithm>
#include <fstream>

#include "../common/temp_dir.h"
#include "postpress/driver.h"

using namespace pp;

namespace {

struct Built {
  pptest::TempDir dir;
  fs::path site, outside;
  std::vector<DigestSpec> specs{1};
  std::vector<DigestReport> reports{1};
  Built() {
    site = fs::canonical(dir.path) / "site";
    outside = fs::canonical(dir.path) / "styles";
    fs::create_directories(site / "_posts");
    fs::create_directories(site / "_site");
    fs::create_directories(site / "public" / "posts");  // a site whose posts live in public/
    fs::create_directories(outside);
    specs[0].site.root = site;
    reports[0].inputs = {site / "_posts" / "2025-01-01-a.md", site / "public" / "posts" / "b.md", outside / "house.yaml"};
    reports[0].outputs = {{"pdf", site / "out" / "digest.pdf", true, 1, 1}, {"epub", site / "out" / "digest.epub", true, 1, 0}};
  }
  WatchPlan plan() const { return watchPlan(specs, reports, {site / "report.json"}, site / "cache"); }
};

}  // namespace

TEST_CASE("the site is watched as a tree, inputs outside it by their folders") {
  Built b;
  const WatchPlan plan = b.plan();
  CHECK(plan.trees == std::vector<fs::path>{b.site});
  CHECK(plan.folders == std::vector<fs::path>{b.outside});
  CHECK(plan.matters(b.site / "_posts" / "2025-01-01-a.md"));
  CHECK(plan.matters(b.site / "_posts" / "2025-02-01-new.md"));
  CHECK(plan.matters(b.site / "img" / "photo.png"));
  CHECK(plan.matters(b.outside / "house.yaml"));
}

TEST_CASE("the build's own files never start a build") {
  Built b;
  const WatchPlan plan = b.plan();
  CHECK_FALSE(plan.matters(b.site / "out" / "digest.pdf"));
  CHECK_FALSE(plan.matters(b.site / "out" / "digest.epub"));
  CHECK_FALSE(plan.matters(b.site / "out" / ".digest.pdf.tmp-x1y2z3"));
  CHECK_FALSE(plan.matters(b.site / "report.json"));
  CHECK_FALSE(plan.matters(b.site / "cache" / "ab" / "cd.png"));
  CHECK(plan.skipsFolder(b.site / "cache"));
}

TEST_CASE("editors' scratch files and hidden files are not changes") {
  Built b;
  const WatchPlan plan = b.plan();
  for (const char* name : {".post.md.swp", "post.md.swp", "post.md~", "#post.md#", ".#post.md", "4913", "post.md.kate-swp"})
    CHECK_FALSE(plan.matters(b.site / "_posts" / name));
  CHECK(plan.matters(b.site / "_posts" / "notes.md"));
}

TEST_CASE("version control, dependencies and generator outputs are skipped unless posts live there") {
  Built b;
  const WatchPlan plan = b.plan();
  CHECK(plan.skipsFolder(b.site / ".git"));
  CHECK(plan.skipsFolder(b.site / "theme" / "node_modules"));
  CHECK(plan.skipsFolder(b.site / "_site"));
  CHECK_FALSE(plan.matters(b.site / "_site" / "index.html"));
  CHECK_FALSE(plan.skipsFolder(b.site / "public"));  // b.md is read from it
  CHECK(plan.matters(b.site / "public" / "posts" / "b.md"));
  CHECK_FALSE(plan.skipsFolder(b.site / "_posts"));
}

TEST_CASE("a config that could not be read is still watched, by its folder") {
  Built b;
  b.specs[0].where.path = (b.outside / "postpress.yaml").string();
  b.reports[0].inputs.clear();
  const WatchPlan plan = b.plan();
  CHECK(plan.folders == std::vector<fs::path>{b.outside});
  CHECK(plan.matters(b.outside / "postpress.yaml"));
}
