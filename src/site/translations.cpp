// Where a translated post finds the resources its own folder lacks. Hugo: "each page bundle
// inherits the resources of its linked translated pages' bundles", the current language's
// file first, then the others by language weight; pages are linked by their path inside
// their language's content folder. Docusaurus: a translated post under
// i18n/<locale>/docusaurus-plugin-content-blog/ is the original's text, its relative images
// are the original's.
#include <algorithm>

#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

namespace {

int weightOf(const Site& site, const SiteRules& rules, const std::string& language) {
  const std::string& key = language.empty() ? rules.defaultLanguage(site.language) : language;
  auto it = rules.languageWeights.find(key);
  // Unweighted languages come after weighted ones; the default language first among equals.
  return it != rules.languageWeights.end() ? it->second : (language.empty() ? 1 << 20 : 1 << 21);
}

}  // namespace

std::vector<fs::path> translationResourceDirs(const Site& site, const SiteRules& rules, const PostContext& ctx) {
  std::vector<fs::path> out;
  bool hugo = site.generator == Generator::Hugo;
  if (hugo && !ctx.isIndex) return out;  // a Hugo single page has no resources
  if (!hugo && ctx.language.empty()) return out;  // only translations borrow from the original
  std::string rel = ctx.contentRel;
  std::size_t slash = rel.rfind('/');
  std::string folder = slash == std::string::npos ? std::string() : rel.substr(0, slash);

  std::vector<const ContentRoot*> others;
  for (const ContentRoot& r : rules.contentRoots) {
    if (r.dir == ctx.contentRoot || r.language == ctx.language) continue;
    if (!hugo && !r.language.empty()) continue;
    others.push_back(&r);
  }
  std::stable_sort(others.begin(), others.end(), [&](const ContentRoot* a, const ContentRoot* b) {
    return weightOf(site, rules, a->language) < weightOf(site, rules, b->language);
  });
  auto at = [&](const fs::path& root) { return (folder.empty() ? root : root / folder).lexically_normal(); };
  fs::path own = at(ctx.contentRoot);
  for (const ContentRoot* r : others) {
    fs::path dir = at(r->dir);
    if (dir != own && isDirectory(dir) && std::find(out.begin(), out.end(), dir) == out.end()) out.push_back(dir);
  }
  return out;
}

}  // namespace pp::site
