// Derived fonts kept in the image cache folder (AssetOptions::cacheDir, under fonts/): a
// font's subset for a set of characters, its deflated program and CIDToGIDMap are made once
// and read back by later builds that draw the same characters from the same font file.
// Making them was most of the PDF's font work (subsetting and deflating a dozen fonts: 0.13 G
// instructions on terrytangyuan); a digest rebuilt after a post changed mostly draws the same
// characters. An entry is used only when it is whole and consistent (its zlib streams inflate to
// the program and to the map of the codes it names); anything else is a miss and is written again.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "layout/fonts.h"
#include "pdf/font_streams.h"
#include "pdf/font_subset.h"

namespace pp::pdf {

struct DerivedFont {
  std::string bytes;                // the derived TrueType font
  std::vector<char32_t> glyphCodes; // glyph i + 1 draws glyphCodes[i]
  FontProgram program;              // bytes and its CIDToGIDMap, deflated
};

// Names the derived font of `codes` drawn from `source`: its file's bytes, the codes and the
// characters they draw, and this version of postpress (whose subsetter made the entry).
std::string derivedFontKey(const typeset::FontFile& source, const std::vector<GlyphCode>& codes);

std::optional<DerivedFont> loadDerivedFont(const std::filesystem::path& cacheDir, const std::string& key);

// Best effort: a cache that cannot be written costs the next build the work only.
void saveDerivedFont(const std::filesystem::path& cacheDir, const std::string& key, const DerivedFont& font);

}  // namespace pp::pdf
