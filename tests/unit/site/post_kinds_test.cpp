// What a post is beyond its text: a link to elsewhere, a picture that is the site's rather
// than its own, problems told only when a digest prints it.
#include <doctest/doctest.h>

#include "site/post_reader.h"
#include "site_test_util.h"

using namespace pp;
using pp::test::loadTempSite;
using pp::test::requirePost;

TEST_CASE("a body with nothing to read: blank once comments are left out") {
  using site::bodyHasNothingToRead;
  CHECK(bodyHasNothingToRead(""));
  CHECK(bodyHasNothingToRead(" \n\t\r\n"));
  CHECK(bodyHasNothingToRead("<!-- more -->"));
  CHECK(bodyHasNothingToRead("\n<!-- more -->\n\n{/* truncate */}\n<!---->"));
  CHECK(bodyHasNothingToRead("<!-- a note left open"));  // an open comment runs to the end
  CHECK(bodyHasNothingToRead("{/*/}"));                   // the opener's "*" does not close it
  CHECK(bodyHasNothingToRead("<!-->"));
  CHECK_FALSE(bodyHasNothingToRead("x"));
  CHECK_FALSE(bodyHasNothingToRead("<!-- more --> Read on."));
  CHECK_FALSE(bodyHasNothingToRead("{/* truncate */}\n![a picture](a.png)"));
  CHECK_FALSE(bodyHasNothingToRead("<!- not a comment ->"));
  CHECK_FALSE(bodyHasNothingToRead("{/ not a comment /}"));
  CHECK_FALSE(bodyHasNothingToRead("-->"));
}

TEST_CASE("link-only posts: an address elsewhere and nothing to read") {
  test::TempSite dir;
  dir.write("_config.yml", "title: t\n");
  dir.write("_posts/2025-01-01-a.md",
            "---\ntitle: A\nexternal_url: https://elsewhere.example/a\nogSummary: Read it there.\n---\n\n"
            "<!-- more -->\n\n");
  dir.write("_posts/2025-01-02-b.md",
            "---\ntitle: B\nlink: https://elsewhere.example/b\n---\nWhy this link matters, in a paragraph.\n");
  dir.write("_posts/2025-01-03-c.md",
            "---\ntitle: C\ncanonical_url: https://medium.example/c\nexcerpt: First published on Medium.\n---\n");
  dir.write("_posts/2025-01-04-d.md",
            "---\ntitle: D\ncanonical_url: https://medium.example/d\n---\nThe whole article, republished here.\n");
  dir.write("_posts/2025-01-05-e.md", "---\ntitle: E\nredirect_to: /local/path/\n---\n");
  dir.write("_posts/2025-01-06-f.md",
            "---\ntitle: F\nsubtitle: A talk given elsewhere\nredirect: https://talks.example/f\n---\n{/* truncate */}\n");
  DiagnosticSink diags;
  Site s = loadTempSite(dir, diags);
  const Post& a = requirePost(s, "_posts/2025-01-01-a.md");
  CHECK(a.linkOnly);
  CHECK(a.linkUrl == "https://elsewhere.example/a");
  CHECK(a.summary == "Read it there.");
  // A link post with commentary is a post to read, still pointing elsewhere.
  const Post& b = requirePost(s, "_posts/2025-01-02-b.md");
  CHECK_FALSE(b.linkOnly);
  CHECK(b.linkUrl == "https://elsewhere.example/b");
  const Post& c = requirePost(s, "_posts/2025-01-03-c.md");
  CHECK(c.linkOnly);
  CHECK(c.linkUrl == "https://medium.example/c");
  CHECK(c.summary == "First published on Medium.");
  // A canonical address names where a full post first appeared; it does not make it a link.
  const Post& d = requirePost(s, "_posts/2025-01-04-d.md");
  CHECK_FALSE(d.linkOnly);
  CHECK(d.linkUrl.empty());
  // A redirect inside the site is no address elsewhere.
  CHECK_FALSE(requirePost(s, "_posts/2025-01-05-e.md").linkOnly);
  const Post& f = requirePost(s, "_posts/2025-01-06-f.md");
  CHECK(f.linkOnly);
  CHECK(f.summary == "A talk given elsewhere");  // the subtitle when nothing else says it
}

