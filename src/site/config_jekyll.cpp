// Jekyll: _config.yml, front matter defaults, _data/authors.yml.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

namespace {

bool listContains(const Meta* list, std::string_view needle) {
  for (const std::string& item : stringList(list)) {
    if (item.find(needle) != std::string::npos) return true;
  }
  return false;
}

bool jekyllMath(const Meta& cfg) {
  for (const char* key : {"math", "mathjax", "katex", "use_math", "usemathjax"}) {
    if (const Meta* v = cfg.find(key); v && v->truthy()) return true;
  }
  // kramdown converts $$…$$ with its math engine; a site that names one means to use math.
  std::string engine = toLowerAscii(scalarAt(cfg, "kramdown.math_engine"));
  return !engine.empty() && engine != "null" && engine != "nil" && engine != "none";
}

void readDefaults(const Meta& cfg, SiteRules& rules) {
  const Meta* defaults = cfg.find("defaults");
  if (!defaults || !defaults->isList()) return;
  for (const Meta& entry : defaults->values) {
    const Meta* values = entry.find("values");
    if (!values || !values->isMap()) continue;
    std::string type = scalarAt(entry, "scope.type");
    if (!type.empty() && type != "posts" && type != "drafts") continue;
    FrontMatterDefault d;
    d.scopePath = scalarAt(entry, "scope.path");
    while (startsWith(d.scopePath, "./") || startsWith(d.scopePath, "/")) {
      d.scopePath.erase(0, d.scopePath[0] == '.' ? 2 : 1);
    }
    d.values = *values;
    rules.defaults.push_back(std::move(d));
  }
}

}  // namespace

void readJekyllConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Meta cfg;
  readConfigFile(site.root, site.root / site.configPath, site.configPath, cfg, diags);
  flatten(cfg, "", site.config);

  site.title = scalarAt(cfg, "title");
  site.description = scalarAt(cfg, "description");
  site.url = scalarAt(cfg, "url");
  while (!site.url.empty() && site.url.back() == '/') site.url.pop_back();
  site.baseurl = normaliseBasePath(scalarAt(cfg, "baseurl"));
  for (const char* key : {"lang", "language", "locale"}) {
    if (std::string v = scalarAt(cfg, key); !v.empty()) {
      site.language = replaceAll(v, "_", "-");
      break;
    }
  }
  site.permalink = scalarAt(cfg, "collections.posts.permalink");  // overrides the site's
  if (site.permalink.empty()) site.permalink = scalarAt(cfg, "permalink");
  if (site.permalink.empty()) site.permalink = "date";

  rules.collectionsDir = scalarAt(cfg, "collections_dir");
  site.contentDir = configFolder(site, "collections_dir", rules.collectionsDir, "", diags);
  site.staticRoots = {site.root};
  fs::path includesDir = configFolder(site, "includes_dir", scalarAt(cfg, "includes_dir"), "_includes", diags);
  if (isDirectory(includesDir)) site.includesDir = includesDir;

  site.emoji = listContains(cfg.find("plugins"), "jemoji") || listContains(cfg.find("gems"), "jemoji");
  site.math = jekyllMath(cfg);
  rules.siteAuthor = singleSiteAuthor(cfg);
  readDefaults(cfg, rules);

  fs::path data = configFolder(site, "data_dir", scalarAt(cfg, "data_dir"), "_data", diags);
  for (const char* name : {"authors.yml", "authors.yaml", "authors.json"}) {
    if (isRegularFile(data / name)) {
      readAuthorsFile(data / name, relativeTo(site.root, data / name), site, diags);
      break;
    }
  }
}

}  // namespace pp::site
