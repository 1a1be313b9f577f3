// MkDocs with Material's blog plugin: mkdocs.yml names the site (site_name, site_url,
// site_author), the docs folder (docs_dir, default docs) and the plugins. The blog plugin
// reads posts from its post_dir (default `{blog}/posts`, blog_dir `blog`, inside the docs
// folder), authors from authors_file (`{blog}/.authors.yml`), and makes post addresses from
// post_url_format (`{date}/{slug}`) and post_url_date_format (`yyyy/MM/dd`). The i18n
// plugin's languages translate posts by file suffix (`post.de.md`).
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/util.h"

namespace pp::site {

namespace {

// The options of plugin `name` in the plugins list (`- blog` or `- blog: {…}`), or nullptr.
const Meta* pluginOptions(const Meta& cfg, std::initializer_list<std::string_view> names, bool& present) {
  present = false;
  const Meta* plugins = cfg.find("plugins");
  if (!plugins) return nullptr;
  auto matches = [&](std::string_view key) {
    for (std::string_view n : names) {
      if (key == n) return true;
    }
    return false;
  };
  if (plugins->isList()) {
    for (const Meta& item : plugins->values) {
      if (item.isScalar() && matches(trim(item.text))) present = true;
      if (item.isMap()) {
        for (std::size_t i = 0; i < item.keys.size(); ++i) {
          if (matches(item.keys[i])) {
            present = true;
            return &item.values[i];
          }
        }
      }
    }
  } else if (plugins->isMap()) {
    for (std::size_t i = 0; i < plugins->keys.size(); ++i) {
      if (matches(plugins->keys[i])) {
        present = true;
        return &plugins->values[i];
      }
    }
  }
  return nullptr;
}

std::string option(const Meta* options, const char* key, std::string fallback) {
  std::string v = options ? scalarAt(*options, key) : std::string();
  return v.empty() ? fallback : v;
}

std::string withBlog(std::string path, const std::string& blogDir) {
  path = replaceAll(std::move(path), "{blog}", blogDir);
  while (startsWith(path, "./")) path.erase(0, 2);
  return path;
}

}  // namespace

void readMkDocsConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  Meta cfg = readSiteConfig(site, diags);
  readSiteKeys(cfg, {"site_name", "site_description", "site_url", "theme.language", "site_author"}, site, rules);

  fs::path docsDir = configFolder(site, "docs_dir", scalarAt(cfg, "docs_dir"), "docs", diags).lexically_normal();
  bool blogPlugin = false;
  const Meta* blog = pluginOptions(cfg, {"blog", "material/blog"}, blogPlugin);
  std::string blogDir = option(blog, "blog_dir", "blog");
  if (blogDir == ".") blogDir.clear();
  fs::path postDir = (docsDir / withBlog(option(blog, "post_dir", "{blog}/posts"), blogDir)).lexically_normal();
  if (!blogPlugin && !isDirectory(postDir)) postDir = docsDir / "blog";  // a blog without the plugin
  addContentRoot(rules, postDir, "");
  site.contentDir = postDir;
  rules.urlPrefix = blogDir.empty() ? "" : "/" + blogDir;
  rules.urlPattern = option(blog, "post_url_format", "{date}/{slug}");
  rules.urlDateFormat = option(blog, "post_url_date_format", "yyyy/MM/dd");
  site.permalink = rules.urlPrefix + "/" + rules.urlPattern;
  fs::path authors = docsDir / withBlog(option(blog, "authors_file", "{blog}/.authors.yml"), blogDir);
  if (isRegularFile(authors)) readAuthorsFile(site.root, authors, relativeTo(site.root, authors), site.authors, diags);

  bool i18n = false;
  if (const Meta* options = pluginOptions(cfg, {"i18n"}, i18n); options) {
    if (const Meta* languages = options->find("languages"); languages && languages->isList()) {
      for (const Meta& l : languages->values) {
        std::string locale = scalarAt(l, "locale");
        if (locale.empty()) continue;
        if (const Meta* d = l.find("default"); d && d->truthy()) {
          site.language = locale;
        } else {
          rules.languages.push_back(locale);
        }
      }
    }
  }
  // "Absolute" links in MkDocs start at the docs folder, which is the site root once built.
  site.staticRoots = {docsDir};
  std::string extensions;
  for (const std::string& e : stringList(cfg.find("markdown_extensions"))) extensions += e + " ";
  if (const Meta* list = cfg.find("markdown_extensions"); list && list->isList()) {
    for (const Meta& item : list->values) {
      for (const std::string& key : item.keys) extensions += key + " ";
    }
  }
  site.math = extensions.find("arithmatex") != std::string::npos;
  site.emoji = extensions.find("emoji") != std::string::npos;
}

}  // namespace pp::site
