// Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican and Quarto: the fixture sites in
// tests/data/sites/<generator>/, written from each generator's documentation, read as the
// generator reads them (where posts live, their dates, authors, tags, summaries, drafts,
// languages, images and addresses).
#include <doctest/doctest.h>

#include <algorithm>

#include "site_test_util.h"

using namespace pp;
using pp::test::loadFixture;
using pp::test::postPaths;
using pp::test::requirePost;

namespace {

using Strings = std::vector<std::string>;

}  // namespace

TEST_CASE("gatsby: sourced folders, folder posts, translations by suffix, link posts") {
  DiagnosticSink diags;
  Site s = loadFixture("gatsby", diags);
  CHECK(s.generator == Generator::Gatsby);
  CHECK(diags.errorCount() == 0);
  CHECK(s.title == "Fixture Gatsby Blog");
  CHECK(s.url == "https://gatsby.example.org");
  CHECK(postPaths(s) == Strings{"content/blog/hello-world/index.fr.md", "content/blog/hello-world/index.md",
                            "content/blog/reading-list/index.md", "content/blog/second-post/index.md",
                            "content/blog/unfinished/index.md"});
  const Post& hello = requirePost(s, "content/blog/hello-world/index.md");
  CHECK(hello.title == "Hello World");
  CHECK(hello.date.isoDate() == "2024-05-01");
  CHECK(hello.summary == "The first post of the fixture blog.");
  CHECK(hello.tags == Strings{"intro", "gatsby"});
  CHECK(hello.authors == Strings{"Kim Writer"});  // siteMetadata.author: a personal blog
  CHECK(hello.permalinkPath == "/hello-world/");
  CHECK(hello.url == "https://gatsby.example.org/hello-world/");
  CHECK(hello.bundleDir == s.root / "content/blog/hello-world");
  CHECK(hello.language.empty());
  const Post& bonjour = requirePost(s, "content/blog/hello-world/index.fr.md");
  CHECK(bonjour.language == "fr");
  CHECK(bonjour.permalinkPath == "/fr/hello-world/");
  const Post& second = requirePost(s, "content/blog/second-post/index.md");
  CHECK(second.authors == Strings{"Jane Doe", "John Roe"});
  CHECK(second.heroImage == "./cover.png");
  CHECK(requirePost(s, "content/blog/unfinished/index.md").draft);
  const Post& link = requirePost(s, "content/blog/reading-list/index.md");
  CHECK(link.linkOnly);
  CHECK(link.linkUrl == "https://example.com/articles/good-read");
  CHECK(link.summary == "A link to an article worth reading on another site.");
  CHECK_FALSE(hello.linkOnly);
}

TEST_CASE("astro: the content collection's glob base, locales, public/") {
  DiagnosticSink diags;
  Site s = loadFixture("astro", diags);
  CHECK(s.generator == Generator::Astro);
  CHECK(diags.errorCount() == 0);
  CHECK(s.url == "https://astro.example.org");
  // The loader's pattern leaves out `_unlisted-note.md`.
  CHECK(postPaths(s) == Strings{"src/content/blog/2024/markdown-style-guide.md", "src/content/blog/es/first-post.md",
                            "src/content/blog/first-post.md", "src/content/blog/upcoming.md"});
  const Post& first = requirePost(s, "src/content/blog/first-post.md");
  CHECK(first.date.isoDate() == "2022-07-08");  // 'Jul 08 2022'
  CHECK(first.heroImage == "../../assets/blog-placeholder.png");
  CHECK(first.authors == Strings{"Ada Lovelace"});
  CHECK(first.permalinkPath == "/blog/first-post/");
  const Post& guide = requirePost(s, "src/content/blog/2024/markdown-style-guide.md");
  CHECK(guide.authors == Strings{"Grace Hopper", "Ada Lovelace"});
  CHECK(guide.permalinkPath == "/blog/2024/markdown-style-guide/");
  const Post& es = requirePost(s, "src/content/blog/es/first-post.md");
  CHECK(es.language == "es");
  CHECK(es.permalinkPath == "/es/blog/first-post/");
  CHECK(es.resourceDirs == std::vector<fs::path>{s.root / "src/content/blog"});
  CHECK(requirePost(s, "src/content/blog/upcoming.md").draft);
  CHECK(s.staticRoots.front() == s.root / "public");
}

