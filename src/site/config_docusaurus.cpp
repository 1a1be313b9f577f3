// Docusaurus: docusaurus.config.{js,ts} is a program, not data (src/site/js_config.h reads
// its literals). We read the few properties a digest needs (title, tagline, url, baseUrl, the blog plugin's path and
// routeBasePath, i18n.defaultLocale) and look for math plugins by name.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/frontmatter.h"
#include "site/js_config.h"
#include "site/util.h"

namespace pp::site {

namespace {

// Each locale's translated blog, i18n/<locale>/docusaurus-plugin-content-blog/: a content root
// of that language, and its own authors.yml for the names it translates.
void readTranslatedBlogs(Site& site, SiteRules& rules, const std::vector<std::string>& locales,
                         DiagnosticSink& diags) {
  rules.contentRoots.push_back({rules.blogDir, ""});
  for (const std::string& locale : locales) {
    if (locale == site.language || locale.empty() || locale.find('/') != std::string::npos) continue;
    rules.languages.push_back(locale);
    fs::path dir = site.root / "i18n" / locale / "docusaurus-plugin-content-blog";
    if (!isDirectory(dir)) continue;
    rules.contentRoots.push_back({dir, locale});
    for (const char* name : {"authors.yml", "authors.yaml", "authors.json"}) {
      if (isRegularFile(dir / name)) {
        readAuthorsFile(site.root, dir / name, relativeTo(site.root, dir / name), rules.authorsByLanguage[locale], diags);
        break;
      }
    }
  }
}

}  // namespace

void readDocusaurusConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  std::string text = readJsConfig(site, diags);

  site.title = jsStringProperty(text, "title");
  site.description = jsStringProperty(text, "tagline");
  site.url = jsStringProperty(text, "url");
  while (!site.url.empty() && site.url.back() == '/') site.url.pop_back();
  site.baseurl = normaliseBasePath(jsStringProperty(text, "baseUrl"));
  std::vector<std::string> locales;
  if (std::string_view i18n = jsObjectProperty(text, "i18n"); !i18n.empty()) {
    if (std::string locale = jsStringProperty(i18n, "defaultLocale"); !locale.empty()) {
      site.language = locale;
    }
    locales = jsStringArray(i18n, "locales");
  }
  for (auto [key, value] : {std::pair<const char*, std::string*>{"title", &site.title},
                            {"tagline", &site.description}, {"url", &site.url},
                            {"baseUrl", &site.baseurl}}) {
    if (!value->empty()) site.config[key] = *value;
  }

  // The blog plugin options: `blog: { path: 'posts', routeBasePath: '/' }` in the classic
  // preset, or the same keys in a standalone @docusaurus/plugin-content-blog entry.
  std::string_view blog = jsObjectProperty(text, "blog");
  std::string blogPath = blog.empty() ? "" : jsStringProperty(blog, "path");
  if (!blog.empty()) {
    std::size_t pos = blog.find("routeBasePath");
    if (pos != std::string_view::npos) {
      rules.blogRoute = normaliseBasePath(jsStringProperty(blog, "routeBasePath"));
      if (!rules.blogRoute.empty()) rules.blogRoute.erase(0, 1);
    }
  }
  rules.blogDir = configFolder(site, "path", blogPath, "blog", diags);
  site.contentDir = rules.blogDir;
  site.permalink = (rules.blogRoute.empty() ? "" : "/" + rules.blogRoute) + "/:year/:month/:day/:slug";

  site.staticRoots = {site.root / "static"};
  site.math = text.find("remark-math") != std::string::npos ||
              text.find("rehype-katex") != std::string::npos ||
              text.find("rehype-mathjax") != std::string::npos;
  site.emoji = text.find("remark-emoji") != std::string::npos;

  // themeConfig.image: the social card of every page.
  if (std::string_view theme = jsObjectProperty(text, "themeConfig"); !theme.empty()) {
    std::string image = jsStringProperty(theme, "image");
    if (!image.empty()) site.socialImage = image;
  }
  for (const char* name : {"authors.yml", "authors.yaml", "authors.json"}) {
    if (isRegularFile(rules.blogDir / name)) {
      readAuthorsFile(site.root, rules.blogDir / name, relativeTo(site.root, rules.blogDir / name), site.authors, diags);
      break;
    }
  }
  readTranslatedBlogs(site, rules, locales, diags);
  for (const char* name : {"tags.yml", "tags.yaml", "tags.json"}) {
    if (isRegularFile(rules.blogDir / name)) {
      readTagsFile(rules.blogDir / name, relativeTo(site.root, rules.blogDir / name), site, diags);
      break;
    }
  }
}

}  // namespace pp::site
