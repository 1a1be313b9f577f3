// The EPUB in the digest's language: labels and counts from the Locale, lang and dir on the
// documents and on what differs inside them, the spine's direction.
#include <doctest/doctest.h>

#include <algorithm>
#include <utility>

#include "epub_fixture.h"
#include "postpress/codecs.h"

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

TEST_CASE("the contents, the NCX and the indexes give other-language titles their language") {
  const Built de = build("de");
  const std::string nav = de.file("OEBPS/nav.xhtml");
  CHECK(nav.find("<li class=\"toc-post\" lang=\"ar\" xml:lang=\"ar\" dir=\"rtl\">") != std::string::npos);
  CHECK(nav.find("<li class=\"toc-post\" lang=\"ja\" xml:lang=\"ja\">") != std::string::npos);
  CHECK(nav.find("<li class=\"toc-post\" lang=\"en\" xml:lang=\"en\">") != std::string::npos);
  const std::string ncx = de.file("OEBPS/toc.ncx");
  CHECK(ncx.find("<navLabel xml:lang=\"ja\"><text>Post 3</text></navLabel>") != std::string::npos);
  // A post in the digest's own language gets no attribute.
  const Built en = build("en");
  CHECK(en.file("OEBPS/nav.xhtml").find("toc-post\" lang=\"en\"") == std::string::npos);
  CHECK(en.file("OEBPS/toc.ncx").find("<navLabel xml:lang=\"en\">") == std::string::npos);
}

namespace {

// The columns where the cover picture has dark ink (the text under the band: the period, the
// count of posts, the titles inside, the date): the leftmost and the rightmost, in pixels.
std::pair<int, int> inkColumns(const Built& b) {
  const auto cover = std::find_if(b.book.files.begin(), b.book.files.end(),
                                  [](const epub::BookFile& f) { return f.path.rfind("OEBPS/images/", 0) == 0; });
  REQUIRE(cover != b.book.files.end());
  const codecs::Decoded d = codecs::decodeRaster(codecs::Format::Png, cover->data.view(), {});
  REQUIRE(d.ok());
  const codecs::Image& im = d.image;
  int lo = im.width, hi = -1;
  for (int y = im.height / 2; y < im.height; ++y)
    for (int x = 0; x < im.width; ++x) {
      const std::uint8_t* p = im.row(y) + static_cast<std::size_t>(x) * im.channels;
      if (p[0] < 110 && p[1] < 110 && p[2] < 110) {
        lo = std::min(lo, x);
        hi = std::max(hi, x);
      }
    }
  REQUIRE(hi > lo);
  return {lo, hi};
}

}  // namespace

TEST_CASE("a right-to-left digest's cover picture is laid out from the right") {
  const int width = epub::BookOptions{}.coverWidth, margin = width * 9 / 100;
  const auto [enLeft, enRight] = inkColumns(build("en"));
  CHECK(std::abs(enLeft - margin) < width / 100);  // lines start at the left margin
  const auto [arLeft, arRight] = inkColumns(build("ar"));
  CHECK(std::abs(arRight - (width - margin)) < width / 100);  // and end at the right one
  CHECK(arLeft > margin + width / 10);
}
