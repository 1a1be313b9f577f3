// Which generator built this folder, and the settings common to all of them.
#include "site/config.h"

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/frontmatter.h"
#include "site/js_config.h"
#include "site/util.h"

namespace pp::site {

namespace {

bool isZolaConfig(const fs::path& root, const fs::path& file) {
  std::string err;
  auto raw = readConfined(root, file, &err, 1u << 20);
  if (!raw) return false;
  for (const std::string& line : split(*raw, '\n')) {
    std::string_view t = trim(line);
    if (startsWith(t, "base_url") && t.find('=') != std::string_view::npos) return true;
  }
  return false;
}

}  // namespace

Generator detectGenerator(const fs::path& root, std::string& configPath) {
  auto has = [&](const char* name) {
    if (!isRegularFile(root / name)) return false;
    configPath = name;
    return true;
  };
  for (const char* name : {"docusaurus.config.js", "docusaurus.config.ts", "docusaurus.config.mjs",
                           "docusaurus.config.cjs", "docusaurus.config.mts"}) {
    if (has(name)) return Generator::Docusaurus;
  }
  for (const char* name : {"hugo.toml", "hugo.yaml", "hugo.yml", "hugo.json"}) {
    if (has(name)) return Generator::Hugo;
  }
  for (const char* name : {"_config.yml", "_config.yaml", "_config.toml"}) {
    if (has(name)) return Generator::Jekyll;
  }
  for (const char* name : {"_quarto.yml", "_quarto.yaml"}) {
    if (has(name)) return Generator::Quarto;
  }
  for (const char* name : {"mkdocs.yml", "mkdocs.yaml"}) {
    if (has(name)) return Generator::MkDocs;
  }
  if (has("pelicanconf.py")) return Generator::Pelican;
  for (const char* name : {"astro.config.mjs", "astro.config.js", "astro.config.ts", "astro.config.mts",
                           "astro.config.cjs"}) {
    if (has(name)) return Generator::Astro;
  }
  for (const char* name : {"gatsby-config.js", "gatsby-config.ts", "gatsby-config.mjs"}) {
    if (has(name)) return Generator::Gatsby;
  }
  for (const char* name : {"eleventy.config.js", "eleventy.config.mjs", "eleventy.config.cjs", ".eleventy.js",
                           "eleventy.config.ts"}) {
    if (has(name)) return Generator::Eleventy;
  }
  // Zola's config.toml names `base_url`; Hugo's says baseURL (any case, no underscore).
  if (isRegularFile(root / "config.toml") && isZolaConfig(root, root / "config.toml")) {
    configPath = "config.toml";
    return Generator::Zola;
  }
  for (const char* name : {"config.toml", "config.yaml", "config.yml", "config.json"}) {
    if (has(name)) return Generator::Hugo;
  }
  // Hugo's configuration directory, with no root config file at all.
  for (const char* name :
       {"config/_default/hugo.toml", "config/_default/hugo.yaml", "config/_default/hugo.yml",
        "config/_default/hugo.json", "config/_default/config.toml", "config/_default/config.yaml",
        "config/_default/config.yml", "config/_default/config.json"}) {
    if (has(name)) return Generator::Hugo;
  }
  configPath.clear();
  return Generator::Plain;
}

bool readConfigFile(const fs::path& root, const fs::path& file, const std::string& displayPath, Meta& out,
                    DiagnosticSink& diags) {
  out = Meta{};
  out.kind = Meta::Kind::Map;
  std::string err;
  auto raw = readConfined(root, file, &err, 16u << 20);
  if (!raw) {
    diags.error({displayPath, 0, 0}, "config-read", "cannot read config: " + err);
    return false;
  }
  std::string text = normaliseText(*raw, displayPath, diags);
  if (!parseConfigText(text, displayPath, out, diags)) {
    out = Meta{};
    out.kind = Meta::Kind::Map;
    return false;
  }
  return true;
}

fs::path configFolder(const Site& site, std::string_view key, const std::string& value, const char* fallback,
                      DiagnosticSink& diags) {
  const fs::path otherwise = *fallback ? site.root / fallback : site.root;
  if (value.empty()) return otherwise;
  if (std::optional<fs::path> inside = confinedFolder(site.root, value)) return *inside;
  // A folder of the site that is simply missing is not worth a word (nothing is read from
  // it); a value that leaves the root is, whether or not its target exists (the warning must
  // not tell which folders exist outside).
  const fs::path written(value);
  const fs::path normal = written.lexically_normal();
  const bool leaves = written.is_absolute() || (!normal.empty() && *normal.begin() == "..");
  std::error_code ec;
  if (!leaves && !fs::exists(fs::symlink_status(site.root / written, ec))) return site.root / written;
  diags.warning({site.configPath, 0, 0}, "config-folder",
                "`" + std::string(key) + ": " + value + "` is not a folder inside the site: ignored");
  return otherwise;
}

Meta readSiteConfig(Site& site, DiagnosticSink& diags) {
  Meta cfg;
  readConfigFile(site.root, site.root / site.configPath, site.configPath, cfg, diags);
  flatten(cfg, "", site.config);
  return cfg;
}

std::string readJsConfig(const Site& site, DiagnosticSink& diags) {
  std::string err;
  auto raw = readConfined(site.root, site.root / site.configPath, &err, 16u << 20);
  if (!raw) {
    diags.error({site.configPath, 0, 0}, "config-read", "cannot read config: " + err);
    return {};
  }
  return stripJsComments(normaliseText(*raw, site.configPath, diags));
}

void addContentRoot(SiteRules& rules, fs::path dir, std::string language) {
  dir = dir.lexically_normal();
  for (const ContentRoot& r : rules.contentRoots) {
    if (r.dir == dir) return;
  }
  rules.contentRoots.push_back({std::move(dir), std::move(language)});
}

std::string singleSiteAuthor(const Meta& config) {
  const Meta* author = config.find("author");
  if (!author) return {};
  if (author->isScalar()) return std::string(trim(author->text));
  if (author->isMap()) return scalarAt(*author, "name");
  return {};  // a list of authors is not a single-author convention
}

void readPlainConfig(Site& site, SiteRules&) {
  site.contentDir = site.root;
  site.staticRoots = {site.root};
}

void readSiteKeys(const Meta& cfg, const SiteKeys& keys, Site& site, SiteRules& rules) {
  site.title = scalarAt(cfg, keys.title);
  site.description = scalarAt(cfg, keys.description);
  splitBaseUrl(scalarAt(cfg, keys.url), site.url, site.baseurl);
  if (std::string lang = scalarAt(cfg, keys.language); !lang.empty()) site.language = lang;
  rules.siteAuthor = scalarAt(cfg, keys.author);
}

}  // namespace pp::site
