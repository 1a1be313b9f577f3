// Site: reading a blog's source folder (Jekyll, Hugo, Docusaurus, Gatsby, Astro, Eleventy,
// MkDocs, Zola, Pelican, Quarto or plain Markdown) into Posts with normalised metadata.
// Stage home: src/site/.
#pragma once

#include <filesystem>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/support/diagnostics.h"

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

enum class Generator { Jekyll, Hugo, Docusaurus, Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican, Quarto, Plain };
const char* generatorName(Generator g);

enum class SourceFormat { Markdown, Mdx };

// An author: an entry of the site's author data (Docusaurus authors.yml, Hugo data/authors,
// MkDocs .authors.yml), or one person named by a post. The name never carries link syntax
// or an affiliation; those are kept apart.
struct Author {
  std::string key;          // as referenced by posts (a data file's key); "" when written inline
  std::string name;         // display name, and what the author index sorts and --author matches
  std::string title;        // role ("Maintainer")
  std::string url;          // the link the name was written with, or the data file's url
  std::string image;
  std::string affiliation;  // organisation: "(Acme)" after the name, or the data file's
  // "Jane Doe (Acme)": the name with its affiliation, as a byline shows it.
  std::string byline() const;
};

// One post with normalised metadata. The rules, for every generator unless said otherwise:
// - title: `title`; else the first H1 of the body outside code fences (titleFromBody); else
//   the file name (or, for index.md, the folder name) without its date, humanised.
// - date: `date` (then `publishDate`, `pubDate`, a date-valued `published`, `created`); else
//   the date in the file or folder name (Docusaurus and plain folders: also `2025/11/18/`
//   folders). Front matter and name disagreeing is a warning at the front matter line
//   ("date-mismatch"); the front matter wins, as in Jekyll and Hugo. Invalid dates are
//   warnings ("date-invalid"). Undated posts are kept (a note) and fall out of date filters.
// - authors: the first of `authors`, `author`, `params.authors`, `params.author` (Hugo),
//   `extra.authors`, `extra.author` (Zola themes): a string, a list, or objects with `name`
//   (also `display_name`, a Quarto `{given, family}` name) and `url`, `affiliation(s)`.
//   A string is split into people and each person into name, link and affiliation:
//   `[Jane Doe](https://…) (Acme), [John Roe](…) (Initech)`, `<a href=…>Jane</a> (Acme)`,
//   "A and B", "A, B & C", "A、B" split; "Doe, John" kept whole; with a `;` anywhere only `;`
//   separates ("Doe, John; Roe, Rick", Pelican). A trailing `(…)` is the affiliation, a `(…)`
//   inside a name stays ("Hezhi(Helen) Xie"); `[Jane](…), Acme` after linked names makes the
//   lone word Jane's affiliation. Keys of the site's author data (Docusaurus blog/authors.yml,
//   Jekyll _data/authors.yml, Hugo data/authors.* or data/authors/<key>.*, Hugo
//   content/authors/<key>/_index.md, MkDocs .authors.yml) become that author. Posts naming no
//   author get the site's author only when the config names exactly one (`author: Name`,
//   `author: {name: Name}`, Hugo `params.author`, MkDocs `site_author`, Pelican `AUTHOR`):
//   that is a personal blog's convention (jekyll-seo-tag does the same). An empty name or a
//   list is no such convention.
// - tags: `tags`/`tag`: a list, or a string split on commas (and, on Jekyll, on spaces, as
//   Jekyll does); Docusaurus tags.yml keys become their labels; inline `{label}` objects too.
//   Deduplicated by matchKey(), first spelling kept. SiteOptions::tagSource picks categories
//   instead ("categories"), both ("both"), or ("auto") categories only when no post of the
//   site has tags (kubeflow).
// - summary: the first of description, summary, excerpt, abstract, ogSummary,
//   og_description, preview, teaser (for a link-only post, else its subtitle).
// - heroImage: the first of image, header-img, header_image, cover, cover_image, coverImage,
//   featured_image, featuredImage, feature_image, images[0], hero, hero_image, heroImage,
//   thumbnail, extra.image, params.image(s) (a map's path/src/url/image), as written. A Hugo
//   page bundle naming none gets its first image resource whose name contains "featured" (the
//   bundle folder before its subfolders, then name order; then its translations' bundles),
//   relative to the bundle (Docsy's convention). Never the site's social card: an image from
//   Jekyll `defaults:`, or one that equals Site::socialImage, or one at least three posts and
//   half of those with a picture share, is dropped (loadSite).
// - draft: `draft: true`, `published: false`, Jekyll _drafts/, Hugo `build.render: never`
//   or `headless: true`.
// - Jekyll `defaults:` scoped to posts fill keys the post does not set (a post's own key,
//   or a synonym such as `header-img` for `image`, always wins); their images excepted.
// - Each generator's own keys are read as it documents them: MkDocs `date: {created}`,
//   Zola `[taxonomies]`, Pelican `Status: draft` and `;` lists, Eleventy collection tags (not
//   subjects) and date keywords (no date), Quarto `M/D/YYYY` dates; folder data files give
//   defaults (Eleventy directory data, Quarto `_metadata.yml`, MkDocs `.meta.yml`).
struct Post {
  fs::path file;      // absolute path of the source file
  std::string path;   // relative to the site root, '/' separators: for diagnostics and JSON
  SourceFormat format = SourceFormat::Markdown;  // .mdx is Mdx

