// Where each generator publishes a post: the URL path on the site, then the absolute URL.
#include <array>
#include <cstdio>
#include <optional>
#include <set>

#include "postpress/support/text.h"
#include "site/permalink_rules.h"
#include "site/post_reader.h"
#include "site/util.h"

namespace pp::site {

std::string twoDigits(int v) {
  char buf[16];
  std::snprintf(buf, sizeof buf, "%02d", v);
  return buf;
}

// Collapses `//`, ensures a leading '/'.
std::string cleanPath(std::string_view p) {
  std::string out = "/";
  for (char c : p) {
    if (c == '/' && !out.empty() && out.back() == '/') continue;
    out += c;
  }
  return out;
}

namespace {

constexpr std::array<const char*, 12> kMonthNames = {
    "January", "February", "March", "April", "May", "June",
    "July", "August", "September", "October", "November", "December"};
constexpr std::array<const char*, 7> kDayNames = {"Sunday", "Monday", "Tuesday", "Wednesday",
                                                  "Thursday", "Friday", "Saturday"};


// 0 = Sunday (Sakamoto's method).
int weekday(int y, int m, int d) {
  static constexpr int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[m - 1] + d) % 7;
}

int dayOfYear(int y, int m, int d) {
  static constexpr int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return before[m - 1] + d + (leap && m > 2 ? 1 : 0);
}

// ISO 8601 week number.
int isoWeek(int y, int m, int d) {
  int wd = (weekday(y, m, d) + 6) % 7;  // Monday = 0
  int yday = dayOfYear(y, m, d);
  int week = (yday - wd + 9) / 7;
  if (week < 1) {
    int py = y - 1;
    return isoWeek(py, 12, 31);
  }
  if (week == 53) {
    int jan1 = (weekday(y + 1, 1, 1) + 6) % 7;
    if (jan1 <= 3) return 1;  // belongs to week 1 of the next year
  }
  return week;
}

// Replaces `:name` placeholders by value(name); unknown names stay as written.
template <class Value>
std::string expand(std::string_view pattern, Value value) {
  std::string out;
  for (std::size_t i = 0; i < pattern.size();) {
    if (pattern[i] == ':' && i + 1 < pattern.size() && std::isalpha(static_cast<unsigned char>(pattern[i + 1]))) {
      std::size_t j = i + 1;
      while (j < pattern.size() && (std::isalnum(static_cast<unsigned char>(pattern[j])) || pattern[j] == '_')) ++j;
      // Longest known name first: `:slugorfilename` before `:slug`.
      std::string name(pattern.substr(i + 1, j - i - 1));
      std::optional<std::string> v;
      while (!name.empty()) {
        v = value(name);
        if (v) break;
        name.pop_back();
      }
      if (v) {
        out += *v;
        i += 1 + name.size();
        continue;
      }
    }
    out += pattern[i++];
  }
  return out;
}



// Jekyll's built-in permalink styles.
std::string jekyllStyle(const std::string& style) {
  if (style == "date") return "/:categories/:year/:month/:day/:title:output_ext";
  if (style == "pretty") return "/:categories/:year/:month/:day/:title/";
  if (style == "ordinal") return "/:categories/:year/:y_day/:title:output_ext";
  if (style == "weekdate") return "/:categories/:year/W:week/:short_day/:title:output_ext";
  if (style == "none") return "/:categories/:title:output_ext";
  return style;
}

// Jekyll: front matter `permalink`, else the site's style or pattern.
std::string jekyllPath(const Site& site, const PostContext& ctx, const Meta& fm, const Post& post) {
  std::string pattern = scalarAt(fm, "permalink");
  if (pattern.empty()) pattern = jekyllStyle(site.permalink.empty() ? "date" : site.permalink);
  // :title is the file name's slug (case kept) unless front matter gives a slug.
  std::string title = post.slug;
  std::string categories;
  std::set<std::string> seen;
  for (const std::string& c : post.categories) {
    std::string lower = toLowerAscii(c);
    if (!seen.insert(lower).second) continue;
    if (!categories.empty()) categories += '/';
    categories += replaceAll(lower, " ", "-");
  }
  std::string path = expand(pattern, [&](const std::string& name) -> std::optional<std::string> {
    if (name == "title") return title;
    if (name == "slug") return slugify(title);
    if (name == "name") return ctx.baseName;
    if (name == "categories") return categories;
    if (name == "output_ext") return std::string(".html");
    if (name == "path") return ctx.rel;
    return dateValue(post.date, name);
  });
  return cleanPath(path);
}

// Hugo's urlize: spaces to '-', only letters, digits and `._-~+#` kept, lower case by default.
std::string hugoMakePath(std::string_view s, bool lower) {
  std::string out;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      std::size_t start = i;
      nextCodepoint(s, i);
      out.append(s.substr(start, i - start));
      continue;
    }
    ++i;
    if (std::isalnum(c) || c == '.' || c == '_' || c == '-' || c == '~' || c == '+' || c == '#' || c == '/') {
      out += lower ? static_cast<char>(std::tolower(c)) : static_cast<char>(c);
    } else if (c == ' ') {
      out += '-';
    }
  }
  return out;
}

