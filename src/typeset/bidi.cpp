#include "typeset/bidi.h"

#include <fribidi.h>

#include <algorithm>

#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

// Hebrew, Arabic, Syriac, Thaana, NKo, Samaritan, Mandaic and their presentation forms and
// supplements: where a right-to-left character can be.
bool maybeRtl(char32_t c) {
  return (c >= 0x0590 && c <= 0x08FF) || (c >= 0xFB1D && c <= 0xFDFF) || (c >= 0xFE70 && c <= 0xFEFF) ||
         (c >= 0x10800 && c <= 0x10FFF) || (c >= 0x1E800 && c <= 0x1EFFF) || c == 0x200F || c == 0x202B ||
         c == 0x202E || c == 0x2067;
}

}  // namespace

void resolveBidi(ItemList& list, bool rightToLeft) {
  // The paragraph as text: a box's characters, a space for glue, U+FFFC for a box of no text.
  std::vector<FriBidiChar> text;
  std::vector<std::size_t> first(list.items.size(), 0);  // each item's first character
  bool any = false;
  for (std::size_t k = 0; k < list.items.size(); ++k) {
    const Item& it = list.items[k];
    first[k] = text.size();
    if (it.isGlue()) {
      text.push_back(' ');
    } else if (it.isBox()) {
      if (it.kind != BoxKind::Text || it.text.empty()) {
        text.push_back(0xFFFC);
        continue;
      }
      for (std::size_t i = 0; i < it.text.size();) {
        const char32_t c = nextCodepoint(it.text, i);
        any |= maybeRtl(c);
        text.push_back(c);
      }
    }
  }
  list.rtl = false;
  for (Item& it : list.items) it.level = 0;
  if (!any || text.empty()) return;
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  std::vector<FriBidiLevel> levels(text.size());
  fribidi_get_bidi_types(text.data(), n, types.data());
  fribidi_get_bracket_types(text.data(), n, types.data(), brackets.data());
  FriBidiParType direction = rightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;  // ON: the first strong character's
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data())) return;
  list.rtl = FRIBIDI_IS_RTL(direction);
  for (std::size_t k = 0; k < list.items.size(); ++k) {
    Item& it = list.items[k];
    if (it.isPenalty()) continue;
    const std::size_t at = std::min(first[k], text.size() - 1);
    it.level = static_cast<std::uint8_t>(levels[at]);
  }
  // A penalty's hyphen belongs to the box before it.
  for (std::size_t k = 1; k < list.items.size(); ++k)
    if (list.items[k].isPenalty()) list.items[k].level = list.items[k - 1].level;
}

std::vector<std::size_t> visualOrder(const ItemList& list, std::size_t start, std::size_t end) {
  std::vector<std::size_t> order;
  std::vector<std::uint8_t> levels;
  end = std::min(end, list.items.size());
  const std::uint8_t base = list.rtl ? 1 : 0;
  std::uint8_t highest = 0;
  for (std::size_t i = start; i < end; ++i) {
    order.push_back(i);
    levels.push_back(list.items[i].level);
    highest = std::max(highest, list.items[i].level);
  }
  if (highest == 0) return order;
  for (std::size_t k = levels.size(); k > 0 && !list.items[order[k - 1]].isBox(); --k) levels[k - 1] = base;
  std::uint8_t lowestOdd = 255;
  for (std::uint8_t l : levels)
    if (l % 2) lowestOdd = std::min(lowestOdd, l);
  for (std::uint8_t level = highest; level >= lowestOdd && level > 0; --level) {
    for (std::size_t k = 0; k < order.size();) {
      if (levels[k] < level) {
        ++k;
        continue;
      }
      std::size_t e = k;
      while (e < order.size() && levels[e] >= level) ++e;
      std::reverse(order.begin() + static_cast<std::ptrdiff_t>(k), order.begin() + static_cast<std::ptrdiff_t>(e));
      std::reverse(levels.begin() + static_cast<std::ptrdiff_t>(k), levels.begin() + static_cast<std::ptrdiff_t>(e));
      k = e;
    }
  }
  return order;
}

}  // namespace pp::typeset
