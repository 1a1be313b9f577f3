// The Unicode Bidirectional Algorithm (FriBiDi) over a paragraph's items: each item gets its
// embedding level (odd: right to left), the paragraph its direction (from its first strong
// character); a line's items are then placed in visual order (visualOrder).
#pragma once

#include <cstddef>
#include <vector>

#include "typeset/inline_items.h"

namespace pp::typeset {

// Sets Item::level and ItemList::rtl. Text with no right-to-left character is left at level 0
// without running the algorithm. The paragraph's direction is its first strong character's,
// or right to left whenever it holds right-to-left text and `rightToLeft` (the paragraph's
// language is written right to left: "Kubernetes هو..." is an Arabic sentence).
void resolveBidi(ItemList& list, bool rightToLeft = false);

// The items [start, end) of a line in the order they are drawn from left to right (rule L2:
// from the highest level down, every run at that level or above is reversed); trailing glue
// takes the paragraph's level (rule L1).
std::vector<std::size_t> visualOrder(const ItemList& list, std::size_t start, std::size_t end);

}  // namespace pp::typeset
