// Pelican: pelicanconf.py is Python; its settings are plain assignments, read here when they
// are literals (strings, lists of strings, True/False). publishconf.py, the production
// settings, wins for SITEURL. PATH is the content folder; articles are the Markdown files under
// ARTICLE_PATHS (default: all of PATH) outside PAGE_PATHS (default `pages`); ARTICLE_URL and
// ARTICLE_LANG_URL make their addresses; a file's folder is its category
// (USE_FOLDER_AS_CATEGORY).
#include <map>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

namespace {

using Settings = std::map<std::string, std::vector<std::string>>;

// The string literals of a Python value: 'x', "x", ['a', "b"], ('a',). True/False as words.
std::vector<std::string> literals(std::string_view value) {
  std::vector<std::string> out;
  value = trim(value);
  if (value == "True" || value == "False") return {std::string(value)};
  for (std::size_t i = 0; i < value.size(); ++i) {
    char q = value[i];
    if (q == '#') break;
    if (q != '\'' && q != '"') continue;
    std::string s;
    for (++i; i < value.size() && value[i] != q; ++i) {
      if (value[i] == '\\' && i + 1 < value.size()) ++i;
      s += value[i];
    }
    out.push_back(std::move(s));
  }
  return out;
}

// NAME = value, one per line (a list may span lines until its closing bracket).
void readSettings(const fs::path& root, const fs::path& file, Settings& out) {
  std::string err;
  auto raw = readConfined(root, file, &err, 4u << 20);
  if (!raw) return;
  std::vector<std::string> lines = split(*raw, '\n');
  for (std::size_t i = 0; i < lines.size(); ++i) {
    std::string_view line = lines[i];
    std::size_t eq = line.find('=');
    if (line.empty() || !(line[0] >= 'A' && line[0] <= 'Z') || eq == std::string_view::npos) continue;
    std::string name(trim(line.substr(0, eq)));
    if (name.find_first_not_of("ABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789_") != std::string::npos) continue;
    std::string value(line.substr(eq + 1));
    char open = trim(value).empty() ? 0 : trim(value)[0];
    char close = open == '[' ? ']' : open == '(' ? ')' : 0;
    while (close && value.find(close) == std::string::npos && i + 1 < lines.size()) value += "\n" + lines[++i];
    out[name] = literals(value);
  }
}

std::string setting(const Settings& s, const char* name, std::string fallback) {
  auto it = s.find(name);
  return it == s.end() || it->second.empty() ? fallback : it->second.front();
}

}  // namespace

void readPelicanConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Settings s;
  readSettings(site.root, site.root / site.configPath, s);
  Settings publish;
  if (isRegularFile(site.root / "publishconf.py")) readSettings(site.root, site.root / "publishconf.py", publish);
  site.title = setting(s, "SITENAME", "");
  site.description = setting(s, "SITESUBTITLE", "");
  std::string url = setting(publish, "SITEURL", setting(s, "SITEURL", ""));
  splitBaseUrl(url, site.url, site.baseurl);
  site.language = setting(s, "DEFAULT_LANG", "en");
  rules.siteAuthor = setting(s, "AUTHOR", "");
  for (auto [key, value] : {std::pair<const char*, std::string*>{"title", &site.title}, {"url", &site.url}}) {
    if (!value->empty()) site.config[key] = *value;
  }

  fs::path content = configFolder(site, "PATH", setting(s, "PATH", ""), "", diags).lexically_normal();
  if (!isDirectory(content)) content = site.root;
  site.contentDir = content;
  std::vector<std::string> articlePaths = s.count("ARTICLE_PATHS") ? s["ARTICLE_PATHS"] : std::vector<std::string>{""};
  for (const std::string& p : articlePaths) {
    fs::path dir = (content / p).lexically_normal();
    if (isDirectory(dir)) addContentRoot(rules, dir, "");
  }
  std::vector<std::string> pagePaths = s.count("PAGE_PATHS") ? s["PAGE_PATHS"] : std::vector<std::string>{"pages"};
  for (const std::string& p : pagePaths) rules.excludedDirs.push_back((content / p).lexically_normal());
  for (const std::string& p : s.count("ARTICLE_EXCLUDES") ? s["ARTICLE_EXCLUDES"] : std::vector<std::string>{}) {
    rules.excludedDirs.push_back((content / p).lexically_normal());
  }
  rules.urlPattern = setting(s, "ARTICLE_URL", "{slug}.html");
  rules.urlLangPattern = setting(s, "ARTICLE_LANG_URL", "{slug}-{lang}.html");
  rules.folderIsCategory = setting(s, "USE_FOLDER_AS_CATEGORY", "True") == "True";
  // `{static}/images/x.png` and `/images/x.png` name files of the content folder.
  site.staticRoots = {content, site.root};
  site.permalink = rules.urlPattern;
  std::string plugins;
  for (const std::string& p : s.count("PLUGINS") ? s["PLUGINS"] : std::vector<std::string>{}) plugins += p + " ";
  site.math = plugins.find("render_math") != std::string::npos || plugins.find("math") != std::string::npos;
}

}  // namespace pp::site
