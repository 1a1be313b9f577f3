// PNG encoding: per-row adaptive filtering (the filter whose output has the smallest sum of
// magnitudes, as libpng chooses) and one zlib stream made by libdeflate. Palette images (at
// most 256 colours) are written indexed: a quarter of the samples of RGBA before compression.
#include <cstdlib>
#include <map>
#include <memory>

#include "postpress/deflate.h"
#include "assets/encode.h"
#include "assets/png_chunks.h"
#include "assets/png_filter.h"
#include "postpress/assets.h"

namespace pp::assets {

namespace {

// Index image and palette when the picture has at most 256 distinct colours.
bool toPalette(const Image& im, ByteBuffer* indices, std::string* plte, std::string* trns) {
  if (im.channels < 3) return false;  // gray is already one sample a pixel
  std::map<std::uint32_t, int> index;
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  indices->resize(n);
  const int C = im.channels;
  std::uint32_t lastKey = 0;
  int lastIndex = -1;  // graphics repeat their neighbour: skip the lookup for runs
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = &im.pixels[i * C];
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

}  // namespace

std::optional<std::string> encodePng(const Image& im, std::string* error, int level) {
  if (im.empty() || im.channels < 1 || im.channels > 4) {
    if (error) *error = "nothing to encode";
    return std::nullopt;
  }
  ByteBuffer indices, filtered;
  std::string plte, trns;
  const bool indexed = toPalette(im, &indices, &plte, &trns);
  static constexpr int kColourType[] = {0, 0, 4, 2, 6};  // by channel count
  if (indexed) filterRows(indices.data(), im.height, static_cast<std::size_t>(im.width), 1, false, filtered);
  else filterRows(im.pixels.data(), im.height, im.rowBytes(), im.channels, true, filtered);
  auto idat = zlibCompress(std::string_view(reinterpret_cast<const char*>(filtered.data()), filtered.size()), level);
  if (!idat) {
    if (error) *error = "out of memory while compressing the PNG";
    return std::nullopt;
  }

  PngParts parts;
  parts.width = static_cast<std::uint32_t>(im.width);
  parts.height = static_cast<std::uint32_t>(im.height);
  parts.bitDepth = 8;
  parts.colourType = indexed ? 3 : kColourType[im.channels];
  parts.palette = std::move(plte);
  parts.transparency = std::move(trns);
  parts.idat = std::move(*idat);
  return assemblePng(parts);
}

}  // namespace pp::assets

namespace pp {

std::string encodePngPixels(int width, int height, int channels, const std::uint8_t* pixels, int level) {
  if (width <= 0 || height <= 0 || channels < 1 || channels > 4 || !pixels) return {};
  assets::Image im;
  im.width = width;
  im.height = height;
  im.channels = channels;
  im.pixels.assign(pixels, pixels + static_cast<std::size_t>(width) * height * channels);
  auto png = assets::encodePng(im, nullptr, level);
  return png ? std::move(*png) : std::string();
}

}  // namespace pp
