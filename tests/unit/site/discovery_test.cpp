// Discovery and metadata on the fixture sites in tests/data/sites/, one per generator.
#include <doctest/doctest.h>

#include <algorithm>

#include "postpress/support/text.h"
#include "site_test_util.h"

using namespace pp;
using pp::test::findPost;
using pp::test::fixture;
using pp::test::loadFixture;
using pp::test::postPaths;

TEST_CASE("jekyll: _posts with subfolders and category folders, drafts only on request") {
  DiagnosticSink diags;
  Site s = loadFixture("jekyll", diags);
  CHECK(s.generator == Generator::Jekyll);
  CHECK(s.configPath == "_config.yml");
  CHECK(s.title == "Fixture Jekyll Blog");
  CHECK(s.url == "https://jekyll.example.org");
  CHECK(s.baseurl == "/blog");
  CHECK(s.language == "en-GB");
  CHECK(s.emoji);
  CHECK(s.math);
  CHECK(s.config.at("plugins.1") == "jemoji");
  CHECK(s.includesDir == s.root / "_includes");
  REQUIRE(!s.staticRoots.empty());
  CHECK(s.staticRoots[0] == s.root);
  CHECK(postPaths(s) == std::vector<std::string>{
                        "_posts/2025-06-01-no-author.md", "_posts/2025-07-04-unpublished.md",
                        "_posts/2025-08-01-custom-permalink.md", "_posts/2025-09-15-crlf-bom.md",
                        "_posts/2025-11-18-hello-world.md",
                        "_posts/notes/2025-10-01-in-a-subfolder.markdown",
                        "news/_posts/2025-12-31-late-night.md"});
  CHECK(test::countDiag(diags, "post-name", "_posts/not-a-post.md") == 1);

  const Post* hello = findPost(s, "_posts/2025-11-18-hello-world.md");
  REQUIRE(hello);
  CHECK(hello->title == "Hello, World");
  CHECK_FALSE(hello->titleFromBody);
  CHECK(hello->subtitle == "The first post");
  CHECK(hello->date.isoDateTime() == "2025-11-18T09:30:00+01:00");
  CHECK(hello->authors == std::vector<std::string>{"Jane Doe"});
  // Deduplicated by matchKey, first spelling kept.
  CHECK(hello->tags == std::vector<std::string>{"Machine-Learning", "KServe"});
  CHECK(hello->summary == "The very first post of the fixture blog.");
  CHECK(hello->heroImage == "img/hello.png");  // the post's own key beats the default `image`
  CHECK(hello->permalinkPath == "/2025/11/18/hello-world/");
  CHECK(hello->url == "https://jekyll.example.org/blog/2025/11/18/hello-world/");
  CHECK(hello->params.at("layout") == "post");
  CHECK(hello->fieldLocs.at("date").line == 5);
  CHECK(hello->bodyLine == 15);
  CHECK(hello->body.rfind("\n# Not the title", 0) == 0);

  const Post* sub = findPost(s, "_posts/notes/2025-10-01-in-a-subfolder.markdown");
  REQUIRE(sub);
  CHECK(sub->tags == std::vector<std::string>{"ai", "kubernetes"});  // comma-separated string
  CHECK(sub->categories == std::vector<std::string>{"Release Notes"});
  CHECK(sub->permalinkPath == "/release-notes/2025/10/01/in-a-subfolder/");

  const Post* late = findPost(s, "news/_posts/2025-12-31-late-night.md");
  REQUIRE(late);
  CHECK(late->categories == std::vector<std::string>{"news"});  // folder above _posts
  CHECK(late->permalinkPath == "/news/2025/12/31/late-night/");

  const Post* custom = findPost(s, "_posts/2025-08-01-custom-permalink.md");
  REQUIRE(custom);
  CHECK(custom->permalinkPath == "/custom/custom-permalink/");
  CHECK(custom->aliases == std::vector<std::string>{"/old/custom/"});
  // An image from `defaults:` is the same for every post: the site's social card, no post's
  // hero image.
  CHECK(custom->heroImage.empty());
  CHECK(s.socialImage == "/img/default-hero.png");

  const Post* noAuthor = findPost(s, "_posts/2025-06-01-no-author.md");
  REQUIRE(noAuthor);
  CHECK(noAuthor->authors == std::vector<std::string>{"Site Owner"});  // single-author site
  CHECK(noAuthor->tags == std::vector<std::string>{"ai", "ml"});       // Jekyll splits on spaces

  CHECK(findPost(s, "_posts/2025-07-04-unpublished.md")->draft);
  CHECK_FALSE(hello->draft);

  DiagnosticSink d2;
  Site withDrafts = loadFixture("jekyll", d2, true);
  const Post* draft = findPost(withDrafts, "_drafts/a-draft.md");
  REQUIRE(draft);
  CHECK(draft->draft);
  CHECK(draft->subtitle == "Work in progress");  // defaults scoped to _drafts
  CHECK_FALSE(draft->date.valid());
}

