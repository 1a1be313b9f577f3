// Typesetting: the engine that turns text into pages of positioned boxes (words in one font,
// images, rectangles, rules, link areas) and records where every part, heading
// and named anchor landed. Inline items, line breaking and hyphenation; the flow of
// paragraphs, lists, tables, figures and code; vertical lists and pagination. Stage home:
// src/typeset/.
//
// What the pages hold (a book's parts, their order, numbering, running heads) is decided by
// the book (book.h), which drives a Typesetter; the PDF writer (pdf.h) only paints the pages.
// Dependencies: fonts <- typeset <- book <- pdf. The engine knows documents (document.h), the
// style, fonts and images, not the publication.
//
// Coordinates are PostScript points with the origin at the page's top-left corner and y growing
// downwards (the painter flips them). A TextRun's y is its baseline.
#pragma once

#include <cstdint>
#include <functional>
#include <future>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "postpress/assets.h"
#include "postpress/document.h"
#include "postpress/drawing.h"
#include "postpress/fonts.h"
#include "postpress/locale.h"
#include "postpress/style.h"
#include "postpress/support/diagnostics.h"

namespace pp {

// ---------------------------------------------------------------------------------------------
// Structure (tagged PDF): what each box is part of, for assistive technology.

// The standard structure types of ISO 32000-1 14.8.4 that a digest uses (no role map).
enum class StructType : std::uint8_t {
  Document, Part, Sect, Div, BlockQuote, Caption, TOC, TOCI, Index, P,
  H1, H2, H3, H4, H5, H6, L, LI, Lbl, LBody, Table, TR, TH, TD,
  Span, Quote, Note, Reference, Code, Link, Figure, Formula,
};

// One element of the structure tree. Layout::structure holds them in reading order (a
// node's descendants right after it), each naming its parent; a node holds either content
// (boxes tagged with its id) or other nodes, never both.
struct StructNode {
  StructNode() = default;
  explicit StructNode(StructType t) : type(t) {}
  StructNode(StructType t, std::string altText) : type(t), alt(std::move(altText)) {}
  // A node in another language than its parent's (a post's Part), a Note with its ID, a TH.
  static StructNode inLanguage(StructType t, std::string tag) {
    StructNode n(t);
    n.lang = std::move(tag);
    return n;
  }
  static StructNode withId(StructType t, std::string identifier) {
    StructNode n(t);
    n.id = std::move(identifier);
    return n;
  }
  static StructNode header(std::uint8_t headerScope) {
    StructNode n(StructType::TH);
    n.scope = headerScope;
    return n;
  }

