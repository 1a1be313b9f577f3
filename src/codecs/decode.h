// Raster decoders, one per library. Each takes the whole file in memory (already checked
// against the size and pixel limits from its header) and never throws on bad bytes: a
// truncated or corrupt file comes back as a failure with a message.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "codecs/image.h"
#include "codecs/sniff.h"

namespace pp::codecs {

enum class DecodeFailure { None, Corrupt, Unsupported, TooLarge };

struct Decoded {
  Image image;                 // as stored: EXIF orientation not yet applied
  int orientation = 1;         // EXIF orientation to apply for display (1..8)
  bool lossy = false;          // the source is lossy (JPEG, lossy WebP): a photograph
  DecodeFailure failure = DecodeFailure::None;
  std::string message;         // why it failed
  std::vector<std::string> notes;  // things worth telling the user (first frame only, ...)

  bool ok() const { return failure == DecodeFailure::None && !image.empty(); }
  static Decoded fail(DecodeFailure f, std::string why) {
    Decoded d;
    d.failure = f;
    d.message = std::move(why);
    return d;
  }
};

// What the caller needs: decoders that can scale while decoding (JPEG DCT scaling, WebP's
// scaler) may return a smaller picture, but never smaller than this (stored orientation).
// 0 = full size.
struct DecodeHint {
  int minWidth = 0;
  int minHeight = 0;
  // Limits a decoder that reads its own header checks again before allocating (0 = none).
  int maxDimension = 0;
  std::uint64_t maxPixels = 0;
};

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
Decoded decodeWithStb(std::string_view bytes);  // BMP

// Any raster format sniffFormat() recognises; Unsupported for the rest.
Decoded decodeRaster(Format f, std::string_view bytes, DecodeHint hint);

}  // namespace pp::codecs
