// Syntax highlighting of the selected posts' code blocks, between parsing and the backends: the
// spans it leaves in each Document serve the PDF and the EPUB alike (docs/design/highlighting.md).
#pragma once

#include <cstddef>
#include <vector>

#include "postpress/document.h"
#include "postpress/site.h"
#include "postpress/style.h"
#include "postpress/support/diagnostics.h"

namespace pp::driver {

// Fills Block::language and Block::spans of every code block of docs[i] (the parse of posts[i]),
// unless the style turns highlighting off. A block too large or slow to highlight stays plain,
// with a warning `code-not-highlighted` at its line in postDiags[i]. The highlighting library is
// loaded only when some block names a language, so digests without code pay nothing for it.
void highlightCode(const Style& style, const std::vector<const Post*>& posts,
                   std::vector<Document>& docs, std::vector<DiagnosticSink>& postDiags,
                   int jobs);

}  // namespace pp::driver
