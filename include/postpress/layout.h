// Layout: turns a Publication plus a Style into pages of positioned boxes (words in one font,
// vector glyphs, images, rectangles, rules, link areas) and records where every post, heading
// and named anchor landed. The PDF painter (src/pdf/) only draws what is here. Stage home:
// src/layout/.
//
// Coordinates are PostScript points with the origin at the page's top-left corner and y growing
// downwards (the painter flips them). A TextRun's y is its baseline.
//
// Order of work, which is what makes every page number right without guessing:
//   1. the body (each post: opening, blocks, footnotes, the postEnd hook), numbered 1, 2, 3...,
//      paginated as the posts are joined; a page can go to LayoutOptions::bodyPages as soon as
//      nothing set later can change it (the PDF writer paints and compresses it then, so the
//      whole digest's drawing never exists at once);
//   2. the back matter sections, numbered on from the body;
//   3. the front matter sections (cover, brief, contents...), numbered i, ii, iii..., composed
//      last so that they can cite the page of any anchor of the body or the back matter.
//
// Adding a front or back matter section (issue 7: cover, at-a-glance brief, indexes):
//
//   LayoutOptions opt;
//   opt.front.push_back({"At a glance", "brief", [&](Composer& c) {
//     c.heading("At a glance", 1);
//     for (const PostEntry& p : c.publication().posts)
//       c.entry({Inline::makeText(p.post->title)}, p.anchor, c.style().tocEntry, 0);
//   }});
//   writePdf(pub, style, opt, "digest.pdf", diags);   // postpress/pdf.h
//
// A section draws with the same flow primitives as the body (paragraphs of Inlines, Document
// blocks, headings, entries with page numbers, free-drawn boxes with QR codes), breaks pages by
// itself, and gets an outline entry and a destination named by its anchor. Post openings,
// per-post link notes and QR codes beside paragraphs go through LayoutHooks. Page numbers of
// anything laid out are in Layout::anchors / pageLabel() afterwards (tests compare them with
// pdftotext per page).
#pragma once

#include <cstdint>
#include <functional>
#include <map>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/document.h"
#include "postpress/fonts.h"
#include "postpress/publication.h"
#include "postpress/style.h"

