// Emoji: which characters want a picture, and the pictures of a colour font (CBDT/CBLC bitmaps,
// as Noto Color Emoji has), read through HarfBuzz.
#include <unicode/uchar.h>

#include <algorithm>
#include <string>

#include "fonts/coverage.h"
#include "fonts/harfbuzz_font.h"
#include "postpress/fonts.h"

namespace pp {

bool wantsEmojiPresentation(char32_t cp, char32_t next) {
  // The layout asks for every character. Below U+00A9 only the ASCII keycap bases are emoji,
  // plain text here; below U+231A (the first with emoji presentation, before the first
  // modifier base) only a variation selector asks for a picture: most text never asks ICU.
  if (cp < 0xA9 || (cp < 0x231A && next != 0xFE0F)) return false;
  const auto c = static_cast<UChar32>(cp);
  if (u_hasBinaryProperty(c, UCHAR_EMOJI_PRESENTATION)) return true;
  if (next >= 0x1F3FB && next <= 0x1F3FF && u_hasBinaryProperty(c, UCHAR_EMOJI_MODIFIER_BASE)) return true;
  // Digits, # and * are emoji too (keycaps), but only with U+20E3 after them: plain text here.
  return next == 0xFE0F && u_hasBinaryProperty(c, UCHAR_EMOJI) && !(cp < 0x80);
}

bool isEmojiSequencePart(char32_t cp) {
  return cp == 0x200D || cp == 0xFE0E || cp == 0xFE0F || (cp >= 0x1F3FB && cp <= 0x1F3FF) ||
         (cp >= 0xE0020 && cp <= 0xE007F);
}

bool isEmojiSequenceBase(char32_t cp) {
  const auto c = static_cast<UChar32>(cp);
  return u_hasBinaryProperty(c, UCHAR_EXTENDED_PICTOGRAPHIC) || u_hasBinaryProperty(c, UCHAR_REGIONAL_INDICATOR);
}

std::vector<bool> emojiSequenceParts(std::u32string_view text) {
  // Most words hold no selector, joiner or skin tone: then no vector, and no property lookup
  // for every character (this runs on every word the layout sets).
  if (std::none_of(text.begin(), text.end(), isEmojiSequencePart)) return {};
  std::vector<bool> parts(text.size(), false);
  bool afterEmoji = false;
  for (std::size_t i = 0; i < text.size(); ++i) {
    if (isEmojiSequencePart(text[i])) parts[i] = afterEmoji;
    else afterEmoji = isEmojiSequenceBase(text[i]);
  }
  return parts;
}

namespace fonts {

bool hasColorBitmapTables(const fs::path& file) {
  FontTables tables;
  return tables.open(file, 0, nullptr) && tables.has("CBDT");
}

ColorGlyphPicture HarfBuzzFont::colorPicture(int glyph) const {
  ColorGlyphPicture out;
  struct BlobFree {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
  };
  std::unique_ptr<hb_blob_t, BlobFree> png(hb_ot_color_glyph_reference_png(font_.get(), static_cast<hb_codepoint_t>(glyph)));
  unsigned length = 0;
  const char* data = png ? hb_blob_get_data(png.get(), &length) : nullptr;
  hb_glyph_extents_t e{};
  if (!data || length == 0 || !hb_font_get_glyph_extents(font_.get(), static_cast<hb_codepoint_t>(glyph), &e) ||
      e.width <= 0 || e.height >= 0)
    return out;
  // Extents in font units (the font's scale is its units per em), y up, height negative.
  const float em = toThousandths_ / 1000.0f;
  out.png.assign(data, length);
  out.x = static_cast<float>(e.x_bearing) * em;
  out.y = static_cast<float>(e.y_bearing + e.height) * em;
  out.width = static_cast<float>(e.width) * em;
  out.height = static_cast<float>(-e.height) * em;
  return out;
}

void HarfBuzzFont::verticalMetrics(float& ascent, float& descent) const {
  hb_font_extents_t e{};
  if (!hb_font_get_h_extents(font_.get(), &e)) return;
  const float em = toThousandths_ / 1000.0f;
  if (e.ascender > 0) ascent = static_cast<float>(e.ascender) * em;
  if (e.descender < 0) descent = static_cast<float>(-e.descender) * em;
}

int HarfBuzzFont::nominalGlyph(char32_t cp) const {
  hb_codepoint_t g = 0;
  return hb_font_get_nominal_glyph(font_.get(), static_cast<hb_codepoint_t>(cp), &g) ? static_cast<int>(g) : 0;
}

void HarfBuzzFont::glyphMetrics(int glyph, int& advance, int& leftSideBearing) const {
  advance = static_cast<int>(hb_font_get_glyph_h_advance(font_.get(), static_cast<hb_codepoint_t>(glyph)));
  hb_glyph_extents_t e{};
  leftSideBearing = hb_font_get_glyph_extents(font_.get(), static_cast<hb_codepoint_t>(glyph), &e) ? e.x_bearing : 0;
}

}  // namespace fonts

}  // namespace pp
