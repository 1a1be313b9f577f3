// Smart punctuation (curly quotes, en/em dashes, ellipsis) over the Document's text. cmark-gfm's
// own CMARK_OPT_SMART grows faster than linearly on long lines full of quotes (real notebook posts
// hold megabyte lines of JSON; bench/results.md, "Markdown: smart punctuation"), so we do it
// ourselves, linearly, after conversion.
#pragma once

#include "markdown/source.h"
#include "postpress/document.h"

namespace pp::markdown {

// Backslash escapes (`\--flag`, `\"`), command-line flags (`--flag`) and URLs in text keep
// their characters as written; so do code and math.
void smartPunctuation(Document& doc);

// Before parsing: backslash-escaped " ' - . outside code become marks cmark-gfm keeps as text.
// After smart punctuation: restoreEscapes puts the characters back (with their backslash in
// code blocks and spans, where cmark reads no escapes).
Source markEscapes(const Source& in);
void restoreEscapes(Document& doc);

// `**唐源：**我`: CommonMark's flanking rules leave strong emphasis next to CJK punctuation
// unparsed (kramdown and most real sites render it). Balanced `**text**` left in a text run
// becomes Strong.
void repairStrongEmphasis(Document& doc);

}  // namespace pp::markdown