  StructType type = StructType::P;
  std::int32_t parent = -1;  // -1: the root (the Document)
  std::string alt;           // Figure, Formula: what the picture shows
  std::string lang;          // BCP 47, when it differs from the parent's
  std::string id;            // Note: a unique id
  std::uint8_t scope = 0;    // TH: 1 column, 2 row
};

// A box's tag: >= 0 the StructNode it belongs to; negative: an artifact of a kind, or none.
namespace tags {
constexpr std::int32_t kUntagged = -1;     // written outside marked content (a forgotten box)
constexpr std::int32_t kLayout = -2;       // rules, backgrounds, bands, borders, leaders
constexpr std::int32_t kHeader = -3;       // running heads
constexpr std::int32_t kFooter = -4;       // folios
constexpr std::int32_t kRepeatedRow = -5;  // a table's header rows repeated on a later page
}  // namespace tags

// ---------------------------------------------------------------------------------------------
// The box model: pages of positioned boxes.

// One word, or the part of a word set in one face, at one position, with its glyphs as
// shaping placed them (HarfBuzz, postpress/fonts.h): kerning, ligatures, marks, joining and
// reordering are in the glyphs, which the PDF draws by id.
struct TextRun {
  std::uint16_t font = 0;   // index into Layout::fonts
  float size = 10;          // pt
  float x = 0, y = 0;       // start of the baseline (the left end, whatever the direction)
  float width = 0;          // advance width as laid out
  float charSpacing = 0;    // extra space after each glyph (PDF Tc), pt
  bool rtl = false;         // set right to left (glyphs in visual order, text in logical order)
  // How the run reads on (tagged PDF, text extraction): a word space follows it, which the
  // layout makes by placing the next word, so `glyphs` end with the font's blank space glyph
  // (cluster: the text's length); or its last character is the hyphen of a hyphenated line
  // end, read as a soft hyphen (U+00AD) so that the word reads whole.
  bool spaceAfter = false;
  bool hyphenBreak = false;
  // `text` is the code point, in hex, of a character no font has, written inside the box that
  // stands for it: the run reads as that character (ActualText), not as its digits.
  bool missingGlyph = false;
  // Its font draws pictures (a colour emoji font): the glyphs are text that paints nothing, for
  // copying and search, and the PDF paints each glyph's picture over it.
  bool colorGlyphs = false;
  // A label of right-to-left text (the number of a list item) set right to left: its digits
  // and punctuation drawn as the bidi algorithm places them (".1"), which readers take in the
  // order drawn. It reads as its text after a right-to-left mark (ActualText): "1." first,
  // and kept apart from a left-to-right word beside it.
  bool rtlLabel = false;
  Color color;
  std::string text;         // valid UTF-8 in logical order, every character present in `font`
  std::vector<ShapedGlyph> glyphs;  // `text` shaped in `font` (clusters index its code points)
  std::int32_t tag = tags::kUntagged;
};

struct ImageBox {
  int asset = -1;           // AssetStore id (always an Ok asset; failures become placeholders)
  float x = 0, y = 0;       // top-left
  float width = 0, height = 0;
  std::int32_t tag = tags::kUntagged;
};

struct FillRect {
  float x = 0, y = 0, width = 0, height = 0;  // top-left and size
  bool fill = true;
  Color fillColor;
  float strokeWidth = 0;    // 0 = no outline
  Color strokeColor;
  std::int32_t tag = tags::kLayout;  // most rectangles decorate; content ones say so
};

// A vector path of a drawing (a diagram's shapes and arrows), in page coordinates.
struct PathBox {
  DrawingPath path;
  std::int32_t tag = tags::kUntagged;
};

struct RuleLine {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  Color color;
  std::int32_t tag = tags::kLayout;
};

// A clickable area: an external URI (already percent-encoded) or a named destination.
struct LinkArea {
  float x = 0, y = 0, width = 0, height = 0;  // top-left and size
  std::string uri;
  std::string dest;         // anchor name (see Layout::anchors) when internal
  std::int32_t tag = tags::kUntagged;  // its Link node
};

struct PageBox {
  float width = 612, height = 792;
  std::string label;        // the page number as printed: "iv", "12"
  // Paint order: rects, images, paths, lines, text (then the pictures of colour glyphs);
  // links are annotations on top.
  std::vector<FillRect> rects;
  std::vector<ImageBox> images;
  std::vector<PathBox> paths;
  std::vector<RuleLine> lines;
  std::vector<TextRun> runs;
  std::vector<LinkArea> links;
};

// Where an anchor landed.
struct AnchorPos {
  int page = -1;            // index into Layout::pages
  float y = 0;              // top of the anchored content
};

struct OutlineEntry {
  std::string title;        // plain UTF-8
  int level = 0;            // 0 = post or section, 1.. = headings below it
  std::string dest;         // anchor name
};

struct Layout {
  std::vector<FontFace> fonts;  // by TextRun::font (FontSet ids)
  std::vector<PageBox> pages;  // reading order: front matter, body, back matter
  int frontPages = 0;          // roman-numbered pages at the start
  // Anchors: a part's anchor, "<part anchor>/<heading id>" for headings, "<part anchor>/fn-<n>"
  // for footnotes, and whatever else the book named (PartComposer::anchor).
  std::map<std::string, AnchorPos> anchors;
  std::vector<OutlineEntry> outline;
  // The structure tree: node 0 is the Document; boxes name their nodes (tags).
  std::vector<StructNode> structure;
  // The words shaped for the first time, being written to the cache folder beside the
  // painting and saving (not on the one thread that saves the PDF); the layout's end waits
  // for it.
  std::future<void> shapesSaved;

