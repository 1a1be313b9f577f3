// Astro: astro.config.{mjs,js,ts}. Posts are a content collection: the folder a collection's
// glob loader reads (src/content.config.ts, `glob({ base: './src/content/blog' })`), or
// src/content/<collection>/ (Astro 2-4, src/content/config.ts). `site` and `base` give the
// address, `i18n.locales` the languages (a collection's first folder named after a locale
// holds that locale's posts); public/ is served at the root.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/js_config.h"
#include "site/util.h"

namespace pp::site {

namespace {

std::string lastPart(const std::string& path) {
  std::size_t slash = path.rfind('/');
  return slash == std::string::npos ? path : path.substr(slash + 1);
}

// The `base` folders of the glob loaders in the content config that look like a blog.
std::vector<std::string> collectionFolders(const Site& site) {
  std::vector<std::string> out;
  for (const char* name : {"src/content.config.ts", "src/content.config.mjs", "src/content.config.js",
                           "src/content/config.ts", "src/content/config.mjs", "src/content/config.js"}) {
    std::string err;
    auto raw = readConfined(site.root, site.root / name, &err, 4u << 20);
    if (!raw) continue;
    std::string text = stripJsComments(*raw);
    std::size_t pos = 0;
    while ((pos = text.find("glob(", pos)) != std::string::npos) {
      pos += 5;
      std::string base = jsStringProperty(std::string_view(text).substr(pos, 400), "base");
      while (startsWith(base, "./")) base.erase(0, 2);
      while (!base.empty() && base.back() == '/') base.pop_back();
      if (!base.empty() && namesBlogFolder(lastPart(base))) out.push_back(base);
    }
  }
  return out;
}

}  // namespace

void readAstroConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  std::string text = readJsConfig(site, diags);
  std::string ignoredPath;
  splitBaseUrl(jsStringProperty(text, "site"), site.url, ignoredPath);
  site.baseurl = normaliseBasePath(jsStringProperty(text, "base"));
  if (!site.url.empty()) site.config["url"] = site.url;
  std::vector<std::string> locales;
  if (std::string_view i18n = jsObjectProperty(text, "i18n"); !i18n.empty()) {
    if (std::string locale = jsStringProperty(i18n, "defaultLocale"); !locale.empty()) site.language = locale;
    locales = jsStringArray(i18n, "locales");
  }

  std::vector<std::string> folders = collectionFolders(site);
  for (const char* folder : {"src/content/blog", "src/content/posts", "src/content/post", "src/data/blog",
                             "src/content/articles"}) {
    if (folders.empty() && isDirectory(site.root / folder)) folders.push_back(folder);
  }
  for (const std::string& folder : folders) {
    if (!isDirectory(site.root / folder)) continue;
    addContentRoot(rules, site.root / folder, "");
    // A collection's first folder named after a locale holds that locale's posts.
    for (const std::string& locale : locales) {
      if (locale != site.language && isDirectory(site.root / folder / locale)) {
        addContentRoot(rules, site.root / folder / locale, locale);
      }
    }
  }
  for (const std::string& locale : locales) {
    if (locale != site.language) rules.languages.push_back(locale);
  }
  // The blog template routes a collection entry to /<collection>/<id>/.
  rules.urlPrefix = folders.empty() ? "/blog" : "/" + lastPart(folders.front());
  site.contentDir = rules.contentRoots.empty() ? site.root / "src" / "content" : rules.contentRoots.front().dir;
  site.staticRoots = {site.root / "public", site.root};
  site.permalink = rules.urlPrefix + "/:slug/";
  site.math = text.find("remark-math") != std::string::npos || text.find("rehype-katex") != std::string::npos;
}

}  // namespace pp::site
