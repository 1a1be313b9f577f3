// Runs get their glyphs: each run's text shaped in its font and direction (FontFile::shaped,
// cached per word), its width the shaped advance.
#pragma once

#include <vector>

#include "typeset/context.h"

namespace pp::typeset {

// A run with spaceAfter ends with the font's space glyph (TextRun::spaceAfter).
void shapeRun(Context& ctx, TextRun& run);
// The same with `measured`, the shape of the run's whole text in its font (Item::shaped), when
// it was shaped in the run's direction; false (and nothing done) otherwise.
bool shapeRunAs(Context& ctx, TextRun& run, const ShapedText* measured);
// Makes a shaped run read on with a word space (the last run of a line drawn on its own).
void addWordSpace(Context& ctx, TextRun& run);
// Shapes the runs that have no glyphs yet.
void shapeRuns(Context& ctx, std::vector<TextRun>& runs);
// Makes `run`, the number of a list item or a note in right-to-left text, a label set right
// to left (TextRun::rtlLabel) and shapes it so: its characters placed as the bidi algorithm
// places them in a right-to-left paragraph, "12." drawn ".12" (the digits left to right, the
// full stop on the side of the text), as browsers draw the markers of the EPUB's lists.
void setRightToLeftLabel(Context& ctx, TextRun& run);

}  // namespace pp::typeset
