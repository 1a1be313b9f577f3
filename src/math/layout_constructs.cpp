// The layout of the larger constructs: scripts and limits, radicals, growing delimiters,
// accents, bars, text and tables.
#include <algorithm>
#include <string>

#include "math/layouter.h"
#include "postpress/support/text.h"

namespace pp::math {

Box Layouter::scripts(const Node& n, Style s, bool cramped) {
  const Node& baseNode = n.kids[0];
  Box base = layout(baseNode, s, cramped);
  const bool largeOp = baseNode.kind == Kind::Atom && baseNode.cls == AtomClass::Op;
  if (largeOp && baseNode.limits && s == Style::Display) return limits(n, base, s, cramped);
  const bool hasSub = !n.kids[1].kids.empty(), hasSup = !n.kids[2].kids.empty();
  const Style ss = smaller(s);
  Box sup, sub;
  if (hasSup) sup = layout(n.kids[2], ss, cramped);
  if (hasSub) sub = layout(n.kids[1], ss, true);
  // A box of one glyph keeps its scripts at the font's shifts; a taller construct pushes them
  // out from its top and bottom.
  const bool glyphBase = base.singleGlyph && !largeOp;
  float u = 0, v = 0;
  if (hasSup)
    u = std::max({glyphBase ? 0.0f : base.height - k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BASELINE_DROP_MAX, s),
                  k(cramped ? HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP_CRAMPED : HB_OT_MATH_CONSTANT_SUPERSCRIPT_SHIFT_UP, s),
                  sup.depth + k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MIN, s)});
  if (hasSub)
    v = std::max({glyphBase ? 0.0f : base.depth + k(HB_OT_MATH_CONSTANT_SUBSCRIPT_BASELINE_DROP_MIN, s),
                  k(HB_OT_MATH_CONSTANT_SUBSCRIPT_SHIFT_DOWN, s),
                  sub.height - k(HB_OT_MATH_CONSTANT_SUBSCRIPT_TOP_MAX, s)});
  if (hasSup && hasSub) {
    const float gap = (u - sup.depth) - (sub.height - v);
    const float minGap = k(HB_OT_MATH_CONSTANT_SUB_SUPERSCRIPT_GAP_MIN, s);
    if (gap < minGap) v += minGap - gap;
    const float lift = k(HB_OT_MATH_CONSTANT_SUPERSCRIPT_BOTTOM_MAX_WITH_SUBSCRIPT, s) - (u - sup.depth);
    if (lift > 0) {
      u += lift;
      v -= lift;
    }
  }
  Box b = base;
  // The italic correction moves the superscript out from a slanted letter or an integral's
  // top; an integral's subscript tucks under it.
  const float supX = base.width + (hasSub && largeOp ? 0 : base.italic);
  const float subX = base.width - (largeOp ? base.italic : 0);
  const float after = k(HB_OT_MATH_CONSTANT_SPACE_AFTER_SCRIPT, s);
  if (hasSup) {
    b.put(sup, supX, u);
    b.cover(sup, supX, u);
  }
  if (hasSub) {
    b.put(sub, subX, -v);
    b.cover(sub, subX, -v);
  }
  b.width += after;
  b.singleGlyph = false;
  b.italic = 0;
  b.accentAt = -1;
  return b;
}

Box Layouter::limits(const Node& n, const Box& base, Style s, bool cramped) {
  const bool hasSub = !n.kids[1].kids.empty(), hasSup = !n.kids[2].kids.empty();
  Box upper, lower;
  if (hasSup) upper = layout(n.kids[2], smaller(s), cramped);
  if (hasSub) lower = layout(n.kids[1], smaller(s), true);
  const float w = std::max({base.width, upper.width, lower.width});
  Box b;
  b.put(base, (w - base.width) / 2, 0);
  b.cover(base, (w - base.width) / 2, 0);
  if (hasSup) {
    const float y = base.height + std::max(k(HB_OT_MATH_CONSTANT_UPPER_LIMIT_BASELINE_RISE_MIN, s),
                                           k(HB_OT_MATH_CONSTANT_UPPER_LIMIT_GAP_MIN, s) + upper.depth);
    const float x = (w - upper.width) / 2 + base.italic / 2;
    b.put(upper, x, y);
    b.cover(upper, x, y);
  }
  if (hasSub) {
    const float y = base.depth + std::max(k(HB_OT_MATH_CONSTANT_LOWER_LIMIT_BASELINE_DROP_MIN, s),
                                          k(HB_OT_MATH_CONSTANT_LOWER_LIMIT_GAP_MIN, s) + lower.height);
    const float x = (w - lower.width) / 2 - base.italic / 2;
    b.put(lower, x, -y);
    b.cover(lower, x, -y);
  }
  b.width = std::max(b.width, w);
  return b;
}

