// The terminal side of the CLI: diagnostics to stderr as they happen, and a one-line progress
// display that exists only on a terminal (never on a pipe or in CI logs).
#pragma once

#include <memory>
#include <mutex>
#include <string>

#include "postpress/support/diagnostics.h"

namespace pp::cli {

class Console {
 public:
  Console(bool quiet);
  ~Console();

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
};

}  // namespace pp::cli
