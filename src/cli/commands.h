// The subcommands: list, build, check. Each returns the process exit code.
#pragma once

#include "cli/args.h"
#include "cli/console.h"

namespace pp::cli {

int runList(const CLI::App& cmd, const SelectionArgs& sel, bool json, Console& console);
// build and check (checkOnly) share everything but the writing.
int runBuild(const CLI::App& cmd, const SelectionArgs& sel, const BuildArgs& args, Console& console,
             bool checkOnly);

}  // namespace pp::cli