namespace pp {

// ---------------------------------------------------------------------------------------------
// The result: pages of positioned boxes.

// One word, or the part of a word set in one face: drawn as one PDF text-showing operation.
struct TextRun {
  std::uint16_t font = 0;   // index into Layout::fonts
  float size = 10;          // pt
  float x = 0, y = 0;       // start of the baseline
  float width = 0;          // advance width as laid out (equals what the PDF's /W gives)
  float charSpacing = 0;    // extra space after each character (PDF Tc), pt
  Color color;
  std::string text;         // valid UTF-8, BMP only, every character present in `font`
};

// A glyph drawn as a filled vector path: a character above U+FFFF once the Private Use
// stand-ins (Layout::privateUse) have run out.
struct VectorGlyph {
  int outline = 0;          // index into Layout::outlines
  float x = 0, y = 0;       // baseline origin
  float size = 10;          // em size, pt
  Color color;
};

struct ImageBox {
  int asset = -1;           // AssetStore id (always an Ok asset; failures become placeholders)
  float x = 0, y = 0;       // top-left
  float width = 0, height = 0;
};

struct FillRect {
  float x = 0, y = 0, width = 0, height = 0;  // top-left and size
  bool fill = true;
  Color fillColor;
  float strokeWidth = 0;    // 0 = no outline
  Color strokeColor;
};

struct RuleLine {
  float x1 = 0, y1 = 0, x2 = 0, y2 = 0;
  float width = 0.5f;
  Color color;
};

// A clickable area: an external URI (already percent-encoded) or a named destination.
struct LinkArea {
  float x = 0, y = 0, width = 0, height = 0;  // top-left and size
  std::string uri;
  std::string dest;         // anchor name (see Layout::anchors) when internal
};

struct PageBox {
  float width = 612, height = 792;
  std::string label;        // the page number as printed: "iv", "12"
  // Paint order: rects, images, lines, text, vector glyphs; links are annotations on top.
  std::vector<FillRect> rects;
  std::vector<ImageBox> images;
  std::vector<RuleLine> lines;
  std::vector<TextRun> runs;
  std::vector<VectorGlyph> glyphs;
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
  std::vector<FontFace> fonts;
  // libharu's text shows only characters up to U+FFFF: each character above it (emoji) is set
  // as a Private Use stand-in (U+F8FF downwards) that the painter maps back, in the embedded
  // font's cmap and in the PDF's ToUnicode, so it draws and extracts as itself.
  std::map<char32_t, char32_t> privateUse;  // stand-in -> real code point
  std::vector<GlyphOutline> outlines;
  std::vector<PageBox> pages;  // reading order: front matter, body, back matter
  int frontPages = 0;          // roman-numbered pages at the start
  // Anchors: a post's anchor (PostEntry::anchor), "<post anchor>/<heading id>" for headings,
  // "<post anchor>/fn-<n>" for footnotes, and each section's anchor.
  std::map<std::string, AnchorPos> anchors;
  std::vector<OutlineEntry> outline;

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
};

struct ParagraphOptions {
  enum class Align { Justify, Left, Center, Right, Style };  // Style: the style's justification
  Align align = Align::Style;
  float indent = 0;          // left indent of every line, pt
  float firstIndent = 0;     // extra indent of the first line
  float spaceBefore = 0, spaceAfter = 0;
  bool keepWithNext = false;
  bool hyphenate = true;     // subject to the style's hyphenate
};

class Composer {
 public:
  virtual ~Composer() = default;
  virtual const Style& style() const = 0;
  virtual const Publication& publication() const = 0;
  // The printed page number of an anchor of the body or back matter ("12"), "" if unknown.
  // Front matter sections may cite any anchor; the body sees only anchors laid out before.
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
  // at once, on the thread setting the post, so that pagination (one thread for the whole
  // digest) only places it. A post's opening strip (byline, URL, QR code) is one.
  virtual void drawnBox(float height, std::function<void(Canvas&)> draw) { box(height, std::move(draw)); }
  // Names the current position (for links, contents, page numbers).
  virtual void anchor(const std::string& name) = 0;
  // Starts a new page here unless at least `pt` of the text block is left (keeps a group of
  // entries or a heading and its first lines together).
  virtual void needSpace(float pt) = 0;
  // The width of one line of text in a role's look, before anything is placed: lets a section
  // size its boxes (wrapped titles on a cover, index columns) to what they will hold.
  virtual float textWidth(const std::string& utf8, const TextStyle& style) = 0;
};

// A front or back matter section.
struct MatterSection {
  std::string title;         // outline entry; empty = none
  std::string anchor;        // destination name of its first page
  std::function<void(Composer&)> compose;
  bool startOnNewPage = true;
  bool pageNumbers = true;   // false: its pages show no header or footer (a cover)
};

struct LayoutHooks {
  // Replaces the default post opening (title, subtitle, byline with date, authors, reading
  // time and tags). Called at the top of the post's first page.
  std::function<void(Composer&, const PostEntry&, int postIndex)> postOpening;
  // Called after a post's blocks and footnotes (link notes go here).
  std::function<void(Composer&, const PostEntry&, int postIndex)> postEnd;
  // An aside beside a paragraph of a post (QR codes for media links); nullopt for none. Also
  // asked for embed blocks (videos), where it is drawn inside the box, at its right.
  std::function<std::optional<Aside>(const PostEntry&, const Block&)> asideFor;
  // The text a post is set from when it is not PostEntry::doc (the printed link notes' marks);
  // nullopt: PostEntry::doc. Made on the thread setting the post and dropped once it is set,
  // so that a copy of every post never exists at once.
  std::function<std::optional<Document>(const PostEntry&)> postText;
  // Asides for the blocks of one post's text (what is being set: postText's or PostEntry::doc),
  // asked for as its setting starts; preferred to asideFor when both are given.
  std::function<std::function<std::optional<Aside>(const Block&)>(const PostEntry&, const Document& text)> asidesFor;
};

// Takes the body's pages as they are finished, while later posts are still being set, so
// that a long digest's drawing never exists all at once (the PDF writer paints and compresses
// each at once). A page comes numbered and with its running head and footer; Layout::pages
// then keeps only its size, label and links. `page` is called from the threads setting posts,
// for one page a call but for several pages at once, each page once, not in order;
// `outlines` are the vector glyph outlines its glyphs use (VectorGlyph::outline indexes
// them). `restart` forgets every page given: the body is being set again (characters above
// U+FFFF outnumbered the stand-ins); it comes when no `page` call is running.
struct BodyPageSink {
  std::function<void(std::size_t bodyIndex, PageBox&& page, std::vector<GlyphOutline>&& outlines)> page;
  std::function<void()> restart;
  explicit operator bool() const { return static_cast<bool>(page); }
};

struct LayoutOptions {
  std::vector<MatterSection> front;  // before the posts, roman page numbers
  std::vector<MatterSection> back;   // after the posts, arabic numbers continued
  LayoutHooks hooks;
  // Adds the built-in table of contents as the last front section when the publication
  // asks for one (Publication::toc) and no front section has the anchor "contents".
  bool defaultContents = true;
  // The order the posts are set in: indices into Publication::posts, each once (contents
  // grouped by month or tag set their posts in group order, so page numbers run in order).
  // Empty = digest order; posts it leaves out follow in digest order, bad indices are skipped.
  std::vector<int> bodyOrder;
  // Worker threads for what can run side by side (setting posts, writing and compressing the
  // PDF's pages); 0 = all cores. The result does not depend on it.
  int jobs = 0;
  // How many characters above U+FFFF get Private Use stand-ins before the rest are drawn as
  // vector outlines (Layout::privateUse): all 6,400 codes of the BMP's Private Use Area unless
  // a test asks for fewer, to reach what happens when they run out.
  int maxStandIns = 0xF8FF - 0xE000 + 1;
  // Where the body's pages go as they are finished; none: they stay whole in Layout::pages.
  BodyPageSink bodyPages;
  // Called once, from a worker, when setting the body no longer keeps every worker busy (the
  // first worker finds no post left to start); what remains of the PDF runs mostly on one
  // thread. Work waiting for spare cores (the EPUB, written beside the PDF) can start then.
  std::function<void()> workersFreed;
};

// Lays the publication out. Never throws on bad content: problems (missing glyphs, images
// that could not be loaded) are reported to `diags` and drawn visibly.
Layout layoutPublication(const Publication& pub, const Style& style, const LayoutOptions& options,
                         DiagnosticSink& diags);

// Roman numerals for front pages ("i", "iv", "xii").
std::string romanNumeral(int n);

}  // namespace pp
