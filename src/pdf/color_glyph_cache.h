// Colour glyph pictures as the PDF draws them (color_glyphs.h), kept between builds in the
// cache folder (glyphs/<key>.picture): a rebuild draws its emoji without decoding, scaling and
// deflating their pictures again.
//
// The key names the format and postpress's version, the font's bytes and face, the glyph, the
// size and the density the picture is made for. An entry holds the picture's placement and
// size, its RGB and alpha planes and their zlib streams; it is used only when its hash, its own
// key, the planes' sizes and each stream (inflated, it must give its plane) check out, and is
// otherwise a miss: the picture is made again and the entry rewritten.
#pragma once

#include <cstdint>
#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "postpress/fonts.h"

namespace pp::pdf {

// A picture's pixels as drawn: RGB and alpha planes, raw and deflated.
struct PreparedPicture {
  ColorGlyphPicture picture;  // its placement (the PNG itself is not kept)
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb, alpha;
  std::optional<std::string> rgbDeflated, alphaDeflated;
};

class ColorGlyphCache {
 public:
  // `folder`: the image cache's (empty: nothing is kept).
  explicit ColorGlyphCache(std::filesystem::path folder) : folder_(std::move(folder)) {}

  bool empty() const { return folder_.empty(); }
  // What names glyph `glyph` of `font` drawn at `size` pt at `ppi`.
  static std::string key(const FontFile& font, std::uint16_t glyph, float size, float ppi);
  std::optional<PreparedPicture> load(const std::string& key) const;
  // Best effort; only a whole picture (both planes deflated) is kept.
  void save(const std::string& key, const PreparedPicture& picture) const;

 private:
  std::filesystem::path entryPath(const std::string& key) const;
  std::filesystem::path folder_;
};

}  // namespace pp::pdf
