// The subcommands: list, build, check. Each returns the process exit code.
#pragma once

#include "cli/args.h"
#include "cli/console.h"

namespace pp::cli {

int runList(const GivenOptions& given, Console& console);
// build and check (checkOnly) share everything but the writing.
int runBuild(const GivenOptions& given, Console& console, bool checkOnly);

}  // namespace pp::cli