Box Layouter::grown(char32_t c, float length, Style s, bool centre) {
  const float sz = size(s);
  std::string text;
  appendUtf8(text, c);
  const std::uint16_t g = f_.glyph(c);
  const std::uint16_t v = f_.variant(g, length / sz, true);
  const GlyphExtents e = f_.extents(v);
  Box b;
  float pieceLength = 0;
  std::vector<GlyphPiece> pieces;
  if ((e.ascent + e.descent) * sz < length) pieces = f_.assembly(g, length / sz, true, limits_.maxRepeat, &pieceLength);
  if (pieces.empty()) {
    b = glyphBox(v, sz, std::move(text), v == g);
  } else {
    // Pieces bottom to top, each with its ink's bottom where the assembly puts it.
    for (std::size_t i = 0; i < pieces.size(); ++i) {
      const GlyphExtents pe = f_.extents(pieces[i].glyph);
      Box piece = glyphBox(pieces[i].glyph, sz, i == 0 ? text : std::string(), false);
      const float y = (pieces[i].offset + pe.descent) * sz;
      b.put(piece, 0, y);
      b.width = std::max(b.width, piece.width);
    }
    b.height = pieceLength * sz;
    b.depth = 0;
  }
  if (!centre) return b;
  const float dy = axis(s) - (b.height - b.depth) / 2;
  Box out;
  out.put(b, 0, dy);
  out.cover(b, 0, dy);
  return out;
}

Box Layouter::root(const Node& n, Style s) {
  Box body = layout(n.kids[0], s, true);
  const float t = k(HB_OT_MATH_CONSTANT_RADICAL_RULE_THICKNESS, s);
  float gap = k(s == Style::Display ? HB_OT_MATH_CONSTANT_RADICAL_DISPLAY_STYLE_VERTICAL_GAP
                                    : HB_OT_MATH_CONSTANT_RADICAL_VERTICAL_GAP, s);
  const float target = body.height + body.depth + gap + t;
  Box rad = grown(U'√', target, s, false);
  const float total = rad.height + rad.depth;
  if (total > target) gap += (total - target) / 2;  // a taller sign: the body in its middle
  const float top = body.height + gap + t;
  const float dy = top - rad.height;
  float x = 0;
  Box b;
  if (n.kids.size() > 1) {
    Box index = layout(n.kids[1], Style::ScriptScript, false);
    const float before = k(HB_OT_MATH_CONSTANT_RADICAL_KERN_BEFORE_DEGREE, s);
    const float after = k(HB_OT_MATH_CONSTANT_RADICAL_KERN_AFTER_DEGREE, s);
    const float raise = f_.percent(HB_OT_MATH_CONSTANT_RADICAL_DEGREE_BOTTOM_RAISE_PERCENT) * total;
    const float iy = dy - rad.depth + raise + index.depth;
    b.put(index, before, iy);
    b.cover(index, before, iy);
    x = std::max(0.0f, before + index.width + after);
  }
  b.put(rad, x, dy);
  b.cover(rad, x, dy);
  x += rad.width;
  b.put(body, x, 0);
  b.cover(body, x, 0);
  b.rules.push_back({x, body.height + gap, body.width, t});
  b.width = x + body.width;
  b.height = std::max(b.height, top + k(HB_OT_MATH_CONSTANT_RADICAL_EXTRA_ASCENDER, s));
  return b;
}

