// The Unicode Bidirectional Algorithm (FriBiDi) over a paragraph's items: each character gets
// its embedding level (odd: right to left), a text box whose characters are at different
// levels is split where the level changes, so that every box is drawn in one direction; the
// paragraph gets its direction (from its first strong character); a line's items are then
// placed in visual order (visualOrder).
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "typeset/inline_items.h"

namespace pp::typeset {

// The explicit directional formatting characters of UAX #9: marks (LRM, RLM, ALM), embeddings
// and overrides (LRE, RLE, LRO, RLO, PDF), isolates (LRI, RLI, FSI, PDI). Authors place Latin
// names and numbers in right-to-left text with them; they take part in the resolution
// (BoxKind::BidiControl) and draw nothing.
inline bool isBidiControl(char32_t c) {
  return c == 0x200E || c == 0x200F || c == 0x061C || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

// Sets Item::level and ItemList::rtl. Text with no right-to-left character is left at level 0
// without running the algorithm. The paragraph's direction is its first strong character's,
// or right to left whenever it holds right-to-left text and `ctx.rightToLeft` (the paragraph's
// language is written right to left: "Kubernetes هو..." is an Arabic sentence), or has a label
// (Item::label) there: a list's or a note's number is set as the document's lists are; always
// in the book's right-to-left layout (Context::rightToLeftLayout), where text in a
// left-to-right language is an isolate (FSI ... PDI) in it.
// Bidi controls (BoxKind::BidiControl) are read where they are, rules X1 to X10 with isolates.
// A word's characters at different levels become boxes of their own, measured in their face
// ("(2025)" in Arabic is "(" and ")" at level 1 around "2025" at level 2, which visualOrder
// places as a browser does); a label stays one box at the paragraph's level (TextRun::rtlLabel).
void resolveBidi(Context& ctx, ItemList& list);

// The items [start, end) of a line in the order they are drawn from left to right (rule L2:
// from the highest level down, every run at that level or above is reversed); trailing glue
// takes the paragraph's level (rule L1). A drawn hyphen (a flagged penalty with text, included
// when the line ends at it) keeps the level of the word it ends, and is drawn on its side.
std::vector<std::size_t> visualOrder(const ItemList& list, std::size_t start, std::size_t end);

// Each character's level in a paragraph of `text` alone, right to left or left to right.
std::vector<std::uint8_t> characterLevels(std::u32string_view text, bool rightToLeft);
// The order in which things at `levels` (in logical order) are drawn from left to right (L2).
std::vector<std::size_t> visualOrder(std::vector<std::uint8_t> levels);

}  // namespace pp::typeset
