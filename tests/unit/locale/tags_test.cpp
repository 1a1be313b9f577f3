// Language tags: normalisation, a post's language, right-to-left, and which labels a tag
// falls back to.
#include <doctest/doctest.h>

#include "locale_test_support.h"

using namespace pp;

TEST_CASE("language tags are normalised to BCP 47") {
  const std::pair<const char*, const char*> cases[] = {
      {"en_us", "en-US"},
      {"EN-us", "en-US"},
      {"pt-br", "pt-BR"},
      {" de ", "de"},
      {"iw", "he"},
      {"in", "id"},
      {"ar-u-nu-arab", "ar-u-nu-arab"},
      // Chinese by script; a region only when it is not the script's usual one.
      {"zh", "zh-Hans"},
      {"zh-cn", "zh-Hans"},
      {"zh-Hans-CN", "zh-Hans"},
      {"zh-sg", "zh-Hans-SG"},
      {"zh-tw", "zh-Hant"},
      {"ZH-HANT", "zh-Hant"},
      {"zh-hk", "zh-Hant-HK"},
  };
  for (const auto& [raw, tag] : cases) {
    CAPTURE(std::string(raw));
    CHECK(normalizeLanguageTag(raw) == tag);
  }
  for (const std::string bad : {"", " ", "English", "Deutsch", "e", "12", "en--us", "-en", "en-", "und", "x-klingon", "日本語"}) {
    CAPTURE(bad);
    CHECK(normalizeLanguageTag(bad).empty());
  }
}

TEST_CASE("a post's language: front matter, then the Hugo folder, then the site") {
  CHECK(postLanguageTag("ja", "fr", "en") == "ja");
  CHECK(postLanguageTag("", "zh-cn", "en") == "zh-Hans");
  CHECK(postLanguageTag("English", "", "en-us") == "en-US");  // a name, not a tag: passed over
  CHECK(postLanguageTag("", "", "de_DE") == "de-DE");
  CHECK(postLanguageTag("", "", "") == "en");
  CHECK(postLanguageTag("ar-u-nu-arab", "", "") == "ar");  // extensions are the digest's business
}

TEST_CASE("right-to-left languages") {
  for (const std::string rtl : {"ar", "ar-EG", "he", "iw", "fa", "ur", "ps", "sd", "yi", "dv", "ckb", "az-Arab", "ug"}) {
    CAPTURE(rtl);
    CHECK(isRightToLeft(rtl));
  }
  for (const std::string ltr : {"en", "de", "ja", "zh-Hant", "hi", "uk", "ku", "az", "ar-Latn", "", "nonsense!"}) {
    CAPTURE(ltr);
    CHECK_FALSE(isRightToLeft(ltr));
  }
  CHECK(test::localeFor("ar").rightToLeft());
  CHECK(test::localeFor("he").rightToLeft());
  CHECK_FALSE(test::localeFor("en").rightToLeft());
}

TEST_CASE("a tag reads the most specific label file, and formats as itself") {
  const Locale ptBR = test::localeFor("pt-BR");
  CHECK(ptBR.tag() == "pt-BR");
  CHECK(ptBR.labelsFile() == "pt");
  CHECK_FALSE(ptBR.notice());
  CHECK(ptBR.label("contents") == "Sumário");
  CHECK(test::localeFor("de-AT").labelsFile() == "de");
  CHECK(test::localeFor("zh-tw").labelsFile() == "zh-Hant");
  CHECK(test::localeFor("zh-HK").labelsFile() == "zh-Hant");
  CHECK(test::localeFor("zh").labelsFile() == "zh-Hans");
  CHECK(test::localeFor("zh-SG").labelsFile() == "zh-Hans");
  CHECK(test::localeFor("zh-Hant").label("contents") == "目錄");
  CHECK(test::localeFor("zh-cn").label("contents") == "目录");
}

TEST_CASE("an unknown or malformed tag gives English, with a notice to show once") {
  for (const std::string tag : {"xx", "sr", "!!", "English"}) {
    CAPTURE(tag);
    const Locale l = test::localeFor(tag);
    CHECK(l.tag() == "en");
    CHECK(l.labelsFile() == "en");
    CHECK(l.label("contents") == "Contents");
    CHECK(l.date(CalendarDate{2025, 11, 18}) == "18 Nov 2025");
    REQUIRE(l.notice());
    CHECK(l.notice()->code == "locale-fallback");
    CHECK(l.notice()->severity == Severity::Warning);
    CHECK(l.notice()->message.find(tag) != std::string::npos);
    DiagnosticSink sink;
    l.report(sink);
    l.report(sink);
    CHECK(sink.countCode("locale-fallback") == 1);
  }
  DiagnosticSink sink;
  test::localeFor("de").report(sink);
  CHECK(sink.count() == 0);
}
