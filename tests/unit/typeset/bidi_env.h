// What the bidi tests set and compare with: paragraphs set in a right-to-left or left-to-right
// context, what a line draws from left to right, and FriBiDi's own display of the same text.
#pragma once

#include <doctest/doctest.h>
#include <fribidi.h>

#include <algorithm>
#include <string>
#include <vector>

#include "breaking_env.h"
#include "postpress/support/text.h"
#include "typeset/bidi.h"
#include "typeset/inline_items.h"
#include "typeset/line_set.h"

namespace pp::typeset::testing {

struct BidiEnv : BreakingEnv {
  explicit BidiEnv(bool rightToLeft) { ctx->rightToLeft = rightToLeft; }

  ItemList items(const std::string& text, const std::string& label = {}) {
    InlineBuilder b(*ctx, style.body, false);
    if (!label.empty()) b.label(label, tags::kUntagged);
    b.add({Inline::makeText(text)});
    return b.finish();
  }

  std::vector<SetLine> lines(ItemList& list, float width) {
    ParagraphShape shape;
    shape.widths = {width};
    shape.align = typeset::Align::Left;
    return setParagraph(*ctx, list, shape);
  }
};

// A line's runs from left to right.
inline std::vector<TextRun> byPosition(const SetLine& line) {
  std::vector<TextRun> runs = line.content.runs;
  std::stable_sort(runs.begin(), runs.end(), [](const TextRun& a, const TextRun& b) { return a.x < b.x; });
  return runs;
}

// What a line draws from left to right, as characters (spaces left out): each run's text, turned
// around and its brackets mirrored when it is set right to left, as shaping draws it.
inline std::u32string drawn(const SetLine& line) {
  std::u32string out;
  for (const TextRun& r : byPosition(line)) {
    std::u32string t = toUtf32(r.text);
    if (r.rtl) {
      std::reverse(t.begin(), t.end());
      for (char32_t& c : t) {
        FriBidiChar m = 0;
        if (fribidi_get_mirror_char(c, &m)) c = m;
      }
    }
    out += t;
  }
  out.erase(std::remove(out.begin(), out.end(), U' '), out.end());
  return out;
}

// FriBiDi's own display of `text` set in lines of `lengths` characters each (spaces and bidi
// controls not counted): levels resolved over the whole paragraph (rules P2 to I2, the
// explicit embeddings, overrides and isolates included), each line reordered on its own (L1,
// L2) with its brackets mirrored (L4); spaces and bidi controls (drawn as nothing) left out.
inline std::vector<std::u32string> reference(const std::string& text, bool rightToLeft,
                                             const std::vector<std::size_t>& lengths) {
  const std::u32string u = toUtf32(text);
  const auto n = static_cast<FriBidiStrIndex>(u.size());
  std::vector<FriBidiChar> chars(u.begin(), u.end());
  std::vector<FriBidiCharType> types(u.size());
  std::vector<FriBidiBracketType> brackets(u.size());
  std::vector<FriBidiLevel> levels(u.size());
  std::vector<FriBidiStrIndex> map(u.size());
  for (std::size_t i = 0; i < map.size(); ++i) map[i] = static_cast<FriBidiStrIndex>(i);
  fribidi_get_bidi_types(chars.data(), n, types.data());
  fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
  FriBidiParType direction = rightToLeft ? FRIBIDI_PAR_RTL : FRIBIDI_PAR_LTR;
  REQUIRE(fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data()));
  fribidi_shape_mirroring(levels.data(), n, chars.data());
  auto shown = [](char32_t c) { return c != U' ' && !isBidiControl(c); };
  std::vector<std::u32string> lines;
  std::size_t start = 0;
  for (const std::size_t length : lengths) {
    while (start < u.size() && !shown(u[start])) ++start;
    std::size_t end = start;
    for (std::size_t counted = 0; end < u.size() && counted < length; ++end) counted += shown(u[end]);
    REQUIRE(fribidi_reorder_line(0, types.data(), static_cast<FriBidiStrIndex>(end - start), static_cast<FriBidiStrIndex>(start),
                                 direction, levels.data(), nullptr, map.data()));
    std::u32string line;
    for (std::size_t v = start; v < end; ++v)
      if (const FriBidiChar c = chars[static_cast<std::size_t>(map[v])]; shown(c)) line += c;
    lines.push_back(line);
    start = end;
  }
  return lines;
}

inline std::u32string reference(const std::string& text, bool rightToLeft) {
  return reference(text, rightToLeft, {toUtf32(text).size()})[0];
}

// The text of a paragraph's boxes, in order.
inline std::string boxText(const ItemList& list) {
  std::string s;
  for (const Item& it : list.items)
    if (it.isBox()) s += it.text;
  return s;
}

inline std::string withoutSpaces(std::string s) {
  s.erase(std::remove(s.begin(), s.end(), ' '), s.end());
  return s;
}

}  // namespace pp::typeset::testing
