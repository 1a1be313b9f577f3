// The layout: TeX's rules for math (The TeXbook, appendix G) with the parameters of the
// font's MATH table instead of TeX's font dimensions, as the OpenType MATH specification
// describes them. Lengths in pt; y up.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>

#include "math/layouter.h"
#include "math/symbols.h"
#include "postpress/support/text.h"

namespace pp {

namespace math {
namespace {

// TeX's spaces between atoms (The TeXbook, chapter 18), in mu: negative for the spaces left
// out in script styles.
int spacing(AtomClass left, AtomClass right) {
  static constexpr int kTable[8][8] = {
      //        Ord Op Bin Rel Open Close Punct Inner
      /*Ord*/ {0, 3, -4, -5, 0, 0, 0, -3},
      /*Op*/ {3, 3, 0, -5, 0, 0, 0, -3},
      /*Bin*/ {-4, -4, 0, 0, -4, 0, 0, -4},
      /*Rel*/ {-5, -5, 0, 0, -5, 0, 0, -5},
      /*Open*/ {0, 0, 0, 0, 0, 0, 0, 0},
      /*Close*/ {0, 3, -4, -5, 0, 0, 0, -3},
      /*Punct*/ {-3, -3, 0, -3, -3, -3, -3, -3},
      /*Inner*/ {-3, 3, -4, -5, -3, 0, -3, -3},
  };
  return kTable[static_cast<int>(left)][static_cast<int>(right)];
}

}  // namespace

Box Layouter::layout(const Node& n, Style s, bool cramped) {
  switch (n.kind) {
    case Kind::Atom: return atom(n, s);
    case Kind::Row: return row(n.kids, s, cramped, false);
    case Kind::Frac: return fraction(n, s, cramped);
    case Kind::Root: return root(n, s);
    case Kind::Scripts: return scripts(n, s, cramped);
    case Kind::Fenced: return fenced(n, s, cramped);
    case Kind::Accent: return accent(n, s, cramped);
    case Kind::Text: return text(n.text, n.variant, s);
    case Kind::Space: {
      Box b;
      b.width = n.mu / 18.0f * size(s);
      return b;
    }
    case Kind::Table: return table(n, s);
    case Kind::Over: return over(n, s, cramped);
  }
  return {};
}

float Layouter::size(Style s) const {
  if (s == Style::Script) return base_ * f_.percent(HB_OT_MATH_CONSTANT_SCRIPT_PERCENT_SCALE_DOWN);
  if (s == Style::ScriptScript) return base_ * f_.percent(HB_OT_MATH_CONSTANT_SCRIPT_SCRIPT_PERCENT_SCALE_DOWN);
  return base_;
}

// One glyph as a box; `text` what it stands for.
Box Layouter::glyphBox(std::uint16_t g, float sz, std::string text, bool nominal) {
  Box b;
  const GlyphExtents e = f_.extents(g);
  b.width = f_.advance(g) * sz;
  b.height = e.ascent * sz;
  b.depth = e.descent * sz;
  b.italic = f_.italicCorrection(g) * sz;
  b.accentAt = f_.topAccentAttachment(g) * sz;
  b.singleGlyph = true;
  MathGlyph mg;
  mg.glyph = g;
  mg.size = sz;
  mg.advance = b.width;
  mg.text = std::move(text);
  mg.nominal = nominal;
  b.glyphs.push_back(std::move(mg));
  return b;
}

// The characters of an atom, each in its variant's letter.
Box Layouter::atom(const Node& n, Style s) {
  const float sz = size(s);
  if (n.cls == AtomClass::Op && n.largeOp && n.text.size() == 1) return largeOperator(n, s);
  if (n.bigSize > 0 && n.text.size() == 1) return grown(n.text[0], n.bigSize * sz, s, true);
  Box row;
  for (char32_t c : n.text) {
    const Variant v = n.cls == AtomClass::Op ? Variant::Normal : n.variant;
    const char32_t drawn = styledChar(c, v);
    // What the glyph reads as: the letter itself (an italic x is an x), except where the
    // style makes another symbol (a double-struck R is the set of reals).
    const bool distinct = v == Variant::Calligraphic || v == Variant::Blackboard || v == Variant::Fraktur;
    std::string text;
    appendUtf8(text, distinct ? drawn : c);
    std::uint16_t g = f_.glyph(drawn);
    if (!g) g = f_.glyph(c);
    Box b = glyphBox(g, sz, std::move(text), true);
    if (n.text.size() == 1) return b;
    row.put(b, row.width, 0);
    row.cover(b, row.width, 0);
    row.italic = b.italic;
  }
  return row;
}

// \sum, \int: larger in display style, centred on the math axis.
Box Layouter::largeOperator(const Node& n, Style s) {
  const float sz = size(s);
  std::uint16_t g = f_.glyph(n.text[0]);
  bool nominal = true;
  if (s == Style::Display) {
    const std::uint16_t big = f_.variant(g, f_.constant(HB_OT_MATH_CONSTANT_DISPLAY_OPERATOR_MIN_HEIGHT), true);
    nominal = big == g;
    g = big;
  }
  std::string text;
  appendUtf8(text, n.text[0]);
  Box glyph = glyphBox(g, sz, std::move(text), nominal);
  const float shift = (glyph.height - glyph.depth) / 2 - axis(s);
  Box b;
  b.put(glyph, 0, -shift);
  b.cover(glyph, 0, -shift);
  b.italic = glyph.italic;
  b.singleGlyph = true;
  return b;
}

Box Layouter::row(const std::vector<Node>& kids, Style s, bool cramped, bool afterOrd) {
  Box out;
  int prev = afterOrd ? static_cast<int>(AtomClass::Ord) : -1;
  std::vector<MathBox::Break>* const breaks = std::exchange(breaks_, nullptr);  // this row's only
  float breakAt = -1;  // the end of a relation or binary operator a line may break after
  for (std::size_t i = 0; i < kids.size(); ++i) {
    const Node& kid = kids[i];
    Box b = layout(kid, s, cramped);
    AtomClass cls = AtomClass::Ord;
    if (kid.kind != Kind::Space) {
      cls = classOf(kid);
      if (cls == AtomClass::Bin) {
        // A binary operator with nothing to operate on is an ordinary symbol (a sign).
        const bool leftOk = prev >= 0 && prev != static_cast<int>(AtomClass::Bin) && prev != static_cast<int>(AtomClass::Op) &&
                            prev != static_cast<int>(AtomClass::Rel) && prev != static_cast<int>(AtomClass::Open) &&
                            prev != static_cast<int>(AtomClass::Punct);
        AtomClass next = AtomClass::Close;
        for (std::size_t j = i + 1; j < kids.size(); ++j)
          if (kids[j].kind != Kind::Space) {
            next = classOf(kids[j]);
            break;
          }
        const bool rightOk = next != AtomClass::Rel && next != AtomClass::Close && next != AtomClass::Punct && i + 1 < kids.size();
        if (!leftOk || !rightOk) cls = AtomClass::Ord;
      }
      if (prev >= 0) {
        const int mu = spacing(static_cast<AtomClass>(prev), cls);
        if (mu > 0 || (mu < 0 && !isScript(s))) out.width += static_cast<float>(std::abs(mu)) / 18.0f * size(s);
      }
      if (breaks && breakAt >= 0 && !(prev == static_cast<int>(AtomClass::Rel) && cls == AtomClass::Rel))
        breaks->push_back({breakAt, out.width});
      breakAt = -1;
      prev = static_cast<int>(cls);
    }
    const float x = out.width;
    out.put(b, x, 0);
    out.cover(b, x, 0);
    out.width = x + b.width;
    out.italic = b.italic;
    if (kid.kind != Kind::Space && (cls == AtomClass::Rel || cls == AtomClass::Bin)) breakAt = out.width;
    if (kids.size() == 1) {
      out.accentAt = b.accentAt >= 0 ? x + b.accentAt : -1;
      out.singleGlyph = b.singleGlyph;
    }
  }
  return out;
}

AtomClass Layouter::classOf(const Node& n) {
  switch (n.kind) {
    case Kind::Atom: return n.cls;
    case Kind::Scripts: return classOf(n.kids[0]);
    case Kind::Frac:
    case Kind::Fenced: return AtomClass::Inner;
    case Kind::Row: return n.kids.size() == 1 ? classOf(n.kids[0]) : AtomClass::Ord;
    default: return AtomClass::Ord;
  }
}

Box Layouter::fraction(const Node& n, Style s, bool cramped) {
  if (n.style == StyleOverride::Display) s = Style::Display;
  if (n.style == StyleOverride::Text && s == Style::Display) s = Style::Text;
  const bool display = s == Style::Display;
  const Style inner = display ? Style::Text : smaller(s);
  Box num = layout(n.kids[0], inner, cramped);
  Box den = layout(n.kids[1], inner, true);
  const float a = axis(s);
  float u, v;
  if (n.bar) {
    const float t = k(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS, s);
    u = k(display ? HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_DISPLAY_STYLE_SHIFT_UP : HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_SHIFT_UP, s);
    v = k(display ? HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_DISPLAY_STYLE_SHIFT_DOWN : HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_SHIFT_DOWN, s);
    const float numGap = k(display ? HB_OT_MATH_CONSTANT_FRACTION_NUM_DISPLAY_STYLE_GAP_MIN : HB_OT_MATH_CONSTANT_FRACTION_NUMERATOR_GAP_MIN, s);
    const float denGap = k(display ? HB_OT_MATH_CONSTANT_FRACTION_DENOM_DISPLAY_STYLE_GAP_MIN : HB_OT_MATH_CONSTANT_FRACTION_DENOMINATOR_GAP_MIN, s);
    u = std::max(u, numGap + a + t / 2 + num.depth);
    v = std::max(v, denGap + den.height - a + t / 2);
  } else {
    u = k(display ? HB_OT_MATH_CONSTANT_STACK_TOP_DISPLAY_STYLE_SHIFT_UP : HB_OT_MATH_CONSTANT_STACK_TOP_SHIFT_UP, s);
    v = k(display ? HB_OT_MATH_CONSTANT_STACK_BOTTOM_DISPLAY_STYLE_SHIFT_DOWN : HB_OT_MATH_CONSTANT_STACK_BOTTOM_SHIFT_DOWN, s);
    const float gap = k(display ? HB_OT_MATH_CONSTANT_STACK_DISPLAY_STYLE_GAP_MIN : HB_OT_MATH_CONSTANT_STACK_GAP_MIN, s);
    const float have = (u - num.depth) - (den.height - v);
    if (have < gap) {
      u += (gap - have) / 2;
      v += (gap - have) / 2;
    }
  }
  // TeX's \nulldelimiterspace on either side keeps the bar off its neighbours.
  const float pad = 0.12f * size(s);
  const float w = std::max(num.width, den.width) + 2 * pad;
  Box b;
  b.width = w;
  b.put(num, (w - num.width) / 2, u);
  b.cover(num, (w - num.width) / 2, u);
  b.put(den, (w - den.width) / 2, -v);
  b.cover(den, (w - den.width) / 2, -v);
  b.width = w;
  if (n.bar) {
    const float t = k(HB_OT_MATH_CONSTANT_FRACTION_RULE_THICKNESS, s);
    b.rules.push_back({pad * 0.5f, a - t / 2, w - pad, t});
  }
  return b;
}


}  // namespace math

MathBox layoutMath(const ParsedMath& formula, const FontFile& font, float size, bool display, const MathLimits& limits,
                   const MathTextFaces& textFaces) {
  MathBox out;
  if (!formula.root) return out;
  const math::MathFont mf(font);
  if (!mf.hasMath()) return out;
  math::Layouter l(mf, size, limits, textFaces);
  if (!display && formula.root->kind == math::Kind::Row) l.recordBreaks(&out.breaks);
  math::Box b = l.layout(*formula.root, display ? math::Style::Display : math::Style::Text, false);
  out.width = b.width;
  out.ascent = b.height;
  out.descent = b.depth;
  out.glyphs = std::move(b.glyphs);
  out.rules = std::move(b.rules);
  return out;
}

}  // namespace pp
