// One KSyntaxHighlighting repository and the state of the block being highlighted with it.
//
// The engine lives in a module of its own (pp_kate.so, src/highlight/module/), opened the first
// time a build highlights code that its cache does not hold: Kate brings Qt and two dozen other
// libraries, whose loading and relocation cost every run of the program about 5 ms before main
// (bench/results.md) while a warm build, its code blocks all in the cache, never calls it.
#pragma once

#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/document.h"

namespace pp::highlight {

// Not thread-safe (neither is Kate's repository, which loads definitions as they are first
// used): one thread at a time. Highlighter's pool lends each caller an engine of its own.
class KateEngine {
 public:
  virtual ~KateEngine() = default;

  // Selects the definition named exactly `name` ("YAML") and starts a new block. False when
  // the repository has none.
  virtual bool select(std::string_view name) = 0;
  // Selects the definition a word names that postpress's table does not know: Kate's name in
  // any case ("ruby", "kotlin"), else a file extension or name ("rb", "cmakelists.txt").
  virtual bool selectByWord(std::string_view word) = 0;
  // Starts a new block with the selected definition (no state carried from earlier lines).
  virtual void resetState() = 0;

  // Classifies one line (without its '\n'), continuing the previous line's state, and
  // appends its non-plain spans, offsets shifted by `base`.
  virtual void highlightLine(std::string_view line, std::uint32_t base, std::vector<CodeSpan>& out) = 0;
};

// An engine reading Kate's bundled definitions, then, for a language Kate lacks, those in
// dataDir/syntax (Kate's XML format), loaded on the first such request. Null, with *error
// saying why, when the module cannot be loaded (missing, or from another build).
std::unique_ptr<KateEngine> openKateEngine(const std::filesystem::path& dataDir, std::string* error);

// What the module exports, with C names so that dlsym finds them: its interface's version,
// which must be kKateModuleVersion (a module left from another build is refused rather than
// called through a table of another shape), and the engine's constructor.
inline constexpr int kKateModuleVersion = 1;
inline constexpr const char* kKateModuleVersionSymbol = "pp_kate_module_version";
inline constexpr const char* kKateEngineNewSymbol = "pp_kate_engine_new";
using KateModuleVersionFn = int();
using KateEngineNewFn = KateEngine*(const char* dataDir);

}  // namespace pp::highlight
