#include "typeset/shape_runs.h"

#include "postpress/support/text.h"

namespace pp::typeset {

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
  run.width = s.advance * run.size / 1000.0f + run.charSpacing * static_cast<float>(s.glyphs.size());
}

void shapeRuns(Context& ctx, std::vector<TextRun>& runs) {
  for (TextRun& r : runs)
    if (r.glyphs.empty() && !r.text.empty()) shapeRun(ctx, r);
}

}  // namespace pp::typeset
