#include "cli/console.h"

#include <unistd.h>

#include <cstdio>
#include <cstdlib>

namespace pp::cli {

Console::Console(bool quiet) : quiet_(quiet) {
  terminal_ = ::isatty(STDERR_FILENO) == 1;
  const char* term = std::getenv("TERM");
  color_ = terminal_ && std::getenv("NO_COLOR") == nullptr && term && std::string(term) != "dumb";
}

Console::~Console() {
  clearProgress();
  finish();
}

std::unique_ptr<DiagnosticSink> Console::makeSink() {
  return std::make_unique<DiagnosticSink>([this](const Diagnostic& d) { print(d); });
}

void Console::setFormat(DiagnosticsFormat format, bool stdoutTaken) {
  std::lock_guard<std::mutex> lock(mutex_);
  format_ = format;
  stdoutTaken_ = stdoutTaken;
}

void Console::finish() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (format_ != DiagnosticsFormat::Sarif) return;
  std::FILE* to = stdoutTaken_ ? stderr : stdout;
  std::fputs(sarifLog(sarif_).c_str(), to);
  std::fflush(to);
  sarif_.clear();
}

void Console::print(const Diagnostic& d) {
  if (quiet_ && d.severity == Severity::Note) return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (format_ == DiagnosticsFormat::Sarif) {
    sarif_.push_back(d);
    return;
  }
  if (format_ != DiagnosticsFormat::Text) {
    std::FILE* to = stdoutTaken_ ? stderr : stdout;
    const std::string line = format_ == DiagnosticsFormat::Json ? jsonLine(d) : githubCommand(d);
    std::fprintf(to, "%s\n", line.c_str());
    std::fflush(to);
    return;
  }
  if (progressShown_) {
    std::fputs("\r\033[K", stderr);
    progressShown_ = false;
  }
  std::string line = formatDiagnostic(d);
  if (color_) {
    const char* colour = d.severity == Severity::Error     ? "\033[1;31m"
                         : d.severity == Severity::Warning ? "\033[1;35m"
                                                           : "\033[1;36m";
    std::string sev = std::string(severityName(d.severity)) + ":";
    auto pos = line.find(sev);
    if (pos != std::string::npos) line.replace(pos, sev.size(), colour + sev + "\033[0m");
  }
  std::fputs(line.c_str(), stderr);
  std::fputc('\n', stderr);
}

void Console::progress(const std::string& digest, const std::string& phase) {
  if (quiet_ || !terminal_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  std::string text = (digest.empty() ? "" : digest + ": ") + phase + "\xE2\x80\xA6";
  std::fprintf(stderr, "\r\033[K%s", text.c_str());
  std::fflush(stderr);
  progressShown_ = true;
}

void Console::clearProgress() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (progressShown_) {
    std::fputs("\r\033[K", stderr);
    std::fflush(stderr);
    progressShown_ = false;
  }
}

}  // namespace pp::cli
