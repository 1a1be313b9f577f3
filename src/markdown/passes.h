// The preprocessing passes run on a post body before cmark, in this order. Each reads one
// Source and returns the next, keeping every line's body line; each skips fenced code unless
// the construct it handles is defined to work there (Liquid, shortcodes).
#pragma once

#include "markdown/context.h"
#include "markdown/source.h"

namespace pp::markdown {

// BOM, CRLF / CR, invalid UTF-8 (reported, replaced by U+FFFD), control characters, non-breaking
// spaces used as indentation.
Source normalizeBody(std::string_view body, ParseContext& ctx);
// Jekyll Liquid: outputs, filters, raw, highlight, include, post_url, link, if/unless/assign/
// capture/for, fastpages fn, octicon; unknown tags removed with a warning.
Source runLiquid(const Source& in, ParseContext& ctx);
// Hugo shortcodes, both {{< >}} and {{% %}} forms.
Source runShortcodes(const Source& in, ParseContext& ctx);
// Docusaurus ```mdx-code-block fences: their fence lines dropped, their content read as MDX.
Source unwrapMdxCodeBlocks(const Source& in);
// Docusaurus MDX: import/export lines, {/* comments */}, JSX images and components.
Source runMdx(const Source& in, ParseContext& ctx);
// `:::kind Title` ... `:::` admonition fences (Docusaurus, VuePress, pandoc-style).
Source runAdmonitionFences(const Source& in, ParseContext& ctx);
// Summary markers (<!--more-->, <!-- truncate -->, excerpt_separator) and kramdown `{: ...}`.
Source runMarkers(const Source& in, ParseContext& ctx, bool kramdown);
// $...$ and $$...$$ protected from emphasis parsing.
Source runMath(const Source& in, ParseContext& ctx, Features::MathBackslash backslash);
// :shortcode: emoji.
Source runEmoji(const Source& in, ParseContext& ctx);

}  // namespace pp::markdown
