#include "typeset/bidi.h"

#include <fribidi.h>

#include <algorithm>
#include <utility>

#include "postpress/locale.h"
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

// Each character's embedding level (rules P2 to I2); false when FriBiDi fails. `direction`:
// the paragraph's, FRIBIDI_PAR_ON for its first strong character's; set to the one resolved.
bool embeddingLevels(const std::vector<FriBidiChar>& text, FriBidiParType& direction, std::vector<FriBidiLevel>& levels) {
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  levels.resize(text.size());
  fribidi_get_bidi_types(text.data(), n, types.data());
  fribidi_get_bracket_types(text.data(), n, types.data(), brackets.data());
  return fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data()) != 0;
}

// Rule L2 over `order` (indices of what `levels` describes, in logical order): from the
// highest level down to the lowest odd one, every run at that level or above is reversed.
template <typename Level>
void reorder(std::vector<std::size_t>& order, std::vector<Level>& levels) {
  Level highest = 0, lowestOdd = 255;
  for (Level l : levels) {
    highest = std::max(highest, l);
    if (l % 2) lowestOdd = std::min(lowestOdd, l);
  }
  for (Level level = highest; level >= lowestOdd && level > 0; --level) {
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
}

// Appends text box `it` to `out`, cut where the level of its characters changes (`levels`:
// theirs, in order), each piece measured in the box's face. A mark, joiner, selector or skin
// tone stays with the character before it: they are shaped together.
void appendByLevel(Context& ctx, Item&& it, const FriBidiLevel* levels, std::vector<Item>& out) {
  std::vector<std::pair<std::size_t, std::uint8_t>> cuts;  // (byte offset, level of what follows)
  std::size_t ci = 0;
  std::uint8_t current = static_cast<std::uint8_t>(levels[0]);
  for (std::size_t i = 0; i < it.text.size(); ++ci) {
    const std::size_t at = i;
    const char32_t c = nextCodepoint(it.text, i);
    const auto level = static_cast<std::uint8_t>(levels[ci]);
    if (at > 0 && level != current && !attachesToPrevious(c)) {
      cuts.emplace_back(at, level);
      current = level;
    }
  }
  it.level = static_cast<std::uint8_t>(levels[0]);
  if (cuts.empty()) {
    out.push_back(std::move(it));
    return;
  }
  // Each piece starts as a copy of `it`: move the word out first.
  const std::string word = std::move(it.text);
  cuts.emplace_back(word.size(), 0);
  std::size_t from = 0;
  std::uint8_t level = it.level;
  for (const auto& [to, next] : cuts) {
    Item piece = it;
    piece.text = word.substr(from, to - from);
    piece.shaped = nullptr;
    piece.level = level;
    piece.width = ctx.width(piece.face, piece.text, piece.size, piece.letterSpacing);
    out.push_back(std::move(piece));
    from = to;
    level = next;
  }
}

}  // namespace

