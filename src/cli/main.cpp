// postpress: compiles a blog's posts into a typeset PDF and an EPUB digest.
// A thin front end: arguments in, stage libraries (src/build/) do the work, exit code out.
#include <CLI/CLI.hpp>

#include <cstdio>
#include <string>

#include "cli/allocator.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "postpress/support/diagnostics.h"
#include "postpress/support/files.h"
#include "postpress/support/interrupt.h"

int main(int argc, char** argv) {
  pp::cli::configureAllocator();
  using namespace pp::cli;
  pp::InterruptGuard interrupts;  // Ctrl-C removes temporary outputs before the process ends

  CLI::App app{"postpress: compile blog posts into a typeset PDF and an EPUB digest"};
  app.set_version_flag("--version", std::string("postpress ") + pp::versionString());
  app.require_subcommand(1);
  app.fallthrough();
  bool quiet = false;
  app.add_flag("-q,--quiet", quiet, "No progress display, notes or summary (errors and warnings still print)");
  app.footer(
      "Exit codes: 0 built (or listed/checked) without errors; 1 built nothing or had errors "
      "(with --strict, warnings too); 2 usage error.\nRun 'postpress COMMAND --help' for a command's options.");

  SelectionArgs listSel;
  bool listJson = false;
  CLI::App* list = app.add_subcommand("list", "List the posts a selection picks (date, title, authors, tags, path)");
  addSelectionOptions(*list, listSel);
  list->add_flag("--json", listJson, "Print a JSON array (path, title, date, authors, tags, url, summary)");

  SelectionArgs buildSel;
  BuildArgs buildArgs;
  CLI::App* build = app.add_subcommand("build", "Build the digest: PDF and EPUB");
  addSelectionOptions(*build, buildSel);
  addBuildOptions(*build, buildArgs, false);

  SelectionArgs checkSel;
  BuildArgs checkArgs;
  CLI::App* check = app.add_subcommand("check", "Read and parse everything, report every diagnostic, write nothing");
  addSelectionOptions(*check, checkSel);
  addBuildOptions(*check, checkArgs, true);

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  // build and check need the bundled fonts and styles: without them stop before anything is
  // read or written, rather than fail later with an output half made.
  if (build->parsed() || check->parsed()) {
    if (std::string missing = pp::describeMissingDataDir(pp::findDataDir()); !missing.empty()) {
      const pp::Diagnostic d{pp::Severity::Error, {}, "data-missing", missing};
      std::fprintf(stderr, "%s\n", pp::formatDiagnostic(d).c_str());
      return kExitFailed;
    }
  }

  Console console(quiet);
  if (list->parsed()) return runList(*list, listSel, listJson, console);
  if (build->parsed()) return runBuild(*build, buildSel, buildArgs, console, false);
  if (check->parsed()) return runBuild(*check, checkSel, checkArgs, console, true);
  return kExitUsage;
}
