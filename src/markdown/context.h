// ParseContext: what every Markdown pass of one post shares: the site and post, the sink, and
// the placeholder table through which constructs cmark cannot express (admonitions, embeds,
// figures from shortcodes, math) travel through cmark untouched.
#pragma once

#include <cstdint>
#include <map>
#include <string>
#include <string_view>
#include <vector>

#include "markdown/source.h"
#include "postpress/support/diagnostics.h"
#include "postpress/document.h"
#include "postpress/site.h"

namespace pp::markdown {

// A construct parked in the text as `<!--\x01ppN-->` (an HTML comment cmark leaves alone; the
// \x01 cannot come from a post because normalisation removes control characters).
struct Placeholder {
  enum class Kind {
    Blocks,  // blocks: replaces the marker (figure, embed, gallery, code...)
    Inline,  // inline: an inline node (math, emoji image...)
    Begin,   // container: the blocks up to the matching End become its children
    End,
    Summary,  // the summary marker (<!--more-->, <!-- truncate -->, excerpt_separator)
  };
  Kind kind = Kind::Blocks;
  std::vector<Block> blocks;
  Inline inl;
  Block container;            // Begin: an Admonition or Details without children yet
  std::string titleMarkdown;  // parsed into inlines (caption, admonition title) when converted
  std::string bodyMarkdown;   // parsed into the first block's children (include content=...)
  std::string source;         // as written: shown instead when the marker lands inside code
  int pair = -1;              // Begin <-> End
};

inline constexpr std::string_view kMarkerOpen = "<!--\x01pp";
inline constexpr std::string_view kMarkerClose = "-->";
inline constexpr std::size_t kMaxPlaceholders = 20000;
// Columns a table keeps, whether written as pipes or as HTML: more cannot be printed, and
// cmark-gfm's table extension is quadratic in the column count. The markers pass cuts wider pipe
// rows before cmark sees them; both table converters join further cells into the last one.
inline constexpr std::size_t kMaxTableColumns = 64;

struct ParseContext {
  const Site& site;
  const Post& post;
  DiagnosticSink& diags;
  std::vector<Placeholder> placeholders;
  int includeDepth = 0;   // Liquid include / markdownify nesting
  int fragmentDepth = 0;  // Markdown fragments (captions, bodies) parsed inside a parse
  bool capWarned = false;
  std::map<std::string, int> perCode;  // diagnostics reported per code: a flood is cut short

  ParseContext(const Site& s, const Post& p, DiagnosticSink& d) : site(s), post(p), diags(d) {}

  SourceLoc loc(int bodyLine, int col = 0) const;
  void warn(int bodyLine, std::string code, std::string message, int col = 0);
  void note(int bodyLine, std::string code, std::string message, int col = 0);

  // Registers a placeholder and returns its marker text; *index receives its index. Past
  // kMaxPlaceholders (a hostile post) nothing is registered: inline math returns its TeX, the
  // rest "" and *index = -1, with one warning, so memory stays bounded.
  std::string add(Placeholder p, int* index = nullptr);
  std::string marker(int index) const;
  // Index of the placeholder named by a marker (`<!--\x01ppN-->`, or its inside `\x01ppN`), or -1.
  int lookup(std::string_view text) const;
  // Replaces every marker in `s` by the source it stood for (markers that ended up in code).
  std::string restoreSources(std::string_view s) const;
};

// Markdown-enabled switches derived from the site and post.
struct Features {
  bool liquid = false;
  bool shortcodes = false;
  bool mdx = false;  // imports/exports, JSX
  bool math = false;
  // Math delimited by backslashes where math is on: \(...\) and \[...\] as written (Hugo's
  // passthrough delimiters, plain Markdown), or written \\( and \\[ (kramdown and goldmark
  // unescape them for MathJax in the page), or not at all (remark-math: dollars only).
  enum class MathBackslash : std::uint8_t { None, Single, Double };
  MathBackslash mathBackslash = MathBackslash::None;
  bool emoji = false;
  bool kramdown = false;  // kramdown attribute lists {: ...}
};
Features featuresFor(const Site& site, const Post& post);
// True when, outside fenced code, a line of `body` is an ES import or export statement, or opens
// a capitalised JSX component that closes itself or is closed later (mdx_detect.cpp).
bool mdxByContent(std::string_view body);

}  // namespace pp::markdown
