// The pieces of readPost: where a file sits in its site, its metadata rules, its permalink.
#pragma once

#include <string>
#include <vector>

#include "postpress/site.h"
#include "site/meta.h"
#include "site/rules.h"

namespace pp::site {

// What a post's location says about it.
struct PostContext {
  std::string rel;          // relative to the site root
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

// Applies the Jekyll `defaults:` that match this post to its front matter (missing keys only).
void applyDefaults(const SiteRules& rules, const PostContext& ctx, Meta& fm);

// Title, dates, authors, tags, summary, hero image, slug, aliases, language, draft and math
// from the front matter and the file name; diagnostics at the front matter lines.
void normaliseMetadata(const Site& site, const SiteRules& rules, const PostContext& ctx,
                       const Meta& fm, Post& post, DiagnosticSink& diags);

// permalinkPath and url by the generator's rule.
void computePermalink(const Site& site, const SiteRules& rules, const PostContext& ctx,
                      const Meta& fm, Post& post);

// The first ATX or setext H1 outside fenced code, or "".
std::string firstHeading(std::string_view body);

// Author display names from a free-form string: HTML stripped, split on commas, `&` and
// `and` ("A, B and C"), except "Doe, John".
std::vector<std::string> splitAuthorNames(std::string_view s);

// Tag values from a string: comma-separated, or (Jekyll) space-separated, else one tag.
std::vector<std::string> splitTagString(std::string_view s, bool spaceSeparated);

}  // namespace pp::site
