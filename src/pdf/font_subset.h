// Derived fonts for libharu. libharu's own subsetter loses the first component of composite
// glyphs (most CJK ideographs of Droid Sans Fallback, accented letters whose base letter is not
// used elsewhere), so a glyph drawn from a composite loses strokes without any error. We hand
// it instead a small TrueType font of our own: only the glyphs the document uses, every
// composite flattened into a simple glyph (stb_truetype applies the components' transforms),
// same advance widths and units per em, so layout metrics stay exact. libharu then embeds that
// (all of it is used, so its subsetter has nothing to get wrong).
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
// ranges for one format 4 cmap).
std::string buildSubsetFont(const typeset::FontFile& source, std::vector<GlyphCode> codes,
                            std::string* error);

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
