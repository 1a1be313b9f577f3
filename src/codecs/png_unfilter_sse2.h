// PNG unfiltering of 3- and 4-byte pixels (RGB, RGBA) with SSE2, the x86-64 baseline: a
// whole pixel in one register rather than one chain per channel. Sub and Paeth depend on the
// pixel just decoded, so a row is still a chain from left to right; this makes each link a few
// vector instructions, and Paeth's choice of neighbour a mask rather than branches that real
// pictures mispredict. Paeth works in 16-bit lanes (its differences need 9 bits and a sign),
// Sub in bytes. (Average gains nothing as vectors and is left to the scalar loop.)
// Included by decode_png_fast.cpp only (inside its target_clones functions). Exact: the tests
// compare every filter type on random rows against libspng.
#pragma once

#if defined(__SSE2__)
#define PP_HAVE_SSE2_UNFILTER 1

#include <emmintrin.h>

#include <cstdint>
#include <cstring>

namespace pp::codecs::sse2 {

// B bytes of a pixel into the low lanes of a register (the rest zero), and back, never past the
// pixel (a row's last RGB pixel may end the buffer). Three bytes are put together and taken
// apart in a general register: through memory, the 4-byte read after 2- and 1-byte writes
// would miss store forwarding.
template <int B>
inline __m128i loadPixel(const std::uint8_t* p) {
  std::int32_t v;
  if constexpr (B == 4) std::memcpy(&v, p, 4);
  else v = p[0] | (p[1] << 8) | (p[2] << 16);
  return _mm_cvtsi32_si128(v);
}
template <int B>
inline void storePixel(std::uint8_t* p, __m128i x) {
  const std::int32_t v = _mm_cvtsi128_si32(x);
  if constexpr (B == 4) {
    std::memcpy(p, &v, 4);
  } else {
    const std::uint16_t low = static_cast<std::uint16_t>(v);
    std::memcpy(p, &low, 2);
    p[2] = static_cast<std::uint8_t>(v >> 16);
  }
}

// |x| of signed 16-bit lanes (SSE2 has no pabsw).
inline __m128i abs16(__m128i x) { return _mm_max_epi16(x, _mm_sub_epi16(_mm_setzero_si128(), x)); }

// The unfilters below undo pixels [0, end) of a row of `end` bytes (a multiple of B) in place;
// `prev` is the row above, unfiltered (zeros for the first row). The first pixel's left and
// upper-left neighbours are zero, as the PNG spec has them.
template <int B>
void unfilterSub(std::uint8_t* row, std::size_t end) {
  __m128i left = _mm_setzero_si128();
  for (std::size_t i = 0; i < end; i += B) {
    left = _mm_add_epi8(loadPixel<B>(row + i), left);
    storePixel<B>(row + i, left);
  }
}

// Paeth's prediction from left, up and upper-left pixels in 16-bit lanes.
inline __m128i paethPredict(__m128i a, __m128i b, __m128i c) {
  // p = a + b - c; pa = |p - a| = |b - c|, pb = |p - b| = |a - c|, pc = |p - c|.
  const __m128i bc = _mm_sub_epi16(b, c), ac = _mm_sub_epi16(a, c);
  const __m128i pa = abs16(bc), pb = abs16(ac), pc = abs16(_mm_add_epi16(bc, ac));
  const __m128i least = _mm_min_epi16(_mm_min_epi16(pa, pb), pc);
  // The spec's order of preference on ties: a, then b, then c.
  const __m128i takeA = _mm_cmpeq_epi16(pa, least), takeB = _mm_cmpeq_epi16(pb, least);
  const __m128i pred = _mm_or_si128(_mm_and_si128(takeB, b), _mm_andnot_si128(takeB, c));
  return _mm_or_si128(_mm_and_si128(takeA, a), _mm_andnot_si128(takeA, pred));
}

template <int B>
void unfilterPaeth(std::uint8_t* row, const std::uint8_t* prev, std::size_t end) {
  const __m128i zero = _mm_setzero_si128();
  __m128i a = zero, c = zero;  // left and upper left, 16-bit lanes
  for (std::size_t i = 0; i < end; i += B) {
    const __m128i b = _mm_unpacklo_epi8(loadPixel<B>(prev + i), zero);
    const __m128i pred = paethPredict(a, b, c);
    const __m128i x = _mm_add_epi8(loadPixel<B>(row + i), _mm_packus_epi16(pred, pred));
    storePixel<B>(row + i, x);
    a = _mm_unpacklo_epi8(x, zero);
    c = b;
  }
}

// Two Paeth rows at once, `upper` (below `prev`) and `lower` (below `upper`), each `end` bytes:
// one pixel's chain waits on the one before it, so a row alone leaves the vector unit idle
// most of the time. The lower row runs one pixel behind, in the register's upper half: its
// pixel t-1 needs the upper row's t-1 and t-2, decoded by then. Each step: upper pixel t
// (left U[t-1], up P[t], upper left P[t-1]) beside lower pixel t-1 (left L[t-2], up U[t-1],
// upper left U[t-2]); the lefts are the last step's results, the upper lefts its ups.
template <int B>
void unfilterPaethPair(std::uint8_t* upper, std::uint8_t* lower, const std::uint8_t* prev, std::size_t end) {
  const __m128i zero = _mm_setzero_si128();
  const std::size_t pixels = end / B;
  if (pixels == 0) return;
  // Upper pixel 0: no left, so the prediction is its up.
  __m128i up = _mm_unpacklo_epi8(loadPixel<B>(prev), zero);
  __m128i x = _mm_add_epi8(loadPixel<B>(upper), _mm_packus_epi16(up, up));
  storePixel<B>(upper, x);
  x = _mm_unpacklo_epi8(x, zero);  // [U[0] | L[-1] = 0]
  __m128i lastUp = up;             // [P[0] | U[-1] = 0]
  for (std::size_t t = 1; t < pixels; ++t) {
    // [P[t] | U[t-1]]: the upper row's up from memory, the lower row's from the last step.
    const __m128i b = _mm_unpacklo_epi64(_mm_unpacklo_epi8(loadPixel<B>(prev + t * B), zero), x);
    const __m128i pred = paethPredict(x, b, lastUp);
    const __m128i filtered = _mm_unpacklo_epi32(loadPixel<B>(upper + t * B), loadPixel<B>(lower + (t - 1) * B));
    const __m128i out = _mm_add_epi8(filtered, _mm_packus_epi16(pred, pred));  // bytes 0-3 upper, 4-7 lower
    storePixel<B>(upper + t * B, out);
    storePixel<B>(lower + (t - 1) * B, _mm_srli_si128(out, 4));
    x = _mm_unpacklo_epi8(out, zero);
    lastUp = b;
  }
  // Lower pixel pixels-1 alone: left L[n-2], up U[n-1], upper left U[n-2].
  const __m128i pred = paethPredict(_mm_srli_si128(x, 8), x, _mm_srli_si128(lastUp, 8));
  const std::size_t last = (pixels - 1) * B;
  storePixel<B>(lower + last, _mm_add_epi8(loadPixel<B>(lower + last), _mm_packus_epi16(pred, pred)));
}

}  // namespace pp::codecs::sse2

#endif
