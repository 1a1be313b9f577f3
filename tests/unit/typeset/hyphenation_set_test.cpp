// Hyphenation patterns read ahead of a run: the same hyphenator as reading them in the run,
// the notes of a language without patterns told when the run asks for it, and a language not
// read ahead left to the run.
#include <doctest/doctest.h>

#include "postpress/typeset.h"
#include "typeset/hyphenator.h"

using namespace pp;
using pp::typeset::Hyphenator;

TEST_CASE("patterns read ahead hyphenate as patterns read in the run") {
  const std::shared_ptr<const HyphenationSet> set = HyphenationSet::read({"en-US", "en-US", "zz-unknown"});
  DiagnosticSink runDiags;
  std::unique_ptr<Hyphenator> ahead = set->take("en-US", runDiags);
  REQUIRE(ahead);
  DiagnosticSink ownDiags;
  Hyphenator own("en-US", ownDiags);
  REQUIRE(own.available());
  CHECK(ahead->available());
  for (const char* word : {"hyphenation", "typesetting", "infrastructure", "Kubernetes", "observability"}) {
    CAPTURE(word);
    CHECK(ahead->points(word) == own.points(word));
  }
  CHECK(runDiags.count() == 0);

  // A language without patterns: a hyphenator that breaks nothing, and the note, once.
  std::unique_ptr<Hyphenator> none = set->take("zz-unknown", runDiags);
  REQUIRE(none);
  CHECK_FALSE(none->available());
  CHECK(runDiags.countCode("hyphenation-unavailable") == 1);
  set->take("zz-unknown", runDiags);
  CHECK(runDiags.countCode("hyphenation-unavailable") == 1);

  // Not read ahead: the run reads it.
  CHECK_FALSE(set->take("de", runDiags));
}
