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

bool isImageKey(std::string_view key) {
  for (std::string_view k : {"image", "header-img", "header_image", "cover", "cover_image", "featured_image",
                             "featuredImage", "feature_image", "images", "hero", "hero_image", "thumbnail",
                             "og_image", "seo_image"}) {
    if (iequals(k, key)) return true;
  }
  return false;
}

// Front matter defaults for posts. An image among them is the same picture for every post in
// the scope: the site's social card (jekyll-seo-tag reads it so), never a post's own hero
// image, so it is kept as Site::socialImage and not applied.
void readDefaults(const Meta& cfg, Site& site, SiteRules& rules) {
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
    d.values.kind = Meta::Kind::Map;
    for (std::size_t i = 0; i < values->keys.size(); ++i) {
      if (!isImageKey(values->keys[i])) {
        d.values.set(values->keys[i], values->values[i], values->keyLines[i], values->keyCols[i]);
      } else if (std::string img = imageValue(values->values[i]); site.socialImage.empty() && !img.empty()) {
        site.socialImage = img;
      }
    }
    rules.defaults.push_back(std::move(d));
  }
}

}  // namespace

void readJekyllConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Meta cfg = readSiteConfig(site, diags);

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
  readDefaults(cfg, site, rules);
  // jekyll-seo-tag's site-wide image.
  if (site.socialImage.empty() && cfg.find("image")) site.socialImage = imageValue(*cfg.find("image"));

  fs::path data = configFolder(site, "data_dir", scalarAt(cfg, "data_dir"), "_data", diags);
  for (const char* name : {"authors.yml", "authors.yaml", "authors.json"}) {
    if (isRegularFile(data / name)) {
      readAuthorsFile(site.root, data / name, relativeTo(site.root, data / name), site.authors, diags);
      break;
    }
  }
}

}  // namespace pp::site
