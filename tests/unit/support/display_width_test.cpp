// Terminal widths: CJK and fullwidth forms take two columns, combining marks none; cutting and
// padding count columns, not bytes or code points.
#include <doctest/doctest.h>

#include "postpress/support/display_width.h"

using namespace pp;

TEST_CASE("columns by East Asian Width") {
  CHECK(displayWidth("Kubeflow") == 8);
  CHECK(displayWidth("\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E") == 6);       // 日本語
  CHECK(displayWidth("\xED\x95\x9C\xEA\xB8\x80") == 4);                   // 한글
  CHECK(displayWidth("\xEF\xBC\xA1") == 2);                               // fullwidth Ａ
  CHECK(displayWidth("e\xCC\x81") == 1);                                  // e + combining acute
  CHECK(displayWidth("\xD0\x9F\xD1\x80\xD0\xB8") == 3);                   // При
  CHECK(displayWidth("a\xE2\x80\x8B" "b") == 2);                          // zero width space
}

TEST_CASE("cutting and padding count columns") {
  const std::string ja = "\xE6\x97\xA5\xE6\x9C\xAC\xE8\xAA\x9E\xE3\x81\xAE\xE8\xA8\x98\xE4\xBA\x8B";  // 日本語の記事
  CHECK(displayWidth(ja) == 12);
  CHECK(fitColumns(ja, 12) == ja);
  const std::string cut = fitColumns(ja, 6);
  CHECK(displayWidth(cut) <= 6);
  CHECK(cut == "\xE6\x97\xA5\xE6\x9C\xAC\xE2\x80\xA6");  // 日本… (a third ideograph would not fit)
  CHECK(fitColumns("abcdef", 4) == "abc\xE2\x80\xA6");
  CHECK(padColumns(ja, 14) == ja + "  ");
  CHECK(padColumns("abc", 2) == "abc");
  CHECK(displayWidth(padColumns("\xE6\x97\xA5", 5)) == 5);
}
