// Finding the post files of a site, per generator, or by the --posts override.
#pragma once

#include <vector>

#include "postpress/site.h"
#include "site/rules.h"

namespace pp::site {

// Absolute paths of every post file, sorted by path relative to the root. Jekyll drafts are
// included only with options.drafts. Reports when nothing was found and why.
std::vector<fs::path> discoverPosts(const Site& site, const SiteRules& rules,
                                    const SiteOptions& options, DiagnosticSink& diags);

}  // namespace pp::site
