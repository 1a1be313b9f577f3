#include "assets/classify.h"

#include <cstdlib>
#include <unordered_set>

namespace pp::assets {

namespace {

// A UI screenshot or a chart repeats its left neighbour in most pixels; a photograph almost
// never does (sensor noise). Measured on the corpora: screenshots 0.6-0.95, photos < 0.1.
constexpr double kGraphicFlatness = 0.5;
// A palette-sized image is a graphic however noisy it looks.
constexpr int kGraphicColours = 256;
// JPEG chroma noise on a gray photo: channels may differ by a few levels.
constexpr int kLossyGrayTolerance = 3;

}  // namespace

Content analyse(const Image& im, bool lossySource) {
  Content c;
  const int C = im.channels;
  const bool colour = C >= 3;
  const bool alpha = im.hasAlphaChannel();
  const int grayTol = lossySource ? kLossyGrayTolerance : 0;
  bool gray = true;
  std::unordered_set<std::uint32_t> seen;
  seen.reserve(512);
  std::size_t same = 0, total = 0;
  for (int y = 0; y < im.height; ++y) {
    const std::uint8_t* p = im.row(y);
    std::uint32_t prev = 0;
    for (int x = 0; x < im.width; ++x, p += C) {
      std::uint32_t v = 0;
      for (int k = 0; k < C; ++k) v = (v << 8) | p[k];
      if (alpha && p[C - 1] != 255) c.translucent = true;
      if (colour && gray && (std::abs(p[0] - p[1]) > grayTol || std::abs(p[1] - p[2]) > grayTol)) gray = false;
      if (x > 0 && v == prev) ++same;
      else if (seen.size() <= static_cast<std::size_t>(kGraphicColours)) seen.insert(v);  // runs add nothing new
      prev = v;
      ++total;
    }
  }
  c.gray = gray;
  c.colours = static_cast<int>(seen.size());
  c.flatness = total ? static_cast<double>(same) / total : 0;
  if (c.translucent) c.graphic = true;
  else if (lossySource) c.graphic = false;
  else c.graphic = c.colours <= kGraphicColours || c.flatness >= kGraphicFlatness;
  return c;
}

Image simplifyChannels(Image im, const Content& c) {
  const bool dropAlpha = im.hasAlphaChannel() && !c.translucent;
  const bool dropColour = im.channels >= 3 && c.gray;
  if (!dropAlpha && !dropColour) return im;
  const int C = im.channels;
  const bool keepAlpha = im.hasAlphaChannel() && !dropAlpha;
  const int outC = (dropColour || C <= 2 ? 1 : 3) + (keepAlpha ? 1 : 0);
  Image out = Image::blank(im.width, im.height, outC);
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = &im.pixels[i * C];
    std::uint8_t* o = &out.pixels[i * outC];
    if (dropColour) {
      // Within tolerance the channels agree: take green, the one luma weighs most.
      o[0] = p[1];
    } else if (C <= 2) {
      o[0] = p[0];
    } else {
      o[0] = p[0];
      o[1] = p[1];
      o[2] = p[2];
    }
    if (keepAlpha) o[outC - 1] = p[C - 1];
  }
  return out;
}

Image toGray(const Image& im) {
  if (im.channels <= 2) return im;
  const bool alpha = im.hasAlphaChannel();
  Image out = Image::blank(im.width, im.height, alpha ? 2 : 1);
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = &im.pixels[i * im.channels];
    std::uint8_t* o = &out.pixels[i * out.channels];
    o[0] = static_cast<std::uint8_t>((2126 * p[0] + 7152 * p[1] + 722 * p[2] + 5000) / 10000);
    if (alpha) o[1] = p[3];
  }
  return out;
}

}  // namespace pp::assets
