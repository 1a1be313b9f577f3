// Diagnostics for machines: JSON Lines, GitHub workflow commands (annotations on the files
// they name) and a SARIF 2.1.0 log for code-scanning upload. The text form is
// formatDiagnostic's (postpress/support/diagnostics.h).
#pragma once

#include <string>
#include <vector>

#include "postpress/support/diagnostics.h"

namespace pp::cli {

enum class DiagnosticsFormat { Text, Json, Github, Sarif };
DiagnosticsFormat diagnosticsFormatNamed(const std::string& name);  // one of the option's choices

// {"path":..,"line":..,"column":..,"severity":..,"code":..,"message":..} on one line.
std::string jsonLine(const Diagnostic& d);

// ::warning file=F,line=L,col=C,title=CODE::message, escaped as the runner reads it (a message
// with a newline or "::" in it cannot start a command of its own). Notes are ::notice.
std::string githubCommand(const Diagnostic& d);

// One SARIF 2.1.0 log: a run of the tool "postpress", a rule per code, a result per diagnostic.
std::string sarifLog(const std::vector<Diagnostic>& diagnostics);

}  // namespace pp::cli
