#include "typeset/math_items.h"

#include <algorithm>

#include "typeset/flow.h"
#include "typeset/structure_nodes.h"

namespace pp::typeset {

int mathFace(Context& ctx) {
  const int face = ctx.fonts.face("math", false, false);
  if (face < 0 || !hasMathTable(ctx.fonts.file(face))) return -1;
  return face;
}

int textFace(Context& ctx, MathGlyph::Face face) {
  if (face == MathGlyph::Face::Math) return mathFace(ctx);
  return ctx.fonts.face("text", face == MathGlyph::Face::TextBold, face == MathGlyph::Face::TextItalic);
}

std::optional<MathBox> setFormula(Context& ctx, std::string_view tex, float size, bool display) {
  const int face = mathFace(ctx);
  if (face < 0) {
    // A style of its own that names no math face (or one without a MATH table).
    ctx.diags.reportOnce("math-no-font", {Severity::Warning, {}, "math-no-font",
                                          "the style's 'math' font has no OpenType MATH table: formulas are printed as TeX"});
    return std::nullopt;
  }
  const ParsedMath parsed = parseMath(tex);
  if (!parsed.ok()) return std::nullopt;
  // \text words in the body's roman, bold and italic faces.
  MathTextFaces words;
  const FontFile** slots[] = {&words.regular, &words.bold, &words.italic};
  for (int k = 0; k < 3; ++k)
    if (const int id = textFace(ctx, static_cast<MathGlyph::Face>(k + 1)); id >= 0) *slots[k] = &ctx.fonts.file(id);
  MathBox box = layoutMath(parsed, ctx.fonts.file(face), size, display, {}, words);
  if (box.glyphs.empty() && box.rules.empty()) return std::nullopt;
  return box;
}

std::optional<MathBox> fitFormula(Context& ctx, std::string_view tex, float size, bool display, float width,
                                  float minScale, SourcePos pos) {
  std::optional<MathBox> box = setFormula(ctx, tex, size, display);
  if (!box) return box;
  // Nor across pages: one taller than half the text block (a delimiter grown over hundreds of
  // rows) is its TeX too.
  if (box->ascent + box->descent > ctx.style.textHeight() / 2) {
    const SourceLoc at = ctx.locate(pos);
    ctx.diags.reportOnce("math-too-tall:" + at.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.col),
                         {Severity::Warning, at, "math-too-tall", "formula taller than half a page printed as TeX source"});
    return std::nullopt;
  }
  // A formula that breaks need only fit the column piece by piece.
  float widest = 0, start = 0;
  for (const MathBox::Break& b : box->breaks) {
    widest = std::max(widest, b.at - start);
    start = b.resume;
  }
  widest = std::max(widest, box->width - start);
  if (widest <= width) return box;
  if (widest * minScale <= width) return setFormula(ctx, tex, size * width / widest, display);
  // One with a piece too wide for the column at any readable size is its TeX, which breaks
  // like code.
  const SourceLoc at = ctx.locate(pos);
  ctx.diags.reportOnce("math-too-wide:" + at.path + ":" + std::to_string(at.line) + ":" + std::to_string(at.col),
                       {Severity::Warning, at, "math-too-wide", "formula wider than the column printed as TeX source"});
  return std::nullopt;
}

std::vector<MathBox> piecesOf(const MathBox& box, std::vector<float>& spaces) {
  std::vector<MathBox> pieces;
  spaces.clear();
  float start = 0;
  for (std::size_t k = 0; k <= box.breaks.size(); ++k) {
    const float end = k < box.breaks.size() ? box.breaks[k].at : box.width;
    const float next = k < box.breaks.size() ? box.breaks[k].resume : box.width + 1;
    MathBox piece;
    piece.width = end - start;
    piece.ascent = box.ascent;
    piece.descent = box.descent;
    // What the outermost row placed between start and the next piece's start (a script or
    // an italic overhang may reach past `end`).
    for (const MathGlyph& g : box.glyphs)
      if (g.x >= start - 0.01f && g.x < next - 0.01f) {
        piece.glyphs.push_back(g);
        piece.glyphs.back().x -= start;
      }
    for (const MathRule& r : box.rules)
      if (r.x >= start - 0.01f && r.x < next - 0.01f) {
        piece.rules.push_back(r);
        piece.rules.back().x -= start;
      }
    pieces.push_back(std::move(piece));
    if (k < box.breaks.size()) spaces.push_back(next - end);
    start = next;
  }
  return pieces;
}

void drawFormula(Context& ctx, const MathBox& box, int face, float x, float baseline, Color color, Fragment& out) {
  TextRun* run = nullptr;
  float runPen = 0;  // where the run's pen stands after its glyphs, pt from its start
  for (const MathGlyph& g : box.glyphs) {
    const int glyphFace = g.face == MathGlyph::Face::Math ? face : textFace(ctx, g.face);
    if (glyphFace < 0) continue;
    FontFile& font = ctx.fonts.file(glyphFace);
    ShapedGlyph sg;
    sg.glyph = g.glyph;
    sg.width = font.declaredWidth(g.glyph);
    sg.substituted = !g.nominal;
    // A piece of a grown delimiter or an accent stands for nothing of its own: it joins the
    // run of the glyph before it (same size), placed by offsets, so that the PDF gives the
    // formula's text back once.
    if (g.text.empty() && run && run->size == g.size && run->font == glyphFace) {
      sg.cluster = 0;
      sg.dx = (x + g.x - run->x - runPen) * 1000.0f / run->size;
      sg.dy = (baseline - g.y - run->y) * -1000.0f / run->size;
      sg.advance = 0;
      run->glyphs.push_back(sg);
      continue;
    }
    TextRun r = textRunAt(glyphFace, g.size, x + g.x, baseline - g.y, color);
    r.width = g.advance;
    r.text = g.text.empty() ? std::string("\u200B") : g.text;
    sg.advance = g.advance * 1000.0f / g.size;
    r.glyphs.push_back(sg);
    out.runs.push_back(std::move(r));
    run = &out.runs.back();
    runPen = g.advance;
  }
  for (const MathRule& r : box.rules) {
    FillRect f;
    f.x = x + r.x;
    f.y = baseline - r.y - r.height;
    f.width = r.width;
    f.height = r.height;
    f.fillColor = color;
    out.rects.push_back(f);
  }
}

void Flow::mathBlock(const Block& b) {
  const TextStyle& body = region_.body;
  const int face = mathFace(ctx_);
  // A formula wider than the column is set smaller, down to three quarters of the text size.
  std::optional<MathBox> box = fitFormula(ctx_, b.text, body.size, true, region_.width, 0.75f, b.pos);
  if (!box) {
    codeBlock(b);  // as its TeX source
    return;
  }
  // A Formula whose Alt is the TeX (tagged PDF); its glyphs are its content, its rules artifacts.
  const OpenNode node(ctx_.nodes, StructNode(StructType::Formula, b.text));
  const Style& st = ctx_.style;
  space(st.blockSpacing);
  Fragment f;
  const float x = std::max(0.0f, (region_.width - box->width) / 2);
  drawFormula(ctx_, *box, face, x, box->ascent, body.color, f);
  content(std::move(f), box->ascent + box->descent, box->ascent, region_.left);
  afterParagraph_ = false;
  space(st.blockSpacing);
}

}  // namespace pp::typeset
