// Finding the post files of a site, per generator, or by the --posts override.
#pragma once

#include <vector>

#include "postpress/site.h"
#include "site/rules.h"
#include "site/walk.h"

namespace pp::site {

// Absolute paths of every post file, sorted by path relative to the root. Jekyll drafts are
// included only with options.drafts. Reports when nothing was found and why.
std::vector<fs::path> discoverPosts(const Site& site, const SiteRules& rules,
                                    const SiteOptions& options, DiagnosticSink& diags);

// Posts of Gatsby, Astro, Eleventy, MkDocs, Zola, Pelican and Quarto sites (see loadSite in
// site.h for each rule); reports when none was found.
void discoverGeneratorPosts(const Site& site, const SiteRules& rules, DiagnosticSink& diags, std::vector<Found>& out);

}  // namespace pp::site