  std::string title;
  bool titleFromBody = false;  // title came from the first H1 (the Document drops that H1)
  std::string subtitle;
  DateTime date;                     // invalid (year 0) when the post has none
  std::vector<std::string> authors;  // names only (no link syntax, no affiliation), in order
  std::vector<Author> authorDetails; // parallel to authors: name, url, affiliation, data key
  std::vector<std::string> tags;     // author's spelling, deduplicated by matchKey()
  std::vector<std::string> categories;  // `categories`/`category` (+ Jekyll folder categories)
  std::string summary;               // from front matter only (description/summary/excerpt)
  std::string heroImage;             // as written (see above)
  std::string slug;                  // front matter slug (last path part), else from the name
  // URL path on the site, e.g. "/2025/11/18/slug/", by the generator's rule:
  // Jekyll: front matter `permalink`, else the site's style (date, pretty, ordinal, weekdate,
  //   none) or pattern (:year :month :i_month :day :i_day :short_year :hour :minute :second
  //   :title :slug :name :categories :y_day :short_month :long_month :short_day :long_day
  //   :week :output_ext), categories lower-cased.
  // Hugo: front matter `url`; else the section's `permalinks` pattern (:year :month
  //   :monthname :day :weekday :weekdayname :yearday :section :sections :title :slug
  //   :filename :slugorfilename :contentbasename); else /<section path>/<slug or name>/;
  //   lower-cased unless disablePathToLower; non-default languages under /<lang>/.
  // Docusaurus: front matter `slug` under the blog route, else /blog/YYYY/MM/DD/<name>; a
  //   locale's translations under /<locale>/.
  // Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican, Quarto: src/site/permalink_generators.cpp.
  // Plain: /<path without extension>/.
  std::string permalinkPath;
  std::string url;                   // site url + baseurl + permalinkPath (no url: no host)
  std::vector<std::string> aliases;  // other URL paths of this post (Hugo aliases, redirect_from)
  // front matter `lang`/`language`, else a Hugo content/<lang>/ folder or `name.<lang>.md`
  // (only when not the site's default language), else empty (the site's language)
  std::string language;
  bool draft = false;
  bool math = false;   // front matter enables math (math/mathjax/katex/use_math: true)
  fs::path bundleDir;  // folder of an index.md(x) post (Hugo page bundle, Docusaurus folder post)
  // Folders that hold this post's resources when its own folder lacks them, searched in order:
  // a translated post's original (Hugo: the linked bundles of the other languages, by language
  // weight; Docusaurus: the same path under blog/ for i18n/<locale>/...-blog/).
  std::vector<fs::path> resourceDirs;

  // A link-only post: front matter pointing elsewhere (externalUrl, external_url, link,
  // link_url, redirect, redirect_to, redirect_url, canonical_url, canonical) and a body with
  // nothing to read (blank, or only comments and excerpt markers). Its summary comes from
  // description, summary, excerpt, ogSummary, og_description, abstract or subtitle.
  bool linkOnly = false;
  std::string linkUrl;  // the absolute URL the front matter points to ("" when none)

