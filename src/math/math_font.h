// An OpenType MATH font as the layout reads it (HarfBuzz's hb_ot_math_* API): constants,
// glyph metrics, italic corrections, accent attachment, size variants and assemblies. Every
// length is in ems (1.0 = the font size).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

#include <hb-ot.h>
#include <hb.h>

#include "postpress/fonts.h"

namespace pp::math {

struct GlyphExtents {
  float ascent = 0, descent = 0;  // ink above / below the baseline (descent positive below)
  float left = 0, right = 0;      // ink from the origin
};

// One piece of a grown glyph: the glyph and where its origin lies along the growth axis.
struct GlyphPiece {
  std::uint16_t glyph = 0;
  float offset = 0;  // from the start of the whole (bottom when vertical, left when horizontal)
};

class MathFont {
 public:
  explicit MathFont(const FontFile& file);
  ~MathFont();
  MathFont(const MathFont&) = delete;
  MathFont& operator=(const MathFont&) = delete;

  bool hasMath() const;
  float constant(hb_ot_math_constant_t c) const;
  // Percent constants (script scale-downs, the degree's raise) as fractions.
  float percent(hb_ot_math_constant_t c) const { return static_cast<float>(hb_ot_math_get_constant(font_, c)) / 100.0f; }

  std::uint16_t glyph(char32_t cp) const;  // 0 when the font lacks it
  float advance(std::uint16_t g) const;
  GlyphExtents extents(std::uint16_t g) const;
  float italicCorrection(std::uint16_t g) const;
  float topAccentAttachment(std::uint16_t g) const;

  // The smallest variant of `g` at least `size` long (vertical: ink height + depth;
  // horizontal: advance), or the largest when none is; `g` itself when it has none.
  std::uint16_t variant(std::uint16_t g, float size, bool vertical) const;
  // The pieces of `g`'s assembly made at least `size` long (at most `maxRepeat` repetitions
  // of each extender); empty when the font has no assembly for `g` or cannot reach `size`.
  std::vector<GlyphPiece> assembly(std::uint16_t g, float size, bool vertical, int maxRepeat, float* length) const;

  // Shapes text in the font (for \text): glyphs with advances in ems.
  ShapedText shape(std::u32string_view text) const { return file_.shape(text, TextDirection::LeftToRight); }

 private:
  float em(hb_position_t v) const { return static_cast<float>(v) / upem_; }
  const FontFile& file_;
  hb_font_t* font_ = nullptr;
  float upem_ = 1000;
};

}  // namespace pp::math
