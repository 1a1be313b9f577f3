// The layout: TeX's rules for math (The TeXbook, appendix G) with the parameters of the
// font's MATH table instead of TeX's font dimensions, as the OpenType MATH specification
// describes them. Lengths in pt; y up. One Layouter per formula.
#pragma once

#include <string>
#include <vector>

#include "math/box.h"
#include "math/math_font.h"

namespace pp::math {

using K = hb_ot_math_constant_t;

inline Style smaller(Style s) {
  return s == Style::Display || s == Style::Text ? Style::Script : Style::ScriptScript;
}
inline bool isScript(Style s) { return s == Style::Script || s == Style::ScriptScript; }

class Layouter {
 public:
  Layouter(const MathFont& font, float size, const MathLimits& limits, const MathTextFaces& textFaces = {})
      : f_(font), base_(size), limits_(limits), textFaces_(textFaces) {}

  Box layout(const Node& n, Style s, bool cramped);
  // The next row laid out (the formula's outermost) records where a line may break in it.
  void recordBreaks(std::vector<MathBox::Break>* breaks) { breaks_ = breaks; }

 private:
  float size(Style s) const;
  float k(K c, Style s) const { return f_.constant(c) * size(s); }
  float axis(Style s) const { return k(HB_OT_MATH_CONSTANT_AXIS_HEIGHT, s); }

  Box glyphBox(std::uint16_t g, float sz, std::string text, bool nominal);
  Box atom(const Node& n, Style s);
  Box largeOperator(const Node& n, Style s);
  // `afterOrd`: spaced as if an ordinary symbol came before (the right side of an aligned
  // column pair, which starts with its relation).
  Box row(const std::vector<Node>& kids, Style s, bool cramped, bool afterOrd);
  static AtomClass classOf(const Node& n);
  Box fraction(const Node& n, Style s, bool cramped);

  // layout_constructs.cpp
  Box scripts(const Node& n, Style s, bool cramped);
  Box limits(const Node& n, const Box& base, Style s, bool cramped);
  Box root(const Node& n, Style s);
  Box fenced(const Node& n, Style s, bool cramped);
  // A delimiter (or radical) at least `length` tall in ink, centred on the axis when `centre`.
  Box grown(char32_t c, float length, Style s, bool centre);
  Box accent(const Node& n, Style s, bool cramped);
  Box over(const Node& n, Style s, bool cramped);
  Box text(const std::u32string& t, Variant v, Style s);
  // \text words in the body's face for `v`; false when there is none or it lacks a character.
  bool textInBodyFace(const std::u32string& t, Variant v, float sz, Box& b) const;
  Box table(const Node& n, Style s);

  const MathFont& f_;
  float base_;
  const MathLimits& limits_;
  MathTextFaces textFaces_;
  std::vector<MathBox::Break>* breaks_ = nullptr;
};

}  // namespace pp::math
