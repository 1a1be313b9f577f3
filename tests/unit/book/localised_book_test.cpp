// The printed book in the digest's language: the labels, dates and reading times of the front
// matter and the openings come from the Publication's Locale.
#include <doctest/doctest.h>

#include <regex>

#include "common/sample_publication.h"
#include "postpress/book.h"
#include "postpress/style.h"

using namespace pp;
using namespace pp::testing;

namespace {

// Every page's text, spaces left out (runs split words and lines differently).
std::string textOf(const Layout& l) {
  std::string out;
  for (const PageBox& p : l.pages)
    for (const TextRun& r : p.runs)
      for (char c : r.text)
        if (c != ' ') out += c;
  return out;
}

std::string bookText(const char* language) {
  DiagnosticSink diags;
  const Style st = loadStyle("report", "", diags);
  SamplePublication s;
  s.pub.locale = std::make_shared<const Locale>(language);
  Document d;
  d.blocks.push_back(para("A short paragraph of the post."));
  s.addPost("First post", std::move(d));
  Document d2;
  d2.blocks.push_back(para("Another one."));
  s.addPost("Second post", std::move(d2));
  s.posts.back().date = DateTime{2025, 11, 18};
  s.pub.parts.cover = false;
  s.pub.authorIndex = {{"Ada Lovelace", {0, 1}}};
  const Layout l = layoutBook(s.pub, st, printedBook(s.pub, st, {}), TypesetOptions{}, diags);
  return textOf(l);
}

}  // namespace

TEST_CASE("a German digest: contents, brief, dates and reading times in German") {
  const std::string de = bookText("de");
  CHECK(de.find("Inhalt") != std::string::npos);
  CHECK(de.find("AufeinenBlick") != std::string::npos);
  CHECK(de.find("18.November2025") != std::string::npos);   // the opening's long date
  CHECK(de.find("3Min.Lesezeit") != std::string::npos);
  CHECK(de.find("Autorenverzeichnis") != std::string::npos);
  CHECK(de.find("2Beiträge") != std::string::npos);
  CHECK(de.find("Contents") == std::string::npos);
  CHECK(de.find("minread") == std::string::npos);
  // The same book in English.
  const std::string en = bookText("en");
  CHECK(en.find("Contents") != std::string::npos);
  CHECK(en.find("18November2025") != std::string::npos);
  CHECK(en.find("3minread") != std::string::npos);
}

TEST_CASE("a Japanese digest: labels and dates in Japanese") {
  const std::string ja = bookText("ja");
  const Locale locale("ja");
  std::string contents = locale.label("contents");
  std::erase(contents, ' ');
  CHECK(contents != "Contents");
  CHECK(ja.find(contents) != std::string::npos);
  CHECK(ja.find("2025年11月18日") != std::string::npos);
}

TEST_CASE("an index entry's page numbers are separated as the digest's language separates a list") {
  // Ada Lovelace wrote both posts: her entry in the author index lists two pages.
  CHECK(std::regex_search(bookText("en"), std::regex("Lovelace[0-9]+,[0-9]+")));
  CHECK(std::regex_search(bookText("ja"), std::regex("Lovelace[0-9]+、[0-9]+")));
  CHECK(std::regex_search(bookText("de"), std::regex("Lovelace[0-9]+,[0-9]+")));
}
