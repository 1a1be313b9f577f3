#include "codecs/resize.h"

#include <algorithm>
#include <array>
#include <cmath>
#include <cstring>
#include <vector>


namespace pp::codecs {

namespace {

// Catmull-Rom: interpolating, sharp, little ringing; support radius 2 (in output pixels).
constexpr double kFilterRadius = 2.0;
double catmullRom(double x) {
  x = std::fabs(x);
  if (x < 1) return 1.5 * x * x * x - 2.5 * x * x + 1;
  if (x < 2) return -0.5 * x * x * x + 2.5 * x * x - 4 * x + 2;
  return 0;
}

// Linear values are kept in 1/kLinearSteps units when turning them back into sRGB: fine
// enough that the darkest sRGB steps (where the curve is steepest) stay distinct.
constexpr int kLinearSteps = 16384;

const std::array<float, 256>& srgbToLinear() {
  static const std::array<float, 256> table = [] {
    std::array<float, 256> t{};
    for (int i = 0; i < 256; ++i) {
      double c = i / 255.0;
      t[i] = static_cast<float>(c <= 0.04045 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4));
    }
    return t;
  }();
  return table;
}

const std::vector<std::uint8_t>& linearToSrgb() {
  static const std::vector<std::uint8_t> table = [] {
    std::vector<std::uint8_t> t(kLinearSteps + 1);
    for (int i = 0; i <= kLinearSteps; ++i) {
      double l = static_cast<double>(i) / kLinearSteps;
      double c = l <= 0.0031308 ? l * 12.92 : 1.055 * std::pow(l, 1 / 2.4) - 0.055;
      t[i] = static_cast<std::uint8_t>(std::lround(std::clamp(c, 0.0, 1.0) * 255));
    }
    return t;
  }();
  return table;
}

// For each output sample: the first input sample and the normalised weights.
struct Contributions {
  std::vector<int> first;
  std::vector<int> count;
  std::vector<float> weights;  // count[i] weights for output i, packed at offset[i]
  std::vector<int> offset;
};

// `padTo`: each output's taps are padded with zero weights to a multiple of it (the samples
// they read must exist: the caller pads its rows with padTo - 1 samples).
Contributions contributions(int inSize, int outSize, int padTo = 1) {
  Contributions c;
  const double scale = static_cast<double>(inSize) / outSize;
  const double widen = std::max(1.0, scale);
  const double radius = kFilterRadius * widen;
  c.first.resize(outSize);
  c.count.resize(outSize);
  c.offset.resize(outSize);
  for (int o = 0; o < outSize; ++o) {
    const double center = (o + 0.5) * scale - 0.5;
    int lo = static_cast<int>(std::ceil(center - radius));
    int hi = static_cast<int>(std::floor(center + radius));
    lo = std::max(lo, 0);
    hi = std::min(hi, inSize - 1);
    if (hi < lo) hi = lo = std::clamp(static_cast<int>(std::lround(center)), 0, inSize - 1);
    c.first[o] = lo;
    c.count[o] = hi - lo + 1;
    c.offset[o] = static_cast<int>(c.weights.size());
    double sum = 0;
    for (int i = lo; i <= hi; ++i) sum += catmullRom((i - center) / widen);
    for (int i = lo; i <= hi; ++i) {
      double w = catmullRom((i - center) / widen);
      c.weights.push_back(static_cast<float>(sum != 0 ? w / sum : 1.0 / c.count[o]));
    }
    while (c.count[o] % padTo) {
      c.weights.push_back(0.0f);
      ++c.count[o];
    }
  }
  return c;
}

}  // namespace

void fitWithin(int width, int height, double maxWidth, double maxHeight, int* outW, int* outH) {
  double s = 1.0;
  if (maxWidth > 0) s = std::min(s, maxWidth / width);
  if (maxHeight > 0) s = std::min(s, maxHeight / height);
  if (s >= 1.0) {
    *outW = width;
    *outH = height;
    return;
  }
  *outW = std::max(1, static_cast<int>(std::floor(width * s + 1e-9)));
  *outH = std::max(1, static_cast<int>(std::floor(height * s + 1e-9)));
  // Rounding down one side may leave the other a pixel too generous for the ratio; fine.
}

