// Finding the bundled fonts and styles at run time, relative to the executable: the only
// compiled-in path is the install layout's bindir -> datadir step (POSTPRESS_DATA_FROM_BINDIR).
#include "postpress/support/files.h"

#include <algorithm>
#include <cstdlib>
#include <system_error>

#ifndef POSTPRESS_DATA_FROM_BINDIR
#define POSTPRESS_DATA_FROM_BINDIR "../share/postpress"
#endif

namespace pp {

namespace {

// A folder is the data folder when it has both parts the program reads: a missing half would
// only turn into a confusing error later (a style naming fonts that are not there).
bool holdsData(const fs::path& dir) {
  std::error_code ec;
  return fs::is_directory(dir / "fonts", ec) && fs::is_directory(dir / "styles", ec);
}

// The running program's folder, symlinks resolved (a /usr/local/bin link to an installed
// prefix still finds that prefix's data). Empty when /proc is not mounted.
fs::path executableDir() {
  std::error_code ec;
  fs::path exe = fs::read_symlink("/proc/self/exe", ec);
  if (ec) return {};
  return exe.parent_path();
}

}  // namespace

DataDirSearch findDataDir() {
  DataDirSearch search;
  if (const char* env = std::getenv("POSTPRESS_DATA_DIR"); env && *env) {
    search.fromEnvironment = true;
    search.tried.emplace_back(env);
    if (holdsData(env)) search.found = env;
    return search;
  }
  const fs::path exeDir = executableDir();
  if (exeDir.empty()) return search;
  // The installed layout first; then the build tree, which mirrors it in <build>/share/postpress
  // for build/postpress (a sibling) and for build/tests/test_* and the like (one level down).
  for (const char* rel : {POSTPRESS_DATA_FROM_BINDIR, "share/postpress", "../share/postpress"}) {
    const fs::path dir = (exeDir / rel).lexically_normal();
    if (std::find(search.tried.begin(), search.tried.end(), dir) != search.tried.end()) continue;
    search.tried.push_back(dir);
    if (holdsData(dir)) {
      search.found = dir;
      break;
    }
  }
  return search;
}

std::string describeMissingDataDir(const DataDirSearch& search) {
  if (!search.found.empty()) return {};
  if (search.tried.empty())
    return "cannot find the bundled fonts and styles: the program's own location is unknown "
           "(/proc/self/exe is unreadable); set POSTPRESS_DATA_DIR to the folder holding fonts/ "
           "and styles/";
  std::string where;
  for (const fs::path& dir : search.tried) where += (where.empty() ? "" : ", ") + dir.string();
  if (search.fromEnvironment)
    return "POSTPRESS_DATA_DIR=" + where + " does not hold the bundled fonts/ and styles/";
  return "cannot find the bundled fonts and styles (looked in " + where +
         "); reinstall postpress, or set POSTPRESS_DATA_DIR to the folder holding fonts/ and styles/";
}

fs::path dataDir() {
  DataDirSearch search = findDataDir();
  if (!search.found.empty()) return search.found;
  return search.tried.empty() ? fs::path() : search.tried.front();
}

}  // namespace pp
