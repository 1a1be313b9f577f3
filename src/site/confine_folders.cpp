// Every folder a generator's configuration gave the site (content roots, the blog folder, static
// and include folders, path aliases), checked once after any generator's config was read: each
// generator turns its own settings into folders (Eleventy's dir.input, Pelican's PATH, Hugo's
// module mounts, Gatsby's source paths...), and a check in each reader would be missed by the
// next one. A folder outside the root, or one whose real path leaves it through a link, is
// dropped without a word: only folders that exist reach this pass (the readers skip missing
// ones), so a warning here would tell which outside folders exist (issue 25 item 2). Settings
// whose values name folders are warned about by the readers, through configFolder, in the same
// words whether or not the folder exists.
#include <algorithm>

#include "postpress/support/files.h"
#include "site/config.h"

namespace pp::site {

namespace {

// True when `dir` is inside `root`: lexically, and through links when it exists. A folder of
// the site that does not exist is harmless (nothing is read from it) and kept.
bool insideRoot(const fs::path& root, const fs::path& dir) {
  const fs::path normal = dir.lexically_normal();
  const fs::path rel = normal.lexically_relative(root);
  if (rel.empty() || *rel.begin() == "..") return false;
  std::error_code ec;
  if (!fs::exists(fs::symlink_status(normal, ec))) return true;
  return confinedFolder(root, rel.generic_string()).has_value();
}

template <typename T, typename Dir>
void keepInside(std::vector<T>& list, const fs::path& root, Dir dirOf) {
  list.erase(std::remove_if(list.begin(), list.end(), [&](const T& x) { return !insideRoot(root, dirOf(x)); }),
             list.end());
}

}  // namespace

void confineConfiguredFolders(Site& site, SiteRules& rules) {
  const fs::path& root = site.root;
  if (!rules.blogDir.empty() && !insideRoot(root, rules.blogDir)) rules.blogDir = site.root / "blog";
  if (!site.contentDir.empty() && !insideRoot(root, site.contentDir)) site.contentDir = site.root;
  const bool hadRoots = !rules.contentRoots.empty();
  keepInside(rules.contentRoots, root, [](const ContentRoot& r) { return r.dir; });
  // With every configured root refused, posts are looked for where the generator looks by
  // default: its content folder (itself checked above), as when the setting is absent.
  if (hadRoots && rules.contentRoots.empty()) addContentRoot(rules, site.contentDir.empty() ? site.root : site.contentDir, "");
  if (!site.includesDir.empty() && !insideRoot(root, site.includesDir)) site.includesDir.clear();
  keepInside(site.staticRoots, root, [](const fs::path& p) { return p; });
  for (auto& [language, roots] : site.languageStaticRoots) keepInside(roots, root, [](const fs::path& p) { return p; });
  keepInside(site.pathAliases, root, [](const auto& alias) { return alias.second; });
}

}  // namespace pp::site
