// One KSyntaxHighlighting repository and the state of the block being highlighted with it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string_view>
#include <vector>

#include "postpress/document.h"

namespace pp::highlight {

// Not thread-safe (neither is Kate's repository, which loads definitions as they are first
// used): one thread at a time. Highlighter's pool lends each caller an engine of its own.
class KateEngine {
 public:
  // Kate's bundled definitions, then, for a language Kate lacks, those in dataDir/syntax
  // (Kate's XML format), loaded on the first such request.
  explicit KateEngine(const std::filesystem::path& dataDir);
  ~KateEngine();
  KateEngine(const KateEngine&) = delete;
  KateEngine& operator=(const KateEngine&) = delete;

  // Selects the definition named exactly `name` ("YAML") and starts a new block. False when
  // the repository has none.
  bool select(std::string_view name);
  // Selects the definition a word names that postpress's table does not know: Kate's name in
  // any case ("ruby", "kotlin"), else a file extension or name ("rb", "cmakelists.txt").
  bool selectByWord(std::string_view word);
  // Starts a new block with the selected definition (no state carried from earlier lines).
  void resetState();

  // Classifies one line (without its '\n'), continuing the previous line's state, and
  // appends its non-plain spans, offsets shifted by `base`.
  void highlightLine(std::string_view line, std::uint32_t base, std::vector<CodeSpan>& out);

 private:
  struct Impl;
  std::unique_ptr<Impl> impl_;
};

}  // namespace pp::highlight