  const AnchorPos* find(const std::string& anchor) const;
  // The printed page number of an anchor ("12", "iii"), "" when it is unknown.
  std::string pageLabel(const std::string& anchor) const;
};

// ---------------------------------------------------------------------------------------------
// Composing: the flow primitives shared by the body and the front/back matter sections.

class Canvas;

// Something drawn beside a paragraph (a QR code for a video link): the paragraph's first lines
// are narrowed by `width` + a gap, and `draw` gets the top-left corner of the space kept for it
// at the right end of the first line (canvas coordinates: x from the paragraph's left edge, y
// from the first line's top). Those lines stay on one page with it.
struct Aside {
  float width = 0, height = 0;
  std::function<void(Canvas&, float x, float y)> draw;
};

// Free drawing inside a box the flow has placed on a page (covers, QR codes, bands).
class Canvas {
 public:
  virtual ~Canvas() = default;
  virtual float width() const = 0;   // of the text block
  // Words set in a role's look, left-aligned at (x, baseline y); returns the width used.
  // Characters no font has are drawn as boxes and reported like body text.
  virtual float text(const std::string& utf8, const TextStyle& style, float x, float y) = 0;
  virtual float textWidth(const std::string& utf8, const TextStyle& style) = 0;
  virtual void rect(const FillRect& r) = 0;
  virtual void line(const RuleLine& l) = 0;
  virtual void image(int asset, float x, float y, float width, float height) = 0;
  virtual void link(float x, float y, float width, float height, const LinkTarget& target) = 0;
  // A QR code (libqrencode, error correction M) as vector modules with a quiet zone of 2
  // modules, `size` pt square; false when the text cannot be encoded.
  virtual bool qrCode(const std::string& text, float x, float y, float size, Color color) = 0;
  // The whole page, for full-bleed covers: coordinates relative to the page, not the block.
  virtual PageBox& page() = 0;
  virtual float originX() const = 0;  // where (0,0) of this canvas is on the page
  virtual float originY() const = 0;
  // Structure: what is drawn from now on is tagged `tag` (a node or an artifact kind; see
  // TagScope); returns the tag in force before. tags::kUntagged: the tag of the place the
  // drawing lands in the flow.
  virtual std::int32_t setTag(std::int32_t tag) = 0;
  // A node below the node open where the canvas draws (Composer::openNode), or below
  // `node.parent` when that is a node made before (by this canvas: an index entry's parts);
  // its id.
  virtual std::int32_t node(StructNode node) = 0;
  // The language (BCP 47) of the text drawn from now on, for its glyph forms (a post's title in
  // a running head, its brief entry: FontSet::setLanguage); "": the flow's. Returns the one
  // in force before (see LanguageScope).
  virtual std::string setLanguage(std::string bcp47) = 0;
};

// Sets what a canvas draws in a scope in a language.
class LanguageScope {
 public:
  LanguageScope(Canvas& c, std::string bcp47) : c_(c), before_(c.setLanguage(std::move(bcp47))) {}
  ~LanguageScope() { c_.setLanguage(std::move(before_)); }
  LanguageScope(const LanguageScope&) = delete;
  LanguageScope& operator=(const LanguageScope&) = delete;

 private:
  Canvas& c_;
  std::string before_;
};

// Tags what a canvas draws in a scope.
class TagScope {
 public:
  TagScope(Canvas& c, std::int32_t tag) : c_(c), before_(c.setTag(tag)) {}
  ~TagScope() { c_.setTag(before_); }
  TagScope(const TagScope&) = delete;
  TagScope& operator=(const TagScope&) = delete;

