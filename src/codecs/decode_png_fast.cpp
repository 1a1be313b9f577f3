// The PNGs real posts hold, decoded without libspng: 8-bit samples, not interlaced, gray,
// gray+alpha, RGB or RGBA without tRNS, or a palette. The IDAT stream is inflated by
// libdeflate straight into the picture's own buffer and unfiltered in place, row by row.
// Debian's libspng is built without its SIMD unfilters and inflates through zlib, which makes
// it the slower of the two. Anything else, and any file this path finds fault with, goes to
// libspng, which decides (decode_png.cpp).
#include <libdeflate.h>

#include <cstring>
#include <memory>

#include "codecs/decode.h"
#include "codecs/png_unfilter_sse2.h"

namespace pp::codecs {

namespace {

using u8 = std::uint8_t;

struct DecompressorFree {
  void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
};

inline u8 paeth(int a, int b, int c) {
  const int pa = std::abs(b - c), pb = std::abs(a - c), pc = std::abs(a + b - 2 * c);
  return static_cast<u8>((pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c));
}

// Undoes one scanline's filter (PNG spec, 9.2) in place; `prev` is the row above, already
// unfiltered (zeros for the first row). B: bytes a pixel. Sub, Average and Paeth depend on the
// pixel just decoded: it is kept in registers (`left`, and `upLeft`), so that each channel's
// chain waits on an addition, never on a store and a load of the byte just written (the
// loops over a pixel's bytes are unrolled for that: GCC -O2 left them as loops over arrays in
// memory).
// False for an unknown filter type.
template <int B>
bool unfilter(int type, u8* __restrict row, const u8* __restrict prev, std::size_t n) {
  if (type == 0) return true;
  if (type == 2) {  // in blocks of constant length, which GCC vectorises at -O2
    std::size_t i = 0;
    for (; i + 32 <= n; i += 32)
      for (std::size_t k = 0; k < 32; ++k) row[i + k] = static_cast<u8>(row[i + k] + prev[i + k]);
    for (; i < n; ++i) row[i] = static_cast<u8>(row[i] + prev[i]);
    return true;
  }
  if (type < 1 || type > 4 || n < B) return type >= 1 && type <= 4;
#ifdef PP_HAVE_SSE2_UNFILTER
  // Where the vector chain wins: Paeth on RGB and RGBA (a mask instead of branches) and Sub on
  // RGBA. Sub on RGB and Average gain nothing as vectors and stay scalar.
  if constexpr (B == 3 || B == 4) {
    if (type == 4) {
      sse2::unfilterPaeth<B>(row, prev, n - n % B);
      return true;
    }
    if (B == 4 && type == 1) {
      sse2::unfilterSub<B>(row, n - n % B);
      return true;
    }
  }
#endif
  int left[B], upLeft[B];
  for (int k = 0; k < B; ++k) {  // the first pixel: no left neighbour
    const int up = prev[k];
    const int pred = type == 1 ? 0 : type == 3 ? up >> 1 : up;
    left[k] = static_cast<u8>(row[k] + pred);
    row[k] = static_cast<u8>(left[k]);
    upLeft[k] = up;
  }
  const std::size_t end = n - n % B;
  switch (type) {
    case 1:
      for (std::size_t i = B; i < end; i += B)
#pragma GCC unroll 4
        for (int k = 0; k < B; ++k) row[i + k] = static_cast<u8>(left[k] = static_cast<u8>(row[i + k] + left[k]));
      break;
    case 3:
      for (std::size_t i = B; i < end; i += B)
#pragma GCC unroll 4
        for (int k = 0; k < B; ++k)
          row[i + k] = static_cast<u8>(left[k] = static_cast<u8>(row[i + k] + ((left[k] + prev[i + k]) >> 1)));
      break;
    default:
      for (std::size_t i = B; i < end; i += B)
#pragma GCC unroll 4
        for (int k = 0; k < B; ++k) {
          const int up = prev[i + k];
          row[i + k] = static_cast<u8>(left[k] = (paeth(left[k], up, upLeft[k]) + row[i + k]) & 0xFF);
          upLeft[k] = up;
        }
      break;
  }
  return true;
}

// Rows of filter byte + `rowBytes` samples, inflated into `buf` (height * (rowBytes + 1)
// bytes), unfiltered and packed to the front of `buf`: row y moves y + 1 bytes back, over its
// own filter bytes and never over the row above it, which the next row still reads.
template <int B>
bool unfilterRows(u8* buf, std::size_t height, std::size_t rowBytes) {
  const std::vector<u8> zero(rowBytes, 0);
  for (std::size_t y = 0; y < height; ++y) {
    u8* filtered = buf + y * (rowBytes + 1);
    const u8* prev = y ? buf + (y - 1) * rowBytes : zero.data();
#ifdef PP_HAVE_SSE2_UNFILTER
    if constexpr (B == 3 || B == 4) {
      // Two Paeth rows in a row, as most Paeth rows of real pictures are: decoded side by
      // side (each row's chain keeps the vector unit busy while the other's waits), then
      // packed one after the other (the upper row's new place ends before the lower row's
      // bytes start).
      u8* below = filtered + rowBytes + 1;
      if (filtered[0] == 4 && y + 1 < height && below[0] == 4) {
        sse2::unfilterPaethPair<B>(filtered + 1, below + 1, prev, rowBytes - rowBytes % B);
        std::memmove(buf + y * rowBytes, filtered + 1, rowBytes);
        std::memmove(buf + (y + 1) * rowBytes, below + 1, rowBytes);
        ++y;
        continue;
      }
    }
#endif
    if (!unfilter<B>(filtered[0], filtered + 1, prev, rowBytes)) return false;
    std::memmove(buf + y * rowBytes, filtered + 1, rowBytes);
  }
  return true;
}

PP_PIXEL_LOOP bool unfilterAll(int bpp, u8* buf, std::size_t height, std::size_t rowBytes) {
  switch (bpp) {
    case 1: return unfilterRows<1>(buf, height, rowBytes);
    case 2: return unfilterRows<2>(buf, height, rowBytes);
    case 3: return unfilterRows<3>(buf, height, rowBytes);
    default: return unfilterRows<4>(buf, height, rowBytes);
  }
}

}  // namespace

std::optional<Decoded> decodePlainPng(std::string_view bytes, DecodeHint hint) {
  std::optional<PngParts> png = readPngParts(bytes);
  if (!png || png->bitDepth != 8 || png->interlace != 0) return std::nullopt;
  const bool palette = png->colourType == 3;
  if (!palette && !png->transparency.empty()) return std::nullopt;
  if (png->width > 0x7fffffffu || png->height > 0x7fffffffu) return std::nullopt;
  const int w = static_cast<int>(png->width), h = static_cast<int>(png->height);
  if (hint.maxDimension > 0 && (w > hint.maxDimension || h > hint.maxDimension)) return std::nullopt;
  if (hint.maxPixels > 0 && static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h) > hint.maxPixels) return std::nullopt;

