// Import path aliases. Vite (Astro) and webpack (Gatsby, Docusaurus) resolve the aliases of
// tsconfig.json / jsconfig.json `compilerOptions.paths` (`"@assets/*": ["src/assets/*"]`, from
// `baseUrl`) in image paths as in imports, so `heroImage: '@assets/blog/x.png'` names
// src/assets/blog/x.png; Docusaurus adds its own `@site/`, the site root.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/js_config.h"

namespace pp::site {

namespace {

// The JSON string literal starting at text[i] (a '"'); i ends past it.
std::string stringAt(std::string_view text, std::size_t& i) {
  std::string value;
  for (++i; i < text.size() && text[i] != '"'; ++i) {
    if (text[i] == '\\' && i + 1 < text.size()) ++i;
    value += text[i];
  }
  ++i;
  return value;
}

// `"key": ["first target", ...]` pairs of a `paths` object: each key with its first target.
std::vector<std::pair<std::string, std::string>> pathEntries(std::string_view paths) {
  std::vector<std::pair<std::string, std::string>> out;
  std::size_t i = paths.empty() ? 0 : 1;
  while ((i = paths.find('"', i)) != std::string_view::npos) {
    std::string key = stringAt(paths, i);
    std::size_t colon = paths.find_first_not_of(" \t\r\n", i);
    if (colon == std::string_view::npos || paths[colon] != ':') continue;
    std::size_t open = paths.find('[', colon), close = paths.find(']', colon);
    if (open == std::string_view::npos || close == std::string_view::npos || close < open) break;
    std::size_t q = paths.find('"', open);
    if (q != std::string_view::npos && q < close) out.emplace_back(key, stringAt(paths, q));
    i = close + 1;
  }
  return out;
}

}  // namespace

void readPathAliases(Site& site) {
  if (site.generator == Generator::Docusaurus) site.pathAliases.emplace_back("@site/", site.root);
  for (const char* name : {"tsconfig.json", "jsconfig.json"}) {
    auto raw = readConfined(site.root, site.root / name, nullptr, 1u << 20);
    if (!raw) continue;
    std::string text = stripJsComments(*raw);
    std::string_view options = jsObjectProperty(text, "compilerOptions");
    std::string base = jsStringProperty(options, "baseUrl");
    for (auto& [key, target] : pathEntries(jsObjectProperty(options, "paths"))) {
      // Only folder aliases (`@x/*` to `dir/*`) can name an image; an exact alias names a module.
      if (!endsWith(key, "/*") || !endsWith(target, "/*")) continue;
      fs::path dir = (site.root / (base.empty() ? "." : base) / target.substr(0, target.size() - 2)).lexically_normal();
      site.pathAliases.emplace_back(key.substr(0, key.size() - 1), dir);
    }
    return;
  }
}

}  // namespace pp::site
