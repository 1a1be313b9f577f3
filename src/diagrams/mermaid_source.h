// A mermaid source as the lines that carry statements, with their line numbers.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pp::diagrams {

struct MermaidLine {
  std::string_view text;  // trimmed, never empty
  int number = 0;         // 1-based line in the source
};

struct MermaidLines {
  std::string title;  // front matter `title:`
  // The accessible title and description (`accTitle: ...`, `accDescr: ...` or `accDescr {`
  // lines `}`), which are not statements.
  std::string accTitle, accDescr;
  std::vector<MermaidLine> lines;
};

// The source's statement lines: front matter, blank lines, %% comments, %%{init}%%
// directives and the accessible title and description left out. The views point into `source`.
MermaidLines mermaidLines(std::string_view source);

}  // namespace pp::diagrams
