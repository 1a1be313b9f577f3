// Selection on the generator fixtures of tests/data/sites/: languages, authors by data key.
#include <doctest/doctest.h>

#include <filesystem>

#include "postpress/select.h"
#include "selected_paths.h"

using namespace pp;
using pptest::selectedPaths;
namespace fs = std::filesystem;

namespace {

Site fixtureSite(const char* name) {
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = fs::path(PP_TEST_DATA) / "sites" / name;
  return loadSite(opts, diags);
}

}  // namespace

TEST_CASE("--lang zh picks a Docusaurus blog's Chinese translations") {
  Site s = fixtureSite("docusaurus-i18n");
  Selection sel;
  sel.language = "zh";
  CHECK(selectedPaths(selectPosts(s, sel)) ==
        std::vector<std::string>{"i18n/zh/docusaurus-plugin-content-blog/2024-01-15-welcome/index.md"});
  sel.language = "en";
  CHECK(selectedPaths(selectPosts(s, sel)) ==
        std::vector<std::string>{"blog/2024-01-15-welcome/index.md", "blog/2024-02-01-release-notes.md"});
}

TEST_CASE("--lang on translations by file suffix and by folder") {
  Selection sel;
  sel.language = "fr";
  CHECK(selectedPaths(selectPosts(fixtureSite("zola"), sel)) ==
        std::vector<std::string>{"content/blog/2024-03-01-first-steps.fr.md"});
  sel.language = "ja";
  CHECK(selectedPaths(selectPosts(fixtureSite("hugo-i18n"), sel)) ==
        std::vector<std::string>{"content/ja/blog/2025/otel-diagram/index.md"});
}

TEST_CASE("--author by an MkDocs .authors.yml key or by the name it gives") {
  Site s = fixtureSite("mkdocs");
  Selection sel;
  sel.authors = {"patrick"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"docs/blog/posts/2024/releases/version-two.md"});
  sel.authors = {"Patrick Star"};
  CHECK(selectedPaths(selectPosts(s, sel)) == std::vector<std::string>{"docs/blog/posts/2024/releases/version-two.md"});
}
