// PNG encoding: per-row adaptive filtering (the filter whose output has the smallest sum of
// magnitudes, as libpng chooses) and one zlib stream made by libdeflate. Palette images (at
// most 256 colours) are written indexed: a quarter of the samples of RGBA before compression.
#include <cstdlib>
#include <map>
#include <memory>

#include "codecs/png_filter.h"
#include "postpress/codecs.h"
#include "postpress/support/deflate.h"

namespace pp::codecs {

namespace {

// Index image and palette when the picture (n pixels of C samples) has at most 256 distinct
// colours.
bool toPalette(const std::uint8_t* pixels, std::size_t n, int C, ByteBuffer* indices, std::string* plte,
               std::string* trns) {
  if (C < 3) return false;  // gray is already one sample a pixel
  std::map<std::uint32_t, int> index;
  indices->resize(n);
  std::uint32_t lastKey = 0;
  int lastIndex = -1;  // graphics repeat their neighbour: skip the lookup for runs
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = pixels + i * C;
    const std::uint32_t key = (static_cast<std::uint32_t>(p[0]) << 24) | (p[1] << 16) | (p[2] << 8) | (C == 4 ? p[3] : 255u);
    if (lastIndex < 0 || key != lastKey) {
      auto it = index.find(key);
      if (it == index.end()) {
        if (index.size() == 256) return false;
        it = index.emplace(key, static_cast<int>(index.size())).first;
      }
      lastKey = key;
      lastIndex = it->second;
    }
    (*indices)[i] = static_cast<std::uint8_t>(lastIndex);
  }
  // Entries in first-seen order (deterministic); tRNS only when some entry is translucent.
  std::vector<std::uint32_t> byIndex(index.size());
  for (auto& [key, i] : index) byIndex[static_cast<std::size_t>(i)] = key;
  bool anyAlpha = false;
  for (std::uint32_t key : byIndex) {
    *plte += static_cast<char>(key >> 24);
    *plte += static_cast<char>(key >> 16);
    *plte += static_cast<char>(key >> 8);
    *trns += static_cast<char>(key & 0xFF);
    if ((key & 0xFF) != 0xFF) anyAlpha = true;
  }
  if (!anyAlpha) trns->clear();
  return true;
}

// The PNG of `height` rows of `width` pixels of `channels` samples, packed: encodePng's work
// on pixels wherever they are (encodePngPixels' callers' own buffers, not copied).
std::optional<std::string> encodePngRows(const std::uint8_t* pixels, int width, int height, int channels,
                                         std::string* error, int level) {
  if (!pixels || width <= 0 || height <= 0 || channels < 1 || channels > 4) {
    if (error) *error = "nothing to encode";
    return std::nullopt;
  }
  ByteBuffer indices, filtered;
  std::string plte, trns;
  const std::size_t rowBytes = static_cast<std::size_t>(width) * channels;
  const bool indexed =
      toPalette(pixels, static_cast<std::size_t>(width) * height, channels, &indices, &plte, &trns);
  static constexpr int kColourType[] = {0, 0, 4, 2, 6};  // by channel count
  if (indexed) filterRows(indices.data(), height, static_cast<std::size_t>(width), 1, false, filtered);
  else filterRows(pixels, height, rowBytes, channels, true, filtered);
  auto idat = zlibCompress(std::string_view(reinterpret_cast<const char*>(filtered.data()), filtered.size()), level);
  if (!idat) {
    if (error) *error = "out of memory while compressing the PNG";
    return std::nullopt;
  }

  PngParts parts;
  parts.width = static_cast<std::uint32_t>(width);
  parts.height = static_cast<std::uint32_t>(height);
  parts.bitDepth = 8;
  parts.colourType = indexed ? 3 : kColourType[channels];
  parts.palette = std::move(plte);
  parts.transparency = std::move(trns);
  parts.idat = std::move(*idat);
  return assemblePng(parts);
}

}  // namespace

std::optional<std::string> encodePng(const Image& im, std::string* error, int level) {
  if (im.empty()) {
    if (error) *error = "nothing to encode";
    return std::nullopt;
  }
  return encodePngRows(im.pixels.data(), im.width, im.height, im.channels, error, level);
}

std::string encodePngPixels(int width, int height, int channels, const std::uint8_t* pixels, int level) {
  auto png = encodePngRows(pixels, width, height, channels, nullptr, level);
  return png ? std::move(*png) : std::string();
}

}  // namespace pp::codecs
