// PNG through libspng: every colour type and bit depth, interlacing, palette and tRNS, to
// 8-bit samples with the file's own channel count (gray, gray+alpha, RGB, RGBA; a palette is
// RGB, or RGBA when it has tRNS; tRNS on gray or RGB adds an alpha channel). libspng checks
// image and chunk sizes and CRCs itself. The common case (8-bit, not interlaced) is decoded
// faster by decode_png_fast.cpp first; what that path does not take, or finds fault with,
// libspng decides.
#include <spng.h>

#include <cstring>
#include <memory>
#include <string>

#include "codecs/decode.h"

namespace pp::codecs {

namespace {

struct SpngFree {
  void operator()(spng_ctx* c) const { spng_ctx_free(c); }
};

// Ancillary chunks (text, ICC profiles, EXIF) kept in memory while decoding: a hostile file
// could inflate a zTXt chunk far beyond its own size.
constexpr std::size_t kMaxChunkBytes = 64u << 20;
constexpr std::size_t kMaxChunkCache = 16u << 20;

Decoded failWith(int rc, const char* what) {
  return Decoded::fail(DecodeFailure::Corrupt, std::string(what) + ": " + spng_strerror(rc));
}

// 16-bit samples (host order, as SPNG_FMT_PNG / GA16 give them) to 8-bit by their high byte,
// as stb_image and libpng's strip16 do.
void narrow16(const std::uint16_t* in, std::uint8_t* out, std::size_t n) {
  for (std::size_t i = 0; i < n; ++i) out[i] = static_cast<std::uint8_t>(in[i] >> 8);
}

}  // namespace

Decoded decodePng(std::string_view bytes, DecodeHint hint) {
  if (std::optional<Decoded> plain = decodePlainPng(bytes, hint)) return std::move(*plain);
  return decodePngWithSpng(bytes, hint);
}

Decoded decodePngWithSpng(std::string_view bytes, DecodeHint hint) {
  std::unique_ptr<spng_ctx, SpngFree> ctx(spng_ctx_new(SPNG_CTX_IGNORE_ADLER32));
  if (!ctx) return Decoded::fail(DecodeFailure::TooLarge, "cannot start the PNG decoder");
  spng_ctx* c = ctx.get();
  // Each IDAT chunk's CRC is still checked, so damage is caught without zlib's Adler-32 pass.
  // A bad CRC on an ancillary chunk drops that chunk (as libpng and browsers do); on a
  // critical one the file is corrupt.
  spng_set_crc_action(c, SPNG_CRC_ERROR, SPNG_CRC_DISCARD);
  spng_set_chunk_limits(c, kMaxChunkBytes, kMaxChunkCache);
  if (hint.maxDimension > 0)
    spng_set_image_limits(c, static_cast<std::uint32_t>(hint.maxDimension), static_cast<std::uint32_t>(hint.maxDimension));
  int rc = spng_set_png_buffer(c, bytes.data(), bytes.size());
  if (rc) return failWith(rc, "unreadable PNG");
  spng_ihdr ihdr{};
  rc = spng_get_ihdr(c, &ihdr);
  if (rc == SPNG_EUSER_WIDTH || rc == SPNG_EUSER_HEIGHT)
    return Decoded::fail(DecodeFailure::TooLarge, std::string("PNG over the size limit: ") + spng_strerror(rc));
  if (rc) return failWith(rc, "unreadable PNG header");
  const int w = static_cast<int>(ihdr.width), h = static_cast<int>(ihdr.height);
  if (w <= 0 || h <= 0) return Decoded::fail(DecodeFailure::Corrupt, "PNG has no pixels");
  if (hint.maxPixels > 0 && static_cast<std::uint64_t>(w) * static_cast<std::uint64_t>(h) > hint.maxPixels)
    return Decoded::fail(DecodeFailure::TooLarge, "PNG over the pixel limit");

  spng_trns trns{};
  const bool hasTrns = spng_get_trns(c, &trns) == 0;
  const bool sixteen = ihdr.bit_depth == 16;
  // What libspng decodes to, and how many 8-bit channels we keep.
  int fmt = SPNG_FMT_RGBA8, channels = 4;
  bool wide = false;  // fmt gives 16-bit samples: narrowed afterwards
  switch (ihdr.color_type) {
    case SPNG_COLOR_TYPE_GRAYSCALE:
      channels = hasTrns ? 2 : 1;
      if (sixteen) fmt = SPNG_FMT_GA16, wide = true;  // G16 does not exist; alpha dropped below
      else fmt = hasTrns ? SPNG_FMT_GA8 : SPNG_FMT_G8;
      break;
    case SPNG_COLOR_TYPE_GRAYSCALE_ALPHA:
      channels = 2;
      fmt = SPNG_FMT_PNG;  // no 8-bit gray+alpha conversion: native samples
      wide = sixteen;
      break;
    case SPNG_COLOR_TYPE_TRUECOLOR:
    case SPNG_COLOR_TYPE_INDEXED:
      channels = hasTrns ? 4 : 3;
      fmt = hasTrns ? SPNG_FMT_RGBA8 : SPNG_FMT_RGB8;
      break;
    case SPNG_COLOR_TYPE_TRUECOLOR_ALPHA:
      break;
    default:
      return Decoded::fail(DecodeFailure::Corrupt, "PNG has an unknown colour type");
  }
  // Samples already 8-bit with the channels we keep: no conversion at all.
  if (ihdr.bit_depth == 8 && !hasTrns && ihdr.color_type != SPNG_COLOR_TYPE_INDEXED) fmt = SPNG_FMT_PNG;
  std::size_t size = 0;
  rc = spng_decoded_image_size(c, fmt, &size);
  if (rc) return failWith(rc, "unreadable PNG");
  const std::size_t n = static_cast<std::size_t>(w) * h;
  const std::size_t samplesOut = wide && ihdr.color_type == SPNG_COLOR_TYPE_GRAYSCALE ? 2 : static_cast<std::size_t>(channels);
  if (size != n * samplesOut * (wide ? 2 : 1)) return Decoded::fail(DecodeFailure::Corrupt, "PNG decoded size mismatch");

  Decoded d;
  const int flags = hasTrns ? SPNG_DECODE_TRNS : 0;
  if (!wide) {
    d.image = Image::uninitialised(w, h, channels);
    rc = spng_decode_image(c, d.image.pixels.data(), size, fmt, fmt == SPNG_FMT_G8 || fmt == SPNG_FMT_PNG ? 0 : flags);
    if (rc) return failWith(rc, "corrupt or truncated PNG");
    return d;
  }
  std::vector<std::uint16_t> buf(size / 2);
  rc = spng_decode_image(c, buf.data(), size, fmt, fmt == SPNG_FMT_PNG ? 0 : flags);
  if (rc) return failWith(rc, "corrupt or truncated PNG");
  d.image = Image::uninitialised(w, h, channels);
  if (samplesOut == static_cast<std::size_t>(channels)) {
    narrow16(buf.data(), d.image.pixels.data(), buf.size());
  } else {  // 16-bit gray without tRNS came as gray+alpha: keep the gray
    for (std::size_t i = 0; i < n; ++i) d.image.pixels[i] = static_cast<std::uint8_t>(buf[2 * i] >> 8);
  }
  return d;
}

}  // namespace pp::codecs
