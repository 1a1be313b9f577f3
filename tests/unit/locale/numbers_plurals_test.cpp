// Numbers, plural categories and counted labels.
#include <doctest/doctest.h>

#include "locale_test_support.h"

using namespace pp;

TEST_CASE("numbers are grouped as the language groups them") {
  CHECK(test::localeFor("en").number(9000) == "9,000");
  CHECK(test::localeFor("de").number(9000) == "9.000");
  CHECK(test::localeFor("fr").number(9000) == "9\u202F000");  // narrow no-break space
  CHECK(test::localeFor("uk").number(9000) == "9\u00A0000");
  CHECK(test::localeFor("es").number(9000) == "9000");  // Spanish groups from five digits
  CHECK(test::localeFor("es").number(12000) == "12.000");
  CHECK(test::localeFor("ar-u-nu-arab").number(9000) == "٩٬٠٠٠");
  CHECK(test::localeFor("en").numeral(12345) == "12345");
  CHECK(test::localeFor("ar-u-nu-arab").numeral(12) == "١٢");
}

TEST_CASE("plural categories: English, Ukrainian, Arabic") {
  const Locale en = test::localeFor("en"), uk = test::localeFor("uk"), ar = test::localeFor("ar");
  CHECK(en.pluralCategory(0) == "other");
  CHECK(en.pluralCategory(1) == "one");
  CHECK(en.pluralCategory(2) == "other");
  CHECK(en.pluralCategory(21) == "other");

  CHECK(uk.pluralCategory(1) == "one");
  CHECK(uk.pluralCategory(21) == "one");
  CHECK(uk.pluralCategory(2) == "few");
  CHECK(uk.pluralCategory(24) == "few");
  CHECK(uk.pluralCategory(5) == "many");
  CHECK(uk.pluralCategory(11) == "many");
  CHECK(uk.pluralCategory(0) == "many");

  CHECK(ar.pluralCategory(0) == "zero");
  CHECK(ar.pluralCategory(1) == "one");
  CHECK(ar.pluralCategory(2) == "two");
  CHECK(ar.pluralCategory(3) == "few");
  CHECK(ar.pluralCategory(10) == "few");
  CHECK(ar.pluralCategory(11) == "many");
  CHECK(ar.pluralCategory(99) == "many");
  CHECK(ar.pluralCategory(100) == "other");
}

TEST_CASE("counted labels take the form of their number") {
  const Locale en = test::localeFor("en"), uk = test::localeFor("uk"), ar = test::localeFor("ar");
  CHECK(en.count("posts", 1) == "1 post");
  CHECK(en.count("posts", 12) == "12 posts");
  CHECK(en.count("posts", 9000) == "9,000 posts");
  CHECK(uk.count("posts", 1) == "1 допис");
  CHECK(uk.count("posts", 3) == "3 дописи");
  CHECK(uk.count("posts", 5) == "5 дописів");
  CHECK(uk.count("posts", 21) == "21 допис");
  CHECK(ar.count("reading_time", 1) == "دقيقة واحدة للقراءة");
  CHECK(ar.count("reading_time", 2) == "دقيقتان للقراءة");
  CHECK(ar.count("reading_time", 3) == "3 دقائق للقراءة");
  CHECK(ar.count("reading_time", 11) == "11 دقيقة للقراءة");
  CHECK(test::localeFor("ja").count("posts", 1) == "1件の記事");
  CHECK(en.count("more_posts", 3, {{"brief", en.label("at_a_glance")}}) == "and 3 more posts: see At a glance");
}

TEST_CASE("durations, lists and labels with values") {
  const Locale en = test::localeFor("en");
  CHECK(en.duration(40) == "40 min");
  CHECK(en.duration(120) == "2 h");
  CHECK(en.duration(100) == "1 h 40 min");
  CHECK(test::localeFor("ja").duration(100) == "1時間40分");
  CHECK(test::localeFor("ar").duration(100) == "ساعة و40 دقيقة");
  CHECK(en.label("reading_total", {{"duration", en.duration(100)}}) == "1 h 40 min of reading");
  CHECK(en.list({"Ada"}) == "Ada");
  CHECK(en.list({"Ada", "Yuan Tang"}) == "Ada and Yuan Tang");
  CHECK(en.list({"A", "B", "C"}) == "A, B and C");
  CHECK(test::localeFor("en-US").list({"A", "B", "C"}) == "A, B, and C");
  CHECK(test::localeFor("de").list({"A", "B", "C"}) == "A, B und C");
  CHECK(test::localeFor("ja").list({"A", "B", "C"}) == "A、B、C");
  CHECK(en.label("published", {{"date", "30 November 2025"}}) == "Published 30 November 2025");
  CHECK(test::localeFor("fr").label("label_value", {{"label", "Image"}, {"value", "un schéma"}}) ==
        "Image\u00A0: un schéma");
  CHECK(en.label("no_such_key") == "no_such_key");
}
