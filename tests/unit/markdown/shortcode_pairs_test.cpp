// Pairing shortcodes with their closes in one pass (src/markdown/shortcode_pairs.h): the
// answers a search forward from each opening gives, without its square cost on deep nesting.
#include <doctest/doctest.h>

#include <string>

#include "helpers.h"
#include "markdown/shortcode_pairs.h"

using namespace pp;
using namespace pp::markdown;
using namespace pptest;

namespace {

// The offset just past the `n`th (0-based) occurrence of `what` in `s`.
std::size_t endOf(const std::string& s, const std::string& what, int n = 0) {
  std::size_t at = s.find(what);
  for (int k = 0; k < n; ++k) at = s.find(what, at + 1);
  REQUIRE(at != std::string::npos);
  return at + what.size();
}

}  // namespace

TEST_CASE("shortcode pairs: nesting of one name, other names between, unpaired ones") {
  const std::string s =
      "{{< note >}}a {{< note >}}b{{< tip >}}{{< /note >}}c{{< /tip >}}{{% /note %}} "
      "{{< lone >}} {{< /stray >}} {{< note >}}x";
  ShortcodePairs pairs(s);
  // The outer note ends at the second close (the {{% %}} form closes as well); the inner at
  // the first, whatever other names lie between.
  auto outer = pairs.closeOf("note", endOf(s, "{{< note >}}", 0));
  CHECK(outer.begin == s.find("{{% /note %}}"));
  CHECK(outer.end == endOf(s, "{{% /note %}}"));
  auto inner = pairs.closeOf("note", endOf(s, "{{< note >}}", 1));
  CHECK(inner.begin == s.find("{{< /note >}}"));
  CHECK(pairs.closeOf("tip", endOf(s, "{{< tip >}}")).begin == s.find("{{< /tip >}}"));
  // Openings without a close, and a close of the wrong name.
  CHECK(pairs.closeOf("lone", endOf(s, "{{< lone >}}")).begin == std::string::npos);
  CHECK(pairs.closeOf("note", endOf(s, "{{< note >}}", 2)).begin == std::string::npos);
  CHECK(pairs.closeOf("missing", 0).begin == std::string::npos);
  // Asked from a place no opening of that name ends (as a search forward would answer): the
  // first close not taken by an opening after that place.
  CHECK(pairs.closeOf("note", 0).begin == std::string::npos);
  CHECK(pairs.closeOf("note", s.find("b")).begin == s.find("{{< /note >}}"));
  CHECK(pairs.closeOf("note", s.find("c")).begin == s.find("{{% /note %}}"));
  CHECK(pairs.closeOf("stray", 0).begin == s.find("{{< /stray >}}"));
}

TEST_CASE("shortcode pairs: a brace before the opening, comment forms and code are not shortcodes") {
  const std::string s = "{{{< note >}}}x{{< /note >}} {{</* note */>}} {{< /note >}}";
  ShortcodePairs pairs(s);
  // "{{{<" opens a shortcode at its second brace.
  CHECK(pairs.closeOf("note", endOf(s, "{{< note >}}")).begin == s.find("{{< /note >}}"));
}

// 10,000 nested pairs: each close found at once (a search forward from each opening took
// seconds for this), and the shortcode pass keeps the innermost text.
TEST_CASE("shortcode pairs: deep nesting is paired in one pass") {
  const int n = 10000;
  std::string s;
  for (int k = 0; k < n; ++k) s += "{{< notice >}}";
  s += "inside";
  for (int k = 0; k < n; ++k) s += "{{< /notice >}}";
  ShortcodePairs pairs(s);
  const std::size_t opening = std::string("{{< notice >}}").size();
  const std::size_t closing = std::string("{{< /notice >}}").size();
  CHECK(pairs.closeOf("notice", opening).begin == s.size() - closing);
  CHECK(pairs.closeOf("notice", n * opening).begin == s.find("{{< /notice >}}"));
  CHECK(pairs.closeOf("notice", (n / 2) * opening).begin == s.find("inside") + 6 + (n / 2) * closing);
}
