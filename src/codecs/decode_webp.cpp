// WebP through libwebp: lossy, lossless, alpha, scaling while decoding; animated files give
// their first frame (libwebpdemux's animation decoder composes it on the canvas).
#include <webp/decode.h>
#include <webp/demux.h>

#include <cstring>
#include <memory>

#include "codecs/decode.h"
#include "codecs/orientation.h"

namespace pp::codecs {

namespace {

struct DemuxCloser {
  void operator()(WebPDemuxer* d) const { WebPDemuxDelete(d); }
};
struct AnimCloser {
  void operator()(WebPAnimDecoder* d) const { WebPAnimDecoderDelete(d); }
};

int webpOrientation(const WebPData& data) {
  std::unique_ptr<WebPDemuxer, DemuxCloser> demux(WebPDemux(&data));
  if (!demux) return 1;
  if (!(WebPDemuxGetI(demux.get(), WEBP_FF_FORMAT_FLAGS) & EXIF_FLAG)) return 1;
  WebPChunkIterator it;
  int orientation = 1;
  if (WebPDemuxGetChunk(demux.get(), "EXIF", 1, &it)) {
    std::string_view exif(reinterpret_cast<const char*>(it.chunk.bytes), it.chunk.size);
    if (exif.substr(0, 6) == std::string_view("Exif\0\0", 6)) exif.remove_prefix(6);
    orientation = exifOrientationFromTiff(exif);
    WebPDemuxReleaseChunkIterator(&it);
  }
  return orientation;
}

const char* statusText(VP8StatusCode s) {
  switch (s) {
    case VP8_STATUS_OUT_OF_MEMORY: return "out of memory";
    case VP8_STATUS_INVALID_PARAM: return "invalid parameter";
    case VP8_STATUS_BITSTREAM_ERROR: return "bitstream error";
    case VP8_STATUS_UNSUPPORTED_FEATURE: return "unsupported feature";
    case VP8_STATUS_SUSPENDED: return "suspended";
    case VP8_STATUS_USER_ABORT: return "aborted";
    case VP8_STATUS_NOT_ENOUGH_DATA: return "truncated (not enough data)";
    default: return "unknown error";
  }
}

Decoded firstFrame(const WebPData& data) {
  WebPAnimDecoderOptions opts;
  if (!WebPAnimDecoderOptionsInit(&opts)) return Decoded::fail(DecodeFailure::Corrupt, "libwebp version mismatch");
  opts.color_mode = MODE_RGBA;
  opts.use_threads = 0;
  std::unique_ptr<WebPAnimDecoder, AnimCloser> dec(WebPAnimDecoderNew(&data, &opts));
  if (!dec) return Decoded::fail(DecodeFailure::Corrupt, "corrupt animated WebP");
  WebPAnimInfo info;
  if (!WebPAnimDecoderGetInfo(dec.get(), &info) || info.canvas_width == 0 || info.canvas_height == 0)
    return Decoded::fail(DecodeFailure::Corrupt, "corrupt animated WebP");
  std::uint8_t* buf = nullptr;
  int timestamp = 0;
  if (!WebPAnimDecoderGetNext(dec.get(), &buf, &timestamp) || !buf)
    return Decoded::fail(DecodeFailure::Corrupt, "corrupt or truncated animated WebP");
  Decoded d;
  d.image = Image::uninitialised(static_cast<int>(info.canvas_width), static_cast<int>(info.canvas_height), 4);
  std::memcpy(d.image.pixels.data(), buf, d.image.pixels.size());
  if (info.frame_count > 1) d.notes.push_back("animated WebP: only the first frame is shown");
  return d;
}

}  // namespace

int webpExifOrientation(std::string_view bytes) {
  const WebPData data{reinterpret_cast<const std::uint8_t*>(bytes.data()), bytes.size()};
  return webpOrientation(data);
}

Decoded decodeWebp(std::string_view bytes, DecodeHint hint) {
  const auto* src = reinterpret_cast<const std::uint8_t*>(bytes.data());
  WebPDecoderConfig config;
  if (!WebPInitDecoderConfig(&config)) return Decoded::fail(DecodeFailure::Corrupt, "libwebp version mismatch");
  VP8StatusCode st = WebPGetFeatures(src, bytes.size(), &config.input);
  if (st != VP8_STATUS_OK) return Decoded::fail(DecodeFailure::Corrupt, std::string("corrupt WebP: ") + statusText(st));
  const WebPData data{src, bytes.size()};
  const int orientation = webpOrientation(data);  // also returned in Decoded
  const bool lossy = config.input.format == 1;  // 1 = lossy, 2 = lossless, 0 = mixed (animation)

  if (config.input.has_animation) {
    Decoded d = firstFrame(data);
    d.orientation = orientation;
    d.lossy = lossy;
    return d;
  }

  const int w = config.input.width, h = config.input.height;
  int ow = w, oh = h;
  // libwebp's scaler shrinks while decoding (on the decoder's rows: the full picture is never
  // built), an area average of sRGB values. An opaque lossy WebP is a photograph (a JPEG):
  // scaled straight to the size needed, much cheaper than decoding in full and filtering, and
  // the average's darkening is lost in a photograph's noise. A lossless one may hold text and thin lines, which averaging sRGB darkens: the scaler does
  // only the heavy shrinking, to twice the needed size, and the gamma-correct filter the rest.
  if (hint.minWidth > 0 && hint.minHeight > 0 && w > hint.minWidth && h > hint.minHeight) {
    if (lossy && !config.input.has_alpha) {
      ow = hint.minWidth;
      oh = hint.minHeight;
    } else if (w >= 4 * hint.minWidth && h >= 4 * hint.minHeight) {
      ow = 2 * hint.minWidth;
      oh = static_cast<int>((static_cast<long long>(h) * ow + w / 2) / w);
      if (oh < 2 * hint.minHeight) oh = 2 * hint.minHeight;
    }
    if (ow != w || oh != h) {
      config.options.use_scaling = 1;
      config.options.scaled_width = ow;
      config.options.scaled_height = oh;
    }
  }
  const int channels = config.input.has_alpha ? 4 : 3;
  Decoded d;
  d.image = Image::uninitialised(ow, oh, channels);
  config.output.colorspace = channels == 4 ? MODE_RGBA : MODE_RGB;
  config.output.is_external_memory = 1;
  config.output.u.RGBA.rgba = d.image.pixels.data();
  config.output.u.RGBA.stride = static_cast<int>(d.image.rowBytes());
  config.output.u.RGBA.size = d.image.pixels.size();
  st = WebPDecode(src, bytes.size(), &config);
  WebPFreeDecBuffer(&config.output);
  if (st != VP8_STATUS_OK) return Decoded::fail(DecodeFailure::Corrupt, std::string("corrupt WebP: ") + statusText(st));
  d.orientation = orientation;
  d.lossy = lossy;
  return d;
}

}  // namespace pp::codecs