Box Layouter::fenced(const Node& n, Style s, bool cramped) {
  Box body = layout(n.kids[0], s, cramped);
  const float a = axis(s);
  const float delta = std::max(body.height - a, body.depth + a);
  // TeX's \delimiterfactor (901) and \delimitershortfall (5pt at 10pt): delimiters cover
  // nearly all of what they enclose.
  const float length = std::max(2 * delta * 0.901f, 2 * delta - 0.5f * size(s));
  const float nullSpace = 0.12f * size(s);
  Box b;
  float x = 0;
  auto side = [&](char32_t c) {
    if (!c) {
      x += nullSpace;
      return;
    }
    Box d = grown(c, length, s, true);
    b.put(d, x, 0);
    b.cover(d, x, 0);
    x += d.width;
  };
  side(n.open);
  b.put(body, x, 0);
  b.cover(body, x, 0);
  x += body.width;
  side(n.close);
  b.width = x;
  return b;
}

Box Layouter::accent(const Node& n, Style s, bool cramped) {
  Box base = layout(n.kids[0], s, true);
  (void)cramped;
  const float sz = size(s);
  std::uint16_t g = f_.glyph(n.accent);
  if (!g) return base;
  if (n.stretchAccent) g = f_.variant(g, base.width / sz, false);
  const GlyphExtents e = f_.extents(g);
  Box acc = glyphBox(g, sz, std::string(), false);
  // The accent's ink centre over the base's attachment point (the font's, for a letter).
  const float attach = base.accentAt >= 0 ? base.accentAt : base.width / 2;
  const float dx = attach - (e.left + e.right) / 2 * sz;
  // Marks are drawn for letters of x-height: over a taller base they move up by the difference.
  const float dy = std::max(0.0f, base.height - k(HB_OT_MATH_CONSTANT_ACCENT_BASE_HEIGHT, s));
  Box b = base;
  b.put(acc, dx, dy);
  b.height = std::max(base.height, dy + e.ascent * sz);
  b.singleGlyph = false;
  b.accentAt = -1;
  return b;
}

Box Layouter::over(const Node& n, Style s, bool cramped) {
  Box body = layout(n.kids[0], s, cramped || !n.under);
  Box b = body;
  if (!n.under) {
    const float gap = k(HB_OT_MATH_CONSTANT_OVERBAR_VERTICAL_GAP, s), t = k(HB_OT_MATH_CONSTANT_OVERBAR_RULE_THICKNESS, s);
    b.rules.push_back({0, body.height + gap, body.width, t});
    b.height = body.height + gap + t + k(HB_OT_MATH_CONSTANT_OVERBAR_EXTRA_ASCENDER, s);
  } else {
    const float gap = k(HB_OT_MATH_CONSTANT_UNDERBAR_VERTICAL_GAP, s), t = k(HB_OT_MATH_CONSTANT_UNDERBAR_RULE_THICKNESS, s);
    b.rules.push_back({0, -(body.depth + gap + t), body.width, t});
    b.depth = body.depth + gap + t + k(HB_OT_MATH_CONSTANT_UNDERBAR_EXTRA_DESCENDER, s);
  }
  b.singleGlyph = false;
  return b;
}

namespace {

// Shaped words as glyphs of `face`, from x = 0 on the baseline; returns their advance. The
// first glyph of a cluster stands for its characters.
float placeShaped(const ShapedText& shaped, const std::u32string& t, float sz, MathGlyph::Face face, Box& b) {
  float x = 0;
  for (std::size_t i = 0; i < shaped.glyphs.size(); ++i) {
    const ShapedGlyph& sg = shaped.glyphs[i];
    const std::size_t end = i + 1 < shaped.glyphs.size() ? shaped.glyphs[i + 1].cluster : t.size();
    MathGlyph mg;
    mg.face = face;
    if (i == 0 || sg.cluster != shaped.glyphs[i - 1].cluster)
      for (std::size_t c = sg.cluster; c < end && c < t.size(); ++c) appendUtf8(mg.text, t[c]);
    mg.glyph = sg.glyph;
    mg.x = x + sg.dx * sz / 1000.0f;
    mg.y = sg.dy * sz / 1000.0f;
    mg.size = sz;
    mg.advance = sg.advance * sz / 1000.0f;
    mg.nominal = !sg.substituted;
    b.glyphs.push_back(std::move(mg));
    x += sg.advance * sz / 1000.0f;
  }
  return x;
}

}  // namespace

