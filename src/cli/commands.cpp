#include "cli/commands.h"
#include "cli/post_table.h"

#include <unistd.h>

#include <algorithm>
#include <cstdio>
#include <iostream>

#include "postpress/support/build_time.h"
#include "postpress/support/files.h"
#include "postpress/markdown.h"
#include "postpress/support/parallel.h"
#include "postpress/publication.h"
#include "postpress/support/text.h"

namespace pp::cli {

namespace {

std::string humanBytes(std::uintmax_t bytes) {
  char buf[32];
  if (bytes >= 1024 * 1024) std::snprintf(buf, sizeof buf, "%.1f MB", bytes / 1048576.0);
  else if (bytes >= 1024) std::snprintf(buf, sizeof buf, "%.0f KB", bytes / 1024.0);
  else std::snprintf(buf, sizeof buf, "%ju bytes", bytes);
  return buf;
}

void printSummary(const DigestReport& r, bool checkOnly, std::FILE* to) {
  std::string name = r.name.empty() ? "" : r.name + ": ";
  std::string line = name;
  if (checkOnly) {
    line += "checked " + std::to_string(r.posts.size()) + " posts";
  } else {
    std::vector<std::string> parts;
    for (const auto& o : r.outputs) {
      if (!o.written) continue;
      std::string part = (o.path == fs::path(kStandardOutput) ? "the standard output" : o.path.string()) + " (";
      if (o.format == "pdf") part += std::to_string(o.pages) + " pages, ";
      part += humanBytes(o.bytes) + ")";
      parts.push_back(part);
    }
    line += parts.empty() ? "wrote nothing" : "wrote " + joinWith(parts, ", ");
    line += " from " + std::to_string(r.posts.size()) + (r.posts.size() == 1 ? " post" : " posts");
  }
  char secs[32];
  std::snprintf(secs, sizeof secs, " in %.2f s", r.seconds);
  line += secs;
  line += "; " + std::to_string(r.errors) + (r.errors == 1 ? " error, " : " errors, ") +
          std::to_string(r.warnings) + (r.warnings == 1 ? " warning" : " warnings");
  std::fprintf(to, "%s\n", line.c_str());
  std::fflush(to);
}

// One line per digest on stderr: "timings: reading site 0.04 s, parsing posts 0.09 s, ...".
void printTimings(const DigestReport& r) {
  std::string line = (r.name.empty() ? "" : r.name + ": ") + std::string("timings:");
  char part[96];
  for (std::size_t i = 0; i < r.phases.size(); ++i) {
    std::snprintf(part, sizeof part, "%s %s %.3f s", i ? "," : "", r.phases[i].first.c_str(), r.phases[i].second);
    line += part;
  }
  std::snprintf(part, sizeof part, "; total %.3f s", r.seconds);
  line += part;
  std::fprintf(stderr, "%s\n", line.c_str());
}

// -W and --deny as one policy; returns the usage error.
std::optional<std::string> readDiagnosticPolicy(const GivenOptions& given, DiagnosticPolicy& policy) {
  if (given.has(OptionId::Warn))
    for (const std::string& w : given[OptionId::Warn].texts)
      if (!policy.addWarningOption(w)) return "-W needs a code: -W no-CODE silences CODE's warnings";
  if (given.has(OptionId::Deny))
    for (const std::string& code : given[OptionId::Deny].texts) policy.denied.insert(code);
  return std::nullopt;
}

void setDiagnosticsFormat(const GivenOptions& given, Console& console, bool stdoutTaken) {
  if (given.has(OptionId::DiagnosticsFormat))
    console.setFormat(diagnosticsFormatNamed(given[OptionId::DiagnosticsFormat].text()), stdoutTaken);
}

// A run that ended before building anything.
BuildRun endedWith(int exitCode) {
  BuildRun run;
  run.exitCode = exitCode;
  return run;
}

}  // namespace

int runList(const GivenOptions& given, Console& console) {
  DigestSpec spec;
  if (auto err = toDigestSpec(given, spec)) return usageError(*err);
  DiagnosticPolicy policy;
  if (auto err = readDiagnosticPolicy(given, policy)) return usageError(*err);
  setDiagnosticsFormat(given, console, true);  // the listing is on the standard output
  auto sink = console.makeSink();
  applyDiagnosticRules(*sink, spec, policy);
  Site site = loadSite(spec.site, *sink);
  SelectionResult result = selectPosts(site, spec.selection);
  if (result.posts.empty()) {
    sink->error({site.root.string(), 0, 0}, "empty-selection", "no posts selected: " + result.emptyReason);
    return kExitFailed;
  }
  reportPostDiagnostics(result.posts, *sink);
  if (given.on(OptionId::Json)) {
    // Summaries need the bodies: parse them, quietly (`check` is where body problems are told).
    std::vector<std::string> summaries(result.posts.size());
    DiagnosticSink silent;
    parallelFor(result.posts.size(), 0, [&](std::size_t i) {
      summaries[i] = postSummary(*result.posts[i], parsePost(site, *result.posts[i], silent));
    });
    std::cout << postsJson(result.posts, summaries);
  } else {
    printPostTable(result.posts, std::cout, ::isatty(STDOUT_FILENO) == 1 ? terminalColumns(STDOUT_FILENO) : 0);
  }
  return sink->errorCount() > 0 ? kExitFailed : kExitOk;
}

BuildRun buildOnce(const GivenOptions& given, Console& console, bool checkOnly) {
  BuildRun run;
  DiagnosticPolicy policy;
  if (auto err = readDiagnosticPolicy(given, policy)) return endedWith(usageError(*err));
  auto general = console.makeSink();
  std::vector<DigestSpec> specs;
  if (given.has(OptionId::Config)) {
    if (anySelectionGiven(given))
      return endedWith(usageError("selection options cannot be combined with -c: put them in the config's select:"));
    const std::string& config = given[OptionId::Config].text();
    if (!fs::is_regular_file(config)) return endedWith(usageError("-c: cannot read '" + config + "'"));
    specs = loadConfig(config, given.has(OptionId::Digest) ? given[OptionId::Digest].text() : "", *general);
    if (specs.empty()) return endedWith(general->errorCount() > 0 ? kExitFailed : kExitUsage);
    const long long epoch = buildEpoch();  // one instant for every digest of the batch
    for (auto& s : specs) {
      s.publication.buildEpoch = epoch;
      for (OptionId id : given.ids())
        if (option(id).overridesConfig) setDigestOption(s, id, given[id], {});
    }
  } else {
    if (given.has(OptionId::Digest)) return endedWith(usageError("--digest needs -c CONFIG"));
    DigestSpec spec;
    if (auto err = toDigestSpec(given, spec)) return endedWith(usageError(*err));
    specs.push_back(std::move(spec));
  }

  // When the standard output carries a document, every other word goes to the standard error.
  const bool documentOnStdout =
      !checkOnly && std::any_of(specs.begin(), specs.end(), [](const DigestSpec& s) { return writesToStandardOutput(s); });
  setDiagnosticsFormat(given, console, documentOnStdout);

  BuildOptions options;
  options.diagnostics = policy;
  if (given.has(OptionId::Jobs)) options.jobs = given[OptionId::Jobs].number;
  options.strict = given.on(OptionId::Strict);
  options.checkOnly = checkOnly;
  options.fetchRemote = given.on(OptionId::FetchRemote);
  if (given.has(OptionId::FetchAllow)) options.fetchAllowHosts = given[OptionId::FetchAllow].texts;
  if (given.has(OptionId::Cache)) options.cacheDir = given[OptionId::Cache].text();
  options.progress = [&console](const std::string& digest, const std::string& phase) {
    console.progress(digest, phase);
  };

  std::vector<DigestReport> reports = buildDigests(specs, options, [&console] { return console.makeSink(); });
  console.clearProgress();

  if (!console.quiet())
    for (const auto& r : reports)
      printSummary(r, checkOnly, documentOnStdout || console.diagnosticsOnStdout() ? stderr : stdout);
  if (given.on(OptionId::Timings))
    for (const auto& r : reports) printTimings(r);

  if (given.has(OptionId::Report)) {
    std::string err;
    const fs::path reportPath(given[OptionId::Report].text());
    std::vector<fs::path> inputs;
    if (given.has(OptionId::Config)) inputs.emplace_back(given[OptionId::Config].text());
    for (const auto& r : reports) inputs.insert(inputs.end(), r.inputs.begin(), r.inputs.end());
    for (const auto& r : reports)
      for (const auto& o : r.outputs) inputs.push_back(o.path);  // not the report over a digest either
    if (auto problem = outputProblem(reportPath, {}, inputs)) {
      general->error({reportPath.string(), 0, 0}, "output-refused", "report not written: " + *problem);
    } else if (reportPath.has_parent_path()) {
      std::error_code ec;
      fs::create_directories(reportPath.parent_path(), ec);
    }
    if (!general->countCode("output-refused") &&
        !writeFileAtomic(reportPath, reportJson(reports, general->all(), checkOnly ? "check" : "build"), &err)) {
      general->error({reportPath.string(), 0, 0}, "report", "cannot write the report: " + err);
    }
  }

  bool failed = general->errorCount() > 0;
  for (const auto& r : reports) {
    if (r.errors > 0 || r.posts.empty()) failed = true;
    if (!checkOnly)
      for (const auto& o : r.outputs)
        if (!o.written) failed = true;
    if (options.strict && r.warnings > 0) failed = true;
  }
  if (options.strict && general->warningCount() > 0) failed = true;
  run.exitCode = failed ? kExitFailed : kExitOk;
  if (given.has(OptionId::Report)) run.ownFiles.emplace_back(given[OptionId::Report].text());
  run.cacheDir = options.cacheDir.empty() ? defaultCacheDir() : options.cacheDir;
  run.specs = std::move(specs);
  run.reports = std::move(reports);
  return run;
}

int runBuild(const GivenOptions& given, Console& console, bool checkOnly) {
  return buildOnce(given, console, checkOnly).exitCode;
}

}  // namespace pp::cli
