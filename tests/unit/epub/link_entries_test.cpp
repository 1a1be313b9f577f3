// Link-only posts as compact entries sharing a page, and bylines with affiliations apart.
#include <doctest/doctest.h>

#include "epub_fixture.h"

using namespace epubtest;

namespace {

Post linkPost(const std::string& title, const std::string& url, const std::string& summary) {
  Post p;
  p.title = title;
  p.date = *parseDateTime("2025-03-04");
  p.linkOnly = true;
  p.linkUrl = url;
  p.summary = summary;
  return p;
}

PostEntry entry(const Post& post, const std::string& anchor, const std::string& summary = "") {
  PostEntry e;
  e.post = &post;
  e.anchor = anchor;
  e.summary = summary;
  return e;
}

std::string fileText(const epub::Book& book, const std::string& path) {
  const auto* f = findFile(book, path);
  return f ? std::string(f->data.view()) : std::string();
}

}  // namespace

TEST_CASE("a run of link-only posts shares one page of compact entries; a post between ends the run") {
  Post article;
  article.title = "A long read";
  article.authors = {"Jane Doe", "John Roe"};
  article.authorDetails = {Author{"", "Jane Doe", "", "https://example.org/jane", "", "Acme"},
                           Author{"", "John Roe", "", "", "", ""}};
  Post first = linkPost("Elsewhere one", "https://example.com/one", "The first summary.");
  Post second = linkPost("Elsewhere two", "https://example.com/two", "The second summary.");
  Post third = linkPost("Elsewhere three", "https://example.com/three", "");

  Publication pub(std::make_shared<const Locale>("en"));
  pub.posts.push_back(entry(article, "p1-long"));
  pub.posts.back().doc.blocks.push_back(para({text("Body text of the article.")}));
  pub.posts.push_back(entry(first, "p2-one", "The first summary."));
  pub.posts.push_back(entry(second, "p3-two", "The second summary."));
  pub.posts.push_back(entry(article, "p4-again"));
  pub.posts.push_back(entry(third, "p5-three"));
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(pub, Style{}, {}, diags);

  std::string shared = fileText(book, "OEBPS/p002.xhtml");
  CHECK(shared.find("Elsewhere one") != std::string::npos);
  CHECK(shared.find("Elsewhere two") != std::string::npos);
  CHECK(shared.find("The second summary.") != std::string::npos);
  CHECK(shared.find("href=\"https://example.com/two\"") != std::string::npos);
  CHECK(shared.find("min read") == std::string::npos);
  CHECK(findFile(book, "OEBPS/p003.xhtml") == nullptr);  // the second entry has no page of its own
  std::string alone = fileText(book, "OEBPS/p005.xhtml");
  CHECK(alone.find("Elsewhere three") != std::string::npos);
  CHECK(alone.find("Elsewhere two") == std::string::npos);

  std::string nav = fileText(book, "OEBPS/nav.xhtml");
  std::size_t id = shared.find("class=\"link-entry\" id=\"");
  REQUIRE(id != std::string::npos);
  id = shared.find("class=\"link-entry\" id=\"", id + 1);
  REQUIRE(id != std::string::npos);
  std::size_t from = id + std::string("class=\"link-entry\" id=\"").size();
  std::string secondId = shared.substr(from, shared.find('"', from) - from);
  CHECK(nav.find("href=\"p002.xhtml#" + secondId + "\"") != std::string::npos);

  std::string opening = fileText(book, "OEBPS/p001.xhtml");
  CHECK(opening.find("Jane Doe (Acme) and John Roe") != std::string::npos);
  std::string brief = fileText(book, "OEBPS/brief.xhtml");
  CHECK(brief.find("Jane Doe (Acme)") != std::string::npos);
}

TEST_CASE("link-only entries keep their reading section when the contents are grouped") {
  Post a = linkPost("Link A", "https://example.com/a", "");
  Post b = linkPost("Link B", "https://example.com/b", "");
  Publication pub(std::make_shared<const Locale>("en"));
  pub.posts.push_back(entry(a, "p1-a"));
  pub.posts.push_back(entry(b, "p2-b"));
  pub.groupBy = "tag";
  pub.groups = {{"First", {0}}, {"Second", {1}}};
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(pub, Style{}, {}, diags);
  // Two sections: two runs, two pages.
  CHECK(fileText(book, "OEBPS/p001.xhtml").find("Link B") == std::string::npos);
  CHECK(fileText(book, "OEBPS/p002.xhtml").find("Link B") != std::string::npos);
}