bool Layouter::textInBodyFace(const std::u32string& t, Variant v, float sz, Box& b) const {
  const FontFile* face = v == Variant::Bold ? textFaces_.bold : v == Variant::Italic ? textFaces_.italic : textFaces_.regular;
  if (!face) return false;
  const ShapedText shaped = face->shape(t, TextDirection::LeftToRight);
  for (const ShapedGlyph& sg : shaped.glyphs)
    if (sg.glyph == 0) return false;
  const MathGlyph::Face which = v == Variant::Bold     ? MathGlyph::Face::TextBold
                                : v == Variant::Italic ? MathGlyph::Face::TextItalic
                                                       : MathGlyph::Face::Text;
  b.width = placeShaped(shaped, t, sz, which, b);
  // The face's own line height, not each glyph's ink: the words sit on the baseline as in text.
  b.height = face->ascent() * sz;
  b.depth = face->descent() * sz;
  return true;
}

Box Layouter::text(const std::u32string& t, Variant v, Style s) {
  const float sz = size(s);
  Box b;
  if (textInBodyFace(t, v, sz, b)) return b;
  b.width = placeShaped(f_.shape(t), t, sz, MathGlyph::Face::Math, b);
  for (const MathGlyph& g : b.glyphs) {
    const GlyphExtents e = f_.extents(g.glyph);
    b.height = std::max(b.height, e.ascent * sz);
    b.depth = std::max(b.depth, e.descent * sz);
  }
  return b;
}

Box Layouter::table(const Node& n, Style s) {
  const std::size_t cols = static_cast<std::size_t>(std::max(1, n.columns));
  const std::size_t rows = n.kids.size() / cols;
  const bool aligned = n.table == TableKind::Aligned;
  const Style cellStyle = isScript(s) ? s : aligned ? Style::Display : Style::Text;
  const float em = size(s);
  std::vector<Box> cells;
  cells.reserve(n.kids.size());
  for (std::size_t i = 0; i < n.kids.size(); ++i) {
    const bool rightHalf = aligned && (i % cols) % 2 == 1;
    const Node& cell = n.kids[i];
    cells.push_back(cell.kind == Kind::Row ? row(cell.kids, cellStyle, false, rightHalf) : layout(cell, cellStyle, false));
  }
  // Rows at least a strut apart (TeX's array strut: 0.7 and 0.3 of a 1.2 em baseline skip);
  // aligned equations a \jot more.
  std::vector<float> colW(cols, 0), rowH(rows, 0.84f * em), rowD(rows, 0.36f * em);
  for (std::size_t r = 0; r < rows; ++r)
    for (std::size_t c = 0; c < cols; ++c) {
      const Box& b = cells[r * cols + c];
      colW[c] = std::max(colW[c], b.width);
      rowH[r] = std::max(rowH[r], b.height);
      rowD[r] = std::max(rowD[r], b.depth);
    }
  const float rowGap = aligned ? 0.3f * em : 0.0f;
  auto colGap = [&](std::size_t c) {  // before column c
    if (c == 0) return 0.0f;
    if (aligned) return c % 2 ? 0.0f : 2.0f * em;
    return 1.0f * em;
  };
  float total = 0;
  for (std::size_t r = 0; r < rows; ++r) total += rowH[r] + rowD[r] + (r ? rowGap : 0);
  Box b;
  float top = axis(s) + total / 2;
  for (std::size_t r = 0; r < rows; ++r) {
    const float baseline = top - rowH[r];
    float x = 0;
    for (std::size_t c = 0; c < cols; ++c) {
      x += colGap(c);
      const Box& cell = cells[r * cols + c];
      float dx = (colW[c] - cell.width) / 2;
      if (n.table == TableKind::Cases || (aligned && c % 2 == 1)) dx = 0;
      if (aligned && c % 2 == 0) dx = colW[c] - cell.width;
      b.put(cell, x + dx, baseline);
      x += colW[c];
    }
    b.width = std::max(b.width, x);
    top = baseline - rowD[r] - rowGap;
  }
  b.height = axis(s) + total / 2;
  b.depth = total / 2 - axis(s);
  return b;
}

}  // namespace pp::math
