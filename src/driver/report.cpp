// JSON for machines: the --report file CI jobs gate on, and `postpress list --json`.
#include <nlohmann/json.hpp>

#include "postpress/driver.h"
#include "postpress/support/files.h"

namespace pp::driver {

namespace {

using nlohmann::ordered_json;

ordered_json diagnosticJson(const Diagnostic& d) {
  return ordered_json{{"path", d.loc.path},       {"line", d.loc.line}, {"column", d.loc.col},
                      {"severity", severityName(d.severity)}, {"code", d.code},
                      {"message", d.message}};
}

// nlohmann::json throws on invalid UTF-8; our text is validated, but a report must never fail.
std::string dump(const ordered_json& j) {
  return j.dump(2, ' ', false, nlohmann::json::error_handler_t::replace) + "\n";
}

}  // namespace
}  // namespace pp::driver

namespace pp {

// The stage's own helpers above; the stage's contract (postpress/driver.h) below.
using namespace driver;

std::string reportJson(const std::vector<DigestReport>& digests, const std::vector<Diagnostic>& general,
                       const std::string& command) {
  ordered_json root;
  // Bumped when a field changes meaning or goes; new fields keep the version
  // (docs/report.schema.json describes version 2).
  root["schema_version"] = 2;
  root["postpress"] = versionString();
  root["command"] = command;
  std::size_t errors = 0, warnings = 0;
  ordered_json list = ordered_json::array();
  for (const auto& d : digests) {
    ordered_json j;
    j["name"] = d.name;
    j["site_root"] = d.siteRoot.string();
    j["title"] = d.title;
    j["period"] = d.period;
    j["ok"] = d.ok();
    j["seconds"] = d.seconds;
    ordered_json phases = ordered_json::object();
    for (const auto& [name, secs] : d.phases) phases[name] = secs;
    j["phases"] = phases;
    j["errors"] = d.errors;
    j["warnings"] = d.warnings;
    if (!d.emptyReason.empty()) j["empty_reason"] = d.emptyReason;
    ordered_json posts = ordered_json::array();
    for (const auto& p : d.posts)
      posts.push_back({{"path", p.path}, {"title", p.title}, {"date", p.date}, {"url", p.url},
                       {"authors", p.authors}, {"tags", p.tags}});
    j["posts"] = posts;
    ordered_json outputs = ordered_json::array();
    for (const auto& o : d.outputs) {
      ordered_json oj{{"format", o.format}, {"path", o.path.string()}, {"written", o.written}, {"bytes", o.bytes}};
      if (o.format == "pdf") oj["pages"] = o.pages;
      outputs.push_back(oj);
    }
    j["outputs"] = outputs;
    ordered_json diags = ordered_json::array();
    for (const auto& diag : d.diagnostics) diags.push_back(diagnosticJson(diag));
    j["diagnostics"] = diags;
    errors += d.errors;
    warnings += d.warnings;
    list.push_back(j);
  }
  ordered_json generalJson = ordered_json::array();
  for (const auto& diag : general) {
    generalJson.push_back(diagnosticJson(diag));
    if (diag.severity == Severity::Error) ++errors;
    if (diag.severity == Severity::Warning) ++warnings;
  }
  root["errors"] = errors;
  root["warnings"] = warnings;
  root["digests"] = list;
  root["diagnostics"] = generalJson;
  return dump(root);
}

std::string postsJson(const std::vector<const Post*>& posts, const std::vector<std::string>& summaries) {
  ordered_json list = ordered_json::array();
  for (std::size_t i = 0; i < posts.size(); ++i) {
    const Post& p = *posts[i];
    list.push_back({{"path", p.path},
                    {"title", p.title},
                    {"subtitle", p.subtitle},
                    {"date", p.date.valid() ? p.date.isoDate() : ""},
                    {"datetime", p.date.valid() ? p.date.isoDateTime() : ""},
                    {"authors", p.authors},
                    {"tags", p.tags},
                    {"url", p.url},
                    {"summary", i < summaries.size() ? summaries[i] : p.summary},
                    {"draft", p.draft}});
  }
  return dump(list);
}

}  // namespace pp
