// The three real blogs of ../shared/corpus, when present.
// ctest-cost: 20
#include <doctest/doctest.h>

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
