// Markdown: real-world preprocessing (Liquid, Hugo shortcodes, MDX, raw HTML, GitHub alerts,
// emoji, math) and cmark-gfm -> Document. Also links between the posts of a digest.
// Stage home: src/markdown/.
#pragma once

#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/document.h"
#include "postpress/site.h"

namespace pp {

// Parses one post's body into a Document. Constructs it cannot render are reported (with the
// post's file and line) and their readable content kept. Never throws on bad input.
Document parsePost(const Site& site, const Post& post, DiagnosticSink& diags);

// Rewrites links between posts: a link whose target (permalink URL, absolute URL on the site's
// domain, relative path to the source file, Liquid post_url / link, Hugo ref / relref, alias)
// is a post of `digest` becomes internal (LinkTarget::post/anchor); a link to another post of
// the site becomes that post's absolute URL; other relative links become absolute against the
// site URL when one is known. docs[i] belongs to digest[i].
void resolveCrossLinks(const Site& site, const std::vector<const Post*>& digest,
                       std::vector<Document>& docs, DiagnosticSink& diags);

}  // namespace pp
