// The hyphenation patterns of a language among Debian's hyphen-* packages.
#include <doctest/doctest.h>

#include <cstdio>

#include "locale_test_support.h"

using namespace pp;

namespace {

// A folder laid out like /usr/share/hyphen, with empty pattern files.
struct FakeHyphenDir {
  fs::path dir = fs::temp_directory_path() / "pp-locale-hyphen-test";
  explicit FakeHyphenDir(std::initializer_list<const char*> names) {
    fs::remove_all(dir);
    fs::create_directories(dir);
    for (const char* n : names) std::fclose(std::fopen((dir / n).c_str(), "w"));
  }
  ~FakeHyphenDir() { fs::remove_all(dir); }
  std::string find(const char* tag) const {
    const std::optional<fs::path> p = hyphenationDictionary(tag, dir);
    return p ? p->filename().string() : std::string("none");
  }
};

}  // namespace

TEST_CASE("the tag's region, then the language, then the language's usual region") {
  const FakeHyphenDir d{"hyph_de.dic",    "hyph_de_AT.dic", "hyph_es_ES.dic", "hyph_pt.dic",
                        "hyph_pt_BR.dic", "hyph_ru_RU.dic", "hyph_en_US.dic", "hyph_bn_IN.dic",
                        "hyph_bn_XX.dic", "hyph_th_TH.dic", "hyph_ja.dic",    "hyph_ar.dic"};
  // Scripts whose lines end without a hyphen (th, ja, ar) get none, whatever files exist.
  const std::pair<const char*, const char*> cases[] = {
      {"de-AT", "hyph_de_AT.dic"},
      {"de-CH", "hyph_de.dic"},
      {"de", "hyph_de.dic"},
      {"es", "hyph_es_ES.dic"},
      {"es-MX", "hyph_es_ES.dic"},
      {"pt-BR", "hyph_pt_BR.dic"},
      {"pt", "hyph_pt.dic"},
      {"ru", "hyph_ru_RU.dic"},
      {"en", "hyph_en_US.dic"},
      {"en_us", "hyph_en_US.dic"},
      {"bn", "hyph_bn_IN.dic"},  // another region's, the first by name
      {"fr", "none"},
      {"th", "none"},
      {"ja", "none"},
      {"ar", "none"},
      {"", "none"},
      {"!!", "none"},
  };
  for (const auto& [tag, expected] : cases) {
    CAPTURE(std::string(tag));
    CHECK(d.find(tag) == expected);
  }
}

TEST_CASE("Debian's hyphen packages for the digest languages") {
  struct Case {
    const char* tag;
    const char* package;
  };
  const Case cases[] = {{"en", "hyphen-en-us"}, {"en-GB", "hyphen-en-gb"}, {"de", "hyphen-de"}, {"fr", "hyphen-fr"},
                        {"es", "hyphen-es"},    {"pt", "hyphen-pt-pt"},  {"pt-BR", "hyphen-pt-br"}, {"it", "hyphen-it"},
                        {"ru", "hyphen-ru"},    {"uk", "hyphen-uk"},     {"hi", "hyphen-hi"},   {"bn", "hyphen-bn"},
                        {"ta", "hyphen-ta"},    {"el", "hyphen-el"}};
  for (const Case& c : cases) {
    const std::string tag = c.tag;
    CAPTURE(tag);
    const std::optional<fs::path> p = hyphenationDictionary(c.tag);
    if (!p) {
      MESSAGE("skipped: no patterns for " << std::string(c.tag) << " (install " << std::string(c.package) << ": scripts/install-deps.sh)");
      continue;
    }
    CHECK(p->parent_path() == kHyphenationDir);
    CHECK(fs::is_regular_file(*p));
    const std::string name = p->filename().string();
    const std::string lang = std::string(c.tag).substr(0, 2);
    CHECK(name.rfind("hyph_" + lang, 0) == 0);
  }
  CHECK_FALSE(hyphenationDictionary("ja"));
  CHECK_FALSE(hyphenationDictionary("zh-Hant"));
  CHECK_FALSE(hyphenationDictionary("ko"));
  CHECK_FALSE(hyphenationDictionary("ar"));
  CHECK_FALSE(hyphenationDictionary("he"));
  CHECK(test::localeFor("de").hyphenation() == hyphenationDictionary("de"));
}
