#include <doctest/doctest.h>

#include "epub_fixture.h"
#include "postpress/support/hash.h"

using namespace epubtest;

namespace {

epub::BookOptions smallSplits() {
  epub::BookOptions o;
  o.splitBytes = 2000;
  o.hardSplitBytes = 6000;
  o.coverWidth = 300;
  o.coverHeight = 450;
  return o;
}

std::string fileOf(const std::string& href) { return href.substr(0, href.find('#')); }

// Every link inside the book must land on an existing file and, with a fragment, on an id
// of that file: EPUBCheck's RSC-007/RSC-012 in a test that needs no Java.
void checkInternalLinks(const epub::Book& book) {
  std::map<std::string, std::set<std::string>> idsByFile;
  for (const auto& f : book.files)
    if (endsWith(f.path, ".xhtml")) {
      auto ids = idsOf(std::string(f.data.view()));
      idsByFile[f.path.substr(6)] = std::set<std::string>(ids.begin(), ids.end());
    }
  for (const auto& f : book.files) {
    if (!endsWith(f.path, ".xhtml")) continue;
    std::string self = f.path.substr(6);
    for (const std::string& href : hrefsOf(std::string(f.data.view()))) {
      if (startsWith(href, "http") || startsWith(href, "mailto:") || href == "style.css") continue;
      std::string file = fileOf(href).empty() ? self : fileOf(href);
      INFO(f.path << " links to " << href);
      REQUIRE(idsByFile.count(file) == 1);
      if (auto hash = href.find('#'); hash != std::string::npos)
        CHECK(idsByFile[file].count(href.substr(hash + 1)) == 1);
    }
  }
}

}  // namespace

TEST_CASE("every file is well-formed XML (xmllint)") {
  if (!haveProgram("xmllint")) {
    MESSAGE("skipped: xmllint not installed (Debian libxml2-utils)");
    return;
  }
  Fixture fx("wellformed");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  fs::path dir = tempDir("wellformed");
  int checked = 0;
  for (const fs::path& p : unpack(book, dir)) {
    std::string ext = p.extension().string();
    if (ext != ".xhtml" && ext != ".opf" && ext != ".ncx" && ext != ".xml") continue;
    int status = 0;
    std::string out = runCapture("xmllint --noout '" + p.string() + "'", &status);
    INFO(p.string() << ": " << out);
    CHECK(status == 0);
    ++checked;
  }
  CHECK(checked >= 10);
  fs::remove_all(dir);
}

TEST_CASE("ids are unique across the book and every internal link lands") {
  Fixture fx("ids");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  std::map<std::string, std::string> seen;
  for (const auto& f : book.files) {
    if (!endsWith(f.path, ".xhtml") || f.path == "OEBPS/nav.xhtml") continue;
    for (const auto& id : idsOf(std::string(f.data.view()))) {
      INFO(id << " in " << f.path << " and " << seen[id]);
      CHECK(seen.count(id) == 0);
      seen[id] = f.path;
      for (char c : id) CHECK(static_cast<unsigned char>(c) < 0x80);
    }
  }
  CHECK(seen.count("p1-nasty--intro") == 1);
  CHECK(seen.count("p1-nasty--intro-2") == 1);  // the duplicate heading id as written
  checkInternalLinks(book);
}

