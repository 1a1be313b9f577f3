// Inline item building: a paragraph's Inlines become the boxes, glue and penalties of the
// Knuth-Plass model. Boxes are pieces of words in one face and one look (font fallback splits
// a word into several boxes); glue is an inter-word space; penalties are break opportunities
// inside words (hyphens, URL separators, soft hyphens, emergency breaks).
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "typeset/context.h"
#include "postpress/document.h"
#include "postpress/math.h"

namespace pp::typeset {

enum class ItemType : std::uint8_t { Box, Glue, Penalty };
enum class BoxKind : std::uint8_t {
  Text,     // text in `face`
  Missing,  // a character no font has: drawn as a box with its code point
  Image,    // an inline image (badge, icon)
  Math,     // a formula: ItemList::formulas[asset], set in `face` (math_items.h)
  // Bidi controls where the text has them (`text`: LRM, RLM, ALM, embeddings, overrides,
  // isolates and their ends, those side by side in one box): no width, nothing drawn or read;
  // resolveBidi reads them in place.
  BidiControl,
};

// Penalty values, TeX's scale: >= kInfinity forbids a break, <= -kInfinity forces one.
constexpr int kInfinity = 10000;

// Decorations of a box.
constexpr std::uint8_t kStrike = 1;
constexpr std::uint8_t kUnderline = 2;

struct Item {
  ItemType type = ItemType::Box;
  BoxKind kind = BoxKind::Text;
  bool flagged = false;      // penalty: a break here ends the line with a hyphen
  bool hyphenatable = false; // box: plain words (not code, links, numbers)
  bool label = false;        // box: the paragraph's label (a note's number: InlineBuilder::label)
  std::uint8_t deco = 0;
  std::uint8_t level = 0;    // bidi embedding level (odd: right to left; resolveBidi)
  std::int16_t face = -1;
  float size = 0;
  float rise = 0;            // baseline shift up (superscript), pt
  float letterSpacing = 0;
  float width = 0, stretch = 0, shrink = 0;
  float ascent = 0, descent = 0;  // box extent above/below the baseline, pt
  int penalty = 0;
  int link = -1;             // index into ItemList::links
  int footnote = -1;         // a footnote mark: the footnote's number
  int asset = -1;            // Image; Math: index into ItemList::formulas
  char32_t cp = 0;           // Missing
  std::int32_t tag = tags::kUntagged;  // its structure node (a link's, a code span's); none: the paragraph's
  Color color;
  std::string text;          // Text, BidiControl; for a flagged penalty, what to draw at the line end ("-")
  // Text: the shape the box was measured with (in face's FontFile, which keeps it), while
  // `text` is still what was shaped: `shapedBytes` long. A piece cut from the box (hyphenation,
  // bidi levels) is shorter, and drops it; the line then draws the box with this shape
  // rather than shaping the word a second time (shapeRunAs).
  const ShapedText* shaped = nullptr;
  std::size_t shapedBytes = 0;

  bool isBox() const { return type == ItemType::Box; }
  bool isGlue() const { return type == ItemType::Glue; }
  bool isPenalty() const { return type == ItemType::Penalty; }
};

struct ItemList {
  std::vector<Item> items;
  std::vector<ResolvedLink> links;
  std::vector<std::int32_t> linkTags;  // per link: its Link node (tags::kUntagged: none)
  std::vector<int> footnotes;  // numbers of the footnotes marked in this paragraph, in order
  std::vector<MathBox> formulas;  // inline formulas, laid out (Item::asset of Math boxes)
  bool justify = true;
  bool rtl = false;            // a right-to-left paragraph (resolveBidi)
  float fontSize = 10;         // the paragraph's base size (for ragged stretch, line heights)
  float ascent = 0, descent = 0;  // of the paragraph's base face at fontSize
};

// Builds items from inlines in a role's look.
class InlineBuilder {
 public:
  InlineBuilder(Context& ctx, const TextStyle& base, bool justify);

  void add(const std::vector<Inline>& inlines);
  // Plain text in the base look (or a variant of it).
  void addText(std::string_view text, bool bold = false, bool italic = false,
               std::optional<Color> color = std::nullopt);
  // Text in the base look tagged `tag` (a label of its own: ParagraphOptions::label).
  void label(std::string_view text, std::int32_t tag);
  // A forced line break.
  void lineBreak();
  // Ends the paragraph (fill glue and a forced break) and hands the items over.
  ItemList finish();

