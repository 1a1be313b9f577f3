// Links between the posts of a digest.
#include <doctest/doctest.h>

#include "helpers.h"

using namespace pp;
using namespace pptest;

TEST_CASE("cross-links: permalink, site URL, relative file, anchors; outside the digest -> live URL") {
  DiagnosticSink sd;
  SiteOptions o;
  o.root = std::string(PP_TEST_DATA) + "/markdown/jekyll";
  Site site = loadSite(o, sd);
  REQUIRE(site.posts.size() == 3);
  const Post& first = site.posts[0];
  const Post& second = site.posts[1];
  const Post& third = site.posts[2];
  Post a = first;
  a.body = "[perm](" + second.permalinkPath + ") [abs](https://fixture.example/blog" + second.permalinkPath +
           "index.html) [file](2025-01-02-second.md#part-two) [third](" + third.permalinkPath +
           ") [self](#top-section) [ext](https://other.example/x) [rel](../img/a.png) [gone](missing.md)\n\n## Top Section\n";
  DiagnosticSink d;
  std::vector<Document> docs{parsePost(site, a, d), parsePost(site, second, d)};
  std::vector<const Post*> digest{&a, &second};
  resolveCrossLinks(site, digest, docs, d);
  auto links = inlinesOfKind(docs[0], InlineKind::Link);
  REQUIRE(links.size() == 8);
  CHECK(links[0]->link.post == 1);
  CHECK(links[0]->link.anchor.empty());
  CHECK(links[1]->link.post == 1);
  CHECK(links[2]->link.post == 1);
  CHECK(links[2]->link.anchor == "part-two");
  CHECK(links[3]->link.post == -1);
  CHECK(links[3]->link.url == third.url);
  CHECK(links[4]->link.post == 0);
  CHECK(links[4]->link.anchor == "top-section");
  CHECK(links[5]->link.url == "https://other.example/x");
  CHECK(links[5]->link.post == -1);
  CHECK(links[6]->link.url.rfind("https://fixture.example/", 0) == 0);
  CHECK(hasDiag(d, "crosslink-missing"));
}
