// The EPUB in the digest's language: labels and counts from the Locale, lang and dir on the
// documents and on what differs inside them, the spine's direction.
#include <doctest/doctest.h>

#include "epub_fixture.h"

using namespace epubtest;

namespace {

struct Built {
  epub::Book book;
  std::string file(const std::string& path) const {
    const auto* f = findFile(book, path);
    REQUIRE(f);
    return std::string(f->data.view());
  }
};

// Three plain posts (an English, an Arabic and a Japanese one) in a digest in `language`.
Built build(const char* language, int posts = 3) {
  static const char* langs[] = {"en", "ar", "ja"};
  Built b;
  Site site;
  site.title = "Blog";
  std::deque<Post> list;
  Publication pub(std::make_shared<const Locale>(language));
  const Locale& locale = *pub.locale;
  pub.site = &site;
  pub.language = locale.tag();
  pub.title = "Digest";
  for (int i = 0; i < posts; ++i) {
    Post& p = list.emplace_back();
    p.title = "Post " + std::to_string(i + 1);
    p.path = "p" + std::to_string(i + 1) + ".md";
    p.language = langs[i % 3];
    p.date = DateTime{2025, 11, 18};
    PostEntry e;
    e.post = &p;
    e.anchor = "p" + std::to_string(i + 1);
    e.readingMinutes = 4;
    e.doc.blocks.push_back(para({text("Text.")}));
    pub.posts.push_back(std::move(e));
  }
  pub.groups = {{"", {}}};
  for (int i = 0; i < posts; ++i) pub.groups[0].posts.push_back(i);
  DiagnosticSink diags;
  b.book = epub::buildEpubFiles(pub, Style{}, {}, diags);
  return b;
}

}  // namespace

TEST_CASE("an Arabic digest turns its pages right to left") {
  const Built ar = build("ar");
  const std::string opf = ar.file("OEBPS/content.opf");
  CHECK(opf.find("<dc:language>ar</dc:language>") != std::string::npos);
  CHECK(opf.find("<spine toc=\"ncx\" page-progression-direction=\"rtl\">") != std::string::npos);
  CHECK(ar.file("OEBPS/nav.xhtml").find("lang=\"ar\" dir=\"rtl\"") != std::string::npos);
  const std::string en = build("en").file("OEBPS/content.opf");
  CHECK(en.find("page-progression-direction") == std::string::npos);
}

TEST_CASE("each post's document is in its language; the digest's words in it say theirs") {
  const Built de = build("de");
  const std::string p1 = de.file("OEBPS/p001.xhtml"), p2 = de.file("OEBPS/p002.xhtml"), p3 = de.file("OEBPS/p003.xhtml");
  CHECK(p1.find("xml:lang=\"en\" lang=\"en\">") != std::string::npos);
  CHECK(p2.find("xml:lang=\"ar\" lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  CHECK(p3.find("xml:lang=\"ja\" lang=\"ja\">") != std::string::npos);
  // The byline is German inside each, and left to right inside the Arabic post.
  CHECK(p1.find("<p class=\"byline\" lang=\"de\" xml:lang=\"de\">") != std::string::npos);
  CHECK(p2.find("<p class=\"byline\" lang=\"de\" xml:lang=\"de\" dir=\"ltr\">") != std::string::npos);
  CHECK(p1.find("18. November 2025") != std::string::npos);
  CHECK(p1.find("4 Min. Lesezeit") != std::string::npos);
  CHECK(de.file("OEBPS/nav.xhtml").find("<h1>Inhalt</h1>") != std::string::npos);
  // The brief names each post's title in the post's language.
  CHECK(de.file("OEBPS/brief.xhtml").find("<p class=\"brief-title\" lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">") !=
        std::string::npos);
}

TEST_CASE("a Ukrainian digest counts its posts with the right plural form") {
  CHECK(build("uk", 1).file("OEBPS/title.xhtml").find("1 допис") != std::string::npos);
  CHECK(build("uk", 3).file("OEBPS/title.xhtml").find("3 дописи") != std::string::npos);
  CHECK(build("uk", 5).file("OEBPS/title.xhtml").find("5 дописів") != std::string::npos);
}
