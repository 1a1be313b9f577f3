#include "codecs/orientation.h"

#include <cstdint>
#include <cstring>

#include "codecs/decode.h"
#include "codecs/jpeg_segments.h"

namespace pp::codecs {

namespace {

struct TiffReader {
  std::string_view b;
  bool little = true;
  bool ok(std::size_t at, std::size_t n) const { return at <= b.size() && n <= b.size() - at; }
  std::uint32_t u16(std::size_t at) const {
    auto p = reinterpret_cast<const std::uint8_t*>(b.data()) + at;
    return little ? (p[0] | (p[1] << 8)) : ((p[0] << 8) | p[1]);
  }
  std::uint32_t u32(std::size_t at) const {
    return little ? (u16(at) | (u16(at + 2) << 16)) : ((u16(at) << 16) | u16(at + 2));
  }
};

}  // namespace

int exifOrientationFromTiff(std::string_view tiff) {
  TiffReader r{tiff};
  if (!r.ok(0, 8)) return 1;
  if (tiff.compare(0, 4, std::string_view("II*\0", 4)) == 0) r.little = true;
  else if (tiff.compare(0, 4, std::string_view("MM\0*", 4)) == 0) r.little = false;
  else return 1;
  std::size_t ifd = r.u32(4);
  if (!r.ok(ifd, 2)) return 1;
  std::uint32_t count = r.u16(ifd);
  for (std::uint32_t i = 0; i < count; ++i) {
    std::size_t e = ifd + 2 + static_cast<std::size_t>(i) * 12;
    if (!r.ok(e, 12)) return 1;
    if (r.u16(e) == 0x0112) {  // Orientation, SHORT
      std::uint32_t v = r.u16(e + 8);
      return v >= 1 && v <= 8 ? static_cast<int>(v) : 1;
    }
  }
  return 1;
}

int jpegExifOrientation(std::string_view b) {
  int orientation = 1;
  visitJpegSegments(b, [&](std::uint8_t m, std::size_t at, std::size_t length) {
    if (at + 2 + length > b.size()) return true;  // a segment cut short: no more metadata
    if (m != 0xE1 || length < 8 || b.compare(at + 4, 6, std::string_view("Exif\0\0", 6)) != 0) return false;
    orientation = exifOrientationFromTiff(b.substr(at + 10, length - 8));
    return true;
  });
  return orientation;
}

int exifOrientation(Format f, std::string_view bytes) {
  if (f == Format::Jpeg) return jpegExifOrientation(bytes);
  if (f == Format::Webp) return webpExifOrientation(bytes);
  return 1;
}

Image applyOrientation(Image src, int o) {
  if (o < 2 || o > 8 || src.empty()) return src;
  const int W = src.width, H = src.height, C = src.channels;
  const bool swap = orientationSwapsAxes(o);
  Image out = Image::uninitialised(swap ? H : W, swap ? W : H, C);
  for (int y = 0; y < out.height; ++y) {
    std::uint8_t* d = out.row(y);
    for (int x = 0; x < out.width; ++x, d += C) {
      int sx = x, sy = y;
      switch (o) {
        case 2: sx = W - 1 - x; sy = y; break;
        case 3: sx = W - 1 - x; sy = H - 1 - y; break;
        case 4: sx = x; sy = H - 1 - y; break;
        case 5: sx = y; sy = x; break;
        case 6: sx = y; sy = H - 1 - x; break;
        case 7: sx = W - 1 - y; sy = H - 1 - x; break;
        case 8: sx = W - 1 - y; sy = x; break;
      }
      std::memcpy(d, src.row(sy) + static_cast<std::size_t>(sx) * C, C);
    }
  }
  return out;
}

}  // namespace pp::codecs
