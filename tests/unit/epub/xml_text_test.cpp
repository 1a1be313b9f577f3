#include <doctest/doctest.h>

#include "epub/ids.h"
#include "epub/xml_text.h"
#include "postpress/support/text.h"

using namespace pp::epub;
// pp::epub::text is called by its full name: the EPUB tests' own text() (an Inline,
// epub_fixture.h) is in scope too where the stage's files are compiled as one (a unity build).

TEST_CASE("text() escapes markup and drops what XML cannot carry") {
  CHECK(pp::epub::text("a < b && c > \"d\"") == "a &lt; b &amp;&amp; c &gt; \"d\"");
  CHECK(attr("say \"hi\" & <go>") == "say &quot;hi&quot; &amp; &lt;go&gt;");
  // C0 controls (but tab/newline), DEL, C1, U+FFFE/U+FFFF and noncharacters are removed.
  CHECK(pp::epub::text("a\x01" "b\x7F" "c\xC2\x85" "d\xEF\xBF\xBE" "e\xEF\xBF\xBF" "f\xEF\xB7\x90" "g") == "abcdefg");
  CHECK(pp::epub::text("tab\tline\n") == "tab\tline\n");
  CHECK(attr("tab\tline\n") == "tab line ");
  // Invalid UTF-8 becomes U+FFFD, never raw bytes.
  std::string bad = pp::epub::text("x\xFF" "y\xE2\x82");
  CHECK(pp::isValidUtf8(bad));
  CHECK(bad == "x\xEF\xBF\xBDy\xEF\xBF\xBD");
  // RTL marks, zero-width joiners and emoji are kept.
  std::string keep = "\xE2\x80\x8F\xE2\x80\x8D\xF0\x9F\x98\x80";
  CHECK(pp::epub::text(keep) == keep);
}

TEST_CASE("cleanUrl makes valid URIs and refuses script URLs") {
  CHECK(cleanUrl("https://example.org/a b/\xC3\xBC?q=<x>") == "https://example.org/a%20b/%C3%BC?q=%3Cx%3E");
  CHECK(cleanUrl("https://e.org/#a#b") == "https://e.org/#a%23b");
  CHECK(cleanUrl("https://e.org/100%") == "https://e.org/100%25");
  CHECK(cleanUrl("https://e.org/%41ok") == "https://e.org/%41ok");
  CHECK(cleanUrl("https://e.org/{x}|[y]") == "https://e.org/%7Bx%7D%7C%5By%5D");
  CHECK(cleanUrl(" JavaScript:alert(1)").empty());
  CHECK(cleanUrl("data:text/html,x").empty());
  CHECK(hasScheme("mailto:a@b.c"));
  CHECK(hasScheme("https://x"));
  CHECK_FALSE(hasScheme("../x.md"));
  CHECK_FALSE(hasScheme("/abs/path"));
  CHECK_FALSE(hasScheme("a/b:c"));
}

TEST_CASE("asciiId is ASCII, never empty, and keeps distinct inputs distinct") {
  CHECK(asciiId("intro") == "intro");
  CHECK(asciiId("two words") == "two-words");
  CHECK(asciiId("") == "_");
  std::string cjk = asciiId("\xE4\xB8\xAD\xE6\x96\x87");
  CHECK(cjk == "_4e2d_6587");
  CHECK(asciiId("a_b") != asciiId("a-b"));
  CHECK(asciiId("a_b") != asciiId("a b"));
  for (char c : asciiId("x\"<>&'\xF0\x9F\x98\x80"))
    CHECK((std::isalnum(static_cast<unsigned char>(c)) || c == '-' || c == '_' || c == '.'));
}

TEST_CASE("language tags are checked for well-formedness") {
  CHECK(validLanguageTag("en"));
  CHECK(validLanguageTag("pt-BR"));
  CHECK(validLanguageTag("zh-Hant-TW"));
  CHECK_FALSE(validLanguageTag(""));
  CHECK_FALSE(validLanguageTag("e"));
  CHECK_FALSE(validLanguageTag("en_US"));
  CHECK_FALSE(validLanguageTag("en-"));
  CHECK_FALSE(validLanguageTag("english language"));
}

TEST_CASE("ids are unique and placeholders resolve to the right file") {
  IdSet ids;
  CHECK(ids.claim("a") == "a");
  CHECK(ids.claim("a") == "a-2");
  CHECK(ids.claim("a") == "a-3");
  std::string x = "<a href=\"" + placeholder("t1") + "\">x</a><a href=\"" + placeholder("t2") +
                  "\">y</a><a href=\"" + placeholder("nowhere") + "\">z</a>";
  resolvePlaceholders(x, {{"t1", "p001.xhtml"}, {"t2", "p002-2.xhtml"}}, "p001.xhtml", "p001.xhtml");
  CHECK(x == "<a href=\"#t1\">x</a><a href=\"p002-2.xhtml#t2\">y</a><a href=\"p001.xhtml\">z</a>");
}
