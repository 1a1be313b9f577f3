// Document: the backend-neutral tree of one post's body. Built by src/markdown/ from cmark-gfm's
// AST after the real-world preprocessing (Liquid, shortcodes, MDX, raw HTML); walked by every
// backend (PDF layout, EPUB writer). No backend ever sees cmark.
//
// All text is valid UTF-8. Positions are body-relative lines (Post::loc() maps them to the file).
#pragma once

#include <cstdint>
#include <functional>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

struct SourcePos {
  int line = 0;  // 1-based line within Post::body; 0 = unknown
  int col = 0;
};

// Where a link goes. Cross-link resolution (src/markdown/crosslinks.cpp) turns links to posts of
// the digest into internal targets; every other link keeps an absolute URL where one is known.
struct LinkTarget {
  std::string url;      // as written, or made absolute against the site URL
  int post = -1;        // index of the target post in the digest when internal
  std::string anchor;   // heading id inside that post; empty = the post's start
  bool internal() const { return post >= 0; }
  bool external() const { return post < 0 && !url.empty() && url[0] != '#'; }
};

// An image reference as written, then resolved by the asset stage.
struct Drawing;  // postpress/drawing.h

struct ImageRef {
  std::string src;      // as written (after Liquid/shortcode expansion)
  std::string alt;
  std::string title;
  SourcePos pos;
  int asset = -1;       // AssetStore id once resolved (also set for missing/remote: see status)
  int widthHint = 0;    // CSS px from HTML width= / JSX style, 0 = none
  // The picture as vector drawing (a diagram), which the PDF paints instead of the image;
  // `src` stays the image for the EPUB.
  std::shared_ptr<const Drawing> drawing;
};

enum class InlineKind : std::uint8_t {
  Text,         // text
  SoftBreak,    // a line end inside a paragraph (a space when set)
  HardBreak,    // forced line break
  Emph,         // children
  Strong,       // children
  Strike,       // children
  Underline,    // children (raw HTML <u>)
  Superscript,  // children (<sup>)
  Subscript,    // children (<sub>)
  Code,         // text
  Math,         // text = TeX source of inline math
  Link,         // children + link
  Image,        // image (an inline image inside text: icons, badges)
  FootnoteRef,  // footnote = index into Document::footnotes
  Span,         // children: a neutral container (HTML span, Liquid output)
};

struct Inline {
  InlineKind kind = InlineKind::Text;
  std::string text;
  std::vector<Inline> children;
  LinkTarget link;
  ImageRef image;
  int footnote = -1;
  SourcePos pos;

  static Inline makeText(std::string t, SourcePos p = {}) {
    Inline i;
    i.kind = InlineKind::Text;
    i.text = std::move(t);
    i.pos = p;
    return i;
  }
};

enum class BlockKind : std::uint8_t {
  Paragraph,    // inlines
  Heading,      // inlines, level 1..6, id
  BulletList,   // children: ListItem
  OrderedList,  // children: ListItem; start
  ListItem,     // children (blocks); task
  Quote,        // children
  Code,         // text (no tabs: see Block::text), info (language), inlines = the fence's
                // caption or title attribute (`caption="..."`, `title="..."`), may be empty
  MathBlock,    // text = TeX source (no tabs)
  Table,        // rows, aligns
  Figure,       // image, inlines = caption (may be empty), link = where a click goes (optional)
  Rule,         // thematic break
  Admonition,   // admonition kind, inlines = title (empty: default title), children = body
  Embed,        // a video/tweet/iframe: link = media URL, inlines = title, text = provider
  Details,      // HTML <details>: inlines = summary, children = body, shown open
  HtmlFallback, // text = readable text of HTML that could not be converted (never raw tags)
};

// Highlighted code. src/highlight fills Block::language and Block::spans of Code blocks; every
// backend gives each token class its look from the style's highlight theme. The set is ours and
// small on purpose (a theme names each class), whatever the highlighting library calls them.
enum class TokenClass : std::uint8_t {
  Plain,         // anything not classified
  Keyword,       // reserved words, control flow, YAML/markdown structure words
  Type,          // data types, classes
  Function,      // function and command names
  String,        // string and character literals, escapes inside them
  Number,        // numeric literals, durations
  Comment,       // comments and documentation
  Operator,      // operators, redirections
  Punctuation,   // separators that carry structure only (JSON's `:` and `,`, TOML's brackets)
  Variable,      // variables, parameter expansions, YAML anchors
  Constant,      // true/false/null/nil and named constants
  Attribute,     // keys (YAML, JSON, TOML, INI), annotations, decorators, options
  Builtin,       // built-in functions and objects
  Preprocessor,  // preprocessor lines, directives, diff hunk headers
  Prompt,        // a console session's prompt (`$ `, `# `, `PS> `)
  Output,        // a console session's output lines
  Inserted,      // diff: added lines
  Deleted,       // diff: removed lines
};
inline constexpr std::size_t kTokenClassCount = 18;
// The class's name in styles (highlight theme keys) and in the EPUB's CSS: "keyword", ...
// Inline so that a stage reading themes needs only this header, not pp_document.
inline constexpr std::string_view kTokenClassNames[kTokenClassCount] = {
    "plain",    "keyword",  "type",      "function",  "string",       "number",
    "comment",  "operator", "punctuation", "variable", "constant",    "attribute",
    "builtin",  "preprocessor", "prompt", "output",   "inserted",     "deleted"};
