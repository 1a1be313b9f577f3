// Where Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican and Quarto publish a post, by each one's
// documented default (a site's own routing code, which we cannot run, may differ):
//   Gatsby   createFilePath: the path inside the sourced folder, `index` dropped, a trailing
//            slash; front matter `slug` or `path` instead.
//   Astro    the blog template's /<collection>/<id>/, id the path inside the collection;
//            front matter `slug` instead; a locale's posts under /<locale>/.
//   Eleventy the path inside the input folder, a date prefix and `index` (or a file named like
//            its folder) dropped; a literal front matter `permalink` instead.
//   MkDocs   /<blog_dir>/ + post_url_format ({date} {slug} {categories} {file}), the date in
//            post_url_date_format, the slug from `slug` or the title.
//   Zola     /<section>/<slug>/, slug from `slug` or the file name without its date; `path`
//            instead; other languages under /<code>/.
//   Pelican  ARTICLE_URL ({slug} {lang} {category} {author} {date:%Y}…), ARTICLE_LANG_URL for a
//            translation; the slug from `Slug` or the title.
//   Quarto   the file's path with .html, an index file its folder.

#include "postpress/support/text.h"
#include "site/permalink_rules.h"
#include "site/util.h"

namespace pp::site {

namespace {

std::string folderOf(const std::string& rel) {
  std::size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

std::string joinPath(const std::string& folder, const std::string& name) {
  return folder.empty() ? name : folder + "/" + name;
}

std::string languagePrefix(const Site& site, const SiteRules& rules, const Post& post) {
  const std::string& lang = post.language;
  if (lang.empty() || lang == rules.defaultLanguage(site.language) || lang == site.language) return {};
  return "/" + lang;
}

// The post's own address in front matter: `slug` (a name, or a path when it starts with '/')
// or `path`/`url` (a path).
std::string frontMatterPath(const Meta& fm, bool slugIsPath) {
  for (const char* key : {"path", "url"}) {
    if (std::string v = scalarAt(fm, key); !v.empty()) return cleanPath(v + "/");
  }
  std::string slug = scalarAt(fm, "slug");
  if (!slug.empty() && (slugIsPath || slug[0] == '/')) return cleanPath(slug + "/");
  return {};
}

std::string gatsbyPath(const Site& site, const SiteRules& rules, const PostContext& ctx, const Meta& fm,
                       const Post& post) {
  if (std::string own = frontMatterPath(fm, true); !own.empty()) return own;
  std::string folder = folderOf(ctx.contentRel);
  std::string path = ctx.isIndex ? folder : joinPath(folder, ctx.baseName);
  return cleanPath(languagePrefix(site, rules, post) + "/" + path + "/");
}

std::string astroPath(const PostContext& ctx, const Meta& fm, const SiteRules& rules) {
  std::string prefix = ctx.language.empty() ? rules.urlPrefix : "/" + ctx.language + rules.urlPrefix;
  std::string slug = scalarAt(fm, "slug");
  if (!slug.empty()) return cleanPath(prefix + "/" + slug + "/");
  std::string id = ctx.isIndex ? folderOf(ctx.contentRel) : joinPath(folderOf(ctx.contentRel), ctx.baseName);
  return cleanPath(prefix + "/" + id + "/");
}

std::string eleventyPath(const PostContext& ctx, const Meta& fm) {
  std::string permalink = scalarAt(fm, "permalink");
  // A template in the permalink (`{{ page.fileSlug }}`) needs Eleventy to run: the default then.
  if (!permalink.empty() && permalink != "false" && permalink.find("{{") == std::string::npos &&
      permalink.find("{%") == std::string::npos) {
    if (endsWith(permalink, "index.html")) permalink.resize(permalink.size() - 10);
    return cleanPath(permalink);
  }
  std::string folder = folderOf(ctx.contentRel);
  std::string slug;
  if (!dateFromName(ctx.baseName, &slug)) slug = ctx.baseName;
  bool namedLikeFolder = !folder.empty() && slug == folder.substr(folder.rfind('/') + 1);
  if (ctx.isIndex || namedLikeFolder) return cleanPath(folder + "/");
  return cleanPath(folder + "/" + slug + "/");
}

// Babel's date pattern letters as the blog plugin uses them: yyyy, yy, MM, M, MMM, MMMM, dd, d.
std::string babelDate(const DateTime& d, std::string_view pattern) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    char c = pattern[i];
    std::size_t n = 1;
    while (i + n < pattern.size() && pattern[i + n] == c) ++n;
    const char* part = c == 'y' ? (n == 2 ? "short_year" : "year")
                       : c == 'M' ? (n >= 4 ? "long_month" : n == 3 ? "short_month" : n == 2 ? "month" : "i_month")
                       : c == 'd' ? (n == 2 ? "day" : "i_day")
                                  : nullptr;
    out += part ? *dateValue(d, part) : std::string(n, c);
    i += n;
  }
  return out;
}

std::string mkdocsPath(const Site& site, const SiteRules& rules, const PostContext& ctx, const Meta& fm,
                       const Post& post) {
  std::string slug = scalarAt(fm, "slug");
  if (slug.empty()) slug = slugify(post.title);
  std::string category = post.categories.empty() ? std::string() : slugify(post.categories.front());
  std::string pattern = rules.urlPattern.empty() ? "{date}/{slug}" : rules.urlPattern;
  std::string path = expandBraces(pattern, [&](const std::string& name) -> std::optional<std::string> {
    if (name == "date") return post.date.valid() ? babelDate(post.date, rules.urlDateFormat) : "";
    if (name == "slug") return slug;
    if (name == "categories") return category;
    if (name == "file") return ctx.baseName;
    return std::nullopt;
  });
  return cleanPath(languagePrefix(site, rules, post) + rules.urlPrefix + "/" + path + "/");
}

std::string zolaPath(const Site& site, const SiteRules& rules, const PostContext& ctx, const Meta& fm,
                     const Post& post) {
  std::string prefix = languagePrefix(site, rules, post);
  if (std::string path = scalarAt(fm, "path"); !path.empty()) return cleanPath(prefix + "/" + path + "/");
  std::string slug = scalarAt(fm, "slug");
  if (slug.empty()) {
    if (!dateFromName(ctx.baseName, &slug)) slug = ctx.baseName;
    slug = slugify(slug);
  }
  std::string folder = ctx.isIndex ? folderOf(folderOf(ctx.contentRel)) : folderOf(ctx.contentRel);
  return cleanPath(prefix + "/" + folder + "/" + slug + "/");
}

// `{date:%Y}` and friends: the strftime letters Y y m d B b H M.
std::string pelicanDate(const DateTime& d, std::string_view format) {
  std::string out;
  for (std::size_t i = 0; i < format.size(); ++i) {
    const char* part = nullptr;
    if (format[i] == '%' && i + 1 < format.size()) {
      switch (format[i + 1]) {
        case 'Y': part = "year"; break;
        case 'y': part = "short_year"; break;
        case 'm': part = "month"; break;
        case 'd': part = "day"; break;
        case 'B': part = "long_month"; break;
        case 'b': part = "short_month"; break;
        case 'H': part = "hour"; break;
        case 'M': part = "minute"; break;
        default: break;
      }
    }
    if (part) {
      out += *dateValue(d, part);
      ++i;
    } else {
      out += format[i];
    }
  }
  return out;
}

std::string pelicanPath(const Site& site, const SiteRules& rules, const Meta& fm, const Post& post) {
  std::string slug = scalarAt(fm, "slug");
  if (slug.empty()) slug = slugify(post.title);
  bool translation = !post.language.empty() && post.language != site.language;
  std::string pattern = translation ? rules.urlLangPattern : rules.urlPattern;
  if (pattern.empty()) pattern = translation ? "{slug}-{lang}.html" : "{slug}.html";
  std::string path = expandBraces(pattern, [&](const std::string& name) -> std::optional<std::string> {
    if (name == "slug") return slug;
    if (name == "lang") return post.language.empty() ? site.language : post.language;
    if (name == "category") return post.categories.empty() ? "misc" : slugify(post.categories.front());
    if (name == "author") return post.authors.empty() ? "" : slugify(post.authors.front());
    if (startsWith(name, "date:")) return post.date.valid() ? pelicanDate(post.date, name.substr(5)) : "";
    if (name == "date") return post.date.valid() ? post.date.isoDate() : "";
    return std::nullopt;
  });
  return cleanPath(path);
}

std::string quartoPath(const Site& site, const SiteRules& rules, const PostContext& ctx, const Post& post) {
  std::string folder = folderOf(ctx.rel);
  std::string prefix = languagePrefix(site, rules, post);
  if (ctx.isIndex) return cleanPath(prefix + "/" + folder + "/");
  return cleanPath(prefix + "/" + joinPath(folder, ctx.baseName) + ".html");
}

}  // namespace

std::string generatorPath(const Site& site, const SiteRules& rules, const PostContext& ctx, const Meta& fm,
                          const Post& post) {
  switch (site.generator) {
    case Generator::Gatsby: return gatsbyPath(site, rules, ctx, fm, post);
    case Generator::Astro: return astroPath(ctx, fm, rules);
    case Generator::Eleventy: return eleventyPath(ctx, fm);
    case Generator::MkDocs: return mkdocsPath(site, rules, ctx, fm, post);
    case Generator::Zola: return zolaPath(site, rules, ctx, fm, post);
    case Generator::Pelican: return pelicanPath(site, rules, fm, post);
    case Generator::Quarto: return quartoPath(site, rules, ctx, post);
    default: return cleanPath(folderOf(ctx.contentRel) + "/" + ctx.baseName + "/");
  }
}

}  // namespace pp::site
