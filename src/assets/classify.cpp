#include "assets/classify.h"

#include <array>
#include <bit>
#include <cstdlib>
#include <cstring>
#include <type_traits>

#if defined(__SSE2__)
#include <emmintrin.h>
#endif

#include "postpress/codecs.h"

namespace pp::assets {

namespace {

// A UI screenshot or a chart repeats its left neighbour in most pixels; a photograph almost
// never does (sensor noise). Half the pixels lies well between the two.
constexpr double kGraphicFlatness = 0.5;
// A palette-sized image is a graphic however noisy it looks.
constexpr int kGraphicColours = 256;
// JPEG chroma noise on a gray photo: channels may differ by a few levels.
constexpr int kLossyGrayTolerance = 3;

// Distinct colours, counted up to kGraphicColours + 1 and no further: open addressing in a
// fixed table, where a std::unordered_set would allocate a node per colour.
class ColourCount {
 public:
  bool full() const { return count_ > kGraphicColours; }
  int count() const { return count_; }
  void insert(std::uint32_t key) {
    std::size_t i = (key * 0x9E3779B1u) >> (32 - kBits);
    while (used_[i]) {
      if (keys_[i] == key) return;
      i = (i + 1) & (kSlots - 1);
    }
    used_[i] = 1;
    keys_[i] = key;
    ++count_;
  }

 private:
  static constexpr int kBits = 10;  // 1024 slots for at most 257 keys: short probes
  static constexpr std::size_t kSlots = std::size_t{1} << kBits;
  std::array<std::uint32_t, kSlots> keys_{};
  std::array<std::uint8_t, kSlots> used_{};
  int count_ = 0;
};

// A pixel's samples as one word, compared as a whole, never channel by channel: an integer of
// the pixel's own size in memory order (C = 1, 2, 4; narrow words vectorise on more lanes),
// or three bytes put together (C = 3).
template <int C>
inline auto pixelKey(const std::uint8_t* p) {
  if constexpr (C == 3) {
    return p[0] | (std::uint32_t{p[1]} << 8) | (std::uint32_t{p[2]} << 16);
  } else {
    using Word = std::conditional_t<C == 1, std::uint8_t, std::conditional_t<C == 2, std::uint16_t, std::uint32_t>>;
    Word v;
    std::memcpy(&v, p, sizeof v);
    return v;
  }
}

// The word of a pixel whose last sample (alpha) is 255 and the others 0, in memory order.
template <int C>
inline auto alphaOnly() {
  std::uint8_t p[C] = {};
  p[C - 1] = 255;
  return pixelKey<C>(p);
}

// Loops over a row in blocks of constant length, each iteration independent of the last:
// what GCC vectorises at -O2 (a running `previous pixel`, or a byte reduction at a stride,
// keeps a loop scalar).
constexpr int kBlock = 16;

// How many pixels in [from, width) of the row equal their left neighbour (from >= 1).
template <int C>
std::size_t sameAsLeft(const std::uint8_t* row, int from, int width) {
  std::size_t same = 0;
  int x = from;
  if constexpr (C == 3) {
#if defined(__SSE2__)
    // Five pixels (15 bytes) a step: bytes equal to the byte three before, as a bit mask; a
    // pixel is the same when its three bits are. 16 bytes are read: x + 6 <= width keeps
    // them inside the row.
    for (; x + 6 <= width; x += 5) {
      const __m128i here = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 3 * x));
      const __m128i left = _mm_loadu_si128(reinterpret_cast<const __m128i*>(row + 3 * x - 3));
      const unsigned eq = static_cast<unsigned>(_mm_movemask_epi8(_mm_cmpeq_epi8(here, left)));
      same += static_cast<std::size_t>(__builtin_popcount(eq & (eq >> 1) & (eq >> 2) & 0x1249u));
    }
#endif
    for (; x < width; ++x) same += pixelKey<3>(row + 3 * x) == pixelKey<3>(row + 3 * x - 3);
  } else {
    for (; x + kBlock <= width; x += kBlock) {
      unsigned block = 0;
      for (int k = 0; k < kBlock; ++k) block += pixelKey<C>(row + (x + k) * C) == pixelKey<C>(row + (x + k - 1) * C);
      same += block;
    }
    for (; x < width; ++x) same += pixelKey<C>(row + x * C) == pixelKey<C>(row + (x - 1) * C);
  }
  return same;
}