TEST_CASE("jekyll: CRLF and BOM post") {
  DiagnosticSink diags;
  Site s = loadFixture("jekyll", diags);
  const Post* p = findPost(s, "_posts/2025-09-15-crlf-bom.md");
  REQUIRE(p);
  CHECK(p->title == "CRLF and BOM");
  CHECK(p->body == "Line one.\nLine two.\n");
  CHECK(p->body.find('\r') == std::string::npos);
}

TEST_CASE("hugo: TOML config, content/<lang>/, bundles, sections, permalinks") {
  DiagnosticSink diags;
  Site s = loadFixture("hugo", diags);
  CHECK(s.generator == Generator::Hugo);
  CHECK(s.configPath == "hugo.toml");
  CHECK(s.title == "Fixture Hugo Blog");
  CHECK(s.description == "A small Hugo site used by the unit tests");
  CHECK(s.url == "https://hugo.example.org");
  CHECK(s.baseurl == "/site");
  CHECK(s.language == "en-us");  // languageCode; folders are named by the key "en"
  CHECK(s.emoji);
  CHECK(s.math);
  CHECK(s.permalink == "/:year/:month/:slug/");
  CHECK(s.contentDir == s.root / "content");
  REQUIRE(s.staticRoots.size() == 2);
  CHECK(s.staticRoots[0] == s.root / "static");
  CHECK(s.staticRoots[1] == s.root / "assets");
  CHECK(postPaths(s) == std::vector<std::string>{
                        "content/en/posts/2025-01-10-toml-single.md",
                        "content/en/posts/2025-02-01-mismatch/index.md",
                        "content/en/posts/bundle-post/index.md", "content/en/posts/draft.md",
                        "content/en/posts/with-url.md", "content/fr/posts/bonjour.md"});

  const Post* toml = findPost(s, "content/en/posts/2025-01-10-toml-single.md");
  REQUIRE(toml);
  CHECK(toml->title == "TOML front matter");
  CHECK(toml->date.isoDateTime() == "2025-01-10T08:00:00+01:00");
  CHECK(toml->tags == std::vector<std::string>{"Hugo", "toml"});
  CHECK(toml->categories == std::vector<std::string>{"config"});
  CHECK(toml->authors == std::vector<std::string>{"Alice Example", "Bob Example"});
  CHECK(toml->summary == "A single-file post with TOML front matter.");
  CHECK(toml->math);
  CHECK(toml->params.at("params.mood") == "happy");
  CHECK(toml->fieldLocs.at("tags").line == 4);
  CHECK(toml->bodyLine == 13);
  // :slug without a front matter slug is the urlized title, as in Hugo.
  CHECK(toml->permalinkPath == "/2025/01/toml-front-matter/");
  CHECK(toml->url == "https://hugo.example.org/site/2025/01/toml-front-matter/");

  const Post* bundle = findPost(s, "content/en/posts/bundle-post/index.md");
  REQUIRE(bundle);
  CHECK(bundle->bundleDir == s.root / "content/en/posts/bundle-post");
  CHECK(bundle->heroImage == "cover-featured.png");
  CHECK(bundle->slug == "bundled");
  CHECK(bundle->permalinkPath == "/2025/03/bundled/");
  CHECK(bundle->authors == std::vector<std::string>{"Hugo Owner"});  // params.author

  const Post* mismatch = findPost(s, "content/en/posts/2025-02-01-mismatch/index.md");
  REQUIRE(mismatch);
  CHECK(mismatch->date.isoDate() == "2025-02-03");
  CHECK(test::findDiag(diags, "date-mismatch", mismatch->path) == nullptr);  // the post's own
  REQUIRE(mismatch->diagnostics.size() == 1);
  test::reportAllPosts(s, diags);
  const Diagnostic* w = test::findDiag(diags, "date-mismatch", mismatch->path);
  REQUIRE(w);
  CHECK(w->severity == Severity::Warning);
  CHECK(w->loc.line == 3);

  const Post* withUrl = findPost(s, "content/en/posts/with-url.md");
  REQUIRE(withUrl);
  CHECK(withUrl->permalinkPath == "/special/place/");
  CHECK(withUrl->aliases == std::vector<std::string>{"/old/place/"});
  CHECK(withUrl->tags == std::vector<std::string>{"Single Tag String"});  // Hugo: one tag
  CHECK(withUrl->date.hasTime);

  CHECK(findPost(s, "content/en/posts/draft.md")->draft);

  const Post* fr = findPost(s, "content/fr/posts/bonjour.md");
  REQUIRE(fr);
  CHECK(fr->language == "fr");
  CHECK(fr->permalinkPath == "/fr/2025/01/bonjour/");
  CHECK(toml->language.empty());
}

