// postpress watch (and build --watch): build, wait for a change that matters, build again.
// Errors in a build are printed and do not end the watch: the author fixes the post and saves.
#include <cstdio>
#include <string>
#include <system_error>

#include "cli/commands.h"
#include "postpress/support/file_watcher.h"

namespace pp::cli {

namespace {

using namespace std::chrono_literals;

// After the first change, changes that follow within this pause join it (an editor saving
// several files, a git checkout): one build for all of them. A steady stream of changes is
// cut off after kLongestGathering so the digest still gets built.
constexpr auto kQuietPause = 250ms;
constexpr auto kLongestGathering = 3s;

// Watches every folder of `tree` that the plan keeps, breadth first, within the watcher's
// limit. Returns false when the limit cut the walk short.
bool watchTree(FileWatcher& watcher, const WatchPlan& plan, const fs::path& tree) {
  if (!watcher.watch(tree)) return !watcher.full();
  std::error_code ec;
  fs::recursive_directory_iterator it(tree, fs::directory_options::skip_permission_denied, ec), end;
  for (; !ec && it != end; it.increment(ec)) {
    if (!it->is_directory(ec) || it->is_symlink(ec)) continue;  // links are not followed, as the site walk does not
    if (plan.skipsFolder(it->path())) {
      it.disable_recursion_pending();
      continue;
    }
    if (!watcher.watch(it->path()) && watcher.full()) return false;
  }
  return true;
}

// False when not one folder could be watched: nothing would ever wake the watch.
bool watchPlanned(FileWatcher& watcher, const WatchPlan& plan, bool quiet) {
  bool complete = true;
  for (const fs::path& tree : plan.trees) complete = watchTree(watcher, plan, tree) && complete;
  for (const fs::path& folder : plan.folders) complete = (watcher.watch(folder) || !watcher.full()) && complete;
  if (!complete)
    std::fprintf(stderr, "postpress: warning: %s: changes in the other folders go unnoticed\n", watcher.error().c_str());
  if (watcher.size() == 0) return false;
  if (!quiet)
    std::fprintf(stderr, "watching %zu folders for changes (Ctrl-C to stop)\n", watcher.size());
  return true;
}

// Blocks until a change the plan cares about, gathers the ones that follow it, and returns
// the first (for the message; empty when the kernel dropped changes, so that any may have
// happened) and how many there were. Returns at once when every watched folder is gone.
std::pair<fs::path, std::size_t> nextChanges(FileWatcher& watcher, const WatchPlan& plan) {
  fs::path first;
  std::size_t count = 0;
  const auto takeIn = [&](const std::vector<FileChange>& changes) {
    for (const FileChange& c : changes) {
      if (c.lost) {
        if (count++ == 0) first.clear();
        continue;
      }
      if (c.folderCreated && !plan.skipsFolder(c.path)) watchTree(watcher, plan, c.path);
      if (!plan.matters(c.path)) continue;
      if (count++ == 0) first = c.path;
    }
  };
  while (count == 0 && watcher.size() > 0) takeIn(watcher.wait(1h));
  const auto started = std::chrono::steady_clock::now();
  while (std::chrono::steady_clock::now() - started < kLongestGathering) {
    const std::vector<FileChange> more = watcher.wait(kQuietPause);
    if (more.empty()) break;
    takeIn(more);
  }
  return {first, count};
}

}  // namespace

int runWatch(const GivenOptions& given, Console& console) {
  if (given.has(OptionId::DiagnosticsFormat) && given[OptionId::DiagnosticsFormat].text() == "sarif")
    return usageError("SARIF is one document for one run: watch prints text, json or github diagnostics");
  if (given.has(OptionId::Output)) {
    DigestSpec probe;
    probe.output = given[OptionId::Output].text();
    if (writesToStandardOutput(probe)) return usageError("watch writes files: give -o a path, not the standard output");
  }
  FileWatcher watcher;
  if (!watcher.ok()) {
    std::fprintf(stderr, "postpress: error: %s\n", watcher.error().c_str());
    return kExitFailed;
  }
  WatchPlan plan;
  for (bool first = true;; first = false) {
    BuildRun run = buildOnce(given, console, false);
    if (first && run.exitCode == kExitUsage) return run.exitCode;
    if (!run.specs.empty()) plan = watchPlan(run.specs, run.reports, run.ownFiles, run.cacheDir);
    if (first && plan.trees.empty() && plan.folders.empty()) {
      std::fprintf(stderr, "postpress: error: nothing to watch: the configuration names no site\n");
      return kExitFailed;
    }
    if (!watchPlanned(watcher, plan, console.quiet())) {
      std::fprintf(stderr, "postpress: error: no folder of the site can be watched%s%s\n",
                   watcher.error().empty() ? "" : ": ", watcher.error().c_str());
      return kExitFailed;
    }
    const auto [changed, count] = nextChanges(watcher, plan);
    if (count == 0) continue;  // every watched folder went away: build again, which says why
    if (changed.empty()) {
      if (!console.quiet()) std::fprintf(stderr, "\nchanges came faster than they could be read: building again\n");
    } else if (!console.quiet()) {
      std::error_code ec;
      const fs::path here = fs::current_path(ec);
      const fs::path shown = ec ? changed : changed.lexically_proximate(here);  // as diagnostics name files
      std::string more = count > 1 ? " and " + std::to_string(count - 1) + " more" : "";
      std::fprintf(stderr, "\n%s changed%s: building again\n", shown.c_str(), more.c_str());
    }
  }
}

}  // namespace pp::cli