std::string hugoPath(const Site& site, const SiteRules& rules, const PostContext& ctx,
                     const Meta& fm, const Post& post) {
  std::string url = scalarAt(fm, "url");
  if (!url.empty()) {
    // An absolute URL in front matter is the page's address on its own.
    if (url.find("://") != std::string::npos) return url;
    return cleanPath(url);
  }
  std::string fmSlug = scalarAt(fm, "slug");
  std::string prefix;
  std::string lang = post.language.empty() ? ctx.language : post.language;
  const std::string& defaultLang = rules.defaultLanguage(site.language);
  if (!lang.empty() && lang != defaultLang) {
    prefix = "/" + lang;
  } else if (rules.defaultLanguageInSubdir) {
    prefix = "/" + defaultLang;
  }
  std::string path;
  auto it = rules.permalinks.find(ctx.section);
  if (it != rules.permalinks.end()) {
    std::string filename = ctx.baseName;
    path = expand(it->second, [&](const std::string& name) -> std::optional<std::string> {
      if (name == "section") return ctx.section;
      if (name == "sections") return ctx.sectionPath;
      if (name == "title") return hugoMakePath(post.title, true);
      if (name == "slug") return fmSlug.empty() ? hugoMakePath(post.title, true) : fmSlug;
      if (name == "filename" || name == "contentbasename") return filename;
      if (name == "slugorfilename" || name == "slugorcontentbasename") return fmSlug.empty() ? filename : fmSlug;
      return dateValue(post.date, name);
    });
  } else {
    path = ctx.sectionPath + "/" + (fmSlug.empty() ? ctx.baseName : fmSlug) + "/";
  }
  path = cleanPath(hugoMakePath(path, rules.pathToLower));
  if (rules.uglyUrls && path.size() > 1 && path.back() == '/') {
    path.pop_back();
    path += ".html";
  }
  return cleanPath(prefix + path);
}

std::string docusaurusPath(const SiteRules& rules, const PostContext& ctx, const Meta& fm,
                           const Post& post) {
  std::string base = rules.blogRoute.empty() ? std::string() : "/" + rules.blogRoute;
  // A locale other than the default is published under its own prefix (/zh/blog/…).
  if (!ctx.language.empty()) base = "/" + ctx.language + base;
  std::string slug = scalarAt(fm, "slug");
  if (!slug.empty()) return cleanPath(base + "/" + slug);
  std::string rest;
  if (auto d = dateFromName(ctx.baseName, &rest)) {
    return cleanPath(base + "/" + std::to_string(d->year) + "/" + twoDigits(d->month) + "/" +
                     twoDigits(d->day) + "/" + rest);
  }
  // Dated folders: 2021/08/26/welcome.md
  std::string_view rel = ctx.contentRel;
  for (std::size_t pos = 0; pos < rel.size(); ++pos) {
    if (pos > 0 && rel[pos - 1] != '/') continue;
    if (auto d = dateFromName(rel.substr(pos), &rest)) {
      return cleanPath(base + "/" + std::to_string(d->year) + "/" + twoDigits(d->month) + "/" +
                       twoDigits(d->day) + "/" + rest);
    }
  }
  std::string path = ctx.contentRel;
  path = stemOf(path);
  if (endsWith(path, "/index")) path.resize(path.size() - 6);
  (void)post;
  return cleanPath(base + "/" + path);
}

