// The layout's boxes: glyphs and rules relative to an origin on the baseline, TeX's way.
#pragma once

#include <algorithm>
#include <vector>

#include "math/tree.h"
#include "postpress/math.h"

namespace pp::math {

// TeX's styles (cramped: superscripts sit lower, as under a radical or in a denominator).
enum class Style : std::uint8_t { Display, Text, Script, ScriptScript };

struct Box {
  float width = 0, height = 0, depth = 0;  // pt
  float italic = 0;        // italic correction of a box that is one glyph, pt
  float accentAt = -1;     // top accent attachment from the left, pt; < 0: the middle
  bool singleGlyph = false;
  std::vector<MathGlyph> glyphs;
  std::vector<MathRule> rules;

  // Adds `o` with its origin at (dx, dy) from this box's origin (y up); extents unchanged.
  void put(const Box& o, float dx, float dy) {
    for (MathGlyph g : o.glyphs) {
      g.x += dx;
      g.y += dy;
      glyphs.push_back(std::move(g));
    }
    for (MathRule r : o.rules) {
      r.x += dx;
      r.y += dy;
      rules.push_back(r);
    }
  }
  // Grows the extents to hold `o` placed at (dx, dy).
  void cover(const Box& o, float dx, float dy) {
    width = std::max(width, dx + o.width);
    height = std::max(height, dy + o.height);
    depth = std::max(depth, o.depth - dy);
  }
};

}  // namespace pp::math
