#include "math/math_font.h"

#include <algorithm>

namespace pp {

bool hasMathTable(const FontFile& font) {
  auto* face = static_cast<hb_face_t*>(font.harfbuzzFace());
  return face && hb_ot_math_has_data(face);
}

namespace math {

MathFont::MathFont(const FontFile& file) : file_(file) {
  auto* face = static_cast<hb_face_t*>(file.harfbuzzFace());
  font_ = hb_font_create(face ? face : hb_face_get_empty());
  upem_ = static_cast<float>(std::max(1u, face ? hb_face_get_upem(face) : 1000u));
}

MathFont::~MathFont() { hb_font_destroy(font_); }

bool MathFont::hasMath() const { return hb_ot_math_has_data(hb_font_get_face(font_)); }

float MathFont::constant(hb_ot_math_constant_t c) const { return em(hb_ot_math_get_constant(font_, c)); }

std::uint16_t MathFont::glyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  if (!hb_font_get_nominal_glyph(font_, cp, &g)) return 0;
  return static_cast<std::uint16_t>(g);
}

float MathFont::advance(std::uint16_t g) const { return em(hb_font_get_glyph_h_advance(font_, g)); }

GlyphExtents MathFont::extents(std::uint16_t g) const {
  hb_glyph_extents_t e{};
  GlyphExtents out;
  if (!hb_font_get_glyph_extents(font_, g, &e)) return out;
  out.ascent = em(e.y_bearing);
  out.descent = -em(e.y_bearing + e.height);
  out.left = em(e.x_bearing);
  out.right = em(e.x_bearing + e.width);
  return out;
}

float MathFont::italicCorrection(std::uint16_t g) const { return em(hb_ot_math_get_glyph_italics_correction(font_, g)); }

float MathFont::topAccentAttachment(std::uint16_t g) const {
  return em(hb_ot_math_get_glyph_top_accent_attachment(font_, g));
}

std::uint16_t MathFont::variant(std::uint16_t g, float size, bool vertical) const {
  const hb_direction_t dir = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR;
  hb_ot_math_glyph_variant_t variants[32];
  unsigned count = 32;
  hb_ot_math_get_glyph_variants(font_, g, dir, 0, &count, variants);
  std::uint16_t best = g;
  for (unsigned k = 0; k < count; ++k) {
    best = static_cast<std::uint16_t>(variants[k].glyph);
    float length = em(variants[k].advance);
    if (vertical) {
      const GlyphExtents e = extents(best);
      length = std::max(length, e.ascent + e.descent);
    }
    if (length >= size) break;
  }
  return best;
}

std::vector<GlyphPiece> MathFont::assembly(std::uint16_t g, float size, bool vertical, int maxRepeat,
                                           float* length) const {
  const hb_direction_t dir = vertical ? HB_DIRECTION_BTT : HB_DIRECTION_LTR;
  hb_ot_math_glyph_part_t parts[16];
  unsigned count = 16;
  hb_ot_math_get_glyph_assembly(font_, g, dir, 0, &count, parts, nullptr);
  std::vector<GlyphPiece> out;
  if (count == 0) return out;
  const float minOverlap = em(hb_ot_math_get_min_connector_overlap(font_, dir));
  // The fewest repetitions of the extenders whose pieces, overlapping as little as allowed,
  // reach `size`; then the overlap is spread evenly so that the whole is `size` long.
  for (int repeat = 0; repeat <= maxRepeat; ++repeat) {
    std::vector<const hb_ot_math_glyph_part_t*> seq;
    for (unsigned k = 0; k < count; ++k) {
      const bool extender = parts[k].flags & HB_OT_MATH_GLYPH_PART_FLAG_EXTENDER;
      const int times = extender ? repeat : 1;
      for (int t = 0; t < times; ++t) seq.push_back(&parts[k]);
    }
    if (seq.empty()) continue;
    float total = 0;
    for (const auto* p : seq) total += em(p->full_advance);
    const float joints = static_cast<float>(seq.size() - 1);
    if (total - joints * minOverlap < size && repeat < maxRepeat) continue;
    float overlap = joints > 0 ? (total - size) / joints : 0;
    // No more overlap than the connectors of every joint allow, no less than the minimum.
    float maxOverlap = overlap;
    for (std::size_t k = 0; k + 1 < seq.size(); ++k)
      maxOverlap = std::min(maxOverlap, std::min(em(seq[k]->end_connector_length), em(seq[k + 1]->start_connector_length)));
    overlap = std::max(minOverlap, std::min(overlap, std::max(minOverlap, maxOverlap)));
    float at = 0;
    for (const auto* p : seq) {
      out.push_back({static_cast<std::uint16_t>(p->glyph), at});
      at += em(p->full_advance) - overlap;
    }
    *length = at + overlap;
    return out;
  }
  return out;
}

}  // namespace math
}  // namespace pp
