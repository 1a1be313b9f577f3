// A JPEG file's marker segments before its image data: where the frame header (size), the
// EXIF block (orientation) and Adobe's APP14 (CMYK convention) are found.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pp::codecs {

inline std::uint8_t jpegByte(std::string_view b, std::size_t at) { return static_cast<std::uint8_t>(b[at]); }
inline std::size_t jpegBe16(std::string_view b, std::size_t at) {
  return (std::size_t{jpegByte(b, at)} << 8) | jpegByte(b, at + 1);
}

// Calls visit(marker, at, length) for each segment after SOI and before the first scan (SOS)
// or the end of image, `at` being where its 0xFF is and `length` its length field (at least 2,
// the segment may run past the end of `b`), until visit returns true; then true. False when
// no visit did, or the bytes stop making sense (a missing 0xFF, a length below 2). Fill bytes
// and the markers that carry no length (SOI, RSTn, TEM) are stepped over.
template <typename Visit>
bool visitJpegSegments(std::string_view b, Visit visit) {
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (jpegByte(b, i) != 0xFF) return false;
    const std::uint8_t m = jpegByte(b, i + 1);
    if (m == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (m == 0xD8 || (m >= 0xD0 && m <= 0xD7) || m == 0x01) {
      i += 2;
      continue;
    }
    if (m == 0xDA || m == 0xD9) return false;  // the scan starts, or the image ends
    const std::size_t length = jpegBe16(b, i + 2);
    if (length < 2) return false;
    if (visit(m, i, length)) return true;
    i += 2 + length;
  }
  return false;
}

}  // namespace pp::codecs