  std::string body;  // Markdown after the front matter: valid UTF-8, no BOM, LF line ends
  int bodyLine = 1;  // line of the file where body starts (for diagnostics)

  // Front matter flattened to dotted keys ("title", "tags.0", "params.x") for Liquid
  // `{{ page.x }}` and Hugo `.Params.x`; and where each top-level key was written.
  std::map<std::string, std::string> params;
  std::map<std::string, SourceLoc> fieldLocs;

  // What reading this post found wrong (date-mismatch, date-invalid, frontmatter-type…): kept
  // with the post, not reported by loadSite, so that only the posts a digest selects speak
  // (reportPostDiagnostics). Problems that lose a post entirely are reported by loadSite.
  std::vector<Diagnostic> diagnostics;

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
  // Import path aliases an image path may start with (`@assets/` -> <root>/src/assets), from
  // tsconfig/jsconfig `compilerOptions.paths`, and Docusaurus's `@site/` (the root).
  std::vector<std::pair<std::string, fs::path>> pathAliases;
  // Per language (a post's `language`), folders searched before staticRoots: Hugo
  // `languages.<l>.staticDir` and module mounts targeting static with a `lang`.
  std::map<std::string, std::vector<fs::path>> languageStaticRoots;
  // The site-wide social-card image (Jekyll `defaults:` image, Hugo `params.images`,
  // Docusaurus themeConfig `image`, Zola `extra.image`), as written. Never a post's hero
  // image: a picture on every post says nothing about any of them.
  std::string socialImage;
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
  // --posts: overrides discovery. A folder relative to root (every Markdown file under it;
  // Hugo bundle rules apply), a Hugo section name ("articles" reads content/articles/ and
  // content/<lang>/articles/), or a glob relative to root (`*`, `?`, `[...]`, `{a,b}`, `**`).
  std::string postsGlob;
  bool drafts = false;        // read Jekyll _drafts/ too
  std::string tagSource = "auto";  // auto | tags | categories | both
};

// Reads the site: detects the generator, reads its config, discovers and reads every post.
// Posts that cannot be read are reported and skipped; the rest are read, each keeping its own
// warnings (Post::diagnostics). Throws nothing.
// Discovery: Jekyll (_config.yml): `_posts/` (subfolders too) at the root or under category
// folders, YYYY-MM-DD-name files only; `_drafts/` with drafts. Hugo (hugo.* / config.* /
// config/_default/): the sections params.mainSections names, else blog/, posts/, post/,
// under content/ (contentDir), content/<lang>/, languages.<l>.contentDir and module mounts
// targeting content; single files and leaf bundles (index.md; its other files are resources),
// never _index.md. Docusaurus (docusaurus.config.*): blog/ (or the blog plugin's `path`),
// .md and .mdx, `_`-prefixed files and folders skipped; a locale's translations of those files
// in i18n/<locale>/docusaurus-plugin-content-blog/. Gatsby, Astro, Eleventy, MkDocs (Material
// blog plugin), Zola, Pelican and Quarto: see the README's "Sites it reads" table and each
// src/site/config_<generator>.cpp. Plain: every .md/.markdown file except
// README/LICENSE/CHANGELOG/CONTRIBUTING-style repository files. Hidden folders, node_modules,
// _site and vendor are never walked; folder symlinks are not followed.
Site loadSite(const SiteOptions& options, DiagnosticSink& diags);

// Reports the diagnostics the given posts carry (Post::diagnostics), in their order: what a
// digest says about the posts it prints, and nothing about those it leaves out.
void reportPostDiagnostics(const std::vector<const Post*>& posts, DiagnosticSink& diags);

// Reads one post file (used by loadSite and by tests). Returns nullopt after reporting an error
// when the file cannot be used at all.
std::optional<Post> readPost(const Site& site, const fs::path& file, DiagnosticSink& diags);

// readPost on text already in memory: `file` names the post and places it in the site (its
// folder, name and date decide slug, permalink, bundle and language) but is never opened.
// Every rule of readPost applies to `raw` as if read from the file. For fuzzing and tests.
std::optional<Post> readPostText(const Site& site, const fs::path& file, std::string_view raw,
                                 DiagnosticSink& diags);

}  // namespace pp
