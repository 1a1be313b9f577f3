// Every filter is its own loop over the row with no branch per byte, in blocks of kFilterBlock
// bytes: an inner loop with a constant trip count is what GCC vectorises at -O2 (its "very
// cheap" cost model leaves loops of unknown length scalar). The first `bpp` bytes, which have
// no left neighbour, go through the scalar tail code.
#include "codecs/png_filter.h"

#include <cstdlib>
#include <vector>

namespace pp::codecs {

namespace {

using u8 = std::uint8_t;
constexpr std::size_t kFilterBlock = 32;

// a: left, b: up, c: up-left, as the PNG spec names them. In 16-bit arithmetic (|a+b-2c| <=
// 510) so that the vectorised loops work on 8 lanes rather than 4.
inline std::int16_t paethPredictor(std::int16_t a, std::int16_t b, std::int16_t c) {
  const std::int16_t pa = static_cast<std::int16_t>(b > c ? b - c : c - b);
  const std::int16_t pb = static_cast<std::int16_t>(a > c ? a - c : c - a);
  const std::int16_t p = static_cast<std::int16_t>(a + b - c - c);
  const std::int16_t pc = static_cast<std::int16_t>(p < 0 ? -p : p);
  return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
}

// out[i] = row[i] - predictor(i), for i in [bpp, n); the caller handles [0, bpp).
#define PP_FILTER_LOOP(EXPR)                                                   \
  std::size_t i = bpp;                                                         \
  for (; i + kFilterBlock <= n; i += kFilterBlock)                                         \
    for (std::size_t k = 0; k < kFilterBlock; ++k) {                                 \
      const std::size_t j = i + k;                                             \
      out[j] = static_cast<u8>(EXPR);                                          \
    }                                                                          \
  for (std::size_t j = i; j < n; ++j) out[j] = static_cast<u8>(EXPR);

void filterSub(const u8* __restrict row, std::size_t n, std::size_t bpp, u8* __restrict out) {
  for (std::size_t j = 0; j < bpp && j < n; ++j) out[j] = row[j];
  PP_FILTER_LOOP(row[j] - row[j - bpp])
}

void filterUp(const u8* __restrict row, const u8* __restrict up, std::size_t n, u8* __restrict out) {
  const std::size_t bpp = 0;
  PP_FILTER_LOOP(row[j] - up[j])
}

void filterAverage(const u8* __restrict row, const u8* __restrict up, std::size_t n, std::size_t bpp, u8* __restrict out) {
  for (std::size_t j = 0; j < bpp && j < n; ++j) out[j] = static_cast<u8>(row[j] - (up[j] >> 1));
  PP_FILTER_LOOP(row[j] - ((row[j - bpp] + up[j]) >> 1))
}

void filterPaeth(const u8* __restrict row, const u8* __restrict up, std::size_t n, std::size_t bpp, u8* __restrict out) {
  for (std::size_t j = 0; j < bpp && j < n; ++j) out[j] = static_cast<u8>(row[j] - paethPredictor(0, up[j], 0));
  PP_FILTER_LOOP(row[j] - paethPredictor(row[j - bpp], up[j], up[j - bpp]))
}

#undef PP_FILTER_LOOP

// |v| of a filtered byte read as signed: libpng's cost of a filter is their sum.
inline unsigned magnitude(int v) { return static_cast<unsigned>(std::abs(static_cast<std::int8_t>(v))); }

// Cost blocks sampled: every kCostStride-th block of a row. A row's blocks mostly agree on the
// best filter, so sampling a quarter of them chooses nearly as well for much less work.
constexpr std::size_t kCostStride = 4;

// The five filters' costs over one row (the first pixel, then sampled blocks), in one pass
// that loads each neighbour once.
void costs(const u8* __restrict row, const u8* __restrict up, std::size_t n, std::size_t bpp, std::uint64_t* cost) {
  std::uint64_t s0 = 0, s1 = 0, s2 = 0, s3 = 0, s4 = 0;
  for (std::size_t j = 0; j < bpp && j < n; ++j) {
    const std::int16_t x = row[j], b = up[j];
    s0 += magnitude(x);
    s1 += magnitude(x);
    s2 += magnitude(x - b);
    s3 += magnitude(x - (b >> 1));
    s4 += magnitude(x - paethPredictor(0, b, 0));
  }
  std::size_t i = bpp;
  for (; i + kFilterBlock <= n; i += kFilterBlock * kCostStride) {
    // 16-bit lanes throughout (a block's sums fit: 32 x 128), twice the lanes of int.
    std::uint16_t c0 = 0, c1 = 0, c2 = 0, c3 = 0, c4 = 0;
    for (std::size_t k = 0; k < kFilterBlock; ++k) {
      const std::size_t j = i + k;
      const std::int16_t x = row[j], a = row[j - bpp], b = up[j], c = up[j - bpp];
      const std::int16_t pred = paethPredictor(a, b, c);
      c0 = static_cast<std::uint16_t>(c0 + magnitude(x));
      c1 = static_cast<std::uint16_t>(c1 + magnitude(x - a));
      c2 = static_cast<std::uint16_t>(c2 + magnitude(x - b));
      c3 = static_cast<std::uint16_t>(c3 + magnitude(x - ((a + b) >> 1)));
      c4 = static_cast<std::uint16_t>(c4 + magnitude(x - pred));
    }
    s0 += c0, s1 += c1, s2 += c2, s3 += c3, s4 += c4;
  }
  for (std::size_t j = i; j < n; ++j) {  // the tail (i may have stepped past the end: no tail)
    const std::int16_t x = row[j], a = row[j - bpp], b = up[j], c = up[j - bpp];
    s0 += magnitude(x);
    s1 += magnitude(x - a);
    s2 += magnitude(x - b);
    s3 += magnitude(x - ((a + b) >> 1));
    s4 += magnitude(x - paethPredictor(a, b, c));
  }
  cost[0] = s0, cost[1] = s1, cost[2] = s2, cost[3] = s3, cost[4] = s4;
}

void applyFilter(int filter, const u8* row, const u8* up, std::size_t n, std::size_t bpp, u8* out) {
  switch (filter) {
    case 1: filterSub(row, n, bpp, out); break;
    case 2: filterUp(row, up, n, out); break;
    case 3: filterAverage(row, up, n, bpp, out); break;
    case 4: filterPaeth(row, up, n, bpp, out); break;
    default: std::copy(row, row + n, out); break;
  }
}

}  // namespace

PP_PIXEL_LOOP void filterRows(const std::uint8_t* data, int height, std::size_t rowBytes, int bpp, bool adaptive,
                              ByteBuffer& out) {
  const std::size_t B = static_cast<std::size_t>(bpp);
  out.resize(static_cast<std::size_t>(height) * (rowBytes + 1));
  u8* dst = out.data();
  const std::vector<u8> zero(rowBytes, 0);
  for (int y = 0; y < height; ++y, dst += rowBytes + 1) {
    const u8* row = data + static_cast<std::size_t>(y) * rowBytes;
    const u8* up = y ? row - rowBytes : zero.data();
    int best = 0;
    if (adaptive) {
      // Costs first, then only the chosen filter is written: cheaper than writing all four.
      std::uint64_t c[5];
      costs(row, up, rowBytes, B, c);
      for (int k = 1; k < 5; ++k)
        if (c[k] < c[best]) best = k;
    }
    dst[0] = static_cast<u8>(best);
    applyFilter(best, row, up, rowBytes, B, dst + 1);
  }
}

}  // namespace pp::codecs