constexpr std::string_view tokenClassName(TokenClass t) {
  return kTokenClassNames[static_cast<std::size_t>(t)];
}
// The class named `name` (as tokenClassName spells it); false when no class has that name.
constexpr bool tokenClassFromName(std::string_view name, TokenClass* out) {
  for (std::size_t k = 0; k < kTokenClassCount; ++k)
    if (kTokenClassNames[k] == name) {
      *out = static_cast<TokenClass>(k);
      return true;
    }
  return false;
}

// One highlighted range of a code block's text: `length` bytes from `begin`, never across a
// line end. Spans come in order and do not overlap; bytes no span covers are Plain.
struct CodeSpan {
  std::uint32_t begin = 0;
  std::uint32_t length = 0;
  TokenClass token = TokenClass::Plain;
};

enum class TaskState : std::uint8_t { None, Open, Done };
enum class Align : std::uint8_t { None, Left, Center, Right };
enum class AdmonitionKind : std::uint8_t { Note, Tip, Info, Important, Warning, Caution, Danger };
const char* admonitionName(AdmonitionKind k);  // "note", "tip", ...

struct TableCell {
  std::vector<Inline> content;
};

struct TableRow {
  std::vector<TableCell> cells;
  bool header = false;
};

struct Block {
  BlockKind kind = BlockKind::Paragraph;
  SourcePos pos;
  std::vector<Inline> inlines;
  std::vector<Block> children;
  int level = 0;           // Heading
  std::string id;          // Heading anchor: unique within the post ({#custom-id} kept)
  // Code, MathBlock, Embed provider, HtmlFallback. Code and MathBlock text holds no tab: every
  // producer expands tabs to every fourth column (expandTabs in support/text.h), so that
  // highlight spans, the PDF's columns and the EPUB's <pre> agree.
  std::string text;
  std::string info;        // Code: language as written (first word of the fence's info string)
  std::string language;    // Code: canonical language once highlighted ("yaml", "console"...); empty = plain
  std::vector<CodeSpan> spans;       // Code: token classes over `text` (empty = all Plain)
  int start = 1;           // OrderedList
  bool tight = true;       // lists
  TaskState task = TaskState::None;  // ListItem
  std::vector<Align> aligns;         // Table: one per column
  std::vector<TableRow> rows;        // Table: header rows first
  ImageRef image;                    // Figure
  LinkTarget link;                   // Figure (optional), Embed
  AdmonitionKind admonition = AdmonitionKind::Note;
};

struct Footnote {
  std::string label;         // as written ([^label])
  std::vector<Block> blocks;
  SourcePos pos;
};

struct Document {
  std::vector<Block> blocks;
  std::vector<Footnote> footnotes;  // numbered 1.. in order of first reference
  // Index into blocks of the first block after the summary marker (`<!--more-->`,
  // `<!-- truncate -->`, excerpt_separator); -1 when the post has none.
  int summaryEnd = -1;
};

// Depth-first walks (pre-order). The callbacks may not change the tree's shape.
void forEachBlock(const std::vector<Block>& blocks, const std::function<void(const Block&)>& fn);
void forEachBlock(std::vector<Block>& blocks, const std::function<void(Block&)>& fn);
// Every inline of the document (paragraphs, headings, table cells, captions, footnotes...).
void forEachInline(Document& doc, const std::function<void(Inline&)>& fn);
void forEachInline(const Document& doc, const std::function<void(const Inline&)>& fn);

// One run of a code line: text (a view into Block::text) and its token class.
struct CodeRun {
  std::string_view text;
  TokenClass token = TokenClass::Plain;
};
// A Code block's text as lines (split at '\n', none dropped), each as runs covering it whole:
// Plain where no span says otherwise. An empty line has no runs. Spans that do not fit the
// text (out of range, overlapping, across a line end) are ignored for the bytes they get wrong.
std::vector<std::vector<CodeRun>> codeLines(const Block& code);

// The plain text of inlines (for outlines, alt text, summaries, word counts).
std::string plainText(const std::vector<Inline>& inlines);
// The plain text of a block subtree, paragraphs separated by "\n".
std::string plainText(const Block& block);
// Words in the document (reading time = words / 230 wpm, rounded up, at least 1 min).
std::size_t wordCount(const Document& doc);

}  // namespace pp
