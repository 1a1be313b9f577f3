// Setting lines: turns a paragraph's items and its chosen breaks into positioned words, one
// TextRun per word (Tw does nothing to libharu's Unicode fonts, so justification is done by
// placing each word where it belongs), with hyphens, links, decorations and vector glyphs.
#pragma once

#include <vector>

#include "typeset/fragment.h"
#include "typeset/inline_items.h"
#include "typeset/linebreak.h"

namespace pp::typeset {

enum class Align { Justify, Left, Center, Right };

struct ParagraphShape {
  std::vector<float> widths;   // measure per line; the last entry holds for the rest
  std::vector<float> offsets;  // left offset per line; the last entry holds for the rest
  Align align = Align::Justify;
  float leading = 14;          // baseline-to-baseline distance
  bool allowHyphens = true;
  // A right-to-left paragraph's lines end at the right edge of their measure (bidi.h); false
  // for a line the caller places itself (Canvas::text), whose measure is no edge.
  bool rtlToRightEdge = true;
};

// One line that never wraps, left-aligned, without hyphens, at `leading`: text the caller
// places itself (a page number beside an entry, a label drawn on a canvas).
inline ParagraphShape unwrappedLine(float leading) {
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = leading;
  shape.allowHyphens = false;
  shape.widths = {1e6f};
  shape.rtlToRightEdge = false;
  return shape;
}

struct SetLine {
  Fragment content;      // relative to the line's top-left (x 0 = the paragraph's left edge)
  float height = 0;      // space the line takes (leading, more for tall inline content)
  float baseline = 0;    // from the line's top
  float naturalWidth = 0;
  std::vector<int> footnotes;  // footnote numbers marked on this line
};

std::vector<SetLine> setParagraph(Context& ctx, ItemList& list, const ParagraphShape& shape);

// A character no font has, drawn visibly: `box` (an outline), and the code point in hex, in
// `face` (nothing when it is -1) at `textSize` and the box's colour, centred over
// [left, left + width] on `baseline`.
void drawMissingGlyph(Context& ctx, Fragment& f, char32_t cp, const FillRect& box, int face, float textSize,
                      float left, float width, float baseline);

// Appends `lines` into `f` one under another, the first's top at (x, y); returns the y below
// the last (a caption, a footnote, text inside a box).
float stackLines(Fragment& f, const std::vector<SetLine>& lines, float x, float y);

// Natural width of a paragraph set on one line (for table column widths), and the widest
// unbreakable piece (the narrowest the paragraph can be set without emergency breaks).
struct NaturalWidths {
  float max = 0;
  float min = 0;
};
NaturalWidths naturalWidths(const ItemList& list);

// The natural width of the first line setParagraph makes of `list` when nothing but a forced
// break can end it (a line of any width): what a running head or a contents entry measures,
// without breaking the paragraph.
float firstLineWidth(const ItemList& list);

}  // namespace pp::typeset
