// Syntax highlighting of the selected posts' code blocks, as each post is parsed: the spans it
// leaves in each Document serve the PDF and the EPUB alike (docs/design/highlighting.md).
#pragma once

#include <memory>

#include "postpress/document.h"
#include "postpress/highlight.h"
#include "postpress/site.h"
#include "postpress/style.h"
#include "postpress/support/diagnostics.h"

namespace pp::driver {

// The selection's highlighter, shared by the threads that parse the posts; nullptr when the
// style turns highlighting off. Its library is loaded when a first block names a language, so
// digests without code pay nothing for it; blocks highlighted by an earlier build are read
// from `cacheDir` (the image cache's folder) when it may hold the cache.
std::unique_ptr<Highlighter> highlighterFor(const Style& style, const std::filesystem::path& cacheDir);

// Fills Block::language and Block::spans of every code block of `doc` (the parse of `post`,
// footnotes included). A block too large or slow to highlight stays plain, with a warning
// `code-not-highlighted` at its line.
void highlightPostCode(const Highlighter& highlighter, const Post& post, Document& doc, DiagnosticSink& diags);

}  // namespace pp::driver
