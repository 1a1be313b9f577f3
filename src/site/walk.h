// Walking a site's folders for post files: what is never walked, how deep, and the
// relative paths every discovery reports.
#pragma once

#include <filesystem>
#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "postpress/site.h"

namespace pp::site {

namespace fs = std::filesystem;

inline constexpr int kMaxDepth = 64;

struct Found {
  std::string rel;  // relative to root, '/' separators
  fs::path file;
};

using DirFilter = std::function<bool(const std::string& name, const std::string& rel)>;
using FileVisit = std::function<void(const std::string& name, const std::string& rel,
                                     const fs::path& file)>;

std::string joinRel(const std::string& dir, const std::string& name);

using Entry = std::pair<std::string, fs::path>;  // a name in a folder, and its path

// The files and subfolders of dir (symbolic links to folders and alwaysPruned() names left
// out), in the order the file system gives; false when dir cannot be read.
bool listFolder(const fs::path& dir, std::vector<Entry>& files, std::vector<Entry>& subdirs);

// Hidden folders, node_modules, _site, vendor, __pycache__: never hold posts.
bool alwaysPruned(const std::string& name);

// Folders nested deeper than kMaxDepth are not read (a generated chain, never a blog): says so.
bool tooDeep(const std::string& relDir, int depth, DiagnosticSink& diags);

// Calls visit for every file under dir that is not a folder (relDir is dir relative to the site
// root), descending into subfolders that descend() accepts (a parent folder before its
// children). Whether a visited file can be read is judged later, once it is known to be a post.
void walk(const fs::path& dir, const std::string& relDir, int depth, const DirFilter& descend,
          const FileVisit& visit, DiagnosticSink& diags);

// p relative to the site root ("" for the root itself).
std::string relOf(const Site& site, const fs::path& p);

}  // namespace pp::site
