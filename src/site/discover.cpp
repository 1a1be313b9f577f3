// Discovery walks only the folders a generator reads posts from, pruning what never holds
// posts (hidden folders, node_modules, build output), and never follows folder symlinks
// (a loop would never end). Post files that are symlinks are read only when their target lies
// inside the site root; FIFOs, sockets and dangling links are named and skipped (reading a FIFO
// would block the build forever).
#include "site/discover.h"

#include <algorithm>
#include <functional>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/glob.h"
#include "site/walk.h"
#include "site/util.h"

namespace pp::site {

namespace {

bool isIndexName(const std::string& name, bool allowMdx) {
  return startsWith(name, "index.") && isMarkdownName(name, allowMdx);
}

// A Hugo section folder: leaf bundles (a folder with index.md) are one post each and their
// other files are resources; _index.md is a list page, never a post.
void walkHugo(const fs::path& dir, const std::string& rel, int depth, std::vector<Found>& out,
              DiagnosticSink& diags) {
  if (tooDeep(rel, depth, diags)) return;
  std::vector<Entry> files, subdirs;
  if (!listFolder(dir, files, subdirs)) return;
  files.erase(std::remove_if(files.begin(), files.end(), [](const Entry& f) { return !isMarkdownName(f.first, false); }),
              files.end());
  bool leafBundle = std::any_of(files.begin(), files.end(),
                                [](const auto& f) { return isIndexName(f.first, false); });
  for (const auto& [name, path] : files) {
    if (startsWith(name, "_index.")) continue;
    if (leafBundle && !isIndexName(name, false)) continue;  // a resource of the bundle
    out.push_back({joinRel(rel, name), path});
  }
  if (leafBundle) return;
  for (const auto& [name, path] : subdirs) walkHugo(path, joinRel(rel, name), depth + 1, out, diags);
}

bool isRepositoryFile(const std::string& name) {
  std::string stem = toLowerAscii(stemOf(name));
  return stem == "readme" || stem == "license" || stem == "licence" || stem == "changelog" ||
         stem == "contributing" || stem == "code_of_conduct" || stem == "security" ||
         stem == "corpus-notes";
}

void discoverJekyll(const Site& site, const SiteOptions& options, DiagnosticSink& diags,
                    std::vector<Found>& out) {
  const fs::path base = site.contentDir.empty() ? site.root : site.contentDir;
  auto collect = [&](const fs::path& dir, bool requireDatedName) {
    walk(dir, relOf(site, dir), 1, [](const std::string&, const std::string&) { return true; },
         [&](const std::string& name, const std::string& rel, const fs::path& file) {
           if (!isMarkdownName(name, false)) return;
           if (requireDatedName && !dateFromName(name)) {
             // Jekyll itself skips these; say so rather than lose a post silently.
             diags.warning({rel, 0, 0}, "post-name",
                           "not read as a post: Jekyll post names start with a date "
                           "(YYYY-MM-DD-title.md)");
             return;
           }
           out.push_back({rel, file});
         }, diags);
  };
  // `_posts` at the root and in category folders (`news/_posts/`). Underscore folders
  // (_layouts, _includes…) and image folders never hold posts.
  std::vector<fs::path> postDirs;
  walk(base, relOf(site, base), 1,
       [&](const std::string& name, const std::string& rel) {
         if (name == "_posts") {
           postDirs.push_back(site.root / rel);
           return false;
         }
         return name[0] != '_' && name != "img" && name != "images" && name != "assets";
       },
       [](const std::string&, const std::string&, const fs::path&) {}, diags);
  std::sort(postDirs.begin(), postDirs.end());
  for (const fs::path& dir : postDirs) collect(dir, true);
  if (options.drafts && isDirectory(base / "_drafts")) collect(base / "_drafts", false);
}

void discoverHugo(const Site& site, const SiteRules& rules, const std::vector<std::string>& sections,
                  DiagnosticSink& diags, std::vector<Found>& out) {
  bool any = false;
  for (const ContentRoot& root : rules.contentRoots) {
    for (const std::string& section : sections) {
      fs::path dir = root.dir / section;
      if (!isDirectory(dir)) continue;
      any = true;
      walkHugo(dir, relOf(site, dir), 1, out, diags);
    }
  }
  if (any) return;
  std::string present;
  for (const ContentRoot& root : rules.contentRoots) {
    std::error_code ec;
    for (const auto& entry : fs::directory_iterator(root.dir, ec)) {
      if (entry.is_directory(ec) && !alwaysPruned(entry.path().filename().string())) {
        present += (present.empty() ? "" : ", ") + relOf(site, entry.path());
      }
    }
  }
  std::string looked;
  for (const std::string& s : sections) looked += (looked.empty() ? "" : ", ") + s + "/";
  diags.warning({relOf(site, site.contentDir), 0, 0}, "no-posts",
                "no blog section found in the content folder (looked for " + looked + ")" +
                    (present.empty() ? std::string()
                                     : "; folders present: " + present +
                                           "; name the section with --posts"));
}

void discoverDocusaurus(const Site& site, const SiteRules& rules, DiagnosticSink& diags,
                        std::vector<Found>& out) {
  fs::path dir = rules.blogDir.empty() ? site.root / "blog" : rules.blogDir;
  // Docusaurus ignores `_`-prefixed files and folders (partials).
  auto collect = [&](const fs::path& from, const std::function<bool(const fs::path&)>& keep) {
    walk(from, relOf(site, from), 1,
         [](const std::string& name, const std::string&) { return name[0] != '_'; },
         [&](const std::string& name, const std::string& rel, const fs::path& file) {
           if (name[0] == '_' || !isMarkdownName(name, true) || !keep(file)) return;
           out.push_back({rel, file});
         }, diags);
  };
  collect(dir, [](const fs::path&) { return true; });
  // A locale's translations: Docusaurus lists the blog's own files and reads each from the
  // locale's folder when it holds a copy, so a file with no original is not a post.
  for (const ContentRoot& root : rules.contentRoots) {
    if (root.language.empty()) continue;
    collect(root.dir, [&](const fs::path& file) {
      return isRegularFile(dir / file.lexically_relative(root.dir));
    });
  }
}

void discoverPlain(const Site& site, DiagnosticSink& diags, std::vector<Found>& out) {
  walk(site.root, "", 1, [](const std::string&, const std::string&) { return true; },
       [&](const std::string& name, const std::string& rel, const fs::path& file) {
         if (!isMarkdownName(name, false) || isRepositoryFile(name)) return;
         out.push_back({rel, file});
       }, diags);
}

// --posts: a folder (every post under it), a Hugo section name, or a glob relative to root.
void discoverOverride(const Site& site, const SiteRules& rules, std::string pattern,
                      DiagnosticSink& diags, std::vector<Found>& out) {
  while (startsWith(pattern, "./")) pattern.erase(0, 2);
  if (fs::path(pattern).is_absolute()) pattern = relOf(site, fs::path(pattern).lexically_normal());
  while (!pattern.empty() && pattern.back() == '/') pattern.pop_back();
  bool hugo = site.generator == Generator::Hugo;

  if (!hasGlobSyntax(pattern)) {
    fs::path dir = site.root / pattern;
    if (!pattern.empty() && isDirectory(dir)) {
      if (hugo) {
        walkHugo(dir, relOf(site, dir), 1, out, diags);
      } else {
        walk(dir, relOf(site, dir), 1, [](const std::string&, const std::string&) { return true; },
             [&](const std::string& name, const std::string& rel, const fs::path& file) {
               bool qmd = site.generator == Generator::Quarto && endsWith(toLowerAscii(name), ".qmd");
               if (isMarkdownName(name, true) || qmd) out.push_back({rel, file});
             }, diags);
      }
      return;
    }
    if (hugo && !pattern.empty()) {
      // A section name: `--posts articles` reads content/articles/ (and content/<lang>/articles/).
      for (const ContentRoot& root : rules.contentRoots) {
        if (isDirectory(root.dir / pattern)) {
          discoverHugo(site, rules, {pattern}, diags, out);
          return;
        }
      }
    }
    if (isRegularFile(site.root / pattern)) {
      out.push_back({pattern, site.root / pattern});
      return;
    }
  }
  std::string prefix = globLiteralPrefix(pattern);
  fs::path start = site.root / prefix;
  walk(start, prefix, 1, [](const std::string&, const std::string&) { return true; },
       [&](const std::string& name, const std::string& rel, const fs::path& file) {
         bool qmd = site.generator == Generator::Quarto && endsWith(toLowerAscii(name), ".qmd");
         if (!isMarkdownName(name, true) && !qmd) return;
         if (hugo && startsWith(name, "_index.")) return;
         if (globMatch(pattern, rel)) out.push_back({rel, file});
       }, diags);
  if (out.empty()) {
    diags.warning({}, "no-posts", "--posts " + pattern + " matches no Markdown file under " +
                                      site.root.generic_string());
  }
}

// A post file is read only when it is a regular file (after following a symlink) whose real
// location lies inside the site root: a symlink or a --posts pattern never leads outside it.
bool readable(const Site& site, const Found& f, DiagnosticSink& diags) {
  std::error_code ec;
  fs::file_status st = fs::status(f.file, ec);  // follows symlinks
  if (ec || !fs::exists(st)) {
    diags.warning({f.rel, 0, 0}, "post-unreadable",
                  fs::is_symlink(fs::symlink_status(f.file, ec))
                      ? "not read: a symbolic link to a file that does not exist"
                      : "not read: the file cannot be opened");
    return false;
  }
  if (!fs::is_regular_file(st)) {
    diags.warning({f.rel, 0, 0}, "post-unreadable",
                  "not read: not a regular file (a FIFO, socket or device)");
    return false;
  }
  if (!isInside(site.root, f.file)) {
    diags.error({f.rel, 0, 0}, "outside-root",
                "not read: the file lies outside the site root " + site.root.generic_string() +
                    " (a symbolic link or a path with '..')");
    return false;
  }
  return true;
}

}  // namespace

std::vector<fs::path> discoverPosts(const Site& site, const SiteRules& rules,
                                    const SiteOptions& options, DiagnosticSink& diags) {
  std::vector<Found> found;
  if (!options.postsGlob.empty()) {
    discoverOverride(site, rules, options.postsGlob, diags, found);
  } else {
    switch (site.generator) {
      case Generator::Jekyll: discoverJekyll(site, options, diags, found); break;
      case Generator::Hugo: discoverHugo(site, rules, rules.sections, diags, found); break;
      case Generator::Docusaurus: discoverDocusaurus(site, rules, diags, found); break;
      case Generator::Plain: discoverPlain(site, diags, found); break;
      default: discoverGeneratorPosts(site, rules, diags, found); break;
    }
  }
  std::sort(found.begin(), found.end(), [](const Found& a, const Found& b) { return a.rel < b.rel; });
  found.erase(std::unique(found.begin(), found.end(),
                          [](const Found& a, const Found& b) { return a.rel == b.rel; }),
              found.end());
  std::vector<fs::path> files;
  files.reserve(found.size());
  for (Found& f : found)
    if (readable(site, f, diags)) files.push_back(std::move(f.file));
  return files;
}

}  // namespace pp::site