namespace {

constexpr std::size_t kStepBlock = 16;  // floats per inner loop of constant length: GCC vectorises it

// Reductions of at least this much on both axes average 2x2 blocks first (resizeImpl): a
// quarter of the filter's work. From 3x on, the result is within a fraction of a level of
// filtering every pixel and looks the same; at 2x it is visibly softer, so not there.
constexpr int kHalveRatio = 3;

// Four floats in one SSE (or NEON) register: GCC's vector extension, so that sums stay in
// registers where plain arrays went through memory at every step.
using Float4 = float __attribute__((vector_size(16)));
inline Float4 load4(const float* p) {
  Float4 v;
  std::memcpy(&v, p, sizeof v);
  return v;
}
inline void store4(float* p, Float4 v) { std::memcpy(p, &v, sizeof v); }
// Eight floats: one AVX register in the AVX2 copy of the loops, two SSE registers in the
// baseline's, with the same arithmetic lane by lane (so the same results). Loaded in place
// with memcpy: a function returning one would change the ABI between the two copies (GCC's
// -Wpsabi).
using Float8 = float __attribute__((vector_size(32)));

// A linear value to its index into linearToSrgb(), clamped to the table. Written with plain
// comparisons (std::clamp's references kept GCC from vectorising the loop).
inline std::int32_t linearStep(float v) {
  float x = v * kLinearSteps + 0.5f;
  x = x > 0.0f ? x : 0.0f;
  x = x < static_cast<float>(kLinearSteps) ? x : static_cast<float>(kLinearSteps);
  return static_cast<std::int32_t>(x);
}

void toSteps(const float* __restrict v, std::size_t n, std::int32_t* __restrict out) {
  std::size_t i = 0;
  for (; i + kStepBlock <= n; i += kStepBlock)
    for (std::size_t k = 0; k < kStepBlock; ++k) out[i + k] = linearStep(v[i + k]);
  for (; i < n; ++i) out[i] = linearStep(v[i]);
}

// acc[i] = sum over taps t of w[t] * rows[t][i], 16 floats at a time with the sums in four
// registers: one pass over the rows, instead of a read and a write of acc for every tap.
void weightedSum(const float* const* rows, const float* w, int taps, std::size_t n, float* __restrict acc) {
  std::size_t i = 0;
  for (; i + 16 <= n; i += 16) {
    Float4 s0 = {}, s1 = {}, s2 = {}, s3 = {};
    for (int t = 0; t < taps; ++t) {
      const float* r = rows[t] + i;
      const float wt = w[t];
      s0 += wt * load4(r);
      s1 += wt * load4(r + 4);
      s2 += wt * load4(r + 8);
      s3 += wt * load4(r + 12);
    }
    store4(acc + i, s0);
    store4(acc + i + 4, s1);
    store4(acc + i + 8, s2);
    store4(acc + i + 12, s3);
  }
  for (; i < n; ++i) {
    float sum = 0;
    for (int t = 0; t < taps; ++t) sum += w[t] * rows[t][i];
    acc[i] = sum;
  }
}

// One instantiation per channel layout, so the inner loops have constant trip counts and
// vectorise. C: channels; alpha, when present, is the last.
template <int C, bool kAlpha>
Image resizeImpl(const Image& src, int W, int H) {
  constexpr int colour = kAlpha ? C - 1 : C;
  // Working rows hold S floats a pixel: RGB is padded to 4 so that the per-tap update is one
  // 4-wide vector operation rather than 3 scalar lanes.
  constexpr int S = C == 3 ? 4 : C;
  const auto& toLin = srgbToLinear();
  const auto& toSrgb = linearToSrgb();
  // Large reductions: 2x2 blocks averaged in linear light as rows are read, and the filter
  // (widened half as much) run on those: a quarter of the horizontal work, and the blocks
  // cost a few additions a pixel. The result differs from filtering every pixel by a fraction
  // of a level (see kHalveRatio).
  const bool halve = src.width >= kHalveRatio * W && src.height >= kHalveRatio * H;
  const int inW = halve ? (src.width + 1) / 2 : src.width;
  const int inH = halve ? (src.height + 1) / 2 : src.height;
  // Horizontal taps in fours for RGB and RGBA (the loop below has no remainder to wait on).
  constexpr int kTapPad = S == 4 ? 4 : 1;
  const Contributions hx = contributions(inW, W, kTapPad);
  // RGB and RGBA: each horizontal weight four times over, so that one eight-float product
  // takes two taps of a pixel's four samples (the AVX2 copy's horizontal pass: half the
  // multiplications and additions of one pixel a register).
  std::vector<float> wideWeights;
  if constexpr (S == 4) {
    wideWeights.reserve(hx.weights.size() * 4);
    for (float w : hx.weights) wideWeights.insert(wideWeights.end(), 4, w);
  }
  const Contributions vy = contributions(inH, H);

  // Rows already filtered horizontally, kept in a ring: the vertical filter's window only
  // moves down, so memory is a few rows, never a whole intermediate picture.
  int maxTaps = 1;
  for (int n : vy.count) maxTaps = std::max(maxTaps, n);
  const std::size_t rowFloats = static_cast<std::size_t>(W) * S;
  std::vector<float> ring(rowFloats * maxTaps);
  std::vector<int> ringRow(maxTaps, -1);
  std::vector<float> linRow(static_cast<std::size_t>(inW + kTapPad - 1) * S, 0.0f);  // zeros after: padded taps
  // Halving: the two source rows of a block row, each padded to an even width by repeating
  // its last pixel.
  std::vector<float> pairA(halve ? static_cast<std::size_t>(2 * inW) * S : 0, 0.0f), pairB(pairA.size(), 0.0f);

  // Premultiplied linear light, S floats a pixel.
  auto linearise = [&](const std::uint8_t* in, float* l) {
    for (int x = 0; x < src.width; ++x, in += C, l += S) {
      const float a = kAlpha ? in[colour] * (1.0f / 255.0f) : 1.0f;
      for (int k = 0; k < colour; ++k) l[k] = toLin[in[k]] * a;
      if constexpr (kAlpha) l[colour] = a;
    }
  };

  auto filterRow = [&](int y, float* out) {
    if (!halve) {
      linearise(src.row(y), linRow.data());
    } else {
      linearise(src.row(2 * y), pairA.data());
      linearise(src.row(std::min(2 * y + 1, src.height - 1)), pairB.data());  // odd height: the row again
      if (src.width % 2) {
        const std::size_t last = static_cast<std::size_t>(src.width - 1) * S;
        for (int k = 0; k < S; ++k) pairA[last + S + k] = pairA[last + k], pairB[last + S + k] = pairB[last + k];
      }
      const float* a = pairA.data();
      const float* b = pairB.data();
      float* l = linRow.data();
      for (int x = 0; x < inW; ++x, a += 2 * S, b += 2 * S, l += S)
        for (int k = 0; k < S; ++k) l[k] = 0.25f * ((a[k] + a[S + k]) + (b[k] + b[S + k]));
    }
    for (int o = 0; o < W; ++o) {
      const float* px = &linRow[static_cast<std::size_t>(hx.first[o]) * S];
      const int n = hx.count[o];
      float* dst = out + static_cast<std::size_t>(o) * S;
      if constexpr (S == 4) {
        // Two taps a register, two sums side by side (with one, each step waited for the
        // previous addition). Taps come in fours (kTapPad).
        const float* w = &wideWeights[static_cast<std::size_t>(hx.offset[o]) * 4];
        Float8 a0 = {}, a1 = {};
        for (int t = 0; t < n; t += 4, px += 16, w += 16) {
          Float8 w0, w1, p0, p1;
          std::memcpy(&w0, w, sizeof w0);
          std::memcpy(&w1, w + 8, sizeof w1);
          std::memcpy(&p0, px, sizeof p0);
          std::memcpy(&p1, px + 8, sizeof p1);
          a0 += w0 * p0;
          a1 += w1 * p1;
        }
        const Float8 sum = a0 + a1;
        float halves[8];
        std::memcpy(halves, &sum, sizeof halves);
        store4(dst, load4(halves) + load4(halves + 4));
      } else {
        const float* w = &hx.weights[static_cast<std::size_t>(hx.offset[o])];
        float acc[S] = {};
        for (int t = 0; t < n; ++t, px += S) {
          const float wt = w[t];
          for (int k = 0; k < S; ++k) acc[k] += wt * px[k];
        }
        for (int k = 0; k < S; ++k) dst[k] = acc[k];
      }
    }
  };

  Image dst = Image::uninitialised(W, H, C);
  std::vector<float> acc(rowFloats);
  std::vector<const float*> taps(static_cast<std::size_t>(maxTaps));
  std::vector<std::int32_t> steps(rowFloats);
  for (int oy = 0; oy < H; ++oy) {
    const float* w = &vy.weights[static_cast<std::size_t>(vy.offset[oy])];
    const int n = vy.count[oy];
    for (int t = 0; t < n; ++t) {
      const int y = vy.first[oy] + t;
      const int slot = y % maxTaps;
      float* row = &ring[static_cast<std::size_t>(slot) * rowFloats];
      if (ringRow[static_cast<std::size_t>(slot)] != y) {
        filterRow(y, row);
        ringRow[static_cast<std::size_t>(slot)] = y;
      }
      taps[static_cast<std::size_t>(t)] = row;
    }
    weightedSum(taps.data(), w, n, rowFloats, acc.data());
    std::uint8_t* out = dst.row(oy);
    if constexpr (!kAlpha) {
      // Opaque: every float is a linear value; table steps in a loop that vectorises, then
      // one table lookup a sample.
      toSteps(acc.data(), rowFloats, steps.data());
      const std::int32_t* st = steps.data();
      for (int x = 0; x < W; ++x, st += S, out += C)
        for (int k = 0; k < C; ++k) out[k] = toSrgb[static_cast<std::size_t>(st[k])];
    } else {
      // Colour back from premultiplied, in place, then the same table steps as above.
      float* p = acc.data();
      for (int x = 0; x < W; ++x, p += S) {
        float a = p[colour];
        a = a > 0.0f ? (a < 1.0f ? a : 1.0f) : 0.0f;
        const float inv = a > 0 ? 1.0f / a : 0.0f;
        for (int k = 0; k < colour; ++k) p[k] *= inv;
        p[colour] = a;
      }
      toSteps(acc.data(), rowFloats, steps.data());
      const float* a = acc.data();
      const std::int32_t* st = steps.data();
      for (int x = 0; x < W; ++x, a += S, st += S, out += C) {
        for (int k = 0; k < colour; ++k) out[k] = toSrgb[static_cast<std::size_t>(st[k])];
        out[colour] = static_cast<std::uint8_t>(a[colour] * 255.0f + 0.5f);
      }
    }
  }
  return dst;
}

}  // namespace

