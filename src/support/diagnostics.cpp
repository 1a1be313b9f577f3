#include "postpress/support/diagnostics.h"

#include <cstdio>
#include <string_view>

namespace pp {

const char* severityName(Severity s) {
  switch (s) {
    case Severity::Note: return "note";
    case Severity::Warning: return "warning";
    case Severity::Error: return "error";
  }
  return "error";
}

namespace {

// Control characters as visible escapes (\n, \x1b, \u009b): a file name or a message
// cannot start a line of its own that looks like another diagnostic, nor send a terminal
// escape sequences. C1 controls (U+0080-U+009F, two bytes in UTF-8) count too: some
// terminals read U+009B as CSI.
std::string visible(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  char buf[8];
  for (std::size_t i = 0; i < s.size(); ++i) {
    const unsigned char c = static_cast<unsigned char>(s[i]);
    if (c == '\n') out += "\\n";
    else if (c == '\r') out += "\\r";
    else if (c == '\t') out += "\\t";
    else if (c < 0x20 || c == 0x7F) {
      std::snprintf(buf, sizeof buf, "\\x%02x", c);
      out += buf;
    } else if (c == 0xC2 && i + 1 < s.size() && static_cast<unsigned char>(s[i + 1]) >= 0x80 &&
               static_cast<unsigned char>(s[i + 1]) <= 0x9F) {
      std::snprintf(buf, sizeof buf, "\\u%04x", static_cast<unsigned char>(s[i + 1]));
      out += buf;
      ++i;
    } else {
      out += static_cast<char>(c);
    }
  }
  return out;
}

}  // namespace

std::string formatDiagnostic(const Diagnostic& d) {
  std::string out;
  if (!d.loc.path.empty()) {
    out += visible(d.loc.path);
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
  out += visible(d.message);
  if (!d.code.empty()) out += " [" + visible(d.code) + "]";
  return out;
}

void DiagnosticSink::report(Diagnostic d) {
  std::lock_guard<std::mutex> lock(mutex_);
  recordLocked(std::move(d), std::string());
}

bool DiagnosticPolicy::addWarningOption(const std::string& value) {
  const bool off = value.rfind("no-", 0) == 0;
  const std::string code = off ? value.substr(3) : value;
  if (code.empty()) return false;
  if (off) {
    silenced.insert(code);
    enabled.erase(code);
  } else {
    silenced.erase(code);
    enabled.insert(code);
  }
  return true;
}

void DiagnosticPolicy::mergeFrom(const DiagnosticPolicy& over) {
  for (const std::string& c : over.silenced) {
    silenced.insert(c);
    denied.erase(c);
  }
  for (const std::string& c : over.enabled) silenced.erase(c);
  for (const std::string& c : over.denied) {
    denied.insert(c);
    silenced.erase(c);
  }
}

bool DiagnosticPolicy::apply(Diagnostic& d) const {
  if (d.severity == Severity::Error) return true;
  if (silenced.count(d.code)) return false;
  if (d.severity == Severity::Warning && denied.count(d.code)) d.severity = Severity::Error;
  return true;
}

void DiagnosticSink::setFilter(std::function<bool(Diagnostic&)> filter) {
  std::lock_guard<std::mutex> lock(mutex_);
  filter_ = std::move(filter);
}

void DiagnosticSink::recordLocked(Diagnostic d, std::string onceKey) {
  if (filter_ && !filter_(d)) return;
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

void DiagnosticSink::replayInto(DiagnosticSink& target) const { replayInto(target, {}); }

void DiagnosticSink::replayInto(DiagnosticSink& target, const std::function<void(Diagnostic&)>& edit) const {
  std::lock_guard<std::mutex> lock(mutex_);
  for (std::size_t i = 0; i < diags_.size(); ++i) {
    Diagnostic d = diags_[i];
    if (edit) edit(d);
    if (onceKeyOf_[i].empty()) target.report(std::move(d));
    else target.reportOnce(onceKeyOf_[i], std::move(d));
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