TEST_CASE("a long post is split at section headings and links follow the split") {
  Fixture fx("split");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  int parts = 0;
  std::string deepFile;
  for (const auto& f : book.files) {
    if (startsWith(f.path, "OEBPS/p002")) {
      ++parts;
      CHECK(f.data.size() < 12000);
      // Each part starts at a section heading (after the opening/continued line).
      if (f.path != "OEBPS/p002.xhtml") CHECK(f.data.view().find("<p class=\"continued\">") != std::string::npos);
      if (f.data.view().find("id=\"p2-long--deep-section\"") != std::string::npos) deepFile = f.path.substr(6);
      // Footnotes travel with the part that references them.
      for (const auto& h : hrefsOf(std::string(f.data.view())))
        if (h.find("-fn-") != std::string::npos) CHECK(h[0] == '#');
    }
  }
  CHECK(parts > 3);
  REQUIRE(!deepFile.empty());
  CHECK(deepFile != "p002.xhtml");
  const auto* p1 = findFile(book, "OEBPS/p001.xhtml");
  REQUIRE(p1);
  CHECK(p1->data.view().find("href=\"" + deepFile + "#p2-long--deep-section\">to the deep section") != std::string::npos);
  // An unknown anchor falls back to the post's start; the nav lists parts' sections.
  CHECK(p1->data.view().find("href=\"p002.xhtml#p2-long\">to a missing anchor") != std::string::npos);
  const auto* nav = findFile(book, "OEBPS/nav.xhtml");
  REQUIRE(nav);
  CHECK(nav->data.view().find(deepFile + "#p2-long--deep-section") != std::string::npos);
  checkInternalLinks(book);

  // Unsplit (default sizes): one file per post.
  auto whole = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags);
  CHECK(findFile(whole, "OEBPS/p002-2.xhtml") == nullptr);
  CHECK(findFile(whole, "OEBPS/p002.xhtml")->data.view().find("href=\"#p2-long--deep-section\"") == std::string::npos);
  CHECK(findFile(whole, "OEBPS/p001.xhtml")->data.view().find("href=\"p002.xhtml#p2-long--deep-section\"") != std::string::npos);
}

TEST_CASE("footnotes are noteref/footnote pairs with back links") {
  Fixture fx("notes");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  const std::string x(findFile(book, "OEBPS/p001.xhtml")->data.view());
  CHECK(x.find("<a epub:type=\"noteref\" role=\"doc-noteref\" class=\"noteref\" id=\"p1-nasty-fnref-1\" href=\"#p1-nasty-fn-1\">1</a>") != std::string::npos);
  CHECK(x.find("id=\"p1-nasty-fnref-1-2\"") != std::string::npos);   // second reference
  CHECK(x.find("<aside epub:type=\"footnote\" role=\"doc-footnote\" class=\"footnote\" id=\"p1-nasty-fn-1\">") != std::string::npos);
  CHECK(x.find("role=\"doc-backlink\" href=\"#p1-nasty-fnref-1\"") != std::string::npos);
  CHECK(x.find("role=\"doc-backlink\" href=\"#p1-nasty-fnref-2\"") != std::string::npos);
  std::string all;
  for (const auto& f : book.files)
    if (startsWith(f.path, "OEBPS/p001")) all += f.data.view();
  CHECK(all.find("<span class=\"footnote-label\">3.</span> Never referenced") != std::string::npos);
  // A noteref inside a link is only a number (no nested <a>).
  CHECK(x.find("<a href=\"https://outer.example/\">outer inner<sup>1</sup></a>") != std::string::npos);
}

