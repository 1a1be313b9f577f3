// EPUBCheck 4.2.6 on hand-built publications: zero fatal errors, errors and warnings.
#include <doctest/doctest.h>

#include "epub_fixture.h"

using namespace epubtest;

namespace {

const char* kJar = "/usr/share/java/epubcheck.jar";

bool haveEpubcheck() {
  if (!fs::exists(kJar) || !haveProgram("java") || !haveProgram("python3")) {
    MESSAGE("skipped: java, python3 or " << kJar << " missing (Debian packages epubcheck, default-jre-headless)");
    return false;
  }
  return true;
}

// EPUBCheck through the tests' checker: the test run's one EPUBCheck process when ctest gives
// PP_EPUBCHECK_SPOOL (tests/tools/epubcheck_service.py), else a Java process of its own.
void expectClean(const fs::path& epubFile) {
  int status = 0;
  std::string out = runCapture("python3 '" PP_SOURCE_DIR "/tests/tools/epubcheck_service.py' --check '" +
                                   epubFile.string() + "'",
                               &status);
  INFO(out);
  CHECK(status == 0);
  CHECK(out.find("pass epubcheck 0 messages") != std::string::npos);
}

}  // namespace

TEST_CASE("EPUBCheck: every block kind, nasty text, missing images, split posts") {
  if (!haveEpubcheck()) return;
  Fixture fx("epubcheck");
  fs::path dir = tempDir("epubcheck");
  DiagnosticSink diags;
  epub::BookOptions split;
  split.splitBytes = 2000;
  split.hardSplitBytes = 6000;
  auto book = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags, split);
  REQUIRE(epub::packageEpub(book, dir / "split.epub", diags));
  expectClean(dir / "split.epub");

  fx.pub.parts.cover = fx.pub.parts.brief = fx.pub.parts.toc = false;
  fx.pub.parts.tagIndex = fx.pub.parts.authorIndex = false;
  fx.pub.groupBy = "tag";
  fx.pub.groups = {{"C++", {0}}, {"K8s & Cloud", {0, 1}}, {"", {2}}};
  auto bare = epub::buildEpubFiles(fx.pub, fx.style, fx.assets.lookup(), diags);
  REQUIRE(epub::packageEpub(bare, dir / "bare.epub", diags));
  expectClean(dir / "bare.epub");
  fs::remove_all(dir);
}

TEST_CASE("EPUBCheck: an empty publication is still a valid book") {
  if (!haveEpubcheck()) return;
  Publication pub(std::make_shared<const Locale>("en"));
  Style style;
  fs::path dir = tempDir("epubcheck-empty");
  DiagnosticSink diags;
  auto book = epub::buildEpubFiles(pub, style, {}, diags);
  // Nothing without a text alternative: the book declares EPUB Accessibility 1.1, which
  // EPUBCheck then checks too (the a11y prefix, the conformance and evaluator properties).
  const std::string opf(findFile(book, "OEBPS/content.opf")->data.view());
  CHECK(opf.find("<meta property=\"dcterms:conformsTo\" id=\"conformance\">EPUB Accessibility 1.1 - WCAG 2.1 "
                 "Level AA</meta>") != std::string::npos);
  CHECK(opf.find("<meta property=\"a11y:certifiedBy\" refines=\"#conformance\">") != std::string::npos);
  REQUIRE(epub::packageEpub(book, dir / "empty.epub", diags));
  expectClean(dir / "empty.epub");
  fs::remove_all(dir);
}
