// loadSite: detect, configure, discover, read. The only entry point other stages call.
#include <algorithm>
#include <atomic>
#include <optional>
#include <system_error>
#include <thread>

#include "postpress/support/files.h"
#include "postpress/support/text.h"
#include "site/config.h"
#include "site/discover.h"
#include "site/post_reader.h"
#include "site/rules.h"
#include "site/util.h"

namespace pp {

const char* generatorName(Generator g) {
  switch (g) {
    case Generator::Jekyll: return "jekyll";
    case Generator::Hugo: return "hugo";
    case Generator::Docusaurus: return "docusaurus";
    case Generator::Gatsby: return "gatsby";
    case Generator::Astro: return "astro";
    case Generator::Eleventy: return "eleventy";
    case Generator::MkDocs: return "mkdocs";
    case Generator::Zola: return "zola";
    case Generator::Pelican: return "pelican";
    case Generator::Quarto: return "quarto";
    case Generator::Plain: return "plain";
  }
  return "plain";
}

SourceLoc Post::loc(int bodyRelativeLine, int col) const {
  if (bodyRelativeLine <= 0) return {path, 0, 0};
  return {path, bodyLine + bodyRelativeLine - 1, col};
}

namespace {

// tagSource "auto": a site whose posts never use `tags` (kubeflow: `categories` only) is
// tagged by its categories.
void applyAutoTagSource(Site& site) {
  if (site.tagSource != "auto") return;
  bool anyTags = std::any_of(site.posts.begin(), site.posts.end(),
                             [](const Post& p) { return !p.tags.empty(); });
  if (anyTags) return;
  for (Post& p : site.posts) p.tags = p.categories;
}

// Reads posts on a few threads. Each post reports into its own sink; a post that was read
// keeps what it reported (Post::diagnostics, told only if a digest selects it), a post that
// was lost has it reported here, in path order, so that the order is the same on every run.
void readAll(Site& site, const std::vector<fs::path>& files, DiagnosticSink& diags) {
  std::vector<std::optional<Post>> posts(files.size());
  std::vector<std::vector<Diagnostic>> reports(files.size());
  std::atomic<std::size_t> next{0};
  auto work = [&] {
    for (std::size_t i; (i = next.fetch_add(1)) < files.size();) {
      DiagnosticSink local;
      try {
        posts[i] = readPost(site, files[i], local);
      } catch (const std::exception& e) {
        // Out of memory or a filesystem race: this post is lost, the others are not.
        local.error({relativeTo(site.root, files[i]), 0, 0}, "post-read",
                    std::string("cannot read post: ") + e.what());
      }
      reports[i] = local.all();
    }
  };
  unsigned threads = std::min<unsigned>(std::max(1u, std::thread::hardware_concurrency()), 4);
  // Reading a post (YAML front matter dominates) costs several times what starting a thread
  // does: a handful of posts already pays for a second thread (bench/results.md).
  if (files.size() < 4) threads = 1;
  std::vector<std::thread> pool;
  try {
    for (unsigned t = 1; t < threads; ++t) pool.emplace_back(work);
  } catch (const std::system_error&) {
    // No threads available: the calling thread does all the work.
  }
  work();
  for (std::thread& t : pool) t.join();
  site.posts.reserve(files.size());
  for (std::size_t i = 0; i < files.size(); ++i) {
    if (posts[i]) {
      posts[i]->diagnostics = std::move(reports[i]);
      site.posts.push_back(std::move(*posts[i]));
    } else {
      for (Diagnostic& d : reports[i]) diags.report(std::move(d));
    }
  }
}

}  // namespace

void reportPostDiagnostics(const std::vector<const Post*>& posts, DiagnosticSink& diags) {
  for (const Post* p : posts) {
    for (const Diagnostic& d : p->diagnostics) diags.report(d);
  }
}

Site loadSite(const SiteOptions& options, DiagnosticSink& diags) {
  Site site;
  std::error_code ec;
  fs::path root = fs::absolute(options.root, ec);
  if (!ec) root = fs::weakly_canonical(root, ec);
  site.root = root.lexically_normal();
  if (site.root.has_filename() == false && site.root.has_parent_path() && site.root != site.root.root_path()) {
    site.root = site.root.parent_path();  // drop a trailing separator
  }
  site.tagSource = options.tagSource;
  if (site.tagSource != "auto" && site.tagSource != "tags" && site.tagSource != "categories" &&
      site.tagSource != "both") {
    diags.error({}, "tag-source", "tag source must be auto, tags, categories or both, not `" +
                                      site.tagSource + "`");
    site.tagSource = "auto";
  }
  if (!site::isDirectory(site.root)) {
    diags.error({options.root.generic_string(), 0, 0}, "site-missing", "site folder not found");
    return site;
  }

  auto rules = std::make_shared<site::SiteRules>();
  site.generator = site::detectGenerator(site.root, site.configPath);
  switch (site.generator) {
    case Generator::Jekyll: site::readJekyllConfig(site, *rules, diags); break;
    case Generator::Hugo: site::readHugoConfig(site, *rules, diags); break;
    case Generator::Docusaurus: site::readDocusaurusConfig(site, *rules, diags); break;
    case Generator::Gatsby: site::readGatsbyConfig(site, *rules, diags); break;
    case Generator::Astro: site::readAstroConfig(site, *rules, diags); break;
    case Generator::Eleventy: site::readEleventyConfig(site, *rules, diags); break;
    case Generator::MkDocs: site::readMkDocsConfig(site, *rules, diags); break;
    case Generator::Zola: site::readZolaConfig(site, *rules, diags); break;
    case Generator::Pelican: site::readPelicanConfig(site, *rules, diags); break;
    case Generator::Quarto: site::readQuartoConfig(site, *rules, diags); break;
    case Generator::Plain: site::readPlainConfig(site, *rules); break;
  }
  site::readPathAliases(site);
  site::confineConfiguredFolders(site, *rules);
  site.rules = rules;

  std::vector<fs::path> files = site::discoverPosts(site, *rules, options, diags);
  readAll(site, files, diags);
  applyAutoTagSource(site);
  site::dropSiteWideHeroImages(site);
  std::sort(site.posts.begin(), site.posts.end(),
            [](const Post& a, const Post& b) { return a.path < b.path; });
  return site;
}

}  // namespace pp
