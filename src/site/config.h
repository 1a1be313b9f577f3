// Generator detection and config reading, one function per generator.
#pragma once

#include "postpress/site.h"
#include "site/rules.h"

namespace pp::site {

// Detects the generator from the files at root; configPath receives the config file relative
// to root ("" for Plain).
Generator detectGenerator(const fs::path& root, std::string& configPath);

// Read a config file (YAML/TOML/JSON by extension) of the site under `root` into a map;
// reports and returns false on failure (out is then an empty map).
bool readConfigFile(const fs::path& root, const fs::path& file, const std::string& displayPath, Meta& out,
                    DiagnosticSink& diags);

// Fill site (title, url, flags, roots, authors, tag labels, config map) and rules.
void readJekyllConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readHugoConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readDocusaurusConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readPlainConfig(Site& site, SiteRules& rules);
void readGatsbyConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readAstroConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readEleventyConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readMkDocsConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readZolaConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readPelicanConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);
void readQuartoConfig(Site& site, SiteRules& rules, DiagnosticSink& diags);

// Folder aliases of import paths: tsconfig/jsconfig `compilerOptions.paths`, Docusaurus `@site/`
// (path_aliases.cpp).
void readPathAliases(Site& site);

// Adds a folder that holds posts (of `language`, "" for the site's), once.
void addContentRoot(SiteRules& rules, fs::path dir, std::string language);

// The site's YAML/TOML config file (site.configPath), also flattened into site.config; an
// empty map after reporting when it cannot be read.
Meta readSiteConfig(Site& site, DiagnosticSink& diags);

// Where a generator's config names the site's title, description, address, language and
// author (dotted keys).
struct SiteKeys {
  const char* title;
  const char* description;
  const char* url;
  const char* language;
  const char* author;
};
// Reads those keys into site (title, description, url and baseurl; the language only when
// set) and rules.siteAuthor.
void readSiteKeys(const Meta& cfg, const SiteKeys& keys, Site& site, SiteRules& rules);

// The text of a JavaScript config file with its comments blanked, or "" after reporting.
std::string readJsConfig(const Site& site, DiagnosticSink& diags);

// `key: {name, title, url, image_url, affiliation}` files (Docusaurus blog/authors.yml, Jekyll
// _data/authors.yml, Hugo data/authors.*, MkDocs .authors.yml with its `authors:` map) into
// a key -> Author map (site.authors, or a language's), and Docusaurus blog/tags.yml into
// site.tagLabels.
void readAuthorsFile(const fs::path& root, const fs::path& file, const std::string& displayPath,
                     std::map<std::string, Author>& authors, DiagnosticSink& diags);
// One author's data: `{name, title|role|description, url, image|avatar, affiliation|company}`
// or a bare display name; the name defaults to the key.
Author authorEntry(const std::string& key, const Meta& entry);
// One file per author, named by its key (Hugo data/authors/<key>.yaml); earlier keys win.
void readAuthorsFolder(const fs::path& dir, Site& site, DiagnosticSink& diags);
void readTagsFile(const fs::path& file, const std::string& displayPath, Site& site,
                  DiagnosticSink& diags);

// The folder a config value names (`includes_dir: _inc`), or `fallback` (the root when "") when the value is
// empty; a value naming a place outside the site (`/etc`, `../../x`, a link that leaves) is
// refused with a warning and the fallback used instead.
fs::path configFolder(const Site& site, std::string_view key, const std::string& value, const char* fallback,
                      DiagnosticSink& diags);

// Drops every folder the generator's configuration gave (content roots, blog, content and
// include folders, static roots, path aliases) that is outside the site root or leaves it
// through a link; run once, after any generator's config. Silent: see confine_folders.cpp.
void confineConfiguredFolders(Site& site, SiteRules& rules);

// The single author named by a site config (`author: Name` or `author: {name: Name}`), or "".
std::string singleSiteAuthor(const Meta& config);

}  // namespace pp::site