TEST_CASE("hugo: --posts names another section, or a glob") {
  DiagnosticSink diags;
  Site s = loadFixture("hugo", diags, false, "notes");
  CHECK(postPaths(s) == std::vector<std::string>{"content/en/notes/field-note.md"});
  Site g = loadFixture("hugo", diags, false, "content/*/posts/**/index.md");
  CHECK(postPaths(g) == std::vector<std::string>{"content/en/posts/2025-02-01-mismatch/index.md",
                                              "content/en/posts/bundle-post/index.md"});
  Site f = loadFixture("hugo", diags, false, "content/fr/posts");
  CHECK(postPaths(f) == std::vector<std::string>{"content/fr/posts/bonjour.md"});
}

TEST_CASE("hugo: mainSections, config.yaml, JSON front matter, permalinks.page") {
  DiagnosticSink diags;
  Site s = loadFixture("hugo-sections", diags);
  CHECK(s.generator == Generator::Hugo);
  CHECK(s.configPath == "config.yaml");
  CHECK(postPaths(s) == std::vector<std::string>{"content/articles/2024/deep/nested.md",
                                              "content/articles/first.md"});
  const Post* json = findPost(s, "content/articles/2024/deep/nested.md");
  REQUIRE(json);
  CHECK(json->title == "JSON front matter");
  CHECK(json->date.offsetMinutes == -420);
  CHECK(json->tags == std::vector<std::string>{"json"});
  CHECK(json->permalinkPath == "/a/nested/");
  CHECK(diags.errorCount() == 0);
}

TEST_CASE("docusaurus: .md and .mdx, dated names and folders, authors.yml, tags.yml") {
  DiagnosticSink diags;
  Site s = loadFixture("docusaurus", diags);
  CHECK(s.generator == Generator::Docusaurus);
  CHECK(s.title == "Fixture Docusaurus Blog");
  CHECK(s.description == "A small Docusaurus site used by the unit tests");
  CHECK(s.url == "https://docs.example.org");  // not the commented-out one
  CHECK(s.baseurl.empty());
  CHECK(s.math);
  CHECK(s.contentDir == s.root / "blog");
  CHECK(s.staticRoots == std::vector<fs::path>{s.root / "static"});
  CHECK(s.authors.at("alice").name == "Alice Author");
  CHECK(s.authors.at("alice").image == "https://alice.example.org/a.png");
  CHECK(s.tagLabels.at("ml") == "Machine Learning");
  CHECK(postPaths(s) == std::vector<std::string>{
                        "blog/2024-03-01-first-post.md", "blog/2024-04-02_underscore-name.mdx",
                        "blog/2024-06-07-folder-post/index.mdx", "blog/2024/05/06/dated-folders.md",
                        "blog/custom-slug.md"});

  const Post* first = findPost(s, "blog/2024-03-01-first-post.md");
  REQUIRE(first);
  CHECK(first->authors == std::vector<std::string>{"Alice Author", "Bob Builder"});
  CHECK(first->tags == std::vector<std::string>{"Machine Learning", "Release"});
  CHECK(first->date.isoDate() == "2024-03-01");
  CHECK(first->permalinkPath == "/blog/2024/03/01/first-post");
  CHECK(first->format == SourceFormat::Markdown);

  const Post* mdx = findPost(s, "blog/2024-04-02_underscore-name.mdx");
  REQUIRE(mdx);
  CHECK(mdx->format == SourceFormat::Mdx);
  CHECK(mdx->authors == std::vector<std::string>{"Carol Inline", "Alice Author"});
  CHECK(mdx->tags == std::vector<std::string>{"Inline Tag"});
  CHECK(mdx->date.isoDate() == "2024-04-02");
  CHECK(mdx->slug == "underscore-name");

  const Post* folder = findPost(s, "blog/2024-06-07-folder-post/index.mdx");
  REQUIRE(folder);
  CHECK(folder->title == "Title from the heading");
  CHECK(folder->titleFromBody);
  CHECK(folder->bundleDir == s.root / "blog/2024-06-07-folder-post");
  CHECK(folder->permalinkPath == "/blog/2024/06/07/folder-post");

  const Post* dated = findPost(s, "blog/2024/05/06/dated-folders.md");
  REQUIRE(dated);
  CHECK(dated->date.isoDate() == "2024-05-06");
  CHECK(dated->authors == std::vector<std::string>{"Bob Builder"});
  CHECK(dated->permalinkPath == "/blog/2024/05/06/dated-folders");

  const Post* custom = findPost(s, "blog/custom-slug.md");
  REQUIRE(custom);
  CHECK(custom->permalinkPath == "/blog/my-custom-slug");
  CHECK(custom->draft);
  CHECK(custom->date.offsetMinutes == 120);
  CHECK(diags.errorCount() == 0);
}