TEST_CASE("eleventy: the input folder, directory data tagging posts, dates in file names") {
  DiagnosticSink diags;
  Site s = loadFixture("eleventy", diags);
  CHECK(s.generator == Generator::Eleventy);
  CHECK(diags.errorCount() == 0);
  CHECK(s.title == "Fixture Eleventy Blog");  // _data/metadata.json
  CHECK(s.url == "https://eleventy.example.org");
  // about.md is not in the posts collection.
  CHECK(postPaths(s) == Strings{"content/blog/2024-03-14-dated-by-name.md", "content/blog/draftpost.md",
                            "content/blog/firstpost.md", "content/blog/fourthpost/fourthpost.md",
                            "content/es/blog/firstpost.md"});
  const Post& first = requirePost(s, "content/blog/firstpost.md");
  CHECK(first.tags == Strings{"another tag"});  // the collection tag `posts` is not a subject
  CHECK(first.permalinkPath == "/blog/firstpost/");
  CHECK(first.authors == Strings{"Pat Author"});
  const Post& dated = requirePost(s, "content/blog/2024-03-14-dated-by-name.md");
  CHECK(dated.date.isoDate() == "2024-03-14");
  CHECK(dated.permalinkPath == "/blog/dated-by-name/");
  CHECK(dated.authors == Strings{"Sam Smith", "Pat Author"});
  CHECK(requirePost(s, "content/blog/fourthpost/fourthpost.md").permalinkPath == "/blog/fourthpost/");
  CHECK(requirePost(s, "content/blog/draftpost.md").draft);
  CHECK(requirePost(s, "content/es/blog/firstpost.md").language == "es");  // es/es.11tydata.json
}

TEST_CASE("mkdocs: the blog plugin's posts, .authors.yml, date maps, URL format") {
  DiagnosticSink diags;
  Site s = loadFixture("mkdocs", diags);
  CHECK(s.generator == Generator::MkDocs);
  CHECK(diags.errorCount() == 0);
  CHECK(s.title == "Fixture MkDocs Blog");
  CHECK(postPaths(s) == Strings{"docs/blog/posts/2024/releases/version-two.md", "docs/blog/posts/hello-world.de.md",
                            "docs/blog/posts/hello-world.md", "docs/blog/posts/work-in-progress.md"});
  const Post& hello = requirePost(s, "docs/blog/posts/hello-world.md");
  CHECK(hello.title == "Hello from the blog");
  CHECK(hello.titleFromBody);
  CHECK(hello.date.isoDate() == "2024-01-31");
  CHECK(hello.authors == Strings{"Squid Ward"});
  CHECK(hello.authorDetails[0].url == "https://github.com/squidward");
  CHECK(hello.categories == Strings{"Announcements"});
  CHECK(hello.tags == Strings{"intro"});
  CHECK(hello.permalinkPath == "/blog/2024/01/31/hello-from-the-blog/");
  const Post& two = requirePost(s, "docs/blog/posts/2024/releases/version-two.md");
  CHECK(two.date.isoDate() == "2024-03-10");  // date.created
  CHECK(two.authors == Strings{"Squid Ward", "Patrick Star"});
  CHECK(two.permalinkPath == "/blog/2024/03/10/version-2-is-out/");
  CHECK(two.summary == "What changed in version two.");
  const Post& de = requirePost(s, "docs/blog/posts/hello-world.de.md");
  CHECK(de.language == "de");
  CHECK(de.permalinkPath == "/de/blog/2024/01/31/hallo-aus-dem-blog/");
  CHECK(requirePost(s, "docs/blog/posts/work-in-progress.md").draft);
}

TEST_CASE("zola: sections sorted by date, TOML front matter, taxonomies, file-name dates") {
  DiagnosticSink diags;
  Site s = loadFixture("zola", diags);
  CHECK(s.generator == Generator::Zola);
  CHECK(diags.errorCount() == 0);
  CHECK(s.url == "https://zola.example.org");
  CHECK(s.socialImage == "/img/site.png");  // [extra] image: the site's, never a post's
  CHECK(postPaths(s) == Strings{"content/blog/2024-03-01-first-steps.fr.md", "content/blog/2024-03-01-first-steps.md",
                            "content/blog/unpublished.md", "content/blog/with-assets/index.md"});
  const Post& first = requirePost(s, "content/blog/2024-03-01-first-steps.md");
  CHECK(first.date.isoDate() == "2024-03-01");
  CHECK(first.tags == Strings{"zola", "intro"});
  CHECK(first.categories == Strings{"Notes"});
  CHECK(first.authors == Strings{"Zoe Owner"});
  CHECK(first.permalinkPath == "/blog/first-steps/");
  const Post& fr = requirePost(s, "content/blog/2024-03-01-first-steps.fr.md");
  CHECK(fr.language == "fr");
  CHECK(fr.permalinkPath == "/fr/blog/first-steps/");
  const Post& assets = requirePost(s, "content/blog/with-assets/index.md");
  CHECK(assets.date.isoDate() == "2024-04-15");
  CHECK(assets.authors == Strings{"Zoe Owner", "Max Guest"});
  CHECK(assets.heroImage == "photo.png");  // the page's own [extra] image
  CHECK(assets.permalinkPath == "/blog/with-assets/");
  CHECK(requirePost(s, "content/blog/unpublished.md").draft);
}

