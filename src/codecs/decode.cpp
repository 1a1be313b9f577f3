// decodeRaster: each raster format to the decoder of its library.
#include "codecs/decode.h"

namespace pp::codecs {

Decoded decodeRaster(Format f, std::string_view bytes, DecodeHint hint) {
  switch (f) {
    case Format::Jpeg: return decodeJpeg(bytes, hint);
    case Format::Webp: return decodeWebp(bytes, hint);
    case Format::Gif: return decodeGif(bytes);
    case Format::Png: return decodePng(bytes, hint);
    case Format::Bmp: return decodeWithStb(bytes);
    default: break;
  }
  return Decoded::fail(DecodeFailure::Unsupported, std::string("unsupported image format: ") + formatName(f));
}

}  // namespace pp::codecs
