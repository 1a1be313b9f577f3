// Highlight: syntax highlighting of code blocks. Resolves a code block's language from its info
// string and the usual aliases, and classifies its tokens into pp::TokenClass (document.h) with
// KSyntaxHighlighting, the Kate syntax definitions, plus postpress's own definitions in
// <data dir>/syntax (Kate's XML format, for languages Kate lacks: PromQL). Console sessions
// get prompts, commands (shell highlighting) and output set apart. A language nobody knows is
// plain, without a word. Stage home: src/highlight/. Design: docs/design/highlighting.md.
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/document.h"

namespace pp {

// The language a fence's info string names, before any highlighting.
struct CodeLanguage {
  // Canonical id ("yaml", "bash", "console", "cpp", "hcl", "promql"...), or the first word of
  // the info string lower-cased when postpress's table does not know it (Kate may still: "ruby").
  // Empty when the info string names no language ("", "text", "plain", "nohighlight"...).
  std::string id;
  // The Kate definition's name for a known id ("YAML", "Bash"); empty for an unknown word.
  std::string definition;
  // Console session: prompts, commands and output ("console", "shell-session").
  bool session = false;
  // A shell language ("sh", "bash", "shell"...): a block whose first line starts with a `$ `
  // prompt is taken as a session, since shell code never starts so.
  bool shell = false;
};

// The language of an info string: its first word (`python title="x.py"`, `python {1,3}`,
// `{.python}`, `js:title=x.js`, `language-python` all name python), through the alias table
// (`sh`, `yml`, `golang`, `js`, `ts`, `py`, `tf`, `c++`, `Dockerfile`, `shell-session`...).
CodeLanguage resolveCodeLanguage(std::string_view info);

// What became of one block.
enum class HighlightStatus : std::uint8_t {
  Highlighted,      // spans filled (may still be empty for code with nothing to mark)
  NoLanguage,       // the info string names none: plain
  UnknownLanguage,  // a word no definition knows: plain, and no warning is due
  OverBudget,       // larger or slower than the limits allow: plain (the caller may warn)
  Unavailable,      // the engine cannot be loaded: plain (Highlighter::unavailable says why)
};

struct HighlightedCode {
  HighlightStatus status = HighlightStatus::NoLanguage;
  std::string language;          // canonical id when known (also when over budget); else empty
  std::vector<CodeSpan> spans;   // over the code's bytes, line by line (see CodeSpan)
};

// Bounds on the work one block may cost, so that a hostile post cannot hang a build. The byte
// limits decide before any work (deterministic); the time limit is a safety net that ordinary
// code never reaches (a warm block takes well under a millisecond).
struct HighlightLimits {
  std::size_t maxBlockBytes = std::size_t{256} << 10;  // larger: the whole block plain
  std::size_t maxLineBytes = std::size_t{4} << 10;     // longer: that line plain
  std::chrono::milliseconds maxBlockTime{500};         // slower: the whole block plain
};

struct HighlightOptions {
  // Folder whose syntax/ holds postpress's own Kate definitions; empty = dataDir().
  std::filesystem::path dataDir;
  HighlightLimits limits;
  // Highlighting engines (one Kate repository each, used by one thread at a time) for
  // concurrent callers; 0 = one per thread that asks at the same time. One engine taken in
  // turns is the default: each engine loads every definition it meets, and in a build that
  // loading costs more than the highlighting itself (bench/results.md, "Syntax highlighting":
  // one engine in turns takes less CPU and wall time than an engine each).
  std::size_t maxEngines = 1;
  // Folder whose highlight/ keeps highlighted blocks between builds (the image cache's, checked
  // to be the user's own); empty: nothing kept.
  std::filesystem::path cacheDir;
};

// Highlights code blocks. One object serves every thread: each call borrows an engine from a
// pool (a Kate repository is not thread-safe), waiting for one when all are in use and no more
// may be made. An engine loads a language's definition on its first use.
class Highlighter {
 public:
  explicit Highlighter(HighlightOptions options = {});
  ~Highlighter();
  Highlighter(const Highlighter&) = delete;
  Highlighter& operator=(const Highlighter&) = delete;

  // Classifies `code` (lines separated by '\n') for the language `info` names. Never throws
  // on any bytes; invalid UTF-8 is classified as if each bad byte were U+FFFD.
  HighlightedCode highlight(std::string_view info, std::string_view code) const;

  // A block left plain that the caller reports (code `code-not-highlighted`): over budget,
  // or no engine to be had.
  struct PlainBlock {
    SourcePos pos;
    HighlightStatus why = HighlightStatus::OverBudget;
  };
  // Fills Block::language and Block::spans of every Code block of the document (footnotes
  // included) from Block::info and Block::text. Returns the blocks left plain for being over
  // budget or for want of an engine.
  std::vector<PlainBlock> highlightDocument(Document& doc) const;

  // Engines created so far (for tests and benchmarks).
  std::size_t engineCount() const;
  // Why no engine could be made (the Kate module is missing or from another build); empty
  // while none was refused. Blocks are then left plain (HighlightStatus::Unavailable).
  std::string unavailable() const;

 private:
  HighlightedCode highlightUncached(const CodeLanguage& lang, std::string_view code) const;
  struct Pool;
  HighlightOptions options_;
  std::unique_ptr<Pool> pool_;
};

}  // namespace pp