TEST_CASE("blocks, nasty text and missing images come out readable") {
  Fixture fx("blocks");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  const std::string x(findFile(book, "OEBPS/p001.xhtml")->data.view());
  CHECK(isValidUtf8(x));
  CHECK(x.find('\x01') == std::string::npos);
  CHECK(x.find("\xEF\xBF\xBE") == std::string::npos);
  CHECK(x.find("Nasty &lt;title&gt; &amp; \"quotes\" \xF0\x9F\x9A\x80") != std::string::npos);
  CHECK(x.find("<pre class=\"code\"><code class=\"language-c++\">int main() { return a&lt;b &amp;&amp; c&gt;d; } // ]]&gt; &lt;/pre&gt;</code></pre>") != std::string::npos);
  CHECK(x.find("<th class=\"align-right\" scope=\"col\">Count</th>") != std::string::npos);
  CHECK(x.find("<tr><td class=\"align-left\">only</td><td class=\"align-center\"></td><td class=\"align-right\"></td></tr>") != std::string::npos);
  CHECK(x.find("\xE2\x98\x90</span> open task") != std::string::npos);
  CHECK(x.find("\xE2\x98\x91</span> done task") != std::string::npos);
  CHECK(x.find("<ol class=\"loose\" start=\"3\">") != std::string::npos);
  CHECK(x.find("<figcaption>Caption with <em>emphasis</em></figcaption>") != std::string::npos);
  CHECK(x.find("alt=\"A grey photo\" width=\"64\" height=\"48\"") != std::string::npos);
  CHECK(x.find("[Image: Gone \xE2\x80\x94 ../../img/gone.png]") != std::string::npos);
  CHECK(x.find("[Image not available \xE2\x80\x94 liar.jpg]") != std::string::npos);
  CHECK(x.find("<p class=\"admonition-title\">Custom &lt;tip&gt; title</p>") != std::string::npos);
  CHECK(x.find("<p class=\"admonition-title\">Warning</p>") != std::string::npos);
  CHECK(x.find("<a href=\"https://www.youtube.com/watch?v=abc&amp;t=1\">A talk</a>") != std::string::npos);
  CHECK(x.find("<p class=\"details-summary\">More</p>") != std::string::npos);
  CHECK(x.find("<p>line two &amp; more</p>") != std::string::npos);
  CHECK(x.find("<math xmlns=\"http://www.w3.org/1998/Math/MathML\" alttext=\"e^{i\\pi} + 1 = 0\" display=\"inline\">"
               "<mrow><msup><mi>e</mi><mrow><mi>i</mi><mi>π</mi></mrow></msup><mo>+</mo><mn>1</mn><mo>=</mo><mn>0</mn></mrow></math>") != std::string::npos);
  // The content document holding MathML says so in the manifest; the others do not.
  const std::string opf(findFile(book, "OEBPS/content.opf")->data.view());
  CHECK(opf.find("href=\"p001.xhtml\" media-type=\"application/xhtml+xml\" properties=\"mathml\"") != std::string::npos);
  CHECK(opf.find("properties=\"mathml\"") == opf.rfind("properties=\"mathml\""));
  CHECK(x.find("href=\"https://example.org/a%20path/%C3%BC?q=a%20b&amp;x=%3Cy%3E#frag%23more\"") != std::string::npos);
  CHECK(x.find("javascript") == std::string::npos);
  CHECK(x.find(">relative<") == std::string::npos);   // relative link: words kept, no link
  CHECK(x.find("relative") != std::string::npos);
  CHECK(x.find("<a href=\"#p1-nasty--intro\">back to intro</a>") != std::string::npos);
  CHECK(x.find("https://empty.example/</a>") != std::string::npos);  // empty text shows the URL
  CHECK(x.find("Original post: <a href=\"https://blog.example.org/2025/11/18/nasty%20post/\">") != std::string::npos);
  // Small inline images stay at text size; a paragraph of pictures is centred, full width.
  CHECK(x.find("alt=\"icon\" width=\"16\" height=\"16\" class=\"inline icon\"/>") != std::string::npos);
  CHECK(x.find("<p class=\"pictures\"><img src=\"images/hwide.png\" alt=\"A wide picture\" width=\"600\" height=\"400\" class=\"inline picture\"/>") != std::string::npos);
  CHECK(x.find("alt=\"A narrower copy\" width=\"300\" height=\"200\"") != std::string::npos);
  // The same rendition twice is stored once: cover, photo, icon, hero, wide.
  int images = 0;
  for (const auto& f : book.files) images += startsWith(f.path, "OEBPS/images/");
  CHECK(images == 5);
  CHECK(book.stats.images == 5);
  // The bare French post: its own language, a fallback title, no broken link to its URL.
  const std::string fr(findFile(book, "OEBPS/p003.xhtml")->data.view());
  CHECK(fr.find("xml:lang=\"fr\"") != std::string::npos);
  CHECK(fr.find("Post 3") != std::string::npos);
  CHECK(fr.find("href=\"/relative") == std::string::npos);
}

