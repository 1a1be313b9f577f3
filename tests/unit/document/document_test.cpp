// The Document model's walkers: plain text and word counts over the block and inline tree.
#include <doctest/doctest.h>

#include "postpress/document.h"

using namespace pp;

TEST_CASE("plainText and wordCount walk the tree") {
  Document doc;
  Block p;
  p.kind = BlockKind::Paragraph;
  Inline em;
  em.kind = InlineKind::Emph;
  em.children.push_back(Inline::makeText("three little words"));
  p.inlines.push_back(Inline::makeText("Here are "));
  p.inlines.push_back(em);
  doc.blocks.push_back(p);
  CHECK(plainText(doc.blocks[0]) == "Here are three little words");
  CHECK(wordCount(doc) == 5);
}