  // Break opportunities inside tokens at least this long (code points), for URLs, paths and
  // identifiers that would otherwise run past the text block.
  static constexpr int kLongToken = 14;
  // Penalties of the break opportunities (TeX's \exhyphenpenalty is 50).
  static constexpr int kExplicitHyphenPenalty = 50;
  static constexpr int kDashPenalty = 50;
  static constexpr int kTokenBreakPenalty = 120;  // inside a URL or identifier: last resort

 private:
  struct Look {
    bool bold = false, italic = false, code = false, linkText = false, label = false;
    std::uint8_t deco = 0;
    int script = 0;  // 1 superscript, -1 subscript
    int link = -1;
    std::int32_t tag = tags::kUntagged;  // the structure node of the inline it is in
    bool hasColor = false;
    Color color;
    SourcePos pos;
  };
  struct Char {
    char32_t cp;
    std::uint32_t look;  // index into looks_ (a paragraph of 80,000 links has as many looks)
  };

  void walk(const Inline& in, Look look);
  // Structure: an inline of its own (a link, code, a footnote mark, a picture) opens a node
  // below the paragraph's; the paragraph's text around such inlines goes into Span nodes (a
  // node holds content or nodes, not both). Returns the tag for what `look` sets.
  std::int32_t inlineNode(Look& look, StructNode node, std::int32_t parent = StructureNodes::kCurrent);
  void plainSpan(Look& look);
  int addLink(ResolvedLink link, std::int32_t tag);
  void text(std::string_view s, const Look& look);
  void flushToken();
  void tieShortLastWord();
  void endLine();  // no break, fill, forced break (the end of a paragraph or a hard break)
  // A last word narrower than this (in ems) stays on the line with the word before it.
  static constexpr float kShortLastWordEm = 2.2f;
  void emitGlue(const Look& look);
  void emitBox(std::u32string_view chars, const Look& look, int face);
  void emitMissing(char32_t cp, const Look& look);
  void emitBidiControl(char32_t cp, const Look& look);
  void emitImage(const ImageRef& ref, const Look& look);
  // A formula as one box; its TeX as code when it cannot be set.
  void emitMath(const Inline& in, const Look& look);
  void emitFootnoteMark(int number, const Look& look);
  int lookIndex(const Look& look);
  // The face, size, rise and colour a look resolves to.
  // The look's own face, asked of the font set once per bold/italic/code combination.
  int primaryFace(const Look& l) {
    const int f = faceCache_[(l.code ? 4 : 0) + (l.bold ? 2 : 0) + (l.italic ? 1 : 0)];
    return f != -2 ? f : lookUpPrimaryFace(l);
  }
  int lookUpPrimaryFace(const Look& l);
  float sizeOf(const Look& l) const;
  float riseOf(const Look& l) const;
  Color colorOf(const Look& l) const;

  Context& ctx_;
  TextStyle base_;
  ItemList list_;
  std::vector<Look> looks_;
  std::vector<Char> token_;  // the word being collected (up to the next space)
  bool pendingSpace_ = false;
  Look spaceLook_;
  bool spans_ = false;                        // the paragraph has inlines with nodes of their own
  std::int32_t plainTag_ = tags::kUntagged;   // the Span its plain text goes into now
  int faceCache_[8] = {-2, -2, -2, -2, -2, -2, -2, -2};  // by code/bold/italic
  // flushToken's working space, kept from one word to the next (a paragraph has hundreds).
  struct TokenScratch {
    std::u32string cps, run, joiners;
    std::vector<std::uint8_t> breaks;
    std::vector<bool> literal;
  } scratch_;
};

// Inserts hyphenation penalties into hyphenatable boxes (second pass of line breaking).
// Returns false when nothing could be hyphenated.
bool hyphenate(Context& ctx, ItemList& list);

// Splits boxes wider than `maxWidth` at character boundaries with emergency break penalties,
// so that no box can ever run past the text block.
void splitOverwideBoxes(Context& ctx, ItemList& list, float maxWidth);

// Sets a plain string into items in one look (captions of running heads, numbers).
ItemList plainItems(Context& ctx, const TextStyle& style, std::string_view text, bool justify);

}  // namespace pp::typeset