TEST_CASE("front and back matter follow the publication's switches") {
  Fixture fx("parts");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  for (const char* f : {"OEBPS/cover.xhtml", "OEBPS/title.xhtml", "OEBPS/brief.xhtml", "OEBPS/tags.xhtml", "OEBPS/authors.xhtml"})
    CHECK_MESSAGE(findFile(book, f) != nullptr, f);
  const std::string brief(findFile(book, "OEBPS/brief.xhtml")->data.view());
  CHECK(brief.find("<h2 class=\"brief-group\">November 2025</h2>") != std::string::npos);
  CHECK(brief.find("<a href=\"p002.xhtml\">A long post</a>") != std::string::npos);
  CHECK(brief.find("A summary with &lt;markup&gt; &amp; \"quotes\".") != std::string::npos);
  const std::string tags(findFile(book, "OEBPS/tags.xhtml")->data.view());
  CHECK(tags.find("K8s &amp; Cloud <span class=\"index-count\">(2)</span>") != std::string::npos);
  const std::string opf(findFile(book, "OEBPS/content.opf")->data.view());
  CHECK(opf.find("<dc:creator id=\"creator1\">Ada Lovelace</dc:creator>") != std::string::npos);
  CHECK(opf.find("<dc:creator id=\"creator2\">Grace Hopper</dc:creator>") != std::string::npos);
  CHECK(opf.find("creator3") == std::string::npos);  // deduplicated
  CHECK(opf.find("<dc:subject>K8s &amp; Cloud</dc:subject>") != std::string::npos);
  CHECK(opf.find("<dc:subject>k8s-&amp;-cloud</dc:subject>") == std::string::npos);  // same matchKey
  CHECK(opf.find("<meta property=\"dcterms:modified\">2025-11-30T00:00:00Z</meta>") != std::string::npos);
  CHECK(opf.find("properties=\"cover-image\"") != std::string::npos);
  CHECK(opf.find("schema:accessibilityHazard\">none") != std::string::npos);
  CHECK(opf.find("alternativeText") == std::string::npos);  // one inline image has no alt text
  CHECK(opf.find("dcterms:conformsTo") == std::string::npos);  // so WCAG's 1.1.1 is not met
  const std::string nav(findFile(book, "OEBPS/nav.xhtml")->data.view());
  CHECK(nav.find("<span>November 2025</span>") != std::string::npos);
  CHECK(nav.find("epub:type=\"landmarks\"") != std::string::npos);

  fx.pub.parts.cover = fx.pub.parts.brief = fx.pub.parts.toc = false;
  fx.pub.parts.tagIndex = fx.pub.parts.authorIndex = false;
  fx.pub.groupBy = "none";
  auto bare = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  for (const char* f : {"OEBPS/cover.xhtml", "OEBPS/brief.xhtml", "OEBPS/tags.xhtml", "OEBPS/authors.xhtml"})
    CHECK_MESSAGE(findFile(bare, f) == nullptr, f);
  CHECK(findFile(bare, "OEBPS/nav.xhtml") != nullptr);  // always there, just not in the spine
  CHECK(findFile(bare, "OEBPS/content.opf")->data.view().find("idref=\"nav\"") == std::string::npos);
  CHECK(findFile(bare, "OEBPS/nav.xhtml")->data.view().find("<span>November 2025</span>") == std::string::npos);
}

TEST_CASE("a bad language tag is reported and replaced") {
  Fixture fx("lang");
  fx.pub.language = "english please";
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  CHECK(diags.countCode("epub-language") == 1);
  CHECK(findFile(book, "OEBPS/content.opf")->data.view().find("<dc:language>en</dc:language>") != std::string::npos);
}

TEST_CASE("two builds are byte-identical; mimetype is first and stored") {
  Fixture fx("determinism");
  fs::path dir = tempDir("determinism");
  DiagnosticSink diags;
  auto a = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  auto b = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  REQUIRE(epub::packageEpub(a, dir / "a.epub", diags));
  REQUIRE(epub::packageEpub(b, dir / "b.epub", diags));
  auto da = readFile(dir / "a.epub");
  auto db = readFile(dir / "b.epub");
  REQUIRE(da);
  REQUIRE(db);
  CHECK(da->size() > 1000);
  CHECK(*da == *db);
  // Local header: name at 30, no extra field, stored (method 0) content right after.
  CHECK(da->compare(0, 4, "PK\x03\x04") == 0);
  CHECK((*da)[8] == 0);
  CHECK(da->compare(30, 8, "mimetype") == 0);
  CHECK(da->compare(38, 20, "application/epub+zip") == 0);
  // No temporary left beside the output.
  int entries = 0;
  for (auto& e : fs::directory_iterator(dir)) {
    (void)e;
    ++entries;
  }
  CHECK(entries == 2);
  fs::remove_all(dir);
}

