// Hugo: hugo.{toml,yaml,json} or config.*, the config/_default/ folder, languages, content
// folders (content/, content/<lang>/, languages.<l>.contentDir, module mounts).
#include <algorithm>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

namespace {

bool isConfigExtension(std::string_view name) {
  std::string lower = toLowerAscii(name);
  return endsWith(lower, ".toml") || endsWith(lower, ".yaml") || endsWith(lower, ".yml") ||
         endsWith(lower, ".json");
}

// Merges config/_default/*: hugo.* and config.* hold top-level keys, params.toml holds
// `params`, languages.toml holds `languages`, and so on. Keys already set win.
void mergeConfigDir(const Site& site, Meta& cfg, DiagnosticSink& diags) {
  fs::path dir = site.root / "config" / "_default";
  if (!isDirectory(dir)) return;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && isConfigExtension(entry.path().filename().string())) {
      files.push_back(entry.path());
    }
  }
  std::sort(files.begin(), files.end());
  for (const fs::path& file : files) {
    std::string rel = relativeTo(site.root, file);
    if (rel == site.configPath) continue;
    std::string stem = stemOf(file.filename().string());
    Meta part;
    if (!readConfigFile(site.root, file, rel, part, diags)) continue;
    if (stem == "hugo" || stem == "config") {
      for (std::size_t i = 0; i < part.keys.size(); ++i) {
        if (!cfg.find(part.keys[i])) cfg.set(part.keys[i], part.values[i], part.keyLines[i]);
      }
    } else if (stem.find('.') == std::string::npos && !cfg.find(stem)) {
      cfg.set(stem, std::move(part));
    }
  }
}

bool looksLikeLanguageCode(std::string_view name) {
  // en, fr, pt-br, zh-hans, en_US
  std::size_t i = 0;
  while (i < name.size() && name[i] >= 'a' && name[i] <= 'z') ++i;
  if (i < 2 || i > 3) return false;
  if (i == name.size()) return true;
  if (name[i] != '-' && name[i] != '_') return false;
  std::size_t rest = name.size() - i - 1;
  if (rest < 2 || rest > 4) return false;
  for (char c : name.substr(i + 1)) {
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

void addRoot(SiteRules& rules, fs::path dir, std::string language) {
  dir = dir.lexically_normal();
  for (const ContentRoot& r : rules.contentRoots) {
    if (r.dir == dir) return;
  }
  rules.contentRoots.push_back({std::move(dir), std::move(language)});
}

void findContentRoots(const Site& site, const Meta& cfg, SiteRules& rules) {
  auto langOf = [&](const std::string& lang) {
    return lang == rules.defaultLanguage(site.language) ? std::string() : lang;
  };
  // languages.<lang>.contentDir
  if (const Meta* langs = cfg.find("languages"); langs && langs->isMap()) {
    for (std::size_t i = 0; i < langs->keys.size(); ++i) {
      std::string dir = scalarAt(langs->values[i], "contentDir");
      if (!dir.empty() && isDirectory(site.root / dir)) {
        addRoot(rules, site.root / dir, langOf(langs->keys[i]));
      }
    }
  }
  // module mounts whose target is content (`source: content/en, target: content`).
  if (const Meta* mounts = cfg.path("module.mounts"); mounts && mounts->isList()) {
    for (const Meta& m : mounts->values) {
      std::string source = scalarAt(m, "source");
      std::string target = scalarAt(m, "target");
      if (target == "content" && !source.empty() && isDirectory(site.root / source)) {
        std::string lang = scalarAt(m, "lang");
        addRoot(rules, site.root / source, langOf(lang));
      }
    }
  }
  addRoot(rules, site.contentDir, "");
  // content/<lang>/: a configured language key, or a language-looking folder that holds a
  // blog section.
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(site.contentDir, ec)) {
    if (!entry.is_directory(ec)) continue;
    std::string name = entry.path().filename().string();
    bool configured = std::find(rules.languages.begin(), rules.languages.end(), name) !=
                      rules.languages.end();
    bool holdsSection = false;
    if (!configured && looksLikeLanguageCode(name)) {
      for (const std::string& section : rules.sections) {
        if (isDirectory(entry.path() / section)) holdsSection = true;
      }
    }
    if (configured || holdsSection) addRoot(rules, entry.path(), langOf(name));
  }
}

void readPermalinks(const Meta& cfg, SiteRules& rules) {
  const Meta* permalinks = cfg.find("permalinks");
  if (!permalinks || !permalinks->isMap()) return;
  for (std::size_t i = 0; i < permalinks->keys.size(); ++i) {
    const Meta& v = permalinks->values[i];
    if (v.isScalar()) {
      rules.permalinks.emplace(permalinks->keys[i], std::string(trim(v.text)));
    } else if (v.isMap() && iequals(permalinks->keys[i], "page")) {
      // Hugo 0.112+: permalinks: {page: {blog: ...}, section: {...}}
      for (std::size_t j = 0; j < v.keys.size(); ++j) {
        if (v.values[j].isScalar()) rules.permalinks[v.keys[j]] = std::string(trim(v.values[j].text));
      }
    }
  }
}

bool hugoMath(const Meta& cfg) {
  for (const char* key : {"markup.goldmark.extensions.passthrough.enable", "params.math",
                          "params.katex", "params.mathjax", "params.enableMath",
                          "params.math.enable", "math"}) {
    if (const Meta* v = cfg.path(key); v && v->truthy()) return true;
  }
  // A passthrough block with delimiters configured counts even without `enable`.
  const Meta* passthrough = cfg.path("markup.goldmark.extensions.passthrough");
  return passthrough && passthrough->isMap() && passthrough->find("delimiters") &&
         !(passthrough->find("enable") && passthrough->find("enable")->falsy());
}

}  // namespace

void readHugoConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Meta cfg;
  readConfigFile(site.root, site.root / site.configPath, site.configPath, cfg, diags);
  mergeConfigDir(site, cfg, diags);
  flatten(cfg, "", site.config);

  site.title = scalarAt(cfg, "title");
  site.description = scalarAt(cfg, "params.description");
  if (site.description.empty()) site.description = scalarAt(cfg, "description");
  splitBaseUrl(scalarAt(cfg, "baseURL"), site.url, site.baseurl);
  rules.defaultLanguageKey = scalarAt(cfg, "defaultContentLanguage");
  if (rules.defaultLanguageKey.empty()) rules.defaultLanguageKey = "en";
  // languageCode ("en-us") is the more precise tag for the output; the key names folders.
  site.language = scalarAt(cfg, "languageCode");
  if (site.language.empty() || !startsWith(toLowerAscii(site.language), toLowerAscii(rules.defaultLanguageKey))) {
    site.language = rules.defaultLanguageKey;
  }

  if (const Meta* langs = cfg.find("languages"); langs && langs->isMap()) {
    rules.languages = langs->keys;
  }
  rules.defaultLanguageInSubdir = cfg.find("defaultContentLanguageInSubdir") &&
                                  cfg.find("defaultContentLanguageInSubdir")->truthy();
  rules.uglyUrls = cfg.find("uglyURLs") && cfg.find("uglyURLs")->truthy();
  rules.pathToLower = !(cfg.find("disablePathToLower") && cfg.find("disablePathToLower")->truthy());

  std::vector<std::string> main = stringList(cfg.path("params.mainSections"));
  if (main.empty()) main = stringList(cfg.find("mainSections"));
  if (!main.empty()) rules.sections = main;
  readPermalinks(cfg, rules);
  for (const std::string& section : rules.sections) {
    if (auto it = rules.permalinks.find(section); it != rules.permalinks.end()) {
      site.permalink = it->second;
      break;
    }
  }

  site.contentDir = configFolder(site, "contentDir", scalarAt(cfg, "contentDir"), "content", diags);
  findContentRoots(site, cfg, rules);

  std::vector<std::string> staticDirs = stringList(cfg.find("staticDir"));
  if (staticDirs.empty()) staticDirs = {"static"};
  for (const std::string& d : staticDirs) site.staticRoots.push_back(site.root / d);
  if (std::string theme = scalarAt(cfg, "theme"); !theme.empty()) {
    if (isDirectory(site.root / "themes" / theme / "static")) {
      site.staticRoots.push_back(site.root / "themes" / theme / "static");
    }
  }
  std::string assetDir = scalarAt(cfg, "assetDir");
  fs::path assets = site.root / (assetDir.empty() ? std::string("assets") : assetDir);
  if (isDirectory(assets)) site.staticRoots.push_back(assets);

  site.emoji = cfg.find("enableEmoji") && cfg.find("enableEmoji")->truthy();
  site.math = hugoMath(cfg);
  if (const Meta* params = cfg.find("params"); params && params->isMap()) {
    rules.siteAuthor = singleSiteAuthor(*params);
  }
  if (rules.siteAuthor.empty()) rules.siteAuthor = singleSiteAuthor(cfg);

  for (const char* name : {"data/authors.yml", "data/authors.yaml", "data/authors.toml",
                           "data/authors.json"}) {
    if (isRegularFile(site.root / name)) {
      readAuthorsFile(site.root / name, name, site, diags);
      break;
    }
  }
}

}  // namespace pp::site