std::string plainPath(const PostContext& ctx) {
  std::string path = stemOf(ctx.contentRel);
  if (path == "index") return "/";
  if (endsWith(path, "/index")) path.resize(path.size() - 6);
  return cleanPath(path + "/");
}

}  // namespace

std::optional<std::string> dateValue(const DateTime& d, const std::string& name) {
  if (!d.valid()) {
    static const std::set<std::string> dateNames = {"year", "month", "i_month", "day", "i_day",
        "short_year", "hour", "minute", "second", "y_day", "short_month", "long_month",
        "short_day", "long_day", "week", "monthname", "weekday", "weekdayname", "yearday"};
    if (dateNames.count(name)) return std::string();
    return std::nullopt;
  }
  if (name == "year") return std::to_string(d.year);
  if (name == "month") return twoDigits(d.month);
  if (name == "i_month") return std::to_string(d.month);
  if (name == "day") return twoDigits(d.day);
  if (name == "i_day") return std::to_string(d.day);
  if (name == "short_year") return twoDigits(d.year % 100);
  if (name == "hour") return twoDigits(d.hour);
  if (name == "minute") return twoDigits(d.minute);
  if (name == "second") return twoDigits(d.second);
  if (name == "y_day") {
    char buf[8];
    std::snprintf(buf, sizeof buf, "%03d", dayOfYear(d.year, d.month, d.day));
    return std::string(buf);
  }
  if (name == "yearday") return std::to_string(dayOfYear(d.year, d.month, d.day));
  if (name == "short_month") return std::string(kMonthNames[static_cast<std::size_t>(d.month - 1)]).substr(0, 3);
  if (name == "long_month" || name == "monthname") return kMonthNames[static_cast<std::size_t>(d.month - 1)];
  int wd = weekday(d.year, d.month, d.day);
  if (name == "short_day") return std::string(kDayNames[static_cast<std::size_t>(wd)]).substr(0, 3);
  if (name == "long_day" || name == "weekdayname") return kDayNames[static_cast<std::size_t>(wd)];
  if (name == "weekday") return std::to_string(wd);
  if (name == "week") return twoDigits(isoWeek(d.year, d.month, d.day));
  return std::nullopt;
}

void computePermalink(const Site& site, const SiteRules& rules, const PostContext& ctx,
                      const Meta& fm, Post& post) {
  std::string path;
  switch (site.generator) {
    case Generator::Jekyll: path = jekyllPath(site, ctx, fm, post); break;
    case Generator::Hugo: path = hugoPath(site, rules, ctx, fm, post); break;
    case Generator::Docusaurus: path = docusaurusPath(rules, ctx, fm, post); break;
    case Generator::Plain: path = plainPath(ctx); break;
    default: path = generatorPath(site, rules, ctx, fm, post); break;
  }
  if (path.find("://") != std::string::npos) {
    post.url = path;
    post.permalinkPath = path.substr(path.find('/', path.find("://") + 3) == std::string::npos
                                         ? path.size()
                                         : path.find('/', path.find("://") + 3));
    if (post.permalinkPath.empty()) post.permalinkPath = "/";
    return;
  }
  post.permalinkPath = percentEncodeUri(path);
  post.url = site.url + site.baseurl + post.permalinkPath;
}

}  // namespace pp::site
