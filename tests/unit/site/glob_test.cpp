#include <doctest/doctest.h>

#include "site/glob.h"

using namespace pp::site;

TEST_CASE("glob: stars stay in a component, ** crosses them") {
  CHECK(globMatch("_posts/*.md", "_posts/a.md"));
  CHECK_FALSE(globMatch("_posts/*.md", "_posts/sub/a.md"));
  CHECK(globMatch("_posts/**/*.md", "_posts/a.md"));
  CHECK(globMatch("_posts/**/*.md", "_posts/sub/deeper/a.md"));
  CHECK(globMatch("**/*.md", "a.md"));
  CHECK(globMatch("**/*.md", "x/y/a.md"));
  CHECK(globMatch("content/**", "content/a/b/c.md"));
  CHECK_FALSE(globMatch("content/**", "other/a.md"));
  CHECK(globMatch("**.{png,jpg}", "images/x.jpg"));  // Hugo resource style
  CHECK(globMatch("blog/20?\?-*.{md,mdx}", "blog/2024-x.mdx"));
  CHECK_FALSE(globMatch("blog/20?\?-*.{md,mdx}", "blog/2024-x.txt"));
  CHECK(globMatch("posts/[ab]*.md", "posts/b1.md"));
  CHECK_FALSE(globMatch("posts/[!ab]*.md", "posts/b1.md"));
  CHECK(globMatch("posts/[0-9]*.md", "posts/7.md"));
  CHECK(globMatch("a[b.md", "a[b.md"));  // unclosed class is literal
  CHECK_FALSE(globMatch("*.md", "dir/a.md"));
  CHECK(globMatch("a/**/b/*.md", "a/b/x.md"));
  CHECK(globMatch("a/**/b/*.md", "a/1/2/b/x.md"));
  CHECK_FALSE(globMatch("a/**/b/*.md", "a/1/2/c/x.md"));
}

TEST_CASE("glob: many stars stay fast") {
  std::string path(2000, 'a');
  CHECK_FALSE(globMatch("*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*a*b", path));
  CHECK(globMatch("**/**/**/**/**/**/x", "1/2/3/4/5/6/7/8/9/x"));
}

TEST_CASE("glob: literal prefix and braces") {
  CHECK(globLiteralPrefix("content/*/blog/**") == "content");
  CHECK(globLiteralPrefix("./_posts/2025-*.md") == "_posts");
  CHECK(globLiteralPrefix("*.md").empty());
  CHECK(expandBraces("a{b,c{d,e}}f") == std::vector<std::string>{"abf", "acdf", "acef"});
  CHECK(hasGlobSyntax("x/*.md"));
  CHECK_FALSE(hasGlobSyntax("x/y.md"));
}
