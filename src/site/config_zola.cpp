// Zola: config.toml (base_url, title, description, default_language, [languages.<code>],
// [extra]); content/ holds sections (folders with an _index.md) and pages. A blog is a
// section whose pages are sorted by date (`sort_by = "date"` in its _index.md); static/ is
// served at the root, and a page's folder holds its assets.
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

void readZolaConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Meta cfg = readSiteConfig(site, diags);
  readSiteKeys(cfg, {"title", "description", "base_url", "default_language", "author"}, site, rules);
  if (const Meta* langs = cfg.find("languages"); langs && langs->isMap()) {
    for (const std::string& key : langs->keys) {
      if (key != site.language) rules.languages.push_back(key);
    }
  }
  if (rules.siteAuthor.empty()) rules.siteAuthor = scalarAt(cfg, "extra.author");
  for (const char* key : {"extra.image", "extra.og_image", "extra.social_image", "extra.banner"}) {
    if (const Meta* v = cfg.path(key); v && site.socialImage.empty()) site.socialImage = imageValue(*v);
  }
  site.contentDir = site.root / "content";
  addContentRoot(rules, site.contentDir, "");
  site.staticRoots = {site.root / "static", site.contentDir};
  site.permalink = "/:section/:slug/";
  site.math = scalarAt(cfg, "extra.katex") == "true" || scalarAt(cfg, "extra.math") == "true";
  site.emoji = scalarAt(cfg, "markdown.render_emoji") == "true";
}

}  // namespace pp::site
