#include "postpress/codecs.h"

namespace pp::codecs {

PP_PIXEL_LOOP Image toGray(const Image& im) {
  if (im.channels <= 2) return im;
  const bool alpha = im.hasAlphaChannel();
  Image out = Image::uninitialised(im.width, im.height, alpha ? 2 : 1);
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = &im.pixels[i * im.channels];
    std::uint8_t* o = &out.pixels[i * out.channels];
    o[0] = static_cast<std::uint8_t>((2126 * p[0] + 7152 * p[1] + 722 * p[2] + 5000) / 10000);
    if (alpha) o[1] = p[3];
  }
  return out;
}

}  // namespace pp::codecs
