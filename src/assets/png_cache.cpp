// encodePngPixelsCached: the PNG of a picture another stage draws, made once per distinct
// picture and read back from the image cache afterwards. The EPUB's cover is drawn on every
// build but changes only with the title, the style or the cover picture; hashing its pixels
// costs a small part of encoding them.
#include <string>

#include "assets/cache.h"
#include "postpress/assets.h"
#include "postpress/codecs.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp {

namespace {

// Cached files are named by what they encode and how: the encoder's version (a PNG made by
// an older encoder is a valid picture but not the bytes this one would make, and outputs
// must not depend on what the cache happens to hold: kPipelineVersion changes with the
// encoder, as for the renditions), the shape, the level and the pixels.
std::string keyFor(int width, int height, int channels, const std::uint8_t* pixels, int level) {
  Hasher h;
  h.field(assets::kPipelineVersion);
  h.field(versionString());
  h.field(std::to_string(width) + "x" + std::to_string(height) + "x" + std::to_string(channels) + " level " +
          std::to_string(level));
  h.update(std::string_view(reinterpret_cast<const char*>(pixels),
                            static_cast<std::size_t>(width) * static_cast<std::size_t>(height) *
                                static_cast<std::size_t>(channels)));
  return h.hex();
}

// A cached file is used only when it is a whole PNG of the expected size: anything else (a
// file damaged or replaced by hand) is a miss, and is written again.
bool usable(const std::string& png, int width, int height) {
  const auto parts = codecs::readPngParts(png);
  return parts && parts->width == static_cast<std::uint32_t>(width) && parts->height == static_cast<std::uint32_t>(height);
}

}  // namespace

std::string encodePngPixelsCached(const fs::path& cacheDir, int width, int height, int channels,
                                  const std::uint8_t* pixels, int level) {
  if (cacheDir.empty() || width <= 0 || height <= 0 || channels < 1 || channels > 4 || !pixels)
    return codecs::encodePngPixels(width, height, channels, pixels, level);
  const fs::path file = cacheDir / "images" / ("drawn-" + keyFor(width, height, channels, pixels, level) + ".png");
  if (auto bytes = readFile(file, nullptr, 64u << 20); bytes && usable(*bytes, width, height)) return std::move(*bytes);
  std::string png = codecs::encodePngPixels(width, height, channels, pixels, level);
  if (png.empty()) return png;
  // A cache that cannot be written (read-only, full) costs the next build the encoding only.
  std::error_code ec;
  fs::create_directories(file.parent_path(), ec);
  if (!ec) writeFileAtomic(file, png, nullptr, Durability::Unsynced);
  return png;
}

}  // namespace pp
