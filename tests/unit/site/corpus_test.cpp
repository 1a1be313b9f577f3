// The three real blogs of ../shared/corpus, when present.
// ctest-cost: 20
#include <doctest/doctest.h>

#include <chrono>
#include <ctime>
#include <fstream>
#include <regex>
#include <set>

#include "site_test_util.h"

using namespace pp;
using pp::test::corpus;
using pp::test::findPost;

namespace {

bool present(const fs::path& root) {
  std::error_code ec;
  if (fs::is_directory(root, ec)) return true;
  MESSAGE("skipped: corpus not found at " << root.string());
  return false;
}

Site loadCorpus(const char* name, DiagnosticSink& diags) {
  SiteOptions opts;
  opts.root = corpus(name);
  return loadSite(opts, diags);
}

}  // namespace

TEST_CASE("corpus terrytangyuan: Jekyll, YAML front matter") {
  if (!present(corpus("terrytangyuan"))) return;
  DiagnosticSink diags;
  Site s = loadCorpus("terrytangyuan", diags);
  CHECK(s.generator == Generator::Jekyll);
  CHECK(s.url == "https://terrytangyuan.github.io");
  CHECK(s.posts.size() >= 44);
  CHECK(diags.errorCount() == 0);
  const Post* kubecon = findPost(s, "_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md");
  REQUIRE(kubecon);
  CHECK(kubecon->title.find("KubeCon") != std::string::npos);
  CHECK(kubecon->date.isoDate() == "2025-11-18");
  CHECK(kubecon->authors == std::vector<std::string>{"Yuan Tang"});
  CHECK(std::find(kubecon->tags.begin(), kubecon->tags.end(), "KServe") != kubecon->tags.end());
  CHECK(!kubecon->summary.empty());
  CHECK(kubecon->permalinkPath == "/2025/11/18/kubecon-na-2025-model-serving-highlights/");
  // The two date disagreements CORPUS-NOTES.md lists: kept with their posts, told when a
  // digest selects them.
  CHECK(test::countDiag(diags, "date-mismatch") == 0);
  test::reportAllPosts(s, diags);
  CHECK(test::countDiag(diags, "date-mismatch") == 2);
  CHECK(test::countDiag(diags, "date-mismatch", "_posts/2016-03-15-scikit-flow-intro.markdown") == 1);
  for (const Post& p : s.posts) {
    CHECK_MESSAGE(p.date.valid(), p.path);
    CHECK_MESSAGE(!p.title.empty(), p.path);
  }
}

TEST_CASE("corpus kubeflow: tags come from categories") {
  if (!present(corpus("kubeflow"))) return;
  DiagnosticSink diags;
  Site s = loadCorpus("kubeflow", diags);
  CHECK(s.generator == Generator::Jekyll);
  CHECK(s.posts.size() == 48);
  CHECK(s.emoji);  // jemoji
  CHECK(diags.errorCount() == 0);
  std::size_t tagged = 0;
  for (const Post& p : s.posts) {
    if (!p.tags.empty()) ++tagged;
    CHECK(p.tags == p.categories);
  }
  CHECK(tagged >= 40);
  const Post* mpi = findPost(s, "_posts/2020-03-16-mpi-operator.md");
  REQUIRE(mpi);
  CHECK(mpi->tags == std::vector<std::string>{"integrations", "operators"});
  // One HTML author string naming three people.
  CHECK(mpi->authors.size() == 3);
  CHECK(mpi->authors[0] == "Yuan Tang");
  REQUIRE(mpi->authorDetails.size() == 3);
  CHECK(mpi->authorDetails[0].affiliation == "Ant Group");
  CHECK(mpi->authorDetails[0].byline() == "Yuan Tang (Ant Group)");
  // No author in the front matter and no single site author (`author: {name: ""}`).
  std::size_t anonymous = 0;
  for (const Post& p : s.posts) anonymous += p.authors.empty() ? 1 : 0;
  CHECK(anonymous == 7);
  const Post* mlops = findPost(s, "_posts/2020-08-01-data-science-meets-devops.md");
  REQUIRE(mlops);
  CHECK(mlops->permalinkPath == "/mlops/");
  CHECK(mlops->url == "https://blog.kubeflow.org/mlops/");
}

