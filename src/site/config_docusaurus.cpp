// Docusaurus: docusaurus.config.{js,ts} is a program, not data. We read the few literal
// properties a digest needs (title, tagline, url, baseUrl, the blog plugin's path and
// routeBasePath, i18n.defaultLocale) and look for math plugins by name.
#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/frontmatter.h"
#include "site/util.h"

namespace pp::site {

namespace {

// Blanks out // and /* */ comments (outside string literals) so that commented-out settings
// are not read.
std::string stripJsComments(std::string_view s) {
  std::string out(s);
  char quote = 0;
  for (std::size_t i = 0; i < out.size(); ++i) {
    char c = out[i];
    if (quote) {
      if (c == '\\') {
        ++i;
      } else if (c == quote) {
        quote = 0;
      }
      continue;
    }
    if (c == '"' || c == '\'' || c == '`') {
      quote = c;
    } else if (c == '/' && i + 1 < out.size() && out[i + 1] == '/') {
      while (i < out.size() && out[i] != '\n') out[i++] = ' ';
    } else if (c == '/' && i + 1 < out.size() && out[i + 1] == '*') {
      std::size_t end = out.find("*/", i + 2);
      std::size_t stop = end == std::string::npos ? out.size() : end + 2;
      for (; i < stop; ++i) {
        if (out[i] != '\n') out[i] = ' ';
      }
      --i;
    }
  }
  return out;
}

bool isIdentChar(char c) {
  return std::isalnum(static_cast<unsigned char>(c)) || c == '_' || c == '$';
}

// The string literal value of the first `key: 'value'` (or "value", `value`) in text.
std::string jsStringProperty(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while ((pos = text.find(key, pos)) != std::string_view::npos) {
    std::size_t start = pos;
    pos += key.size();
    if (start > 0 && isIdentChar(text[start - 1])) continue;
    std::size_t i = pos;
    // Quoted keys too: 'title': …
    if (i < text.size() && (text[i] == '\'' || text[i] == '"')) ++i;
    while (i < text.size() && (text[i] == ' ' || text[i] == '\t')) ++i;
    if (i >= text.size() || text[i] != ':') continue;
    ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size()) break;
    char quote = text[i];
    if (quote != '\'' && quote != '"' && quote != '`') continue;
    std::string value;
    for (++i; i < text.size() && text[i] != quote; ++i) {
      if (text[i] == '\\' && i + 1 < text.size()) ++i;
      value += text[i];
    }
    return value;
  }
  return {};
}

// The text of the object literal following `key:` (balanced braces), or "".
std::string_view jsObjectProperty(std::string_view text, std::string_view key) {
  std::size_t pos = 0;
  while ((pos = text.find(key, pos)) != std::string_view::npos) {
    std::size_t start = pos;
    pos += key.size();
    if (start > 0 && isIdentChar(text[start - 1])) continue;
    std::size_t i = pos;
    if (i < text.size() && (text[i] == '\'' || text[i] == '"')) ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size() || text[i] != ':') continue;
    ++i;
    while (i < text.size() && std::isspace(static_cast<unsigned char>(text[i]))) ++i;
    if (i >= text.size() || text[i] != '{') continue;
    int depth = 0;
    for (std::size_t j = i; j < text.size(); ++j) {
      if (text[j] == '{') ++depth;
      if (text[j] == '}' && --depth == 0) return text.substr(i, j - i + 1);
    }
    return text.substr(i);
  }
  return {};
}

}  // namespace

void readDocusaurusConfig(Site& site, SiteRules& rules, DiagnosticSink& diags) {
  std::string err;
  auto raw = readConfined(site.root, site.root / site.configPath, &err, 16u << 20);
  if (!raw) {
    diags.error({site.configPath, 0, 0}, "config-read", "cannot read config: " + err);
  }
  std::string text = raw ? stripJsComments(normaliseText(*raw, site.configPath, diags)) : "";

  site.title = jsStringProperty(text, "title");
  site.description = jsStringProperty(text, "tagline");
  site.url = jsStringProperty(text, "url");
  while (!site.url.empty() && site.url.back() == '/') site.url.pop_back();
  site.baseurl = normaliseBasePath(jsStringProperty(text, "baseUrl"));
  if (std::string_view i18n = jsObjectProperty(text, "i18n"); !i18n.empty()) {
    if (std::string locale = jsStringProperty(i18n, "defaultLocale"); !locale.empty()) {
      site.language = locale;
    }
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

  for (const char* name : {"authors.yml", "authors.yaml", "authors.json"}) {
    if (isRegularFile(rules.blogDir / name)) {
      readAuthorsFile(rules.blogDir / name, relativeTo(site.root, rules.blogDir / name), site, diags);
      break;
    }
  }
  for (const char* name : {"tags.yml", "tags.yaml", "tags.json"}) {
    if (isRegularFile(rules.blogDir / name)) {
      readTagsFile(rules.blogDir / name, relativeTo(site.root, rules.blogDir / name), site, diags);
      break;
    }
  }
}

}  // namespace pp::site
