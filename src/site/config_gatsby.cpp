// Gatsby: gatsby-config.{js,ts,mjs}. Posts are the Markdown files of the folders that
// gatsby-source-filesystem sources (the blog starter: content/blog, one folder per post);
// siteMetadata names the site, its address and its author; static/ is served at the root.
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/js_config.h"
#include "site/util.h"

namespace pp::site {

namespace {

// `${__dirname}/content/blog`, `./content/blog/`, `content/blog` -> "content/blog".
std::string sourceFolder(std::string path) {
  for (std::string_view prefix : {"${__dirname}", "${process.cwd()}", "__dirname"}) {
    if (startsWith(path, prefix)) path.erase(0, prefix.size());
  }
  while (startsWith(path, "./") || startsWith(path, "/")) path.erase(0, path[0] == '.' ? 2 : 1);
  while (!path.empty() && path.back() == '/') path.pop_back();
  return path;
}

// The folders gatsby-source-filesystem sources that hold posts: an instance named like a blog
// or whose folder is, when there is one; else every sourced folder that is not images/data.
std::vector<std::string> sourcedPostFolders(std::string_view text) {
  std::vector<std::string> named, other;
  std::size_t pos = 0;
  while ((pos = text.find("gatsby-source-filesystem", pos)) != std::string_view::npos) {
    pos += 24;
    std::string_view options = jsObjectProperty(text.substr(pos), "options");
    if (options.empty()) continue;
    std::string folder = sourceFolder(jsStringProperty(options, "path"));
    if (folder.empty()) continue;
    std::string name = jsStringProperty(options, "name");
    std::string last = folder.substr(folder.rfind('/') == std::string::npos ? 0 : folder.rfind('/') + 1);
    if (namesBlogFolder(name) || namesBlogFolder(last)) {
      named.push_back(folder);
    } else if (last != "images" && last != "img" && last != "data" && last != "assets") {
      other.push_back(folder);
    }
  }
  return named.empty() ? other : named;
}

}  // namespace

void readGatsbyConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  std::string text = readJsConfig(site, diags);
  std::string_view meta = jsObjectProperty(text, "siteMetadata");
  site.title = jsStringProperty(meta, "title");
  site.description = jsStringProperty(meta, "description");
  splitBaseUrl(jsStringProperty(meta, "siteUrl"), site.url, site.baseurl);
  if (std::string prefix = jsStringProperty(text, "pathPrefix"); !prefix.empty()) {
    site.baseurl = normaliseBasePath(prefix);
  }
  std::string_view author = jsObjectProperty(meta, "author");
  rules.siteAuthor = author.empty() ? jsStringProperty(meta, "author") : jsStringProperty(author, "name");
  for (auto [key, value] : {std::pair<const char*, std::string*>{"title", &site.title},
                            {"description", &site.description}, {"url", &site.url}}) {
    if (!value->empty()) site.config[key] = *value;
  }

  for (const std::string& folder : sourcedPostFolders(text)) {
    if (isDirectory(site.root / folder)) addContentRoot(rules, site.root / folder, "");
  }
  if (rules.contentRoots.empty()) {
    for (const char* folder : {"content/blog", "content/posts", "src/posts", "src/content/posts",
                               "src/content/blog", "src/pages/blog", "src/pages/posts", "blog", "posts"}) {
      if (isDirectory(site.root / folder)) addContentRoot(rules, site.root / folder, "");
    }
  }
  site.contentDir = rules.contentRoots.empty() ? site.root : rules.contentRoots.front().dir;
  site.staticRoots = {site.root / "static", site.root};
  site.permalink = "/:slug/";
  site.math = text.find("katex") != std::string::npos || text.find("remark-math") != std::string::npos;
  site.emoji = text.find("emoji") != std::string::npos;
}

}  // namespace pp::site
