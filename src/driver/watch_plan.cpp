// What `postpress watch` watches (postpress/driver.h, WatchPlan).
#include <algorithm>
#include <string_view>

#include "postpress/driver.h"
#include "postpress/support/files.h"

namespace pp {

namespace {

// Folders the generators write their sites into, at the top of the site: Jekyll and Eleventy
// _site, Hugo public and resources (processed images), Docusaurus build, MkDocs site, Pelican
// output, Astro dist, Quarto _freeze. A change there is the generator's, not the author's;
// they are watched anyway when posts live in them.
constexpr std::string_view kGeneratorOutputs[] = {"_site", "public", "resources", "build", "site", "output", "dist", "_freeze"};

// Editors' scratch files: Vim's name.swp/.swx/.swo and its 4913 probe, Emacs' #name# and
// name~, Kate's name.kate-swp (hidden names, .#name and our own .name.tmp-XXXXXX
// temporaries among them, are left out before this).
bool isScratchName(std::string_view name) {
  if (name == "4913" || name.ends_with('~')) return true;
  if (name.size() > 1 && name.front() == '#' && name.back() == '#') return true;
  for (std::string_view suffix : {".swp", ".swx", ".swo", ".kate-swp"})
    if (name.ends_with(suffix)) return true;
  return false;
}

fs::path resolved(const fs::path& p) {
  std::error_code ec;
  fs::path absolute = fs::absolute(p, ec);
  if (ec) return p.lexically_normal();
  fs::path c = fs::weakly_canonical(absolute, ec);
  return ec ? absolute.lexically_normal() : c;
}

bool lexicallyUnder(const fs::path& root, const fs::path& p) {
  auto r = root.begin(), q = p.begin();
  for (; r != root.end(); ++r, ++q) {
    if (r->empty()) continue;
    if (q == p.end() || *r != *q) return false;
  }
  return true;
}

void addOnce(std::vector<fs::path>& list, fs::path p) {
  if (std::find(list.begin(), list.end(), p) == list.end()) list.push_back(std::move(p));
}

}  // namespace

bool WatchPlan::skipsFolder(const fs::path& folder) const {
  const std::string name = folder.filename().string();
  if (name.starts_with('.') || name == "node_modules") return true;  // .git, .hg, .cache, .docusaurus...
  return std::find(ownFolders.begin(), ownFolders.end(), folder) != ownFolders.end() ||
         std::find(skippedFolders.begin(), skippedFolders.end(), folder) != skippedFolders.end();
}

bool WatchPlan::matters(const fs::path& file) const {
  const std::string name = file.filename().string();
  if (name.empty() || name.starts_with('.') || isScratchName(name)) return false;
  if (std::find(ownFiles.begin(), ownFiles.end(), file) != ownFiles.end()) return false;
  for (const fs::path& f : ownFolders)
    if (lexicallyUnder(f, file)) return false;
  for (const fs::path& f : skippedFolders)
    if (lexicallyUnder(f, file)) return false;
  return true;
}

WatchPlan watchPlan(const std::vector<DigestSpec>& specs, const std::vector<DigestReport>& reports,
                    const std::vector<fs::path>& ownFiles, const fs::path& cacheDir) {
  WatchPlan plan;
  for (const DigestSpec& s : specs) addOnce(plan.trees, resolved(s.site.root));
  std::vector<fs::path> inputs;
  for (const DigestSpec& s : specs)
    if (!s.where.path.empty()) inputs.push_back(resolved(s.where.path));  // the config, even when nothing was read
  for (const DigestReport& r : reports) {
    for (const fs::path& in : r.inputs) inputs.push_back(resolved(in));
    for (const OutputReport& o : r.outputs)
      if (o.path != fs::path(kStandardOutput)) addOnce(plan.ownFiles, resolved(o.path));
  }
  for (const fs::path& f : ownFiles) addOnce(plan.ownFiles, resolved(f));
  if (!cacheDir.empty()) addOnce(plan.ownFolders, resolved(cacheDir));

  const auto inSomeTree = [&plan](const fs::path& p) {
    return std::any_of(plan.trees.begin(), plan.trees.end(), [&p](const fs::path& t) { return lexicallyUnder(t, p); });
  };
  for (const fs::path& in : inputs)
    if (!inSomeTree(in)) addOnce(plan.folders, in.parent_path());
  for (const fs::path& tree : plan.trees)
    for (std::string_view name : kGeneratorOutputs) {
      const fs::path folder = tree / name;
      const bool feedsTheDigest =
          std::any_of(inputs.begin(), inputs.end(), [&folder](const fs::path& in) { return lexicallyUnder(folder, in); });
      if (!feedsTheDigest) plan.skippedFolders.push_back(folder);
    }
  return plan;
}

}  // namespace pp
