// Walking a site's folders for post files (see walk.h).
#include "site/walk.h"

#include <vector>

namespace pp::site {

std::string joinRel(const std::string& dir, const std::string& name) {
  return dir.empty() ? name : dir + "/" + name;
}

bool alwaysPruned(const std::string& name) {
  return name.empty() || name[0] == '.' || name == "node_modules" || name == "_site" ||
         name == "vendor" || name == "__pycache__";
}

bool tooDeep(const std::string& relDir, int depth, DiagnosticSink& diags) {
  if (depth <= kMaxDepth) return false;
  diags.warning({relDir, 0, 0}, "folder-depth",
                "folders nested more than " + std::to_string(kMaxDepth) +
                    " levels deep are not read");
  return true;
}

bool listFolder(const fs::path& dir, std::vector<Entry>& files, std::vector<Entry>& subdirs) {
  std::error_code ec;
  fs::directory_iterator it(dir, fs::directory_options::skip_permission_denied, ec);
  if (ec) return false;
  for (; it != fs::directory_iterator(); it.increment(ec)) {
    if (ec) break;
    const fs::directory_entry& entry = *it;
    std::string name = entry.path().filename().string();
    std::error_code ec2;
    if (entry.is_directory(ec2)) {
      if (!entry.is_symlink(ec2) && !alwaysPruned(name)) subdirs.emplace_back(name, entry.path());
    } else {
      files.emplace_back(name, entry.path());
    }
  }
  return true;
}

void walk(const fs::path& dir, const std::string& relDir, int depth, const DirFilter& descend,
          const FileVisit& visit, DiagnosticSink& diags) {
  if (tooDeep(relDir, depth, diags)) return;
  std::vector<Entry> files, subdirs;
  if (!listFolder(dir, files, subdirs)) return;
  for (const auto& [name, path] : files) visit(name, joinRel(relDir, name), path);
  std::vector<Entry> accepted;
  for (const auto& [name, path] : subdirs) {
    std::string rel = joinRel(relDir, name);
    if (descend(name, rel)) accepted.emplace_back(rel, path);
  }
  for (const auto& [rel, path] : accepted) walk(path, rel, depth + 1, descend, visit, diags);
}

std::string relOf(const Site& site, const fs::path& p) {
  std::string rel = p.lexically_relative(site.root).generic_string();
  return rel == "." ? std::string() : rel;
}

}  // namespace pp::site
