// The raster decoders behind decodeRaster (postpress/codecs.h), one per library. Each takes the
// whole file in memory (already checked against the size and pixel limits from its header)
// and never throws on bad bytes: a truncated or corrupt file comes back as a failure with a
// message.
#pragma once

#include <optional>
#include <string_view>

#include "postpress/codecs.h"

namespace pp::codecs {

Decoded decodeJpeg(std::string_view bytes, DecodeHint hint);
Decoded decodeWebp(std::string_view bytes, DecodeHint hint);
int webpExifOrientation(std::string_view bytes);  // 1 when the file has no EXIF
Decoded decodeGif(std::string_view bytes);
// PNG: decodePlainPng, and libspng for what it does not take.
Decoded decodePng(std::string_view bytes, DecodeHint hint);
// 8-bit, not interlaced, no tRNS but on a palette: libdeflate and our own unfiltering; nullopt
// for any other PNG and for any fault found (libspng then decides).
std::optional<Decoded> decodePlainPng(std::string_view bytes, DecodeHint hint);
Decoded decodePngWithSpng(std::string_view bytes, DecodeHint hint);  // any PNG
Decoded decodeWithStb(std::string_view bytes);                       // BMP

}  // namespace pp::codecs