 private:
  Canvas& c_;
  std::int32_t before_;
};

struct ParagraphOptions {
  enum class Align { Justify, Left, Center, Right, Style };  // Style: the style's justification
  Align align = Align::Style;
  float indent = 0;          // left indent of every line, pt
  float firstIndent = 0;     // extra indent of the first line
  float spaceBefore = 0, spaceAfter = 0;
  bool keepWithNext = false;
  bool hyphenate = true;     // subject to the style's hyphenate
  StructType role = StructType::P;  // what the paragraph is (a title set as one: H1)
  // Set before the text on its first line as a label of its own (a note's number "3. "): a
  // Lbl node beside the paragraph's, below the node open (a Note).
  std::string label;
};

class Composer {
 public:
  virtual ~Composer() = default;
  virtual const Style& style() const = 0;
  // The printed page number of an anchor ("12"), "" when it is unknown: only anchors of pages
  // made before can be cited (Typesetter::citePages).
  virtual std::string pageOf(const std::string& anchor) const = 0;

  virtual void heading(const std::string& text, int level, const std::string& anchor = "",
                       bool outline = false) = 0;
  virtual void paragraph(const std::vector<Inline>& inlines, const TextStyle& style,
                         const ParagraphOptions& options = {}) = 0;
  // Document blocks, set exactly as in a post (lists, tables, figures, code...).
  virtual void blocks(const std::vector<Block>& blocks) = 0;
  // A contents-style line: text, dot leaders, the page number of `anchor`; clickable.
  virtual void entry(const std::vector<Inline>& text, const std::string& anchor,
                     const TextStyle& style, float indent) = 0;
  virtual void space(float pt) = 0;
  virtual void rule(Color color, float width = 0.5f) = 0;
  virtual void newPage() = 0;
  // A box of fixed height in the flow, drawn when it is placed; moves to the next page when
  // it does not fit in what is left of this one.
  virtual void box(float height, std::function<void(Canvas&)> draw) = 0;
  // The same for a box that needs nothing of the page it lands on (no Canvas::page()): drawn
  // at once, on the thread setting the part, so that pagination (one thread for the whole
  // document) only places it. A post's opening strip (byline, URL, QR code) is one.
  virtual void drawnBox(float height, std::function<void(Canvas&)> draw) { box(height, std::move(draw)); }
  // Names the current position (for links, contents, page numbers).
  virtual void anchor(const std::string& name) = 0;
  // Starts a new page here unless at least `pt` of the text block is left (keeps a group of
  // entries or a heading and its first lines together).
  virtual void needSpace(float pt) = 0;
  // The page does not break between what was set last and what comes next.
  virtual void keepWithNext() = 0;
  // The width of one line of text in a role's look, before anything is placed: lets a section
  // size its boxes (wrapped titles on a cover, index columns) to what they will hold.
  virtual float textWidth(const std::string& utf8, const TextStyle& style) = 0;
  // Structure: opens a node below the one open now (`node.parent` is ignored); what is set
  // until closeNode belongs to it. Returns its id.
  virtual std::int32_t openNode(StructNode node) = 0;
  virtual void closeNode() = 0;
  // The book's own layout right to left (or not) for what is set from here until it is set
  // back (RightToLeftLayout): every paragraph right to left, whatever it holds (text in a
  // left-to-right language an isolate in it: a post's title keeps its own order), and what
  // box() and drawnBox() draw mirrored, their x running from the right. The front and back
  // matter of a right-to-left digest are so throughout; a right-to-left post's opening is set
  // so by the book. Returns the setting before (a composer that only measures has none).
  virtual bool setRightToLeftLayout(bool) { return false; }
};

// Sets the book's layout right to left (or not) for a scope (Composer::setRightToLeftLayout).
class RightToLeftLayout {
 public:
  RightToLeftLayout(Composer& c, bool rightToLeft) : c_(c), before_(c.setRightToLeftLayout(rightToLeft)) {}
  ~RightToLeftLayout() { c_.setRightToLeftLayout(before_); }
  RightToLeftLayout(const RightToLeftLayout&) = delete;
  RightToLeftLayout& operator=(const RightToLeftLayout&) = delete;

