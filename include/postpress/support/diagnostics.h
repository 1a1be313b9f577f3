// Diagnostics: the one sink every stage reports through, printed like a compiler's
// (`path:line:col: severity: message [code]`) and collected for --report and --strict.
#pragma once

#include <cstddef>
#include <functional>
#include <mutex>
#include <set>
#include <string>
#include <vector>

namespace pp {

enum class Severity { Note, Warning, Error };

const char* severityName(Severity s);

// A place in a source file. line/col are 1-based; 0 means unknown (the printed form then
// omits them, e.g. `path: error: ...`). path is as the user would recognise it: relative
// to the site root for posts and images, as given for config and style files.
struct SourceLoc {
  std::string path;
  int line = 0;
  int col = 0;
};

struct Diagnostic {
  Severity severity = Severity::Error;
  SourceLoc loc;
  std::string code;     // stable machine-readable id, e.g. "image-missing", "frontmatter-yaml"
  std::string message;  // one line, lower-case start, no trailing period
};

// Formats one diagnostic as `path:line:col: severity: message [code]`, on one line whatever
// the path and message hold: control characters are written as escapes (\n, \x1b, \u009b).
std::string formatDiagnostic(const Diagnostic& d);

// What the user asked of diagnostics by code, as a compiler's -Wno-... and -Werror=...: a
// silenced code's warnings and notes are dropped (errors never are: they mean something was
// not built), a denied code's warnings become errors.
struct DiagnosticPolicy {
  std::set<std::string> silenced, denied;
  std::set<std::string> enabled;  // -W CODE: not silenced, whatever a policy under this one says
  // Reads one -W value: "no-CODE" silences CODE, "CODE" takes it off the silenced list (a
  // command line's -W date-mismatch undoes a config's ignore). False for an empty code.
  bool addWarningOption(const std::string& value);
  // The rules of `over` win where the two disagree (the command line over postpress.yaml).
  void mergeFrom(const DiagnosticPolicy& over);
  // Applies the policy to d; false when d is to be dropped.
  bool apply(Diagnostic& d) const;
  bool empty() const { return silenced.empty() && denied.empty(); }
};

// Thread-safe collector. Every stage gets a reference; nothing is global.
class DiagnosticSink {
 public:
  using Printer = std::function<void(const Diagnostic&)>;

  DiagnosticSink() = default;
  explicit DiagnosticSink(Printer printer) : printer_(std::move(printer)) {}

  void report(Diagnostic d);
  void error(SourceLoc loc, std::string code, std::string message);
  void warning(SourceLoc loc, std::string code, std::string message);
  void note(SourceLoc loc, std::string code, std::string message);

  // Reports d only the first time `key` is seen (e.g. "missing-glyph:U+1F680"), so that a
  // problem repeated a thousand times is reported once. Returns whether it was reported.
  bool reportOnce(const std::string& key, Diagnostic d);

  // Hands everything reported here on to `target`, in the order it came (once-only keys
  // kept). Parallel work reports into one sink per task and replays them task by task, so
  // that what is printed does not depend on which thread finished first.
  void replayInto(DiagnosticSink& target) const;
  // The same, each diagnostic passed through `edit` on its way (a path renamed, say).
  void replayInto(DiagnosticSink& target, const std::function<void(Diagnostic&)>& edit) const;

  // Passes every diagnostic reported here through `filter` first (a policy, paths rebased);
  // one that it returns false for is neither printed, kept nor counted.
  void setFilter(std::function<bool(Diagnostic&)> filter);

  std::vector<Diagnostic> all() const;
  std::size_t errorCount() const;
  std::size_t warningCount() const;
  std::size_t count() const;
  // Number of diagnostics with this code (tests and the report use it).
  std::size_t countCode(const std::string& code) const;

 private:
  void recordLocked(Diagnostic d, std::string onceKey);

  mutable std::mutex mutex_;
  std::vector<Diagnostic> diags_;
  std::vector<std::string> onceKeyOf_;  // per diagnostic: its reportOnce key, or ""
  std::set<std::string> onceKeys_;
  std::size_t errors_ = 0;
  std::size_t warnings_ = 0;
  Printer printer_;
  std::function<bool(Diagnostic&)> filter_;
};

}  // namespace pp
