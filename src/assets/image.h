// The in-memory picture every decoder produces and every later step consumes: 8-bit samples,
// 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA) channels, rows top to bottom, no padding,
// colour values in sRGB and alpha not premultiplied.
#pragma once

#include <cstddef>
#include <cstdint>
#include <vector>

namespace pp::assets {

struct Image {
  int width = 0;
  int height = 0;
  int channels = 0;
  std::vector<std::uint8_t> pixels;

  bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
  bool hasAlphaChannel() const { return channels == 2 || channels == 4; }
  std::size_t rowBytes() const { return static_cast<std::size_t>(width) * channels; }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * rowBytes(); }
  const std::uint8_t* row(int y) const {
    return pixels.data() + static_cast<std::size_t>(y) * rowBytes();
  }

  static Image blank(int w, int h, int ch) {
    Image im;
    im.width = w;
    im.height = h;
    im.channels = ch;
    im.pixels.assign(static_cast<std::size_t>(w) * h * ch, 0);
    return im;
  }
};

}  // namespace pp::assets
