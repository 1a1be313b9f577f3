#include "typeset/shape_runs.h"

#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

// The font's space glyph after the run's glyphs in reading order, drawn where it shows
// nothing and moves nothing: at the end of a left-to-right run, or, right to left, just left
// of the run (its first glyph in visual order, advancing nothing) so that the word's own
// glyphs stay where shaping put them. Its cluster is the text's length: it stands for the
// space after the text. A font without a space glyph gets none.
void addSpaceGlyph(FontFile& font, TextRun& run, std::size_t chars) {
  const ShapedText& space = font.shaped(U" ", TextDirection::LeftToRight);
  // (Letter spacing would move a right-to-left word by the space's Tc: none there.)
  if (space.glyphs.size() != 1 || space.glyphs[0].glyph == 0 || (run.rtl && run.charSpacing != 0)) {
    run.spaceAfter = false;
    return;
  }
  ShapedGlyph g = space.glyphs[0];
  g.cluster = static_cast<std::uint32_t>(chars);
  g.substituted = false;
  g.dx = g.dy = 0;
  if (run.rtl) {
    g.dx = -g.advance;
    g.advance = 0;
    run.glyphs.insert(run.glyphs.begin(), g);
  } else {
    run.glyphs.push_back(g);
  }
}

}  // namespace

void shapeRun(Context& ctx, TextRun& run) {
  std::u32string text;
  text.reserve(run.text.size());
  for (std::size_t i = 0; i < run.text.size();) text.push_back(nextCodepoint(run.text, i));
  // The shaping the word was measured with (direction from its script), unless the bidi
  // level asks for the other direction (a neutral in right-to-left text: mirrored brackets).
  FontFile& font = ctx.fonts.file(run.font);
  const ShapedText* shaped = &font.shaped(text);
  if (shaped->rtl != run.rtl)
    shaped = &font.shaped(text, run.rtl ? TextDirection::RightToLeft : TextDirection::LeftToRight);
  const ShapedText& s = *shaped;
  run.glyphs = s.glyphs;
  run.colorGlyphs = font.hasColorBitmaps();
  run.width = s.advance * run.size / 1000.0f + run.charSpacing * static_cast<float>(s.glyphs.size());
  if (run.spaceAfter) addSpaceGlyph(font, run, text.size());
}

void addWordSpace(Context& ctx, TextRun& run) {
  if (run.spaceAfter || run.glyphs.empty()) return;
  run.spaceAfter = true;
  std::size_t chars = 0;
  for (std::size_t i = 0; i < run.text.size(); ++chars) nextCodepoint(run.text, i);
  addSpaceGlyph(ctx.fonts.file(run.font), run, chars);
}

void shapeRuns(Context& ctx, std::vector<TextRun>& runs) {
  for (TextRun& r : runs)
    if (r.glyphs.empty() && !r.text.empty()) shapeRun(ctx, r);
}

}  // namespace pp::typeset
