// Document blocks for tests that build posts by hand rather than from Markdown.
#pragma once

#include <string>

#include "postpress/document.h"

namespace pptest {

inline pp::Block paragraph(const std::string& text) {
  pp::Block b;
  b.kind = pp::BlockKind::Paragraph;
  b.inlines.push_back(pp::Inline::makeText(text));
  return b;
}

inline pp::Block heading(const std::string& text, int level) {
  pp::Block b;
  b.kind = pp::BlockKind::Heading;
  b.level = level;
  b.inlines.push_back(pp::Inline::makeText(text));
  return b;
}

}  // namespace pptest
