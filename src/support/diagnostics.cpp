#include "postpress/support/diagnostics.h"

namespace pp {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

std::string formatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.loc.path.empty()) {
    out += d.loc.path;
    if (d.loc.line > 0) {
      out += ':' + std::to_string(d.loc.line);
      if (d.loc.col > 0) out += ':' + std::to_string(d.loc.col);
    }
    out += ": ";
  } else {
    out += "postpress: ";
  }
  out += severityName(d.severity);
  out += ": ";
  out += d.message;
  if (!d.code.empty()) out += " [" + d.code + "]";
  return out;
}

void DiagnosticSink::report(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mutex_);
  recordLocked(std::move(d), std::string());
}

void DiagnosticSink::recordLocked(Diagnostic d, std::string onceKey) {
  if (d.severity == Severity::Error) ++errors_;
  if (d.severity == Severity::Warning) ++warnings_;
  if (printer_) printer_(d);
  diags_.push_back(std::move(d));
  onceKeyOf_.push_back(std::move(onceKey));
}

void DiagnosticSink::error(SourceLoc loc, std::string code, std::string message) {
  report({Severity::Error, std::move(loc), std::move(code), std::move(message)});
}

void DiagnosticSink::warning(SourceLoc loc, std::string code, std::string message) {
  report({Severity::Warning, std::move(loc), std::move(code), std::move(message)});
}

void DiagnosticSink::note(SourceLoc loc, std::string code, std::string message) {
  report({Severity::Note, std::move(loc), std::move(code), std::move(message)});
}

bool DiagnosticSink::reportOnce(const std::string& key, Diagnostic d) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (!onceKeys_.insert(key).second) return false;
  recordLocked(std::move(d), key);
  return true;
}

void DiagnosticSink::replayInto(DiagnosticSink& target) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < diags_.size(); ++i) {
    if (onceKeyOf_[i].empty()) target.report(diags_[i]);
    else target.reportOnce(onceKeyOf_[i], diags_[i]);
  }
}

std::vector<Diagnostic> DiagnosticSink::all() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return diags_;
}

std::size_t DiagnosticSink::errorCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return errors_;
}

std::size_t DiagnosticSink::warningCount() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return warnings_;
}

std::size_t DiagnosticSink::count() const {
  std::lock_guard<std::mutex> lock(mutex_);
  return diags_.size();
}

std::size_t DiagnosticSink::countCode(const std::string& code) const {
  std::lock_guard<std::mutex> lock(mutex_);
  std::size_t n = 0;
  for (const auto& d : diags_)
    if (d.code == code) ++n;
  return n;
}

}  // namespace pp