 private:
  Composer& c_;
  bool before_;
};

// Opens a structure node for a scope.
class NodeScope {
 public:
  NodeScope(Composer& c, StructNode node) : c_(c) { c_.openNode(std::move(node)); }
  NodeScope(Composer& c, StructType type) : c_(c) { c_.openNode(StructNode(type)); }
  ~NodeScope() { c_.closeNode(); }
  NodeScope(const NodeScope&) = delete;
  NodeScope& operator=(const NodeScope&) = delete;

 private:
  Composer& c_;
};

// A Composer for one part of a flow (a post of the body, a section of front or back matter)
// with what only the part's owner does.
class PartComposer : public Composer {
 public:
  // Starts the part. Its pages are `owner`'s (SetPage::owner); `text` (may be null) is the
  // document whose footnotes its references number, `anchor` the prefix of its headings' and
  // footnotes' anchors ("<anchor>/<heading id>", "<anchor>/fn-<n>").
  virtual void beginPart(int owner, const Document* text, const std::string& anchor) = 0;
  // The part opens here: the page its next item lands on is marked SetPage::opensPart.
  virtual void markOpening() = 0;
  // An entry of the document's outline (bookmarks).
  virtual void outlineEntry(const std::string& title, int level, const std::string& anchor) = 0;
  // Document blocks with `asides` beside their paragraphs (and inside embeds); nullopt: none.
  virtual void blocks(const std::vector<Block>& blocks,
                      const std::function<std::optional<Aside>(const Block&)>& asides) = 0;
  using Composer::blocks;
  // The footnotes kept for the part's end (Style::footnotePlacement "post", and notes too tall
  // for a page's foot), set here.
  virtual void endNotes() = 0;
  virtual void endPart() = 0;
};

// ---------------------------------------------------------------------------------------------
// Setting a document: what the book drives.

// A link as the page needs it: an external URI (percent-encoded) or a destination name.
struct ResolvedLink {
  std::string uri;
  std::string dest;
  bool empty() const { return uri.empty() && dest.empty(); }
};

// Takes the body's pages as they are finished, while later parts are still being set, so that
// a long document's drawing never exists all at once (the PDF writer paints and compresses
// each at once). A page comes numbered and decorated (Typesetter::setBody's `finish`); the
// Typesetter's own pages then keep only its size, label and links. `page` is called from the
// threads setting parts, for one page a call but for several pages at once, each page once,
// not in order.
struct BodyPageSink {
  std::function<void(std::size_t bodyIndex, PageBox&& page)> page;
  explicit operator bool() const { return static_cast<bool>(page); }
};

namespace typeset {
class Hyphenator;
}

// Hyphenation patterns read ahead of a typesetting run, on another thread while the posts are
// parsed (reading a language's patterns takes the typesetter's one thread tens of
// milliseconds before any part can be set). The run takes a language's patterns from here,
// and reads those of a language not here itself; the notes of a language without patterns
// are told when the run asks for it, as if it had read them.
class HyphenationSet {
 public:
  // The patterns of each of `languages` (tags as BodyPart::language), read now.
  static std::shared_ptr<const HyphenationSet> read(const std::vector<std::string>& languages);
  ~HyphenationSet();
  // A hyphenator on the patterns read for `language` (its notes replayed into `diags`);
  // nullptr when the language was not read here.
  std::unique_ptr<typeset::Hyphenator> take(const std::string& language, DiagnosticSink& diags) const;

