// Translated posts: Hugo content folders per language (page bundles inherit the resources of
// their translations), Docusaurus i18n folders (found, and reading the original's images).
#include <doctest/doctest.h>

#include "site_test_util.h"

using namespace pp;
using pp::test::findPost;
using pp::test::loadFixture;

TEST_CASE("hugo: a translated bundle looks in the bundles of its translations, by weight") {
  DiagnosticSink diags;
  Site s = loadFixture("hugo-i18n", diags);
  CHECK(s.generator == Generator::Hugo);
  CHECK(diags.errorCount() == 0);
  const Post* ja = findPost(s, "content/ja/blog/2025/otel-diagram/index.md");
  const Post* en = findPost(s, "content/en/blog/2025/otel-diagram/index.md");
  REQUIRE(ja);
  REQUIRE(en);
  CHECK(ja->language == "ja");
  CHECK(en->language.empty());
  CHECK(ja->permalinkPath == "/ja/blog/2025/otel-diagram/");
  CHECK(ja->resourceDirs == std::vector<fs::path>{s.root / "content/en/blog/2025/otel-diagram"});
  CHECK(en->resourceDirs == std::vector<fs::path>{s.root / "content/ja/blog/2025/otel-diagram"});
  // Docsy's featured image, inherited from the English bundle.
  CHECK(ja->heroImage == "featured.png");
  // A single page has no resources of its own to inherit.
  const Post* plain = findPost(s, "content/en/blog/2025/plain-post.md");
  REQUIRE(plain);
  CHECK(plain->resourceDirs.empty());
  // The static folder mounted for Japanese only.
  REQUIRE(s.languageStaticRoots.count("ja") == 1);
  CHECK(s.languageStaticRoots.at("ja") == std::vector<fs::path>{s.root / "static_ja"});
  CHECK(std::find(s.staticRoots.begin(), s.staticRoots.end(), s.root / "static") != s.staticRoots.end());
  // params.images is the site's social card, on no post.
  CHECK(s.socialImage == "/img/common.png");
  for (const Post& p : s.posts) CHECK(p.heroImage != "/img/common.png");
  CHECK(en->authorDetails.at(0).affiliation == "Acme");
}

TEST_CASE("docusaurus: i18n/<locale>/docusaurus-plugin-content-blog translations, localized authors") {
  DiagnosticSink diags;
  Site s = loadFixture("docusaurus-i18n", diags);
  CHECK(s.generator == Generator::Docusaurus);
  CHECK(diags.errorCount() == 0);
  CHECK(s.socialImage == "img/social-card.png");  // themeConfig.image
  const Post* zh = findPost(s, "i18n/zh/docusaurus-plugin-content-blog/2024-01-15-welcome/index.md");
  REQUIRE(zh);
  CHECK(zh->language == "zh");
  CHECK(zh->title == "欢迎");
  CHECK(zh->authors == std::vector<std::string>{"林伟"});  // the locale's authors.yml
  CHECK(zh->permalinkPath == "/zh/blog/welcome");
  CHECK(zh->resourceDirs == std::vector<fs::path>{s.root / "blog/2024-01-15-welcome"});
  const Post* en = findPost(s, "blog/2024-01-15-welcome/index.md");
  REQUIRE(en);
  CHECK(en->language.empty());
  CHECK(en->authors == std::vector<std::string>{"Lin Wei"});
  CHECK(en->resourceDirs.empty());
  CHECK(s.posts.size() == 3);
}