TEST_CASE("pelican: metadata headers, ARTICLE_PATHS, categories from folders, translations by slug") {
  DiagnosticSink diags;
  Site s = loadFixture("pelican", diags);
  CHECK(s.generator == Generator::Pelican);
  CHECK(diags.errorCount() == 0);
  CHECK(s.title == "Fixture Pelican Blog");
  CHECK(s.url == "https://pelican.example.org");
  CHECK(postPaths(s) == Strings{"content/articles/2012-06-01-dated-by-name.md", "content/articles/draft-article.md",
                            "content/articles/my-super-post-fr.md", "content/articles/my-super-post.md",
                            "content/articles/python/nested-category.md"});
  const Post& super = requirePost(s, "content/articles/my-super-post.md");
  CHECK(super.title == "My super title");
  CHECK(super.date.isoDateTime() == "2010-12-03T10:20:00");
  CHECK(super.tags == Strings{"pelican", "publishing"});
  CHECK(super.categories == Strings{"Python"});
  CHECK(super.authors == Strings{"Alexis Example", "Conan Doyle"});
  CHECK(super.summary == "Short version for index and feeds");
  CHECK(super.permalinkPath == "/posts/2010/my-super-post/");
  CHECK(super.body.find("Title:") == std::string::npos);
  CHECK(super.body.find("This is the content") != std::string::npos);
  const Post& fr = requirePost(s, "content/articles/my-super-post-fr.md");
  CHECK(fr.language == "fr");
  CHECK(fr.permalinkPath == "/my-super-post-fr.html");  // ARTICLE_LANG_URL's default
  const Post& nested = requirePost(s, "content/articles/python/nested-category.md");
  CHECK(nested.categories == Strings{"python"});
  CHECK(nested.tags == Strings{"python", "tooling, build"});
  CHECK(nested.authors == Strings{"Metaireau, Alexis", "Doyle, Conan"});
  CHECK(requirePost(s, "content/articles/draft-article.md").draft);
  const Post& named = requirePost(s, "content/articles/2012-06-01-dated-by-name.md");
  CHECK(named.date.isoDate() == "2012-06-01");
  CHECK(named.authors == Strings{"Alexis Example"});
}

TEST_CASE("quarto: listed folders, .qmd posts, _metadata.yml, author maps, US dates") {
  DiagnosticSink diags;
  Site s = loadFixture("quarto", diags);
  CHECK(s.generator == Generator::Quarto);
  CHECK(diags.errorCount() == 0);
  CHECK(s.title == "Fixture Quarto Blog");
  CHECK(s.url == "https://quarto.example.org");
  CHECK(postPaths(s) == Strings{"posts/draft-post/index.qmd", "posts/post-with-code/index.qmd",
                            "posts/welcome/index.fr.qmd", "posts/welcome/index.qmd"});
  const Post& welcome = requirePost(s, "posts/welcome/index.qmd");
  CHECK(welcome.date.isoDate() == "2024-02-12");
  CHECK(welcome.authors == Strings{"Fizz McPhee"});  // posts/_metadata.yml
  CHECK(welcome.tags == Strings{"news"});            // categories, as Quarto's listings use them
  CHECK(welcome.heroImage == "thumbnail.png");
  CHECK(welcome.permalinkPath == "/posts/welcome/");
  const Post& code = requirePost(s, "posts/post-with-code/index.qmd");
  CHECK(code.date.isoDate() == "2021-05-22");  // "5/22/2021"
  CHECK(code.authors == Strings{"Norah Jones", "Harlow Malloc"});
  CHECK(code.authorDetails[0].affiliation == "Carnegie Mellon University");
  CHECK(requirePost(s, "posts/welcome/index.fr.qmd").language == "fr");
  CHECK(requirePost(s, "posts/welcome/index.fr.qmd").permalinkPath == "/fr/posts/welcome/");
  CHECK(requirePost(s, "posts/draft-post/index.qmd").draft);
}
