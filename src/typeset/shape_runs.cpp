#include "typeset/shape_runs.h"

#include "postpress/support/text.h"
#include "typeset/bidi.h"

namespace pp::typeset {

namespace {

// The font's space glyph after the run's glyphs in reading order, drawn where it shows
// nothing and moves nothing: at the end of a left-to-right run, or, right to left, just left
// of the run (its first glyph in visual order, advancing nothing) so that the word's own
// glyphs stay where shaping put them. Its cluster is the text's length: it stands for the
// space after the text. A font without a space glyph gets none.
void addSpaceGlyph(FontFile& font, TextRun& run, std::size_t chars) {
  const ShapedText& space = font.shapedSpace();
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

// A label's text as a right-to-left paragraph of its own: each run of one bidi level shaped in
// its direction, the runs in visual order, clusters counted in the whole text.
ShapedText shapeRightToLeftLabel(FontFile& font, std::u32string_view text) {
  const std::vector<std::uint8_t> levels = characterLevels(text, true);
  std::vector<std::size_t> starts;  // of the runs of one level
  std::vector<std::uint8_t> runLevels;
  for (std::size_t i = 0; i < text.size(); ++i)
    if (i == 0 || levels[i] != levels[i - 1]) {
      starts.push_back(i);
      runLevels.push_back(levels[i]);
    }
  ShapedText out;
  out.rtl = true;
  for (const std::size_t r : visualOrder(runLevels)) {
    const std::size_t from = starts[r], to = r + 1 < starts.size() ? starts[r + 1] : text.size();
    const ShapedText& piece = font.shaped(text.substr(from, to - from),
                                          runLevels[r] % 2 ? TextDirection::RightToLeft : TextDirection::LeftToRight);
    for (ShapedGlyph g : piece.glyphs) {
      g.cluster += static_cast<std::uint32_t>(from);
      out.glyphs.push_back(g);
    }
    out.advance += piece.advance;
  }
  return out;
}

// `run` drawn with `s`, the shape of its `chars` code points, and the space glyph after them
// when a word space follows.
void takeShape(FontFile& font, TextRun& run, const ShapedText& s, std::size_t chars) {
  run.glyphs.reserve(s.glyphs.size() + (run.spaceAfter ? 1 : 0));
  run.glyphs.assign(s.glyphs.begin(), s.glyphs.end());
  run.colorGlyphs = font.hasColorBitmaps();
  run.width = s.advance * run.size / 1000.0f + run.charSpacing * static_cast<float>(s.glyphs.size());
  if (run.spaceAfter) addSpaceGlyph(font, run, chars);
}

}  // namespace

void shapeRun(Context& ctx, TextRun& run) {
  std::u32string text;
  text.reserve(run.text.size());
  for (std::size_t i = 0; i < run.text.size();) text.push_back(nextCodepoint(run.text, i));
  // The shaping the word was measured with (direction from its script), unless the bidi
  // level asks for the other direction (a neutral in right-to-left text: mirrored brackets).
  FontFile& font = ctx.fonts.file(run.font);
  ShapedText label;
  const ShapedText* shaped = nullptr;
  if (run.rtlLabel) {
    label = shapeRightToLeftLabel(font, text);
    shaped = &label;
  } else {
    shaped = &font.shaped(text);
    if (shaped->rtl != run.rtl)
      shaped = &font.shaped(text, run.rtl ? TextDirection::RightToLeft : TextDirection::LeftToRight);
  }
  takeShape(font, run, *shaped, text.size());
}

bool shapeRunAs(Context& ctx, TextRun& run, const ShapedText* measured) {
  if (!measured || run.rtlLabel || measured->rtl != run.rtl) return false;
  // Code points of valid UTF-8 (TextRun::text): the bytes that start one.
  std::size_t chars = 0;
  for (const char c : run.text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  takeShape(ctx.fonts.file(run.font), run, *measured, chars);
  return true;
}

void setRightToLeftLabel(Context& ctx, TextRun& run) {
  if (run.missingGlyph) return;
  run.rtl = true;
  run.rtlLabel = true;
  run.glyphs.clear();
  shapeRun(ctx, run);
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
