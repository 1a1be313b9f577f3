// analyse(): the photograph-or-graphic decision and what it counts, at its thresholds.
#include "assets/classify.h"
#include "support.h"

using namespace pptest;
namespace pa = pp::assets;
namespace codecs = pp::codecs;

namespace {

// `n` distinct colours, each pixel different from its left neighbour (no flatness).
codecs::Image distinctColours(int n, int channels) {
  codecs::Image im = codecs::Image::blank(n * 2, 3, channels);
  for (int y = 0; y < im.height; ++y)
    for (int x = 0; x < im.width; ++x) {
      const int k = (x + y) % n;
      std::uint8_t* p = im.row(y) + static_cast<std::size_t>(x) * channels;
      for (int c = 0; c < channels; ++c) p[c] = static_cast<std::uint8_t>(c == 3 ? 255 : (k * 7 + c * (k / 37)) & 0xFF);
      if (channels >= 3) p[2] = static_cast<std::uint8_t>(k >> 2);
    }
  return im;
}

}  // namespace

TEST_CASE("analyse: 256 distinct colours is a graphic, 257 is not (when nothing is flat)") {
  for (int ch : {3, 4}) {
    CAPTURE(ch);
    pa::Content c256 = pa::analyse(distinctColours(256, ch), false);
    CHECK(c256.colours == 256);
    CHECK(c256.flatness == 0);
    CHECK(c256.graphic);
    CHECK_FALSE(c256.translucent);
    pa::Content c300 = pa::analyse(distinctColours(300, ch), false);
    CHECK(c300.colours == 257);  // counting stops there
    CHECK_FALSE(c300.graphic);
  }
}

TEST_CASE("analyse: flatness, translucency, gray within JPEG noise, lossy sources") {
  codecs::Image flat = codecs::Image::blank(100, 10, 3);
  for (int y = 0; y < 10; ++y)
    for (int x = 0; x < 100; ++x) {
      std::uint8_t* p = flat.row(y) + x * 3;
      p[0] = static_cast<std::uint8_t>(x < 40 ? x * 5 + y : 200);  // 40 changing, 60 repeated
      p[1] = static_cast<std::uint8_t>(y * 20);
      p[2] = static_cast<std::uint8_t>(x < 40 ? x : 0);
    }
  pa::Content c = pa::analyse(flat, false);
  CHECK(c.flatness == doctest::Approx(0.59));  // 59 of 100 pixels a row repeat their neighbour
  CHECK(c.graphic);
  CHECK_FALSE(c.gray);
  CHECK_FALSE(pa::analyse(flat, true).graphic);  // a JPEG stays a photograph

  codecs::Image alpha = codecs::Image::blank(5, 5, 4);
  std::fill(alpha.pixels.begin(), alpha.pixels.end(), 255);
  CHECK_FALSE(pa::analyse(alpha, false).translucent);
  alpha.row(4)[4 * 4 + 3] = 254;
  pa::Content t = pa::analyse(alpha, true);
  CHECK(t.translucent);
  CHECK(t.graphic);  // transparency wins over a lossy source

  codecs::Image nearGray = codecs::Image::blank(4, 4, 3);
  for (std::size_t i = 0; i < nearGray.pixels.size(); i += 3) {
    nearGray.pixels[i] = 100;
    nearGray.pixels[i + 1] = 102;
    nearGray.pixels[i + 2] = 99;
  }
  CHECK(pa::analyse(nearGray, true).gray);    // within 3 levels: JPEG chroma noise
  CHECK_FALSE(pa::analyse(nearGray, false).gray);  // lossless: exactly equal or colour
  CHECK(pa::analyse(codecs::Image::blank(3, 3, 2), false).gray);
}

namespace {

// analyse() as the definitions say, one pixel at a time: what the vectorised loops must
// reproduce exactly.
pa::Content referenceAnalysis(const codecs::Image& im, bool lossy) {
  pa::Content c;
  const int C = im.channels;
  const int tol = lossy ? 3 : 0;
  bool gray = C >= 3;
  std::vector<std::uint32_t> seen;
  std::size_t same = 0;
  for (int y = 0; y < im.height; ++y)
    for (int x = 0; x < im.width; ++x) {
      const std::uint8_t* p = im.row(y) + static_cast<std::size_t>(x) * C;
      if ((C == 2 || C == 4) && p[C - 1] != 255) c.translucent = true;
      if (C >= 3 && (std::abs(p[0] - p[1]) > tol || std::abs(p[1] - p[2]) > tol)) gray = false;
      std::uint32_t key = 0;
      for (int k = 0; k < C; ++k) key |= std::uint32_t{p[k]} << (8 * k);
      if (seen.size() <= 256 && std::find(seen.begin(), seen.end(), key) == seen.end()) seen.push_back(key);
      if (x > 0 && std::equal(p, p + C, p - C)) ++same;
    }
  c.gray = C >= 3 ? gray : true;
  c.colours = static_cast<int>(seen.size());
  c.flatness = static_cast<double>(same) / (static_cast<double>(im.width) * im.height);
  return c;
}

}  // namespace

TEST_CASE("analyse counts exactly what a pixel-by-pixel reading counts, at every width and channel count") {
  // Runs, noise and few colours mixed in one picture (colour counting fills up part way through
  // a row), widths around the loops' block and step sizes, alpha that drops below 255 once.
  for (int ch = 1; ch <= 4; ++ch)
    for (int w : {1, 2, 5, 6, 7, 11, 16, 17, 33, 64, 101})
      for (int kind = 0; kind < 4; ++kind) {
        CAPTURE(ch);
        CAPTURE(w);
        CAPTURE(kind);
        codecs::Image im = codecs::Image::blank(w, 9, ch);
        for (int y = 0; y < im.height; ++y)
          for (int x = 0; x < w; ++x) {
            const std::uint32_t h = positionHash(x / (1 + kind), y, static_cast<std::uint32_t>(kind));
            std::uint8_t* p = im.row(y) + static_cast<std::size_t>(x) * ch;
            for (int k = 0; k < ch; ++k) {
              const std::uint8_t noisy = static_cast<std::uint8_t>(h >> (8 * k));
              p[k] = kind == 3 ? static_cast<std::uint8_t>(h & 0x3) * 60 : kind == 2 && k > 0 ? p[0] : noisy;
            }
            if (ch == 2 || ch == 4) p[ch - 1] = (kind == 1 && x == w - 1 && y == 4) ? 200 : 255;
          }
        for (bool lossy : {false, true}) {
          const pa::Content got = pa::analyse(im, lossy), want = referenceAnalysis(im, lossy);
          CHECK(got.translucent == want.translucent);
          CHECK(got.gray == want.gray);
          CHECK(got.colours == want.colours);
          CHECK(got.flatness == want.flatness);
        }
      }
}
