// Runs get their glyphs: each run's text shaped in its font and direction (FontFile::shaped,
// cached per word), its width the shaped advance.
#pragma once

#include <vector>

#include "typeset/context.h"

namespace pp::typeset {

// A run with spaceAfter ends with the font's space glyph (TextRun::spaceAfter).
void shapeRun(Context& ctx, TextRun& run);
// Makes a shaped run read on with a word space (the last run of a line drawn on its own).
void addWordSpace(Context& ctx, TextRun& run);
// Shapes the runs that have no glyphs yet.
void shapeRuns(Context& ctx, std::vector<TextRun>& runs);

}  // namespace pp::typeset
