// Derived fonts for libharu. libharu's own subsetter loses the first component of composite
// glyphs (most CJK ideographs of Droid Sans Fallback, accented letters whose base letter is not
// used elsewhere), so a glyph drawn from a composite loses strokes without any error. We hand
// it instead a small TrueType font of our own: only the glyphs the document uses, every
// composite flattened into a simple glyph (stb_truetype applies the components' transforms),
// same advance widths and units per em, so layout metrics stay exact. libharu loads that for
// its widths and glyph ids, and we embed it as it is (font_streams.h).
#pragma once

#include <filesystem>
#include <string>
#include <vector>

#include "layout/fonts.h"

namespace pp::pdf {

// One character of the derived font: the code the PDF's text uses for it (BMP), and the
// character of the source font whose glyph it draws (the same, or above U+FFFF for a
// Private Use stand-in).
struct GlyphCode {
  char32_t code;
  char32_t source;
};

// A TrueType font holding .notdef plus the glyphs of `codes`, or "" with *error set when the
// source cannot be turned into one (missing name/OS/2 tables, too many separate code point
// ranges for one format 4 cmap). `glyphCodes`, when given, receives the codes the font has, in
// glyph order: glyph i + 1 draws (*glyphCodes)[i] (codes the source has no glyph for are left out).
std::string buildSubsetFont(const typeset::FontFile& source, std::vector<GlyphCode> codes,
                            std::string* error, std::vector<char32_t>* glyphCodes = nullptr);

// The CIDToGIDMap of a font whose CIDs are its codes (libharu's UTF-8 encoding): two bytes,
// big-endian, per CID from 0 to the largest code, the glyph each draws (0: none).
std::string cidToGidMap(const std::vector<char32_t>& glyphCodes);

// A private temporary folder for derived font files, removed with everything in it when the
// object dies (after libharu has written the PDF).
class TempFontDir {
 public:
  TempFontDir();
  ~TempFontDir();
  TempFontDir(const TempFontDir&) = delete;
  TempFontDir& operator=(const TempFontDir&) = delete;
  // Writes `bytes` to a new file in the folder; "" on failure.
  std::filesystem::path write(const std::string& bytes);

 private:
  std::filesystem::path dir_;
  int count_ = 0;
};

}  // namespace pp::pdf
