#include "cli/diagnostic_formats.h"

#include <nlohmann/json.hpp>

#include <map>

#include "postpress/support/files.h"
#include "postpress/support/text.h"

namespace pp::cli {

namespace {

using nlohmann::ordered_json;

// Text from posts is checked UTF-8, but a diagnostic must print whatever it holds.
std::string dumped(const ordered_json& j, int indent = -1) {
  return j.dump(indent, ' ', false, nlohmann::json::error_handler_t::replace);
}

// The runner's escapes: a value ends at a newline, a property also at ',' and ':'.
std::string escapeData(const std::string& s) {
  std::string out;
  for (char c : s) {
    if (c == '%') out += "%25";
    else if (c == '\r') out += "%0D";
    else if (c == '\n') out += "%0A";
    else out += c;
  }
  return out;
}

std::string escapeProperty(const std::string& s) {
  std::string out;
  for (char c : escapeData(s)) {
    if (c == ':') out += "%3A";
    else if (c == ',') out += "%2C";
    else out += c;
  }
  return out;
}

const char* sarifLevel(Severity s) {
  switch (s) {
    case Severity::Error: return "error";
    case Severity::Warning: return "warning";
    case Severity::Note: return "note";
  }
  return "error";
}

}  // namespace

DiagnosticsFormat diagnosticsFormatNamed(const std::string& name) {
  if (name == "json") return DiagnosticsFormat::Json;
  if (name == "github") return DiagnosticsFormat::Github;
  if (name == "sarif") return DiagnosticsFormat::Sarif;
  return DiagnosticsFormat::Text;
}

std::string jsonLine(const Diagnostic& d) {
  return dumped(ordered_json{{"path", d.loc.path},
                             {"line", d.loc.line},
                             {"column", d.loc.col},
                             {"severity", severityName(d.severity)},
                             {"code", d.code},
                             {"message", d.message}});
}

std::string githubCommand(const Diagnostic& d) {
  const char* command = d.severity == Severity::Error ? "error" : d.severity == Severity::Warning ? "warning" : "notice";
  std::string props;
  auto add = [&props](const std::string& key, const std::string& value) {
    props += (props.empty() ? " " : ",") + key + "=" + escapeProperty(value);
  };
  if (!d.loc.path.empty()) {
    add("file", d.loc.path);
    if (d.loc.line > 0) add("line", std::to_string(d.loc.line));
    if (d.loc.col > 0) add("col", std::to_string(d.loc.col));
  }
  if (!d.code.empty()) add("title", d.code);
  return "::" + std::string(command) + props + "::" + escapeData(d.message);
}

std::string sarifLog(const std::vector<Diagnostic>& diagnostics) {
  std::map<std::string, std::size_t> ruleIndex;
  ordered_json rules = ordered_json::array();
  ordered_json results = ordered_json::array();
  for (const Diagnostic& d : diagnostics) {
    const std::string rule = d.code.empty() ? "postpress" : d.code;
    auto [it, fresh] = ruleIndex.emplace(rule, rules.size());
    if (fresh) rules.push_back({{"id", rule}});
    ordered_json result{{"ruleId", rule},
                        {"ruleIndex", it->second},
                        {"level", sarifLevel(d.severity)},
                        {"message", {{"text", d.message}}}};
    if (!d.loc.path.empty()) {
      ordered_json artifact{{"uri", percentEncodeUri(d.loc.path, UriText::PathOnly)}};
      if (d.loc.path.front() != '/') artifact["uriBaseId"] = "%SRCROOT%";  // from where postpress ran
      ordered_json physical{{"artifactLocation", artifact}};
      if (d.loc.line > 0) {
        ordered_json region{{"startLine", d.loc.line}};
        if (d.loc.col > 0) region["startColumn"] = d.loc.col;
        physical["region"] = region;
      }
      result["locations"] = ordered_json::array({{{"physicalLocation", physical}}});
    }
    results.push_back(std::move(result));
  }
  ordered_json driver{{"name", "postpress"},
                      {"version", versionString()},
                      {"rules", rules}};
  ordered_json log{{"$schema", "https://json.schemastore.org/sarif-2.1.0.json"},
                   {"version", "2.1.0"},
                   {"runs", ordered_json::array({{{"tool", {{"driver", driver}}}, {"results", results}}})}};
  return dumped(log, 2) + "\n";
}

}  // namespace pp::cli
