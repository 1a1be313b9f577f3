// The in-memory picture every decoder produces and every later step consumes: 8-bit samples,
// 1 (gray), 2 (gray+alpha), 3 (RGB) or 4 (RGBA) channels, rows top to bottom, no padding,
// colour values in sRGB and alpha not premultiplied.
#pragma once

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <vector>

#include "codecs/buffer.h"

namespace pp::codecs {

struct Image {
  int width = 0;
  int height = 0;
  int channels = 0;
  ByteBuffer pixels;

  bool empty() const { return width <= 0 || height <= 0 || pixels.empty(); }
  bool hasAlphaChannel() const { return channels == 2 || channels == 4; }
  std::size_t rowBytes() const { return static_cast<std::size_t>(width) * channels; }
  std::uint8_t* row(int y) { return pixels.data() + static_cast<std::size_t>(y) * rowBytes(); }
  const std::uint8_t* row(int y) const {
    return pixels.data() + static_cast<std::size_t>(y) * rowBytes();
  }

  // All zero: transparent black.
  static Image blank(int w, int h, int ch) {
    Image im = uninitialised(w, h, ch);
    std::fill(im.pixels.begin(), im.pixels.end(), std::uint8_t{0});
    return im;
  }
  // Bytes left as they come: for pictures written in full right away.
  static Image uninitialised(int w, int h, int ch) {
    Image im;
    im.width = w;
    im.height = h;
    im.channels = ch;
    im.pixels.resize(static_cast<std::size_t>(w) * h * ch);
    return im;
  }
};

}  // namespace pp::codecs
