// Quarto: _quarto.yml (`website: {title, site-url, description}`, `lang`). A blog is a listing
// page: the home page's `listing: contents:` names the folders of posts (the blog template:
// posts/, one folder per post with an index.qmd); every folder's _metadata.yml gives its
// documents shared options. Files and folders starting with `_` are not rendered.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/frontmatter.h"
#include "site/util.h"

namespace pp::site {

namespace {

// `listing: {contents: posts}`, `contents: [posts, "talks/*.qmd"]`, or a list of listings.
void listingFolders(const Meta& listing, std::vector<std::string>& out) {
  if (listing.isList()) {
    for (const Meta& l : listing.values) listingFolders(l, out);
    return;
  }
  if (listing.isScalar()) return;
  for (std::string folder : stringList(listing.find("contents"))) {
    // A glob names files in a folder: keep the folder.
    if (std::size_t star = folder.find_first_of("*?["); star != std::string::npos) {
      folder = folder.substr(0, folder.rfind('/', star) == std::string::npos ? 0 : folder.rfind('/', star));
    }
    while (startsWith(folder, "./") || startsWith(folder, "/")) folder.erase(0, folder[0] == '.' ? 2 : 1);
    while (!folder.empty() && folder.back() == '/') folder.pop_back();
    if (!folder.empty()) out.push_back(folder);
  }
}

// The folders the site's listing pages list (index.qmd and the other top-level pages).
std::vector<std::string> listedFolders(const Site& site) {
  std::vector<std::string> out;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(site.root, ec)) {
    std::string name = entry.path().filename().string();
    if (!endsWith(name, ".qmd") || name[0] == '_' || !entry.is_regular_file(ec)) continue;
    std::string err;
    auto raw = readConfined(site.root, entry.path(), &err, 1u << 20);
    if (!raw) continue;
    FrontMatter fm;
    DiagnosticSink quiet;  // a page's broken front matter is told when it is read as a post, if ever
    if (!splitFrontMatter(normaliseText(*raw, name, quiet), name, false, fm, quiet)) continue;
    if (const Meta* listing = fm.data.find("listing")) listingFolders(*listing, out);
  }
  return out;
}

}  // namespace

void readQuartoConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Meta cfg = readSiteConfig(site, diags);
  readSiteKeys(cfg, {"website.title", "website.description", "website.site-url", "lang", "author"}, site, rules);
  if (site.title.empty()) site.title = scalarAt(cfg, "title");

  std::vector<std::string> folders = listedFolders(site);
  if (folders.empty()) folders = {"posts"};
  for (const std::string& folder : folders) {
    if (isDirectory(site.root / folder)) addContentRoot(rules, site.root / folder, "");
  }
  site.contentDir = site.root;
  site.staticRoots = {site.root};
  site.permalink = "/:path/";
}

}  // namespace pp::site
