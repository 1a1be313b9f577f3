#include "pdf/color_glyph_cache.h"

#include <bit>
#include <cmath>

#include "postpress/support/cache_entry.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::pdf {

namespace {

namespace fs = std::filesystem;

// Names the format and what makes the pictures (decoding, scaling, the planes, the deflate
// level): change it whenever they would give other bytes for the same glyph.
constexpr std::string_view kMagic = "postpress-glyph-picture-1\n";
// Decoding refuses larger pictures (color_glyphs.cpp), and scaling never enlarges one.
constexpr std::uint32_t kMaxSide = 4096;
constexpr std::uintmax_t kMaxEntryBytes = std::uintmax_t{128} << 20;

std::string_view bytesOf(const std::vector<std::uint8_t>& v) {
  return std::string_view(reinterpret_cast<const char*>(v.data()), v.size());
}

}  // namespace

std::string ColorGlyphCache::key(const FontFile& font, std::uint16_t glyph, float size, float ppi) {
  Hasher h;
  h.field(kMagic);
  h.field(versionString());
  h.field(font.contentHash());
  h.field(std::to_string(font.faceIndex()) + " " + std::to_string(glyph) + " " +
          std::to_string(std::bit_cast<std::uint32_t>(size)) + " " + std::to_string(std::bit_cast<std::uint32_t>(ppi)));
  return h.hex();
}

fs::path ColorGlyphCache::entryPath(const std::string& key) const { return folder_ / "glyphs" / (key + ".picture"); }

std::optional<PreparedPicture> ColorGlyphCache::load(const std::string& key) const {
  if (folder_.empty()) return std::nullopt;
  const std::optional<std::string> file = readFile(entryPath(key), nullptr, kMaxEntryBytes);
  if (!file) return std::nullopt;
  CacheEntryReader in(*file, kMagic, key);
  PreparedPicture p;
  p.picture.x = in.real();
  p.picture.y = in.real();
  p.picture.width = in.real();
  p.picture.height = in.real();
  const std::uint32_t width = in.u32(), height = in.u32();
  const std::string_view rgb = in.blob(), alpha = in.blob(), rgbDeflated = in.blob(), alphaDeflated = in.blob();
  if (!in.whole() || width == 0 || height == 0 || width > kMaxSide || height > kMaxSide) return std::nullopt;
  const std::size_t pixels = std::size_t{width} * height;
  for (float v : {p.picture.x, p.picture.y, p.picture.width, p.picture.height})
    if (!std::isfinite(v)) return std::nullopt;
  if (rgb.size() != 3 * pixels || alpha.size() != pixels || !zlibInflatesTo(rgbDeflated, rgb) ||
      !zlibInflatesTo(alphaDeflated, alpha))
    return std::nullopt;
  p.width = static_cast<int>(width);
  p.height = static_cast<int>(height);
  p.rgb.assign(rgb.begin(), rgb.end());
  p.alpha.assign(alpha.begin(), alpha.end());
  p.rgbDeflated = std::string(rgbDeflated);
  p.alphaDeflated = std::string(alphaDeflated);
  return p;
}

void ColorGlyphCache::save(const std::string& key, const PreparedPicture& p) const {
  if (folder_.empty() || p.width <= 0 || p.height <= 0 || !p.rgbDeflated || !p.alphaDeflated) return;
  CacheEntryWriter out(kMagic, key);
  for (float v : {p.picture.x, p.picture.y, p.picture.width, p.picture.height}) out.real(v);
  out.u32(static_cast<std::uint32_t>(p.width));
  out.u32(static_cast<std::uint32_t>(p.height));
  out.blob(bytesOf(p.rgb));
  out.blob(bytesOf(p.alpha));
  out.blob(*p.rgbDeflated);
  out.blob(*p.alphaDeflated);
  keepCacheEntry(entryPath(key), out.finish());
}

}  // namespace pp::pdf
