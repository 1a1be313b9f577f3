// Conversion of cmark-gfm's AST (and of the raw HTML inside it) into the Document model. One
// Converter, its work split by file: cmark blocks (cmark_blocks.cpp) and inlines
// (cmark_inlines.cpp, with inline_html.h pairing raw tags), HTML blocks and inlines
// (html_blocks.cpp, html_inlines.cpp), tables of both (table_convert.cpp), paragraphs
// (paragraphs.cpp), placeholders (placeholder_convert.cpp). Recursion is capped: deeper
// structure is flattened with a warning, so hostile nesting can exhaust neither our stack nor
// any backend's.
#pragma once

#include <string>
#include <string_view>
#include <utility>
#include <vector>

#include "markdown/context.h"
#include "markdown/html_tree.h"
#include "postpress/document.h"

struct cmark_node;

namespace pp::markdown {

inline constexpr int kMaxBlockDepth = 24;
inline constexpr int kMaxInlineDepth = 24;

// A block, or the start / end of a container whose body arrives as the following blocks (an
// admonition between two placeholders, a <details> opened in one HTML block and closed in a
// later one). foldFlow() nests them.
struct FlowItem {
  enum class Kind { Block, Begin, End, Summary };
  Kind kind = Kind::Block;
  Block block;
  std::string key;           // pairs Begin and End: "p:N" (placeholder pair), "h:details"...
  bool transparent = false;  // Begin of a plain container (a div): children join the parent
};

// Nests Begin/End pairs (an End without Begin is dropped; an unclosed Begin closes at the end).
// *summaryEnd receives the index of the first top-level block after a Summary marker.
std::vector<Block> foldFlow(std::vector<FlowItem> items, int* summaryEnd = nullptr);
// Appends a plain block.
void pushBlock(std::vector<FlowItem>& out, Block b);

// Inlines with blocks that had to leave the paragraph (an embed in the middle of a sentence):
// hoisted[k].first is the position in `inlines` where the paragraph splits.
struct InlineRun {
  std::vector<Inline> inlines;
  std::vector<std::pair<std::size_t, Block>> hoisted;
};

class Converter {
 public:
  Converter(ParseContext& ctx, const Source& src, Document& doc) : ctx_(ctx), src_(src), doc_(doc) {}

  // The document's blocks (footnotes go to doc.footnotes, summary to doc.summaryEnd).
  std::vector<Block> convertDocument(cmark_node* root);

  // kramdown (Jekyll) keeps HTML blocks open across blank lines: an indented "code block" made of
  // nothing but tags is the rest of such a block there, not code.
  void setKramdownHtml(bool on) { kramdownHtml_ = on; }

  // Raw HTML (an HTML block, or the text of a placeholder) at 1-based source line `line`.
  void htmlBlocks(std::string_view html, int line, std::vector<FlowItem>& out);

 private:
  friend class InlineBuilder;
  int bodyLine(int srcLine) const { return src_.bodyLineOf(srcLine); }
  SourcePos posOf(cmark_node* n) const;
  // Where an HTML node stands: its line within HTML text that starts at source line `line0`.
  SourcePos htmlPos(const HtmlNode& n, int line0) const { return {bodyLine(line0 + n.line), n.col}; }

  // cmark blocks (cmark_blocks.cpp)
  void blocksOf(cmark_node* parent, std::vector<FlowItem>& out, int depth);
  void block(cmark_node* n, std::vector<FlowItem>& out, int depth);
  void flattenDeep(cmark_node* n, std::vector<FlowItem>& out);
  void paragraph(cmark_node* n, std::vector<FlowItem>& out);
  Block list(cmark_node* n, int depth);
  void quote(cmark_node* n, std::vector<FlowItem>& out, int depth);
  Block codeBlock(cmark_node* n);
  void footnoteDefinitions(cmark_node* root);

  // cmark inlines (cmark_inlines.cpp)
  InlineRun inlinesOf(cmark_node* parent, int depth);
  void flattenInlines(cmark_node* parent, std::vector<Inline>& out);

  // tables of both sources (table_convert.cpp)
  Block table(cmark_node* n);
  Block htmlTable(const HtmlNode& node, int line0);

  // placeholders and Markdown fragments (placeholder_convert.cpp)
  void placeholderBlocks(int index, std::vector<FlowItem>& out);
  // The blocks of a placeholder that cannot stay inline, nested (hoisted out of a paragraph).
  std::vector<Block> placeholderHoisted(int index);
  std::vector<Inline> markdownInlines(std::string_view md, int line);
  std::vector<Block> markdownBlocks(std::string_view md, int line);

  // HTML blocks (html_blocks.cpp) and inlines (html_inlines.cpp)
  void htmlFlow(const HtmlNode& node, int line0, std::vector<FlowItem>& out, int depth);
  void htmlHeading(const HtmlNode& node, int line0, std::vector<FlowItem>& out, int depth);
  void htmlBox(const HtmlNode& node, int line0, std::vector<FlowItem>& out, int depth);
  Block htmlPre(const HtmlNode& node, const HtmlNode& parent, int line0);
  void htmlDefinitions(const HtmlNode& node, int line0, std::vector<FlowItem>& out, int depth);
  void htmlInlines(const HtmlNode& node, int line0, InlineRun& run, int depth);
  Block htmlList(const HtmlNode& node, int line0, int depth);
  bool htmlMedia(const HtmlNode& node, int line0, Block& out);
  void htmlFigure(const HtmlNode& node, int line0, std::vector<FlowItem>& out);
  // Reports an element that is never rendered (where a warning is due).
  void htmlDropped(const HtmlNode& node, int line0);
  // An element never rendered (script, style, form...): reported and true; else false.
  bool htmlDropsElement(const HtmlNode& node, int line0);

  // paragraphs of either source (paragraphs.cpp)
  void flushParagraph(InlineRun& run, SourcePos pos, std::vector<FlowItem>& out);

  ParseContext& ctx_;
  const Source& src_;
  Document& doc_;
  int footnoteBase_ = 0;   // doc.footnotes index of cmark's footnote number 1 for this parse
  bool deepWarned_ = false;
  bool kramdownHtml_ = false;
};

// Helpers shared by the converters and the passes.
// An inline without content (a break, a span to fill) at `pos`.
inline Inline makeInline(InlineKind kind, SourcePos pos = {}) {
  Inline i;
  i.kind = kind;
  i.pos = pos;
  return i;
}
inline bool isBreak(const Inline& i) {
  return i.kind == InlineKind::SoftBreak || i.kind == InlineKind::HardBreak;
}
Inline makeImage(const std::string& src, const std::string& alt, const std::string& title,
                 SourcePos pos, int widthHint = 0);
Block makeFigure(ImageRef image, std::vector<Inline> caption, SourcePos pos);
// A figure's image as an inline, for places that hold no blocks (table cells, captions).
Inline figureImage(const Block& figure);
// Whether an alt text is worth printing as a caption ("image", "Screenshot.png" are not).
bool meaningfulAlt(std::string_view alt);
// Collapses whitespace runs in Text inlines and trims the ends of a paragraph.
void normalizeWhitespace(std::vector<Inline>& inlines);
// Width in CSS px from width="500", width="500px", style "width: 500px" / JSX {{width: 500}}.
int widthHint(const std::string* width, const std::string* style);

}  // namespace pp::markdown
