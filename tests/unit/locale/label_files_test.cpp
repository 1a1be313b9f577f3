// Every lang/<tag>.yaml against lang/en.yaml, the reference: the same keys, the plural forms
// its language needs (by ICU's plural rules) and no others, the same placeholders.
#include <doctest/doctest.h>

#include <unicode/plurrule.h>
#include <unicode/strenum.h>

#include <algorithm>
#include <map>
#include <set>

#include "locale/labels.h"
#include "postpress/support/files.h"
#include "locale_test_support.h"

using namespace pp;
using pp::locale::Labels;

namespace {

const std::vector<std::string> kRequiredLanguages = {"en", "de", "fr", "es", "pt", "it", "ja", "zh-Hans",
                                                     "zh-Hant", "ko", "ar", "he", "hi", "uk"};

std::vector<std::string> languageFiles() {
  std::vector<std::string> tags;
  for (const auto& entry : fs::directory_iterator(test::langDir()))
    if (entry.path().extension() == ".yaml") tags.push_back(entry.path().stem().string());
  std::sort(tags.begin(), tags.end());
  return tags;
}

Labels read(const std::string& tag) {
  std::string err;
  std::optional<Labels> labels = locale::readLabelFile(test::langDir() / (tag + ".yaml"), &err);
  INFO(tag << ": " << err);
  REQUIRE(labels);
  return *labels;
}

// base -> category -> text, and plain keys under category "".
std::map<std::string, std::map<std::string, std::string>> byBase(const Labels& labels) {
  std::map<std::string, std::map<std::string, std::string>> out;
  for (const auto& [key, text] : labels) {
    const locale::KeyParts parts = locale::splitKey(key);
    out[std::string(parts.base)][std::string(parts.category)] = text;
  }
  return out;
}

std::set<std::string> icuCategories(const std::string& tag) {
  UErrorCode status = U_ZERO_ERROR;
  std::unique_ptr<icu::PluralRules> rules(icu::PluralRules::forLocale(icu::Locale::forLanguageTag(tag, status), status));
  std::unique_ptr<icu::StringEnumeration> keywords(rules->getKeywords(status));
  REQUIRE(U_SUCCESS(status));
  std::set<std::string> out;
  while (const char* k = keywords->next(nullptr, status)) out.insert(k);
  return out;
}

}  // namespace

TEST_CASE("every required language has a label file that its own tag reads") {
  const std::vector<std::string> files = languageFiles();
  for (const std::string& tag : kRequiredLanguages) {
    CAPTURE(tag);
    CHECK(std::find(files.begin(), files.end(), tag) != files.end());
    const Locale l = test::localeFor(tag);
    CHECK(l.labelsFile() == tag);
    CHECK_FALSE(l.notice());  // no fallback, no missing key, no unknown digits
  }
}

TEST_CASE("every label file has every key of en.yaml, the plural forms its language needs, the same placeholders") {
  const auto reference = byBase(read("en"));
  for (const std::string& tag : languageFiles()) {
    CAPTURE(tag);
    const auto labels = byBase(read(tag));
    const Locale l = test::localeFor(tag);
    // The categories whole numbers reach (what counts of posts and minutes can be), and
    // which of them only one number reaches (those forms may spell the number out).
    std::map<std::string, int> reached;
    for (int n = 0; n <= 1000; ++n) ++reached[l.pluralCategory(n)];
    const std::set<std::string> allowed = icuCategories(tag);

    for (const auto& [base, forms] : labels) {
      CAPTURE(base);
      CHECK_MESSAGE(reference.count(base), "unknown key");
    }
    for (const auto& [base, enForms] : reference) {
      CAPTURE(base);
      auto it = labels.find(base);
      REQUIRE_MESSAGE(it != labels.end(), "missing key");
      const auto& forms = it->second;
      const bool plural = !enForms.count("");
      const std::set<std::string> wanted = locale::placeholdersOf(enForms.at(plural ? "other" : ""));
      if (!plural) {
        CHECK(forms.size() == 1);
        REQUIRE(forms.count(""));
        CHECK_FALSE(forms.at("").empty());
        CHECK(locale::placeholdersOf(forms.at("")) == wanted);
        continue;
      }
      CHECK_MESSAGE(!forms.count(""), "a plural label needs .other etc., not a plain key");
      CHECK(forms.count("other"));
      for (const auto& [category, count] : reached) CHECK_MESSAGE(forms.count(category), "missing form ." << category);
      for (const auto& [category, text] : forms) {
        CAPTURE(category);
        CHECK_MESSAGE(allowed.count(category), "not a plural category of " << tag);
        CHECK_FALSE(text.empty());
        std::set<std::string> got = locale::placeholdersOf(text);
        const bool oneNumber = reached.count(category) && reached.at(category) == 1;
        if (oneNumber && wanted.count("n") && !got.count("n")) got.insert("n");
        INFO("text: " << text);
        CHECK(got == wanted);
      }
    }
  }
}

TEST_CASE("a broken or incomplete label file falls back to English, and says so") {
  const fs::path dir = fs::temp_directory_path() / "pp-locale-labels-test";
  fs::remove_all(dir);
  fs::create_directories(dir);
  fs::copy_file(test::langDir() / "en.yaml", dir / "en.yaml");
  auto write = [&](const std::string& name, const std::string& text) {
    std::FILE* f = std::fopen((dir / name).c_str(), "w");
    REQUIRE(f);
    std::fputs(text.c_str(), f);
    std::fclose(f);
  };

  SUBCASE("not YAML") {
    write("de.yaml", "contents: [Inhalt\n");
    const Locale l("de", dir);
    REQUIRE(l.notice());
    CHECK(l.notice()->code == "locale-data");
    CHECK(l.label("contents") == "Contents");
    CHECK(l.date(CalendarDate{2025, 11, 18}) == "18. Nov. 2025");  // German dates still
  }
  SUBCASE("keys missing") {
    write("de.yaml", "contents: \"Inhalt\"\n");
    const Locale l("de", dir);
    REQUIRE(l.notice());
    CHECK(l.notice()->code == "locale-data");
    CHECK(l.notice()->message.find("missing") != std::string::npos);
    CHECK(l.label("contents") == "Inhalt");
    CHECK(l.label("at_a_glance") == "At a glance");
  }
  SUBCASE("a plural label given in some forms never mixes in English forms") {
    write("fr.yaml", "posts.other: \"{n} articles\"\n");
    const Locale l("fr", dir);
    CHECK(l.count("posts", 1) == "1 articles");  // .one missing: its .other, not "1 post"
  }
  SUBCASE("unknown digits") {
    std::string en = *readFile(test::langDir() / "en.yaml");
    en.replace(en.find("digits: \"latn\""), 14, "digits: \"klingon\"");
    write("de.yaml", en);
    const Locale l("de", dir);
    REQUIRE(l.notice());
    CHECK(l.notice()->message.find("klingon") != std::string::npos);
    CHECK(l.number(12) == "12");
  }
  fs::remove_all(dir);
}

TEST_CASE("placeholders are filled once, and unknown ones are kept") {
  CHECK(locale::fillPlaceholders("{a} and {b}", {{"a", "{b}"}, {"b", "x"}}) == "{b} and x");
  CHECK(locale::fillPlaceholders("{n} {missing} {}", {{"n", "3"}}) == "3 {missing} {}");
  CHECK(locale::placeholdersOf("{n} posts from {site}, {not a name}") == std::set<std::string>{"n", "site"});
  CHECK(locale::splitKey("posts.one").base == "posts");
  CHECK(locale::splitKey("posts.one").category == "one");
  CHECK(locale::splitKey("a.b").category.empty());
}
