// Hugo: hugo.{toml,yaml,json} or config.*, the config/_default/ folder, languages, content
// folders (content/, content/<lang>/, languages.<l>.contentDir, module mounts).
#include <algorithm>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/frontmatter.h"
#include "site/util.h"

namespace pp::site {

namespace {


// Merges config/_default/*: hugo.* and config.* hold top-level keys, params.toml holds
// `params`, languages.toml holds `languages`, and so on. Keys already set win.
void mergeConfigDir(const Site& site, Meta& cfg, DiagnosticSink& diags) {
  fs::path dir = site.root / "config" / "_default";
  if (!isDirectory(dir)) return;
  std::vector<fs::path> files;
  std::error_code ec;
  for (const auto& entry : fs::directory_iterator(dir, ec)) {
    if (entry.is_regular_file(ec) && isConfigName(entry.path().filename().string())) {
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


void findContentRoots(const Site& site, const Meta& cfg, SiteRules& rules) {
  auto langOf = [&](const std::string& lang) {
    return lang == rules.defaultLanguage(site.language) ? std::string() : lang;
  };
  // languages.<lang>.contentDir
  if (const Meta* langs = cfg.find("languages"); langs && langs->isMap()) {
    for (std::size_t i = 0; i < langs->keys.size(); ++i) {
      std::string dir = scalarAt(langs->values[i], "contentDir");
      if (!dir.empty() && isDirectory(site.root / dir)) {
        addContentRoot(rules, site.root / dir, langOf(langs->keys[i]));
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
        addContentRoot(rules, site.root / source, langOf(lang));
      }
    }
  }
  addContentRoot(rules, site.contentDir, "");
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
    if (configured || holdsSection) addContentRoot(rules, entry.path(), langOf(name));
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

// Static folders of one language: `languages.<l>.staticDir` (a folder or a list) and module
// mounts targeting static with a `lang`. A mount without `lang` is everyone's static folder.
void readLanguageStaticRoots(Site& site, const Meta& cfg, const SiteRules& rules) {
  auto add = [&](const std::string& lang, const std::string& dir) {
    if (dir.empty() || !isDirectory(site.root / dir)) return;
    std::string key = lang == rules.defaultLanguage(site.language) ? std::string() : lang;
    auto& roots = key.empty() ? site.staticRoots : site.languageStaticRoots[key];
    fs::path p = (site.root / dir).lexically_normal();
    if (std::find(roots.begin(), roots.end(), p) == roots.end()) roots.push_back(p);
  };
  if (const Meta* langs = cfg.find("languages"); langs && langs->isMap()) {
    for (std::size_t i = 0; i < langs->keys.size(); ++i) {
      for (const std::string& dir : stringList(langs->values[i].find("staticDir"))) add(langs->keys[i], dir);
    }
  }
  if (const Meta* mounts = cfg.path("module.mounts"); mounts && mounts->isList()) {
    for (const Meta& m : mounts->values) {
      if (scalarAt(m, "target") != "static") continue;
      std::string source = scalarAt(m, "source"), lang = scalarAt(m, "lang");
      if (lang.empty()) {
        fs::path p = (site.root / source).lexically_normal();
        if (isDirectory(p) && std::find(site.staticRoots.begin(), site.staticRoots.end(), p) == site.staticRoots.end())
          site.staticRoots.push_back(p);
      } else {
        add(lang, source);
      }
    }
  }
}

// An author's term page, `content/authors/<key>/_index.md`: its title is the author's name
// (the `authors` taxonomy of many themes), its params may give a link and an organisation.
void readAuthorPages(Site& site, const SiteRules& rules) {
  for (const ContentRoot& root : rules.contentRoots) {
    if (!root.language.empty()) continue;
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root.dir / "authors", ec)) {
      std::string key = entry.path().filename().string();
      fs::path page = entry.path() / "_index.md";
      if (!entry.is_directory(ec) || !isRegularFile(page) || site.authors.count(key)) continue;
      std::string err;
      auto raw = readConfined(site.root, page, &err, 1u << 20);
      if (!raw) continue;
      std::string rel = relativeTo(site.root, page);
      FrontMatter fm;
      DiagnosticSink quiet;  // a broken term page costs the author's name, nothing else
      if (!splitFrontMatter(normaliseText(*raw, rel, quiet), rel, true, fm, quiet)) continue;
      Author a = authorEntry(key, fm.data.find("params") ? *fm.data.find("params") : fm.data);
      if (std::string title = scalarAt(fm.data, "title"); !title.empty()) a.name = title;
      site.authors[key] = std::move(a);
    }
  }
}

// Author data: data/authors.{yaml,toml,json} (a map of keys), data/authors/<key>.* (one file
// each), then the authors taxonomy's term pages.
void readHugoAuthors(Site& site, const Meta& cfg, const SiteRules& rules, DiagnosticSink& diags) {
  fs::path data = configFolder(site, "dataDir", scalarAt(cfg, "dataDir"), "data", diags);
  for (const char* name : {"authors.yml", "authors.yaml", "authors.toml", "authors.json"}) {
    if (isRegularFile(data / name)) {
      readAuthorsFile(site.root, data / name, relativeTo(site.root, data / name), site.authors, diags);
      break;
    }
  }
  if (isDirectory(data / "authors")) readAuthorsFolder(data / "authors", site, diags);
  readAuthorPages(site, rules);
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
    for (std::size_t i = 0; i < langs->keys.size(); ++i) {
      std::string weight = scalarAt(langs->values[i], "weight");
      if (!weight.empty() && std::all_of(weight.begin(), weight.end(), ::isdigit) && weight.size() < 9)
        rules.languageWeights[langs->keys[i]] = std::stoi(weight);
    }
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
  readLanguageStaticRoots(site, cfg, rules);
  std::string assetDir = scalarAt(cfg, "assetDir");
  fs::path assets = site.root / (assetDir.empty() ? std::string("assets") : assetDir);
  if (isDirectory(assets)) site.staticRoots.push_back(assets);

  site.emoji = cfg.find("enableEmoji") && cfg.find("enableEmoji")->truthy();
  site.math = hugoMath(cfg);
  if (const Meta* params = cfg.find("params"); params && params->isMap()) {
    rules.siteAuthor = singleSiteAuthor(*params);
  }
  if (rules.siteAuthor.empty()) rules.siteAuthor = singleSiteAuthor(cfg);

  readHugoAuthors(site, cfg, rules, diags);
  // The social-card image Hugo's internal templates fall back to.
  for (const char* key : {"params.images", "params.image", "params.og_image"}) {
    if (const Meta* v = cfg.path(key); v && site.socialImage.empty()) site.socialImage = imageValue(*v);
  }
}

}  // namespace pp::site
