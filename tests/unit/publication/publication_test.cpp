#include <doctest/doctest.h>

#include "postpress/publication.h"

using namespace pp;

namespace {

Post makePost(const std::string& path, const std::string& title, int month, std::vector<std::string> tags,
              std::vector<std::string> authors) {
  Post p;
  p.path = path;
  p.title = title;
  p.slug = title;
  p.date.year = 2025;
  p.date.month = month;
  p.date.day = 10;
  p.tags = std::move(tags);
  p.authors = std::move(authors);
  p.body = title;
  return p;
}

Document docWithLink(const std::string& url) {
  Document d;
  Block b;
  b.kind = BlockKind::Paragraph;
  Inline link;
  link.kind = InlineKind::Link;
  link.link.url = url;
  link.children.push_back(Inline::makeText("the talk"));
  b.inlines.push_back(Inline::makeText("Watch "));
  b.inlines.push_back(link);
  b.inlines.push_back(Inline::makeText(" and again "));
  b.inlines.push_back(link);  // the same URL twice is one note
  d.blocks.push_back(b);
  return d;
}

}  // namespace

TEST_CASE("buildPublication: anchors, groups, indexes, identifier") {
  Site site;
  site.title = "The Blog";
  std::vector<Post> posts = {
      makePost("a.md", "First Post", 10, {"Kubernetes", "AI"}, {"Yuan Tang", "Ann Lee"}),
      makePost("b.md", "Second Post", 10, {"kubernetes"}, {"Ann Lee"}),
      makePost("c.md", "Third Post", 11, {"Security"}, {"Bob Zed"}),
  };
  std::vector<const Post*> ptrs;
  for (auto& p : posts) ptrs.push_back(&p);
  std::vector<Document> docs(3);
  docs[0] = docWithLink("https://www.youtube.com/watch?v=x");

  Selection sel;
  sel.tags = {"kubernetes", "security"};
  PublicationOptions opts;
  opts.groupBy = "month";
  opts.buildEpoch = 1764460800;
  opts.brief = 0;
  Style style = defaultStyle();
  AssetOptions aopts;
  aopts.cacheDir = fs::temp_directory_path() / "pp-pub-test-cache";
  AssetStore assets(aopts);
  DiagnosticSink diags;
  const auto en = std::make_shared<const Locale>("en");
  Publication pub = buildPublication(site, sel, ptrs, std::move(docs), opts, style, assets, en, diags);

  CHECK(pub.title == "The Blog");
  CHECK(pub.dateLabel == "30 November 2025");
  CHECK(pub.parts.brief == false);
  CHECK(pub.parts.cover == style.cover);
  REQUIRE(pub.posts.size() == 3);
  CHECK(pub.posts[0].anchor == "p1-first-post");
  CHECK(pub.posts[2].anchor == "p3-third-post");
  REQUIRE(pub.groups.size() == 2);
  CHECK(pub.groups[0].label == "October 2025");
  CHECK(pub.groups[0].posts == std::vector<int>{0, 1});
  CHECK(pub.groups[1].label == "November 2025");
  // Tags merge by matchKey and keep the first spelling; sorted case-insensitively.
  REQUIRE(pub.tagIndex.size() == 3);
  CHECK(pub.tagIndex[0].label == "AI");
  CHECK(pub.tagIndex[1].label == "Kubernetes");
  CHECK(pub.tagIndex[1].posts == std::vector<int>{0, 1});
  // Authors sorted by family name.
  REQUIRE(pub.authorIndex.size() == 3);
  CHECK(pub.authorIndex[0].label == "Ann Lee");
  CHECK(pub.authorIndex[1].label == "Yuan Tang");
  CHECK(pub.authorIndex[2].label == "Bob Zed");
  CHECK(pub.filters == "Tags: Kubernetes, Security");
  CHECK(pub.identifier.rfind("urn:uuid:", 0) == 0);

  // Same input, same identifier; different content, different identifier.
  std::vector<Document> docs2(3);
  Publication again = buildPublication(site, sel, ptrs, std::move(docs2), opts, style, assets, en, diags);
  CHECK(again.identifier == pub.identifier);
  posts[1].body = "changed";
  std::vector<Document> docs3(3);
  Publication changed = buildPublication(site, sel, ptrs, std::move(docs3), opts, style, assets, en, diags);
  CHECK(changed.identifier != pub.identifier);
  fs::remove_all(aopts.cacheDir);
}

TEST_CASE("a Publication without a Locale is refused when it is made, not when it is printed") {
  CHECK_THROWS_AS(Publication(nullptr), std::invalid_argument);
  const Publication pub(std::make_shared<const Locale>("de"));
  CHECK(pub.locale->tag() == "de");
  const Publication copy = pub;  // copies share the language
  CHECK(copy.locale == pub.locale);
}

TEST_CASE("the digest's language: the one asked, else the one the selection keeps, else the site's") {
  Site site;
  site.language = "de";
  PublicationOptions options;
  Selection selection;
  CHECK(digestLanguage(options, selection, site) == "de");
  selection.language = "ja";
  CHECK(digestLanguage(options, selection, site) == "ja");  // --lang ja: every post is Japanese
  options.language = "fr";
  CHECK(digestLanguage(options, selection, site) == "fr");
  site.language.clear();
  options.language.clear();
  selection.language.clear();
  CHECK(digestLanguage(options, selection, site) == "en");
}