void resolveBidi(Context& ctx, ItemList& list) {
  // Most paragraphs: a left-to-right book and language, and no character from U+0590 on (whose
  // UTF-8 starts with a byte from 0xD6 on): no right-to-left character, nothing to resolve.
  if (!ctx.rightToLeftLayout && !ctx.rightToLeft) {
    bool anyText = false, mayBeRtl = false;
    for (const Item& it : list.items) {
      anyText |= it.isGlue() || it.isBox();
      if (it.isBox() && (it.kind == BoxKind::Text || it.kind == BoxKind::BidiControl))
        mayBeRtl = mayBeRtl || std::any_of(it.text.begin(), it.text.end(),
                                           [](char b) { return static_cast<unsigned char>(b) >= 0xD6; });
    }
    if (!mayBeRtl) {
      if (!anyText) return;
      list.rtl = false;
      for (Item& it : list.items) it.level = 0;
      return;
    }
  }
  // The paragraph as text: a box's characters, a space for glue, U+FFFC for a box of no text.
  std::vector<FriBidiChar> text;
  std::vector<std::size_t> first(list.items.size(), 0);  // each item's first character
  bool any = false, labelled = false;
  // In the book's right-to-left layout, text in a left-to-right language is an isolate in a
  // right-to-left paragraph (HTML's dir="auto" on it): the line is right to left (set from
  // the right), the text keeps its own order and its punctuation ("What's new?" does not
  // become "?What's new").
  const bool isolated = ctx.rightToLeftLayout && !isRightToLeft(ctx.language);
  if (isolated) text.push_back(0x2068);  // FSI
  for (std::size_t k = 0; k < list.items.size(); ++k) {
    const Item& it = list.items[k];
    first[k] = text.size();
    if (it.isGlue()) {
      text.push_back(' ');
    } else if (it.isBox()) {
      labelled |= it.label;
      if ((it.kind != BoxKind::Text && it.kind != BoxKind::BidiControl) || it.text.empty()) {
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
  if (text.size() == (isolated ? 1u : 0u)) return;  // no text
  if (isolated) text.push_back(0x2069);             // PDI
  if (!(any || (labelled && ctx.rightToLeft) || ctx.rightToLeftLayout)) return;
  // ON: the first strong character's.
  FriBidiParType direction = ctx.rightToLeft || ctx.rightToLeftLayout ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_ON;
  std::vector<FriBidiLevel> levels;
  if (!embeddingLevels(text, direction, levels)) return;
  list.rtl = FRIBIDI_IS_RTL(direction);
  const std::uint8_t base = list.rtl ? 1 : 0;
  std::vector<Item> out;
  out.reserve(list.items.size() + list.items.size() / 8);
  for (std::size_t k = 0; k < list.items.size(); ++k) {
    Item& it = list.items[k];
    if (it.isPenalty()) {
      // A penalty's hyphen belongs to the box before it.
      it.level = out.empty() ? base : out.back().level;
      out.push_back(std::move(it));
    } else if (it.label) {
      // A list's or a note's number reads first, on the paragraph's side, drawn as one.
      it.level = base;
      out.push_back(std::move(it));
    } else if (it.isBox() && it.kind == BoxKind::Text && !it.text.empty()) {
      appendByLevel(ctx, std::move(it), levels.data() + first[k], out);
    } else {
      it.level = static_cast<std::uint8_t>(levels[first[k]]);
      out.push_back(std::move(it));
    }
  }
  list.items = std::move(out);
}

std::vector<std::uint8_t> characterLevels(std::u32string_view text, bool rightToLeft) {
  std::vector<FriBidiChar> chars(text.begin(), text.end());
  FriBidiParType direction = rightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  std::vector<FriBidiLevel> levels;
  std::vector<std::uint8_t> out(text.size(), rightToLeft ? 1 : 0);
  if (!chars.empty() && embeddingLevels(chars, direction, levels))
    for (std::size_t i = 0; i < out.size(); ++i) out[i] = static_cast<std::uint8_t>(levels[i]);
  return out;
}

std::vector<std::size_t> visualOrder(std::vector<std::uint8_t> levels) {
  std::vector<std::size_t> order(levels.size());
  for (std::size_t i = 0; i < order.size(); ++i) order[i] = i;
  reorder(order, levels);
  return order;
}

std::vector<std::size_t> visualOrder(const ItemList& list, std::size_t start, std::size_t end) {
  end = std::min(end, list.items.size());
  std::vector<std::size_t> order;
  order.reserve(end > start ? end - start : 0);
  // A line all at level 0 (most lines of a left-to-right book) is in its own order.
  if (std::all_of(list.items.begin() + static_cast<std::ptrdiff_t>(std::min(start, end)),
                  list.items.begin() + static_cast<std::ptrdiff_t>(end), [](const Item& it) { return it.level == 0; })) {
    for (std::size_t i = start; i < end; ++i) order.push_back(i);
    return order;
  }
  std::vector<std::uint8_t> levels;
  levels.reserve(order.capacity());
  // (A bidi control draws nothing: at a line's end it is reset with the spaces, rule L1.)
  auto drawn = [&](const Item& it) {
    return (it.isBox() && it.kind != BoxKind::BidiControl) || (it.isPenalty() && it.flagged && !it.text.empty());
  };
  std::uint8_t highest = 0;
  for (std::size_t i = start; i < end; ++i) {
    const Item& it = list.items[i];
    order.push_back(i);
    // A break opportunity inside a word draws nothing and cuts nothing: it is at the level of
    // what it follows (those made after resolveBidi, inside an over-wide word, have none).
    levels.push_back(it.isPenalty() && !drawn(it) && !levels.empty() ? levels.back() : it.level);
    highest = std::max(highest, levels.back());
  }
  if (highest == 0) return order;
  // Rule L1: what ends the line after its last box (or drawn hyphen) is at the paragraph's level.
  const std::uint8_t base = list.rtl ? 1 : 0;
  for (std::size_t k = levels.size(); k > 0 && !drawn(list.items[order[k - 1]]); --k) levels[k - 1] = base;
  reorder(order, levels);
  return order;
}

}  // namespace pp::typeset
