// The missing-glyph warning: characters grouped by script (ICU's names), one warning per text.
#include <doctest/doctest.h>

#include "typeset/missing_glyphs.h"

using namespace pp;
using namespace pp::typeset;

TEST_CASE("missing characters are named by script, in order, with a limit") {
  CHECK(describeMissingGlyphs({0x0E01, 0x0E02, 0x0915}) == "U+0915 (Devanagari), U+0E01 U+0E02 (Thai)");
  CHECK(describeMissingGlyphs({0x1F9A9}) == "U+1F9A9 (Common)");
  CHECK(describeMissingGlyphs({0x0E01, 0x0E02, 0x0E03, 0x0915}, 2) == "U+0915 (Devanagari), U+0E01 (Thai) and 2 more");
}

TEST_CASE("one warning for everything a text misses, at the first place, without what was named") {
  MissingGlyphs m;
  m.add(0x0E02, SourceLoc{"post.md", 7, 3});
  m.add(0x0E01, SourceLoc{"post.md", 9, 1});
  m.add(0x0E02, SourceLoc{"post.md", 12, 1});
  DiagnosticSink diags;
  m.report(diags);
  REQUIRE(diags.all().size() == 1);
  const Diagnostic d = diags.all().front();
  CHECK(d.severity == Severity::Warning);
  CHECK(d.code == "missing-glyph");
  CHECK(d.loc.path == "post.md");
  CHECK(d.loc.line == 7);
  CHECK(d.message.find("U+0E01 U+0E02 (Thai)") != std::string::npos);
  CHECK(m.empty());
  // What a post named already is not named again (the contents repeat its title).
  m.add(0x0E01, SourceLoc{});
  DiagnosticSink again;
  m.report(again, {0x0E01});
  CHECK(again.all().empty());
}
