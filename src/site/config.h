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

// `key: {name, title, url, image_url}` files (Docusaurus blog/authors.yml, Jekyll
// _data/authors.yml) into site.authors, and Docusaurus blog/tags.yml into site.tagLabels.
void readAuthorsFile(const fs::path& file, const std::string& displayPath, Site& site,
                     DiagnosticSink& diags);
void readTagsFile(const fs::path& file, const std::string& displayPath, Site& site,
                  DiagnosticSink& diags);

// The folder a config value names (`includes_dir: _inc`), or `fallback` (the root when "") when the value is
// empty; a value naming a place outside the site (`/etc`, `../../x`, a link that leaves) is
// refused with a warning and the fallback used instead.
fs::path configFolder(const Site& site, std::string_view key, const std::string& value, const char* fallback,
                      DiagnosticSink& diags);

// The single author named by a site config (`author: Name` or `author: {name: Name}`), or "".
std::string singleSiteAuthor(const Meta& config);

}  // namespace pp::site