TEST_CASE("corpus fluxcd: Hugo, content/en/blog, page bundles, url front matter") {
  fs::path root = corpus("fluxcd");
  if (!present(root)) return;
  DiagnosticSink diags;
  Site s = loadCorpus("fluxcd", diags);
  CHECK(s.generator == Generator::Hugo);
  CHECK(s.posts.size() == 77);
  CHECK(s.emoji);
  CHECK(diags.errorCount() == 0);
  std::size_t bundles = 0, withUrl = 0;
  for (const Post& p : s.posts) {
    CHECK_MESSAGE(p.date.valid(), p.path);
    if (!p.bundleDir.empty()) ++bundles;
    if (p.params.count("url")) {
      ++withUrl;
      CHECK_MESSAGE(p.permalinkPath == p.params.at("url"), p.path);
    }
  }
  CHECK(bundles > 40);
  CHECK(withUrl == 72);

  // Every date mismatch CORPUS-NOTES.md lists is a warning on that post, and no other.
  std::ifstream notes(root / "CORPUS-NOTES.md");
  std::string line;
  std::regex item(R"(^- front-matter date (\S+) != filename date (\S+) \(1\): (\S+))");
  std::set<std::string> listed;
  while (std::getline(notes, line)) {
    std::smatch m;
    if (std::regex_search(line, m, item)) listed.insert(m[3].str());
  }
  CHECK(listed.size() == 15);
  std::set<std::string> warned;
  test::reportAllPosts(s, diags);
  for (const Diagnostic& d : diags.all()) {
    if (d.code == "date-mismatch") {
      CHECK(d.severity == Severity::Warning);
      CHECK(d.loc.line > 1);
      warned.insert(d.loc.path);
    }
  }
  CHECK(warned == listed);

  const Post* incubation = findPost(s, "content/en/blog/2021-03-08-flux-is-a-cncf-incubation-project/index.md");
  REQUIRE(incubation);
  CHECK(incubation->date.isoDate() == "2021-03-10");
  CHECK(incubation->authors == std::vector<std::string>{"dholbach"});
  CHECK(incubation->tags == std::vector<std::string>{"announcement"});
}

TEST_CASE("reading is fast: a generated 2,000-post site") {
  test::TempSite dir;
  dir.write("_config.yml", "title: bench\nurl: https://bench.example.org\n");
  std::string body;
  for (int i = 0; i < 28; ++i) body += "Lorem ipsum dolor sit amet, consectetur adipiscing elit. ";
  body += "\n\n";
  std::string big;
  for (int i = 0; i < 10; ++i) big += body;
  for (int i = 0; i < 2000; ++i) {
    char name[96];
    std::snprintf(name, sizeof name, "_posts/%04d-%02d-%02d-post-%d.md", 2015 + i % 10, 1 + i % 12,
                  1 + i % 28, i);
    dir.write(name, "---\ntitle: \"Post " + std::to_string(i) +
                        "\"\ndate: 2020-01-01 10:00:00 +0100\nauthor: A\ntags: [x, y, z]\n"
                        "description: d\nheader-img: img/x.png\n---\n\n" + big);
  }
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = dir.root();
  auto t0 = std::chrono::steady_clock::now();
  std::clock_t c0 = std::clock();
  Site s = loadSite(opts, diags);
  // CPU time of all threads: stable on a machine shared with other jobs, unlike wall time.
  double cpuMs = 1000.0 * static_cast<double>(std::clock() - c0) / CLOCKS_PER_SEC;
  double ms = std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - t0).count();
  MESSAGE("read 2000 posts (32 MB) in " << ms << " ms wall, " << cpuMs << " ms CPU");
  CHECK(s.posts.size() == 2000);
#if !defined(__SANITIZE_ADDRESS__) && !defined(__OPTIMIZE__)
  MESSAGE("unoptimised build: no time bound");
#elif !defined(__SANITIZE_ADDRESS__)
  // Typically ~250 ms CPU in an optimised build; the bound leaves room for slow machines.
  CHECK(cpuMs < 2000);
#endif
}