template <int C>
bool rowGray(const std::uint8_t* p, int width, int tolerance) {
  if (tolerance == 0) {
    // R == G == B: each of the word's low three bytes equals the next. On a little-endian
    // machine those are R, G and B; elsewhere the byte loop below does it.
    if constexpr (C == 4 && std::endian::native == std::endian::little) {
      std::uint32_t differ = 0;
      int x = 0;
      for (; x + kBlock <= width; x += kBlock)
        for (int k = 0; k < kBlock; ++k) {
          const std::uint32_t v = pixelKey<4>(p + (x + k) * 4);
          differ |= (v ^ (v >> 8)) & 0xFFFFu;
        }
      for (; x < width; ++x) {
        const std::uint32_t v = pixelKey<4>(p + x * 4);
        differ |= (v ^ (v >> 8)) & 0xFFFFu;
      }
      return differ == 0;
    }
    bool gray = true;
    for (int x = 0; x < width; ++x, p += C) gray &= (p[0] == p[1]) & (p[1] == p[2]);
    return gray;
  }
  for (int x = 0; x < width; ++x, p += C)
    if (std::abs(p[0] - p[1]) > tolerance || std::abs(p[1] - p[2]) > tolerance) return false;
  return true;
}

// Whole words ANDed (C = 2 or 4), the alpha byte looked at in the end.
template <int C>
bool rowTranslucent(const std::uint8_t* p, int width) {
  auto all = pixelKey<C>(p);
  int x = 0;
  for (; x + kBlock <= width; x += kBlock)
    for (int k = 0; k < kBlock; ++k) all &= pixelKey<C>(p + (x + k) * C);
  for (; x < width; ++x) all &= pixelKey<C>(p + x * C);
  return (all & alphaOnly<C>()) != alphaOnly<C>();
}

template <int C>
Content analyseImpl(const codecs::Image& im, bool lossySource) {
  Content c;
  const int grayTol = lossySource ? kLossyGrayTolerance : 0;
  bool gray = C >= 3;
  ColourCount colours;
  std::size_t same = 0;
  for (int y = 0; y < im.height; ++y) {
    const std::uint8_t* row = im.row(y);
    if constexpr (C == 2 || C == 4)
      if (!c.translucent) c.translucent = rowTranslucent<C>(row, im.width);
    if constexpr (C >= 3)
      if (gray) gray = rowGray<C>(row, im.width, grayTol);
    // Runs add nothing new: a colour is looked up only where it changes.
    std::uint32_t prev = pixelKey<C>(row);
    if (!colours.full()) colours.insert(prev);
    const std::uint8_t* p = row + C;
    if (colours.full()) {
      same += sameAsLeft<C>(row, 1, im.width);
      continue;
    }
    for (int x = 1; x < im.width; ++x, p += C) {
      const std::uint32_t v = pixelKey<C>(p);
      if (v == prev) {
        ++same;
      } else {
        if (!colours.full()) colours.insert(v);
        prev = v;
      }
    }
  }
  const std::size_t total = static_cast<std::size_t>(im.width) * im.height;
  c.gray = C >= 3 ? gray : true;
  c.colours = colours.count();
  c.flatness = total ? static_cast<double>(same) / total : 0;
  if (c.translucent) c.graphic = true;
  else if (lossySource) c.graphic = false;
  else c.graphic = c.colours <= kGraphicColours || c.flatness >= kGraphicFlatness;
  return c;
}

}  // namespace

PP_PIXEL_LOOP Content analyse(const codecs::Image& im, bool lossySource) {
  switch (im.channels) {
    case 1: return analyseImpl<1>(im, lossySource);
    case 2: return analyseImpl<2>(im, lossySource);
    case 3: return analyseImpl<3>(im, lossySource);
    default: return analyseImpl<4>(im, lossySource);
  }
}

PP_PIXEL_LOOP codecs::Image simplifyChannels(codecs::Image im, const Content& c) {
  const bool dropAlpha = im.hasAlphaChannel() && !c.translucent;
  const bool dropColour = im.channels >= 3 && c.gray;
  if (!dropAlpha && !dropColour) return im;
  const int C = im.channels;
  const bool keepAlpha = im.hasAlphaChannel() && !dropAlpha;
  const int outC = (dropColour || C <= 2 ? 1 : 3) + (keepAlpha ? 1 : 0);
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  // In place, front to back: a pixel's output never starts after its input (outC < C), and
  // the pixel is read whole before it is written. No second picture in memory.
  std::uint8_t* px = im.pixels.data();
  if (C == 4 && outC == 3) {  // the common case: a screenshot with an opaque alpha channel
    for (std::size_t i = 0; i < n; ++i) {
      const std::uint8_t r = px[i * 4], g = px[i * 4 + 1], b = px[i * 4 + 2];
      px[i * 3] = r;
      px[i * 3 + 1] = g;
      px[i * 3 + 2] = b;
    }
  } else {
    for (std::size_t i = 0; i < n; ++i) {
      std::uint8_t p[4];
      std::memcpy(p, px + i * C, static_cast<std::size_t>(C));
      std::uint8_t* o = px + i * outC;
      // Within tolerance the channels agree: take green, the one luma weighs most.
      if (dropColour) o[0] = p[1];
      else if (C <= 2) o[0] = p[0];
      else o[0] = p[0], o[1] = p[1], o[2] = p[2];
      if (keepAlpha) o[outC - 1] = p[C - 1];
    }
  }
  im.pixels.resize(n * outC);
  im.channels = outC;
  return im;
}

}  // namespace pp::assets
