// postpress: compiles a blog's posts into a typeset PDF and an EPUB digest.
// A thin front end: arguments in, stage libraries (src/driver/) do the work, exit code out.
#include <CLI/CLI.hpp>

#include <array>
#include <cstdio>
#include <iterator>
#include <new>
#include <string>

#include "cli/allocator.h"
#include "cli/args.h"
#include "cli/commands.h"
#include "cli/console.h"
#include "cli/library_versions.h"
#include "cli/suggestions.h"
#include "postpress/support/diagnostics.h"
#include "postpress/support/files.h"
#include "postpress/support/interrupt.h"

int main(int argc, char** argv) {
  pp::cli::configureAllocator();
  using namespace pp::cli;
  pp::InterruptGuard interrupts;  // Ctrl-C removes temporary outputs before the process ends

  CLI::App app{"postpress: compile blog posts into a typeset PDF and an EPUB digest"};
  // CLI11 makes --help (for every subcommand too) and --version itself; the words are the table's.
  app.set_help_flag("-h,--help", std::string(pp::option(pp::OptionId::Help).help));
  app.set_version_flag("--version", std::string("postpress ") + pp::versionString() + "\nbuilt with " + libraryVersions(),
                       std::string(pp::option(pp::OptionId::Version).help));
  app.require_subcommand(1);
  app.fallthrough();
  GivenOptions general;
  general.addTo(app, pp::kGlobal);
  app.footer(
      "Exit codes: 0 built (or listed/checked) without errors; 1 built nothing or had errors "
      "(with --strict, warnings too); 2 usage error.\nRun 'postpress COMMAND --help' for a command's options.");

  std::array<GivenOptions, std::size(pp::kCommands)> commandOptions;
  std::array<CLI::App*, std::size(pp::kCommands)> commands{};
  for (std::size_t i = 0; i < commands.size(); ++i) {
    const pp::CommandSpec& c = pp::kCommands[i];
    commands[i] = app.add_subcommand(std::string(c.name), std::string(c.help));
    commandOptions[i].addTo(*commands[i], c.bit);
  }

  try {
    app.parse(argc, argv);
  } catch (const CLI::ParseError& e) {
    if (e.get_exit_code() != 0)
      if (auto unknown = unknownArgument(argc, argv)) return usageError(*unknown);
    int code = app.exit(e);
    return code == 0 ? kExitOk : kExitUsage;
  }

  for (std::size_t i = 0; i < commands.size(); ++i) {
    if (!commands[i]->parsed()) continue;
    GivenOptions& given = commandOptions[i];
    auto problem = general.read();
    if (!problem) problem = given.read();
    if (problem) return usageError(*problem);
    const auto command = pp::kCommands[i].bit;
    // build and check need the bundled fonts and styles: without them stop before anything is
    // read or written, rather than fail later with an output half made.
    if (command == pp::kBuild || command == pp::kCheck || command == pp::kWatch) {
      if (std::string missing = pp::describeMissingDataDir(pp::findDataDir()); !missing.empty()) {
        const pp::Diagnostic d{pp::Severity::Error, {}, "data-missing", missing};
        std::fprintf(stderr, "%s\n", pp::formatDiagnostic(d).c_str());
        return kExitFailed;
      }
    }
    Console console(general.on(pp::OptionId::Quiet));
    // The build guards each digest's stages (an [out-of-memory] error for that digest); memory
    // can also run out before them (reading a huge site), which ends the run the same way
    // rather than in std::terminate. Outputs are only ever renamed into place, so none is half
    // written.
    try {
      switch (command) {
        case pp::kList: return runList(given, console);
        case pp::kBuild: return given.on(pp::OptionId::Watch) ? runWatch(given, console) : runBuild(given, console, false);
        case pp::kWatch: return runWatch(given, console);
        case pp::kCheck: return runBuild(given, console, true);
        case pp::kGlobal: break;
      }
    } catch (const std::bad_alloc&) {
      const pp::Diagnostic d{pp::Severity::Error, {}, "out-of-memory", "out of memory"};
      std::fprintf(stderr, "%s\n", pp::formatDiagnostic(d).c_str());
      return kExitFailed;
    }
  }
  return kExitUsage;
}
