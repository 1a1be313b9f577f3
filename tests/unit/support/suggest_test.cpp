#include <doctest/doctest.h>

#include "postpress/support/suggest.h"

TEST_CASE("edit distance counts insertions, deletions, substitutions and swapped neighbours, ignoring case") {
  CHECK(pp::editDistance("site", "site", 3) == 0);
  CHECK(pp::editDistance("sit", "site", 3) == 1);
  CHECK(pp::editDistance("biuld", "build", 3) == 1);  // a transposition is one edit
  CHECK(pp::editDistance("Security", "securty", 3) == 1);
  CHECK(pp::editDistance("kitten", "sitting", 5) == 3);
  // Past the limit it stops counting: a long word against a short one costs little.
  CHECK(pp::editDistance(std::string(5000, 'a'), "b", 2) == 3);
  CHECK(pp::editDistance("abcdef", "uvwxyz", 2) == 3);
}

TEST_CASE("the nearest candidate is suggested only when it is close enough") {
  const std::vector<std::string> commands{"list", "build", "check"};
  CHECK(pp::closestMatch("biuld", commands) == "build");
  CHECK(pp::closestMatch("chek", commands) == "check");
  CHECK_FALSE(pp::closestMatch("frobnicate", commands));
  CHECK_FALSE(pp::closestMatch("build", commands));  // not a typo
  CHECK_FALSE(pp::closestMatch("", commands));
  // Short words allow one edit only: "lo" is not "list".
  CHECK_FALSE(pp::closestMatch("lo", commands));
  const std::vector<std::string> options{"--site", "--since", "--style", "--subtitle"};
  CHECK(pp::closestMatch("--sit", options) == "--site");  // the first of equals wins
  CHECK(pp::closestMatch("--stlye", options) == "--style");
  CHECK(pp::didYouMean("--sit", options) == " (did you mean '--site'?)");
  CHECK(pp::didYouMean("--colour", options).empty());
}