 private:
  HyphenationSet();
  struct Read;
  std::map<std::string, std::unique_ptr<Read>> languages_;
};

struct TypesetOptions {
  // Worker threads for what can run side by side (setting the body's parts, writing and
  // compressing the PDF's pages); 0 = all cores. The result does not depend on it.
  int jobs = 0;
  // Where the body's pages go as they are finished; none: they stay in setBody's result.
  BodyPageSink bodyPages;
  // Called once, from a worker, when setting the body no longer keeps every worker busy (the
  // first worker finds no part left to start); what remains of the PDF runs mostly on one
  // thread. Work waiting for spare cores (the EPUB, written beside the PDF) can start then.
  std::function<void()> workersFreed;
  // Told as each body page is finished (in order, one thread at a time): how many pages are
  // done, and how many of the body's parts have begun on them, of how many.
  std::function<void(std::size_t pages, std::size_t parts, std::size_t total)> bodyProgress;
  // Patterns read ahead (HyphenationSet::read); none: the run reads what it needs.
  std::shared_ptr<const HyphenationSet> hyphenation;
};

// A page as pagination made it, before it is numbered and decorated.
struct SetPage {
  PageBox box;
  int owner = -1;          // the owner of its first item (PartComposer::beginPart)
  bool opensPart = false;  // a part opens on it (PartComposer::markOpening)
};

// Pages set from one flow, with where their anchors landed (page indices into `pages`) and
// the outline entries of their parts.
struct SetPages {
  std::vector<SetPage> pages;
  std::vector<std::pair<std::string, AnchorPos>> anchors;
  std::vector<OutlineEntry> outline;
};

// One part of the body as setBody sets it, on a worker of its own.
struct BodyPart {
  int owner = -1;         // links in its text resolve as this owner's (Typesetter's resolveLink)
  bool empty = false;     // nothing to set: joined as an empty part, `compose` not called
  // The language its text is in (a normalised tag, postLanguageTag): its hyphenation patterns,
  // line breaking and paragraph direction; "" = the Typesetter's locale's.
  std::string language;
  std::string anchor;     // its footnotes' destinations: "<anchor>/fn-<n>"
  // Where its text comes from, for diagnostics (nullptr: nowhere known).
  std::function<SourceLoc(SourcePos)> locate;
};

// A typesetting run: fonts (read once, shared by the workers), hyphenation patterns, the
// structure of what has been set, the page geometry of the style. The body first
// (setBody), then the sections of front and back matter in any order (setSections); pages set
// before can be cited by what is set after (citePages).
class Typesetter {
 public:
  // `locale`: the digest's language, for the sections and for parts without one of their own
  // (hyphenation, line breaking, paragraph direction), and the words the typesetter prints
  // itself ("Image not available"); it must outlive the Typesetter. `resolveLink` turns a link
  // of a part's text into a destination or a URI (`owner`: BodyPart::owner, -1 outside the body).
  Typesetter(const Style& style, const AssetStore* assets, const Locale& locale,
             std::function<ResolvedLink(const LinkTarget&, int owner)> resolveLink,
             const TypesetOptions& options, DiagnosticSink& diags);
  ~Typesetter();
  Typesetter(const Typesetter&) = delete;
  Typesetter& operator=(const Typesetter&) = delete;

  // False when not even the bundled text face could be loaded: nothing can be set.
  bool ok() const;

  // Sets the body: each part by `compose(composer, k)` into a list of its own, side by side
  // on TypesetOptions::jobs workers, then joined in order as one flow would have set them one
  // after another, and paginated as they are joined. `finish` numbers and decorates a page (in
  // order, one thread at a time) as soon as nothing set later can change it; the page then
  // goes to TypesetOptions::bodyPages when there is one. The result does not depend on the
  // number of workers. Diagnostics come in the parts' order.
  SetPages setBody(const std::vector<BodyPart>& parts,
                   const std::function<void(PartComposer&, std::size_t k)>& compose,
                   const std::function<void(SetPage&, std::size_t index)>& finish);
  // Sets `count` sections one after another in one flow, on this thread, and paginates them.
  SetPages setSections(std::size_t count, const std::function<void(PartComposer&, std::size_t k)>& compose);
  // What is set from now on may cite the anchors of `pages` (Composer::pageOf) by the labels
  // their pages carry now; an anchor cited before keeps its first label.
  void citePages(const SetPages& pages);
  // Free drawing in page coordinates (running heads and footers), with the sections' text.
  void drawOnPage(PageBox& page, const std::function<void(Canvas&)>& draw);
  // The fonts and structure of everything set (once, at the end), in a Layout
  // whose pages, anchors and outline are the caller's to fill.
  Layout takeLayout();

 private:
  struct Run;
  std::unique_ptr<Run> run_;
};

}  // namespace pp