TEST_CASE("plain folder: every Markdown file, titles from headings or names") {
  DiagnosticSink diags;
  Site s = loadFixture("plain", diags);
  CHECK(s.generator == Generator::Plain);
  CHECK(postPaths(s) == std::vector<std::string>{"2025/03/2025-03-03-dated-name.md",
                                              "notes/first-note.md", "notes/setext.markdown"});
  const Post* note = findPost(s, "notes/first-note.md");
  REQUIRE(note);
  CHECK(note->title == "The Real Title");  // not the one inside the code fence
  CHECK(note->titleFromBody);
  CHECK_FALSE(note->date.valid());
  CHECK(findPost(s, "notes/setext.markdown")->title == "A Setext Title");
  const Post* named = findPost(s, "2025/03/2025-03-03-dated-name.md");
  REQUIRE(named);
  CHECK(named->title == "Dated name");
  CHECK_FALSE(named->titleFromBody);
  CHECK(named->date.isoDate() == "2025-03-03");
}

TEST_CASE("malformed front matter: reported at the right line, other posts still read") {
  DiagnosticSink diags;
  Site s = loadFixture("malformed", diags);
  CHECK(postPaths(s) == std::vector<std::string>{"_posts/2025-01-01-good.md",
                                              "_posts/2025-01-05-bad-date.md",
                                              "_posts/2025-01-06-invalid-utf8.md"});
  const Diagnostic* yaml = test::findDiag(diags, "frontmatter-yaml", "_posts/2025-01-02-bad-yaml.md");
  REQUIRE(yaml);
  CHECK(yaml->severity == Severity::Error);
  // The flow sequence opened on line 3 is found unclosed when line 4 starts a new key.
  CHECK(yaml->loc.line == 4);
  const Diagnostic* toml = test::findDiag(diags, "frontmatter-toml", "_posts/2025-01-03-bad-toml.md");
  REQUIRE(toml);
  CHECK(toml->loc.line == 5);
  CHECK(test::countDiag(diags, "frontmatter-unclosed", "_posts/2025-01-04-unclosed.md") == 1);
  CHECK(test::countDiag(diags, "frontmatter-yaml", "_posts/2025-01-07-not-a-map.md") == 1);

  // Posts that could not be read at all are reported by loadSite; the others carry theirs.
  CHECK(test::findDiag(diags, "date-invalid", "_posts/2025-01-05-bad-date.md") == nullptr);
  test::reportAllPosts(s, diags);
  const Diagnostic* badDate = test::findDiag(diags, "date-invalid", "_posts/2025-01-05-bad-date.md");
  REQUIRE(badDate);
  CHECK(badDate->loc.line == 3);
  CHECK(findPost(s, "_posts/2025-01-05-bad-date.md")->date.isoDate() == "2025-01-05");

  const Diagnostic* utf8 = test::findDiag(diags, "utf8-invalid", "_posts/2025-01-06-invalid-utf8.md");
  REQUIRE(utf8);
  CHECK(utf8->loc.line == 5);
  CHECK(utf8->loc.col == 5);
  const Post* bad = findPost(s, "_posts/2025-01-06-invalid-utf8.md");
  REQUIRE(bad);
  CHECK(isValidUtf8(bad->body));
  CHECK(bad->body.find("\xEF\xBF\xBD") != std::string::npos);
  CHECK(diags.errorCount() == 4);
}

TEST_CASE("a missing site folder is an error, not a crash") {
  DiagnosticSink diags;
  SiteOptions opts;
  opts.root = fixture("does-not-exist");
  Site s = loadSite(opts, diags);
  CHECK(s.posts.empty());
  CHECK(diags.countCode("site-missing") == 1);
}
