// A fenced code block as the Markdown stage makes one, for tests of what reads code blocks
// (highlighting, diagrams, the driver).
#pragma once

#include <string>
#include <utility>

#include "postpress/document.h"

namespace pp::test {

inline Block codeBlock(std::string info, std::string text, int line) {
  Block b;
  b.kind = BlockKind::Code;
  b.info = std::move(info);
  b.text = std::move(text);
  b.pos = {line, 1};
  return b;
}

}  // namespace pp::test