PP_PIXEL_LOOP Image boxReduceLinear(const Image& src, int k) {
  if (k <= 1) return src;
  const int C = src.channels;
  const bool alpha = src.hasAlphaChannel();
  const int colour = alpha ? C - 1 : C;
  const int W = std::max(1, src.width / k), H = std::max(1, src.height / k);
  const auto& toLin = srgbToLinear();
  const auto& toSrgb = linearToSrgb();
  Image dst = Image::uninitialised(W, H, C);
  std::vector<float> acc(static_cast<std::size_t>(W) * C);
  for (int oy = 0; oy < H; ++oy) {
    std::fill(acc.begin(), acc.end(), 0.0f);
    for (int y = oy * k; y < std::min(src.height, (oy + 1) * k); ++y) {
      const std::uint8_t* in = src.row(y);
      for (int ox = 0; ox < W; ++ox) {
        float* a = &acc[static_cast<std::size_t>(ox) * C];
        for (int x = ox * k; x < std::min(src.width, (ox + 1) * k); ++x) {
          const std::uint8_t* p = in + static_cast<std::size_t>(x) * C;
          const float al = alpha ? p[colour] / 255.0f : 1.0f;
          for (int c = 0; c < colour; ++c) a[c] += toLin[p[c]] * al;
          if (alpha) a[colour] += al;
        }
      }
    }
    const float n = 1.0f / (k * k);
    std::uint8_t* out = dst.row(oy);
    for (int ox = 0; ox < W; ++ox) {
      const float* a = &acc[static_cast<std::size_t>(ox) * C];
      const float al = alpha ? a[colour] * n : 1.0f;
      if (alpha) out[ox * C + colour] = static_cast<std::uint8_t>(std::clamp(al, 0.0f, 1.0f) * 255.0f + 0.5f);
      for (int c = 0; c < colour; ++c) {
        const float v = al > 0 ? std::clamp(a[c] * n / al, 0.0f, 1.0f) : 0.0f;
        out[ox * C + c] = toSrgb[static_cast<std::size_t>(v * kLinearSteps + 0.5f)];
      }
    }
  }
  return dst;
}

PP_PIXEL_LOOP Image resizeLinear(const Image& src, int W, int H) {
  if (W == src.width && H == src.height) return src;
  switch (src.channels) {
    case 1: return resizeImpl<1, false>(src, W, H);
    case 2: return resizeImpl<2, true>(src, W, H);
    case 3: return resizeImpl<3, false>(src, W, H);
    default: return resizeImpl<4, true>(src, W, H);
  }
}

}  // namespace pp::codecs
