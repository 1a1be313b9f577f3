// Finding posts in Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican and Quarto sites: each
// generator's post folders (SiteRules::contentRoots) walked by its own rule.
#include <algorithm>
#include <map>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/discover.h"
#include "site/frontmatter.h"
#include "site/util.h"
#include "site/walk.h"

namespace pp::site {

namespace {

std::string parentOf(const std::string& rel) {
  std::size_t slash = rel.rfind('/');
  return slash == std::string::npos ? std::string() : rel.substr(0, slash);
}

bool namesPostsFolder(std::string_view name) {
  return name == "blog" || name == "posts" || name == "post";
}

// Every Markdown file under the generator's post folders (`_`-prefixed files and folders left
// out where the generator leaves them out), unless excluded.
void walkRoots(const Site& site, const SiteRules& rules, bool skipUnderscore, bool qmd, DiagnosticSink& diags,
               std::vector<Found>& out) {
  auto excluded = [&](const std::string& rel) {
    fs::path p = (site.root / rel).lexically_normal();
    return std::find(rules.excludedDirs.begin(), rules.excludedDirs.end(), p) != rules.excludedDirs.end();
  };
  for (const ContentRoot& root : rules.contentRoots) {
    walk(root.dir, relOf(site, root.dir), 1,
         [&](const std::string& name, const std::string& rel) {
           return !(skipUnderscore && name[0] == '_') && !excluded(rel);
         },
         [&](const std::string& name, const std::string& rel, const fs::path& file) {
           if (skipUnderscore && name[0] == '_') return;
           if (isMarkdownName(name, true) || (qmd && endsWith(toLowerAscii(name), ".qmd"))) out.push_back({rel, file});
         }, diags);
  }
}

// Eleventy: does this folder's directory data file put its templates in the posts
// collection? `<folder>/<folder>.11tydata.json` or `<folder>/<folder>.json`; a JavaScript
// data file is searched for a `tags` naming posts.
bool taggedAsPosts(const fs::path& root, const fs::path& dir, const std::string& name) {
  for (const std::string& file : {name + ".11tydata.json", name + ".json", name + ".11tydata.js",
                                  name + ".11tydata.cjs", name + ".11tydata.mjs"}) {
    std::string err;
    auto raw = readConfined(root, dir / file, &err, 1u << 20);
    if (!raw) continue;
    std::string text = toLowerAscii(*raw);
    std::size_t tags = text.find("tags");
    if (tags == std::string::npos) continue;
    std::string_view after = std::string_view(text).substr(tags, 200);
    for (std::string_view tag : {"\"posts\"", "'posts'", "\"post\"", "'post'", "\"blog\"", "'blog'"}) {
      if (after.find(tag) != std::string_view::npos) return true;
    }
  }
  return false;
}

void discoverEleventy(const Site& site, const SiteRules& rules, DiagnosticSink& diags, std::vector<Found>& out) {
  for (const ContentRoot& root : rules.contentRoots) {
    std::map<std::string, bool> postsFolder;  // folder rel -> its templates are posts
    std::string rootRel = relOf(site, root.dir);
    postsFolder[rootRel] = taggedAsPosts(site.root, root.dir, root.dir.filename().string());
    walk(root.dir, rootRel, 1,
         [&](const std::string& name, const std::string& rel) {
           if (name[0] == '_') return false;  // _includes, _data, _site, drafts kept aside
           postsFolder[rel] = postsFolder[parentOf(rel)] || namesPostsFolder(name) ||
                              taggedAsPosts(site.root, site.root / rel, name);
           return true;
         },
         [&](const std::string& name, const std::string& rel, const fs::path& file) {
           if (isMarkdownName(name, false) && postsFolder[parentOf(rel)]) out.push_back({rel, file});
         }, diags);
  }
}

// Zola: the `sort_by` of a section's _index.md front matter ("" when none).
std::string sectionSort(const fs::path& root, const fs::path& index) {
  std::string err;
  auto raw = readConfined(root, index, &err, 1u << 20);
  if (!raw) return {};
  FrontMatter fm;
  DiagnosticSink quiet;  // a broken section page costs only the guess
  if (!splitFrontMatter(normaliseText(*raw, "", quiet), index.string(), false, fm, quiet)) return {};
  return scalarAt(fm.data, "sort_by");
}

void discoverZola(const Site& site, const SiteRules& rules, DiagnosticSink& diags, std::vector<Found>& out) {
  for (const ContentRoot& root : rules.contentRoots) {
    // Pages belong to the nearest section above them; a section sorted by date is a blog.
    std::map<std::string, std::string> sortOf;  // folder rel -> its section's sort_by
    std::map<std::string, std::string> sectionName;
    std::string rootRel = relOf(site, root.dir);
    sortOf[rootRel] = sectionSort(site.root, root.dir / "_index.md");
    std::vector<Found> pages;
    walk(root.dir, rootRel, 1,
         [&](const std::string& name, const std::string& rel) {
           fs::path index = site.root / rel / "_index.md";
           bool section = isRegularFile(index);
           sortOf[rel] = section ? sectionSort(site.root, index) : sortOf[parentOf(rel)];
           sectionName[rel] = section ? name : sectionName[parentOf(rel)];
           return true;
         },
         [&](const std::string& name, const std::string& rel, const fs::path& file) {
           if (isMarkdownName(name, false) && !startsWith(name, "_index.")) pages.push_back({rel, file});
         }, diags);
    bool anyDated = std::any_of(sortOf.begin(), sortOf.end(), [](const auto& s) { return s.second == "date"; });
    for (Found& f : pages) {
      std::string folder = parentOf(f.rel);
      bool post = anyDated ? sortOf[folder] == "date" : namesPostsFolder(sectionName[folder]);
      if (post) out.push_back(std::move(f));
    }
  }
}

}  // namespace

void discoverGeneratorPosts(const Site& site, const SiteRules& rules, DiagnosticSink& diags, std::vector<Found>& out) {
  switch (site.generator) {
    case Generator::Eleventy: discoverEleventy(site, rules, diags, out); break;
    case Generator::Zola: discoverZola(site, rules, diags, out); break;
    case Generator::Quarto: walkRoots(site, rules, true, true, diags, out); break;
    case Generator::Astro: walkRoots(site, rules, true, false, diags, out); break;
    case Generator::Gatsby:
    case Generator::MkDocs:
    case Generator::Pelican: walkRoots(site, rules, false, false, diags, out); break;
    default: break;
  }
  if (out.empty()) {
    std::string looked;
    for (const ContentRoot& r : rules.contentRoots) looked += (looked.empty() ? "" : ", ") + relOf(site, r.dir) + "/";
    diags.warning({site.configPath, 0, 0}, "no-posts",
                  std::string("no posts found in this ") + generatorName(site.generator) + " site" +
                      (looked.empty() ? std::string() : " (looked in " + looked + ")") +
                      "; name the folder with --posts");
  }
}

}  // namespace pp::site
