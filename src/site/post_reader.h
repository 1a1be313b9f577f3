// The pieces of readPost: where a file sits in its site, its metadata rules, its permalink.
#pragma once

#include <string>
#include <vector>

#include "postpress/site.h"
#include "site/frontmatter.h"
#include "site/meta.h"
#include "site/rules.h"

namespace pp::site {

// What a post's location says about it.
struct PostContext {
  std::string rel;          // relative to the site root
  fs::path contentRoot;     // the content folder holding it (a language's, for translations)
  std::string contentRel;   // relative to its content folder (Hugo content root, Docusaurus blog)
  std::string language;     // from a Hugo content/<lang>/ root or a `name.<lang>.md` suffix
  std::string section;      // Hugo: first folder inside the content root ("blog")
  std::string sectionPath;  // Hugo: folder of the page inside the content root ("blog/2021")
  bool inDrafts = false;    // Jekyll _drafts/
  bool isIndex = false;     // index.md(x) of a folder post / page bundle
  std::string baseName;     // file stem, or the folder name for index files
  std::vector<std::string> folderCategories;  // Jekyll `news/_posts/` gives "news"
  fs::path folder;          // the folder of a folder post (bundleDir)
};

PostContext contextFor(const Site& site, const SiteRules& rules, const fs::path& file);

// Post::resourceDirs: the folders at the same place in the other languages' content roots
// (Hugo bundles: every other language, by weight; other generators: the default language's),
// when they exist.
std::vector<fs::path> translationResourceDirs(const Site& site, const SiteRules& rules, const PostContext& ctx);

// Brings a generator's own front matter keys to the ones normaliseMetadata reads (Zola
// taxonomies, MkDocs date maps, Pelican status and `;` lists, Eleventy collection tags and
// date keywords, Quarto US dates, AstroPaper's pubDatetime).
void adaptFrontMatter(const Site& site, const SiteRules& rules, const PostContext& ctx, Meta& fm);

// Defaults from the data files of the post's folders (Eleventy directory data, Quarto
// _metadata.yml, MkDocs .meta.yml), the nearest folder's first; the post's own keys win.
void applyFolderData(const Site& site, const fs::path& file, Meta& fm);

// `5/22/2021`: month/day/year, the form Quarto's documentation writes dates in.
std::optional<DateTime> parseUsDate(std::string_view text);

// Applies the Jekyll `defaults:` that match this post to its front matter (missing keys only).
void applyDefaults(const SiteRules& rules, const PostContext& ctx, Meta& fm);

// Title, dates, authors, tags, summary, hero image, slug, aliases, language, draft and math
// from the front matter and the file name; diagnostics at the front matter lines.
void normaliseMetadata(const Site& site, const SiteRules& rules, const PostContext& ctx,
                       const Meta& fm, Post& post, DiagnosticSink& diags);

// linkUrl and linkOnly (see Post in site.h); needs post.body.
void readLinkPost(const Meta& fm, Post& post);
// True for a body that is blank once comments and excerpt markers are removed.
bool bodyHasNothingToRead(std::string_view body);

// Clears hero images that are the site's social card or that most posts share (at least
// three, and half of those with a picture): the site's picture, not a post's.
void dropSiteWideHeroImages(Site& site);

// permalinkPath and url by the generator's rule.
void computePermalink(const Site& site, const SiteRules& rules, const PostContext& ctx,
                      const Meta& fm, Post& post);

// The first ATX or setext H1 outside fenced code, or "".
std::string firstHeading(std::string_view body);

// The people a free-form author string names (see Post::authors in site.h): name, link and
// affiliation apart. `single`: the string is one item of a list, split only when it holds
// several links.
std::vector<Author> parseAuthorText(std::string_view text, bool single = false);
// Their names only.
std::vector<std::string> splitAuthorNames(std::string_view s);

// Post::authors and Post::authorDetails from the front matter and the site's author data.
void readAuthors(const Site& site, const SiteRules& rules, const Meta& fm, Post& post);

// Tag values from a string: comma-separated, or (Jekyll) space-separated, else one tag.
std::vector<std::string> splitTagString(std::string_view s, bool spaceSeparated);

}  // namespace pp::site
