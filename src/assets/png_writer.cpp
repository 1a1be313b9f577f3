// PNG encoding: per-row adaptive filtering (the filter whose output has the smallest sum of
// magnitudes, as libpng chooses) and one zlib stream made by libdeflate (zlib itself only
// for the chunk CRCs). Palette images (at most 256 colours) are written indexed: a quarter of
// the samples of RGBA before compression.
#include <zlib.h>

#include <cstdlib>
#include <map>
#include <memory>

#include "assets/deflate.h"
#include "assets/encode.h"
#include "postpress/assets.h"

namespace pp::assets {

namespace {

void put32(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>(v >> 16);
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v);
}

void chunk(std::string& out, const char* type, const std::string& data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t start = out.size();
  out.append(type, 4);
  out += data;
  uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(out.data() + start), static_cast<uInt>(out.size() - start));
  put32(out, static_cast<std::uint32_t>(crc));
}

int paeth(int a, int b, int c) {
  int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
}

std::uint8_t filtered(int f, int x, int a, int b, int c) {
  switch (f) {
    case 1: return static_cast<std::uint8_t>(x - a);
    case 2: return static_cast<std::uint8_t>(x - b);
    case 3: return static_cast<std::uint8_t>(x - ((a + b) >> 1));
    case 4: return static_cast<std::uint8_t>(x - paeth(a, b, c));
    default: return static_cast<std::uint8_t>(x);
  }
}

// Filters rows of `bpp`-byte pixels (rowBytes each) into `out` (1 filter byte + row). With
// `adaptive`, each row takes the filter whose output has the smallest sum of magnitudes;
// otherwise no filter (best for indexed colour, as libpng does).
void filterRows(const std::uint8_t* data, int height, std::size_t rowBytes, int bpp, bool adaptive, std::string& out) {
  std::vector<std::uint8_t> zero(rowBytes, 0);
  out.reserve(static_cast<std::size_t>(height) * (rowBytes + 1));
  const std::size_t B = static_cast<std::size_t>(bpp);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* row = data + static_cast<std::size_t>(y) * rowBytes;
    const std::uint8_t* up = y ? row - rowBytes : zero.data();
    int best = 0;
    if (adaptive) {
      // Costs from every kCostStride-th byte: the choice is nearly always the same as from
      // every byte, at a fraction of the time (Paeth per byte is the expensive part).
      constexpr std::size_t kCostStride = 3;
      std::uint64_t cost[5] = {};
      for (std::size_t i = 0; i < rowBytes; i += kCostStride) {
        const int a = i >= B ? row[i - B] : 0, b = up[i], c = i >= B ? up[i - B] : 0, x = row[i];
        cost[0] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(x)));
        cost[1] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(x - a)));
        cost[2] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(x - b)));
        cost[3] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(x - ((a + b) >> 1))));
        cost[4] += static_cast<std::uint64_t>(std::abs(static_cast<std::int8_t>(x - paeth(a, b, c))));
      }
      for (int f = 1; f < 5; ++f)
        if (cost[f] < cost[best]) best = f;
    }
    out += static_cast<char>(best);
    if (best == 0) {
      out.append(reinterpret_cast<const char*>(row), rowBytes);
      continue;
    }
    for (std::size_t i = 0; i < rowBytes; ++i) {
      const int a = i >= B ? row[i - B] : 0, b = up[i], c = i >= B ? up[i - B] : 0;
      out += static_cast<char>(filtered(best, row[i], a, b, c));
    }
  }
}

// Index image and palette when the picture has at most 256 distinct colours.
bool toPalette(const Image& im, std::vector<std::uint8_t>* indices, std::string* plte, std::string* trns) {
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

std::optional<std::string> encodePng(const Image& im, std::string* error) {
  if (im.empty() || im.channels < 1 || im.channels > 4) {
    if (error) *error = "nothing to encode";
    return std::nullopt;
  }
  std::vector<std::uint8_t> indices;
  std::string plte, trns, filtered;
  const bool indexed = toPalette(im, &indices, &plte, &trns);
  static constexpr int kColourType[] = {0, 0, 4, 2, 6};  // by channel count
  if (indexed) filterRows(indices.data(), im.height, static_cast<std::size_t>(im.width), 1, false, filtered);
  else filterRows(im.pixels.data(), im.height, im.rowBytes(), im.channels, true, filtered);
  auto idat = zlibCompress(filtered);
  if (!idat) {
    if (error) *error = "out of memory while compressing the PNG";
    return std::nullopt;
  }

  std::string out("\x89PNG\r\n\x1a\n", 8);
  std::string ihdr;
  put32(ihdr, static_cast<std::uint32_t>(im.width));
  put32(ihdr, static_cast<std::uint32_t>(im.height));
  ihdr += static_cast<char>(8);
  ihdr += static_cast<char>(indexed ? 3 : kColourType[im.channels]);
  ihdr += std::string(3, '\0');  // deflate, adaptive filtering, not interlaced
  chunk(out, "IHDR", ihdr);
  if (indexed) {
    chunk(out, "PLTE", plte);
    if (!trns.empty()) chunk(out, "tRNS", trns);
  }
  chunk(out, "IDAT", *idat);
  chunk(out, "IEND", "");
  return out;
}

}  // namespace pp::assets

namespace pp {

std::string encodePngPixels(int width, int height, int channels, const std::uint8_t* pixels) {
  if (width <= 0 || height <= 0 || channels < 1 || channels > 4 || !pixels) return {};
  assets::Image im;
  im.width = width;
  im.height = height;
  im.channels = channels;
  im.pixels.assign(pixels, pixels + static_cast<std::size_t>(width) * height * channels);
  auto png = assets::encodePng(im, nullptr);
  return png ? std::move(*png) : std::string();
}

}  // namespace pp