  const int spp = png->samplesPerPixel();
  const std::size_t rowBytes = static_cast<std::size_t>(w) * spp;
  const std::size_t height = static_cast<std::size_t>(h);
  std::unique_ptr<libdeflate_decompressor, DecompressorFree> z(libdeflate_alloc_decompressor());
  if (!z) return std::nullopt;

  Decoded d;
  ByteBuffer indices;
  ByteBuffer& buf = palette ? indices : d.image.pixels;
  buf.resize(height * (rowBytes + 1));
  // Exactly the rows, no more and no less: a short stream is a truncated file.
  if (libdeflate_zlib_decompress(z.get(), png->idat.data(), png->idat.size(), buf.data(), buf.size(), nullptr) !=
      LIBDEFLATE_SUCCESS)
    return std::nullopt;
  if (!unfilterAll(spp, buf.data(), height, rowBytes)) return std::nullopt;
  buf.resize(height * rowBytes);
  d.image.width = w;
  d.image.height = h;
  if (!palette) {
    d.image.channels = spp;
    return d;
  }
  // Palette: RGB, or RGBA when tRNS gives entries an alpha (missing entries are opaque).
  const std::size_t entries = png->palette.size() / 3;
  const bool alpha = !png->transparency.empty();
  const int C = alpha ? 4 : 3;
  u8 table[256][4] = {};
  for (std::size_t i = 0; i < 256; ++i) {
    for (int k = 0; k < 3; ++k) table[i][k] = i < entries ? static_cast<u8>(png->palette[i * 3 + k]) : 0;
    table[i][3] = i < png->transparency.size() ? static_cast<u8>(png->transparency[i]) : 255;
  }
  const std::size_t n = height * static_cast<std::size_t>(w);
  for (std::size_t i = 0; i < n; ++i)
    if (indices[i] >= entries) return std::nullopt;  // an index past the palette: libspng says what
  d.image.channels = C;
  d.image.pixels.resize(n * C);
  for (std::size_t i = 0; i < n; ++i) std::memcpy(&d.image.pixels[i * C], table[indices[i]], static_cast<std::size_t>(C));
  return d;
}

}  // namespace pp::codecs
