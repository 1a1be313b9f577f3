// Formulas in the typeset text (src/math lays them out): inline math as one unbreakable box
// of the line, display math as a centred block; both drawn as runs of the math face's glyphs
// (by id, with the characters they stand for, so the PDF's text extracts) and rules.
#pragma once

#include <optional>
#include <string_view>

#include "postpress/math.h"
#include "typeset/context.h"
#include "typeset/fragment.h"

namespace pp::typeset {

// The face formulas are set in: the style's "math" family when it has a MATH table; -1 when
// it has none (formulas are then printed as their TeX).
int mathFace(Context& ctx);
// The face a formula's glyph is of: the math face, or the body's "text" face for \text words.
int textFace(Context& ctx, MathGlyph::Face face);

// A formula laid out at `size` pt; nullopt when it cannot be set (no math face, the TeX
// unreadable: the markdown stage's check has already warned about that).
std::optional<MathBox> setFormula(Context& ctx, std::string_view tex, float size, bool display);

// A formula laid out to fit `width`: at `size`, else smaller down to `minScale` of it; nullopt
// when it cannot be set, or does not fit even then (the TeX is printed instead, breakable, with
// a math-too-wide warning at `pos`), or is taller than half the text block (math-too-tall).
std::optional<MathBox> fitFormula(Context& ctx, std::string_view tex, float size, bool display, float width,
                                  float minScale, SourcePos pos);

// Draws a laid-out formula into `out`, its origin at (x, baseline).
// A formula set in a line cut at its breaks (MathBox::breaks): the pieces, each from x 0, and
// the space that stood between each piece and the next.
std::vector<MathBox> piecesOf(const MathBox& box, std::vector<float>& spaces);

void drawFormula(Context& ctx, const MathBox& box, int face, float x, float baseline, Color color, Fragment& out);

}  // namespace pp::typeset
