// Generator rules read from a site's config that post reading needs beyond the public Site
// fields: Hugo sections, permalinks and languages, Jekyll front matter defaults, the
// Docusaurus blog route, the other generators' post folders and URL patterns. Filled by
// loadSite; a default-constructed SiteRules is valid.
#pragma once

#include <filesystem>
#include <map>
#include <string>
#include <vector>

#include "postpress/site.h"
#include "site/meta.h"

namespace pp::site {

namespace fs = std::filesystem;

// A Jekyll `defaults:` entry that applies to posts.
struct FrontMatterDefault {
  std::string scopePath;  // "" = everywhere; may hold glob characters
  Meta values;            // map of front matter values
};

// A Hugo content folder and the language it holds ("" = the default language).
struct ContentRoot {
  fs::path dir;
  std::string language;
};

struct SiteRules {
  // Hugo.
  std::vector<std::string> sections = {"blog", "posts", "post"};  // folders holding posts
  std::map<std::string, std::string> permalinks;                  // section -> pattern
  std::vector<std::string> languages;                             // configured language keys
  std::map<std::string, int> languageWeights;                     // Hugo `languages.<l>.weight`
  // defaultContentLanguage, which Hugo defaults to "en" whatever languageCode says; "" means
  // site.language.
  std::string defaultLanguageKey;
  const std::string& defaultLanguage(const std::string& siteLanguage) const {
    return defaultLanguageKey.empty() ? siteLanguage : defaultLanguageKey;
  }
  std::vector<ContentRoot> contentRoots;
  bool defaultLanguageInSubdir = false;
  bool uglyUrls = false;
  bool pathToLower = true;

  // Jekyll.
  std::vector<FrontMatterDefault> defaults;
  std::string collectionsDir;  // `collections_dir`, relative to root

  // Jekyll and Hugo: the site's own author, used for posts naming none (see site.h).
  std::string siteAuthor;

  // Authors of a language, looked up before site.authors for its posts (Docusaurus
  // i18n/<locale>/docusaurus-plugin-content-blog/authors.yml).
  std::map<std::string, std::map<std::string, Author>> authorsByLanguage;

  // Docusaurus.
  std::string blogRoute = "blog";  // routeBasePath of the blog plugin, without slashes
  fs::path blogDir;                // absolute; empty = <root>/blog

  // Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican, Quarto: posts live in contentRoots (with
  // the language each holds); how their addresses are made.
  std::string urlPrefix;       // Astro: the collection's route ("/blog"); MkDocs: "/<blog_dir>"
  std::string urlPattern;      // Pelican ARTICLE_URL ("{slug}.html"); MkDocs post_url_format
  std::string urlLangPattern;  // Pelican ARTICLE_LANG_URL ("{slug}-{lang}.html")
  std::string urlDateFormat;   // MkDocs post_url_date_format ("yyyy/MM/dd")
  std::vector<fs::path> excludedDirs;  // Pelican PAGE_PATHS and the like: never posts
  bool folderIsCategory = false;       // Pelican USE_FOLDER_AS_CATEGORY
};

}  // namespace pp::site