TEST_CASE("a picture most posts share is the site's, not any post's hero image") {
  test::TempSite dir;
  dir.write("_config.yml", "title: t\n");
  for (int i = 1; i <= 5; ++i) {
    dir.write("_posts/2025-01-0" + std::to_string(i) + "-p.md",
              "---\ntitle: P" + std::to_string(i) + "\nimage: images/logo.png\n---\nBody\n");
  }
  dir.write("_posts/2025-02-01-own.md", "---\ntitle: Own\nimage: images/own.png\n---\nBody\n");
  dir.write("_posts/2025-02-02-series.md", "---\ntitle: S1\nimage: /img/series.png\n---\nBody\n");
  dir.write("_posts/2025-02-03-series.md", "---\ntitle: S2\nimage: /img/series.png\n---\nBody\n");
  DiagnosticSink diags;
  Site s = loadTempSite(dir, diags);
  for (int i = 1; i <= 5; ++i) {
    std::string path = "_posts/2025-01-0" + std::to_string(i) + "-p.md";
    CHECK(requirePost(s, path.c_str()).heroImage.empty());
  }
  CHECK(s.socialImage == "images/logo.png");
  CHECK(requirePost(s, "_posts/2025-02-01-own.md").heroImage == "images/own.png");
  // Two posts of a series may share their picture.
  CHECK(requirePost(s, "_posts/2025-02-02-series.md").heroImage == "/img/series.png");
}

TEST_CASE("a post naming the site's social card has no hero image") {
  test::TempSite dir;
  dir.write("hugo.toml", "title = 't'\n[params]\nimages = ['/images/card.png']\n");
  dir.write("content/posts/a.md", "---\ntitle: A\nimages: [/images/card.png]\n---\nBody\n");
  dir.write("content/posts/b.md", "---\ntitle: B\nimages: [/images/b.png]\n---\nBody\n");
  DiagnosticSink diags;
  Site s = loadTempSite(dir, diags);
  CHECK(requirePost(s, "content/posts/a.md").heroImage.empty());
  CHECK(requirePost(s, "content/posts/b.md").heroImage == "/images/b.png");
}

TEST_CASE("a post's reading problems are told when a digest selects it, not before") {
  test::TempSite dir;
  dir.write("_config.yml", "title: t\n");
  dir.write("_posts/2014-05-01-old.md", "---\ntitle: Old\ndate: 2014-06-01\n---\nBody\n");
  dir.write("_posts/2024-05-01-new.md", "---\ntitle: New\ndate: 2024-05-02\n---\nBody\n");
  dir.write("_posts/2024-06-01-broken.md", "---\ntitle: [unclosed\n---\nBody\n");
  DiagnosticSink diags;
  Site s = loadTempSite(dir, diags);
  // A post that cannot be read is the site's problem, told at once.
  CHECK(diags.countCode("frontmatter-yaml") == 1);
  CHECK(diags.countCode("date-mismatch") == 0);
  CHECK(requirePost(s, "_posts/2014-05-01-old.md").diagnostics.size() == 1);

  // A digest of 2024 prints the new post only.
  std::vector<const Post*> picked;
  for (const Post& p : s.posts) {
    if (p.date.year == 2024) picked.push_back(&p);
  }
  DiagnosticSink digest;
  reportPostDiagnostics(picked, digest);
  REQUIRE(digest.countCode("date-mismatch") == 1);
  CHECK(digest.all()[0].loc.path == "_posts/2024-05-01-new.md");
  CHECK(digest.all()[0].loc.line == 3);
}
