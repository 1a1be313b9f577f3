// Site: reading a blog's source folder (Jekyll, Hugo, Docusaurus or plain Markdown) into
// Posts with normalised metadata. Stage home: src/site/.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/diagnostics.h"

namespace pp {

namespace fs = std::filesystem;

namespace site {
struct SiteRules;  // generator details read from the config (src/site/rules.h)
}

// A date and time as written in the source. A post's day is its own calendar date as written:
// no conversion to UTC ever happens, so `2025-12-31 23:30:00 -0800` is in 2025Q4.
struct DateTime {
  int year = 0, month = 0, day = 0;
  int hour = 0, minute = 0, second = 0;
  bool hasTime = false;
  bool hasOffset = false;
  int offsetMinutes = 0;  // east of UTC

  bool valid() const { return year > 0; }
  std::string isoDate() const;      // "2025-11-18"
  std::string isoDateTime() const;  // "2025-11-18T09:30:00+01:00" (date only when !hasTime)
  // Orders by the date and time as written (not by instant).
  friend bool operator<(const DateTime& a, const DateTime& b);
  friend bool operator==(const DateTime& a, const DateTime& b);
  // Calendar-date comparison only: -1, 0, 1.
  int compareDay(const DateTime& other) const;
};

// Parses every date form real sites use: `2025-11-18`, `2025-11-18 09:30`,
// `2025-11-18 09:30:00 +0100`, `2021-03-01 8:30:00+00:00`, `2025-11-18T09:30:00Z`,
// `2025-11-18T09:30:00.123-05:00`, quoted or not. Returns nullopt for anything else or for
// impossible dates (2025-02-30).
std::optional<DateTime> parseDateTime(std::string_view text);

// Date at the start of a file or folder name: `2025-11-18-slug`, `2025-11-18_slug`,
// or a dated folder path `2025/11/18/slug` (Docusaurus). Sets *slug to the rest when given.
std::optional<DateTime> dateFromName(std::string_view name, std::string* slug = nullptr);

enum class Generator { Jekyll, Hugo, Docusaurus, Plain };
const char* generatorName(Generator g);

enum class SourceFormat { Markdown, Mdx };

struct Author {
  std::string key;    // as referenced by posts (Docusaurus authors.yml key)
  std::string name;   // display name
  std::string title;  // role
  std::string url;
  std::string image;
};

struct Post {
  fs::path file;      // absolute path of the source file
  std::string path;   // relative to the site root, '/' separators: for diagnostics and JSON
  SourceFormat format = SourceFormat::Markdown;

  std::string title;
  bool titleFromBody = false;  // title came from the first H1 (the Document drops that H1)
  std::string subtitle;
  DateTime date;
  std::vector<std::string> authors;  // display names, in order
  std::vector<std::string> tags;     // author's spelling, deduplicated by matchKey()
  std::vector<std::string> categories;  // `categories`/`category` (+ Jekyll folder categories)
  std::string summary;               // from front matter only (description/summary/excerpt)
  std::string heroImage;             // as written (image, header-img, cover, featured_image...)
  std::string slug;
  std::string permalinkPath;         // URL path on the site, e.g. "/2025/11/18/slug/"
  std::string url;                   // canonical absolute URL; permalinkPath when no site url
  std::vector<std::string> aliases;  // other URL paths of this post (Hugo aliases, redirect_from)
  std::string language;              // front matter `lang`/`language`, else empty (site default)
  bool draft = false;
  bool math = false;   // front matter enables math (math: true, mathjax: true, katex: true)
  fs::path bundleDir;  // Hugo page bundle or post folder whose files belong to it; else empty

  std::string body;  // Markdown after the front matter: valid UTF-8, no BOM, LF line ends
  int bodyLine = 1;  // line of the file where body starts (for diagnostics)

  // Front matter flattened to dotted keys ("title", "tags.0", "params.x") for Liquid
  // `{{ page.x }}` and Hugo `.Params.x`; and where each top-level key was written.
  std::map<std::string, std::string> params;
  std::map<std::string, SourceLoc> fieldLocs;

  SourceLoc loc(int bodyRelativeLine = 0, int col = 0) const;  // location inside the body
};

struct Site {
  fs::path root;  // absolute
  Generator generator = Generator::Plain;
  std::string configPath;  // relative to root, empty for Plain

  std::string title;
  std::string description;
  std::string url;      // "https://example.org" without trailing slash
  std::string baseurl;  // "/blog" or ""
  std::string language = "en";
  std::string permalink;  // the generator's permalink rule for posts, as configured

  // Site configuration flattened to dotted keys for `{{ site.x }}` and `.Site.Params.x`.
  std::map<std::string, std::string> config;
  // Folders that site-absolute paths (`/img/x.png`) resolve against, in order.
  std::vector<fs::path> staticRoots;
  fs::path includesDir;  // Jekyll `_includes`, else empty
  fs::path contentDir;   // Hugo `content/`, Docusaurus `blog/`, Jekyll root

  std::map<std::string, Author> authors;          // Docusaurus authors.yml, Hugo/Jekyll data
  std::map<std::string, std::string> tagLabels;   // Docusaurus tags.yml: key -> label
  bool emoji = false;  // site enables :shortcode: emoji (jemoji, enableEmoji)
  bool math = false;   // site enables math

  std::string tagSource = "auto";  // as in SiteOptions; readPost applies it
  // Generator rules readPost needs (Hugo sections/permalinks/languages, Jekyll defaults,
  // Docusaurus route). Null means the generator's defaults.
  std::shared_ptr<const site::SiteRules> rules;

  std::vector<Post> posts;  // every post found, drafts included (flagged), sorted by path
};

struct SiteOptions {
  fs::path root = ".";
  std::string postsGlob;      // --posts: overrides discovery (relative to root)
  bool drafts = false;        // read Jekyll _drafts/ too
  std::string tagSource = "auto";  // auto | tags | categories | both
};

// Reads the site: detects the generator, reads its config, discovers and reads every post.
// Bad posts are reported and skipped; the rest are read. Throws nothing.
Site loadSite(const SiteOptions& options, DiagnosticSink& diags);

// Reads one post file (used by loadSite and by tests). Returns nullopt after reporting an error
// when the file cannot be used at all.
std::optional<Post> readPost(const Site& site, const fs::path& file, DiagnosticSink& diags);

}  // namespace pp
