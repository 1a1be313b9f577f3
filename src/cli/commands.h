// The subcommands: list, build, check. Each returns the process exit code.
#pragma once

#include "cli/args.h"
#include "cli/console.h"

namespace pp::cli {

int runList(const GivenOptions& given, Console& console);

// One run of build or check, and what watch mode needs to know of it.
struct BuildRun {
  int exitCode = kExitOk;
  std::vector<DigestSpec> specs;      // the digests, as read
  std::vector<DigestReport> reports;  // in the order of specs
  std::vector<fs::path> ownFiles;     // files the run wrote beside the digests (the report)
  fs::path cacheDir;                  // the image cache
};
BuildRun buildOnce(const GivenOptions& given, Console& console, bool checkOnly);
// watch, and build --watch: builds, then builds again after every change that matters, until
// the process is interrupted. Returns only on a usage error or when nothing can be watched.
int runWatch(const GivenOptions& given, Console& console);
// build and check (checkOnly) share everything but the writing.
int runBuild(const GivenOptions& given, Console& console, bool checkOnly);

}  // namespace pp::cli
