// The terminal side of the CLI: diagnostics as they happen (stderr, or stdout for machines), and a one-line progress
// display that exists only on a terminal (never on a pipe or in CI logs).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include <vector>

#include "cli/diagnostic_formats.h"
#include "postpress/support/diagnostics.h"

namespace pp::cli {

class Console {
 public:
  Console(bool quiet);
  ~Console();

  // Diagnostics in `format`; machine forms go to the standard output unless `stdoutTaken`
  // (a document or a listing is there), then to the standard error. SARIF is one document:
  // collected, and printed by finish().
  void setFormat(DiagnosticsFormat format, bool stdoutTaken);
  // Whether the standard output carries machine diagnostics (the summary then goes to stderr).
  bool diagnosticsOnStdout() const { return format_ != DiagnosticsFormat::Text && !stdoutTaken_; }
  void finish();

  // A sink whose diagnostics are printed through this console.
  std::unique_ptr<DiagnosticSink> makeSink();
  void print(const Diagnostic& d);
  void progress(const std::string& digest, const std::string& phase);
  void clearProgress();
  bool quiet() const { return quiet_; }

 private:
  std::mutex mutex_;
  bool quiet_;
  bool terminal_;
  bool color_;
  bool progressShown_ = false;
  DiagnosticsFormat format_ = DiagnosticsFormat::Text;
  bool stdoutTaken_ = false;
  std::vector<Diagnostic> sarif_;
};

}  // namespace pp::cli
