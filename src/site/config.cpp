// Which generator built this folder, and the settings common to all of them.
#include "site/config.h"

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/frontmatter.h"
#include "site/util.h"

namespace pp::site {

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

}  // namespace pp::site