TEST_CASE("a failed write leaves the existing file untouched") {
  Fixture fx("atomic");
  fs::path dir = tempDir("atomic");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  CHECK_FALSE(epub::packageEpub(book, dir / "no-such-folder" / "x.epub", diags));
  CHECK(diags.countCode("epub-write") == 1);
  writeFileAtomic(dir / "keep.epub", "old");
  epub::Book broken;
  CHECK_FALSE(epub::packageEpub(broken, dir / "keep.epub", diags));
  CHECK(*readFile(dir / "keep.epub") == "old");
  fs::remove_all(dir);
}

TEST_CASE("hostile nesting is written flat, not recursed into without limit") {
  Post post;
  post.title = "Deep";
  Block leaf = para({text("innermost ")});
  Inline in = text("deepest words");
  for (int i = 0; i < 3000; ++i) in = wrap(InlineKind::Emph, {in});
  leaf.inlines.push_back(in);
  Block b = leaf;
  for (int i = 0; i < 3000; ++i) {
    Block q;
    q.kind = BlockKind::Quote;
    q.children.push_back(std::move(b));
    b = std::move(q);
  }
  Publication pub(std::make_shared<const Locale>("en"));
  PostEntry e;
  e.post = &post;
  e.anchor = "p1-deep";
  e.doc.blocks.push_back(std::move(b));
  pub.posts.push_back(std::move(e));
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(pub, Style{}, {}, diags);
  const std::string x(findFile(book, "OEBPS/p001.xhtml")->data.view());
  CHECK(x.find("innermost deepest words") != std::string::npos);
  CHECK(x.size() < 20000);
  if (haveProgram("xmllint")) {
    fs::path dir = tempDir("deep");
    writeFileAtomic(dir / "p.xhtml", x);
    int status = 0;
    std::string out = runCapture("xmllint --noout '" + (dir / "p.xhtml").string() + "'", &status);
    INFO(out);
    CHECK(status == 0);
    fs::remove_all(dir);
  }
}

TEST_CASE("renditions the cache checked are copied into the archive as it is written, checked again then") {
  Fixture fx("cached-renditions");
  // Real content hashes, as the image cache gives: the renditions are then not read until the
  // archive is written.
  for (Asset& a : fx.assets.items)
    if (a.ok() && a.epub.codec == EncodedImage::Codec::Png) a.epub.hash = contentHash(*readFile(a.epub.file));
  fs::path dir = tempDir("cached-renditions");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, smallSplits());
  const epub::BookFile* image = nullptr;
  for (const auto& f : book.files)
    if (startsWith(f.path, "OEBPS/images/") && f.source) image = &f;
  REQUIRE(image);
  CHECK(image->data.empty());
  const std::string bytes = *readFile(image->source->file);
  REQUIRE(epub::packageEpub(book, dir / "a.epub", diags));
  int status = 0;
  CHECK(runCapture("unzip -p '" + (dir / "a.epub").string() + "' '" + image->path + "'", &status) == bytes);
  CHECK(status == 0);
  const std::string before = *readFile(dir / "a.epub");

  // The rendition changed after the book was made: no archive, the old one kept, the file named.
  std::string changed = bytes;
  changed[changed.size() / 2] = static_cast<char>(changed[changed.size() / 2] ^ 0x20);
  REQUIRE(writeFileAtomic(image->source->file, changed));
  DiagnosticSink failed;
  CHECK_FALSE(epub::packageEpub(book, dir / "a.epub", failed));
  CHECK(failed.countCode("epub-write") == 1);
  CHECK(*readFile(dir / "a.epub") == before);
  bool named = false;
  for (const auto& d : failed.all())
    named = named || (d.message.find("cannot copy an image in") != std::string::npos &&
                      d.message.find(image->source->file.filename().string()) != std::string::npos);
  CHECK(named);
  fs::remove_all(dir);
}
