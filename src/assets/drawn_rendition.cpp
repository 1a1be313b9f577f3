#include "assets/drawn_rendition.h"

#include <optional>

#include "assets/cache.h"
#include "assets/names.h"
#include "postpress/codecs.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::assets {

namespace {

// A rendition's file decoded as it was stored (no orientation to apply: renditions are upright).
std::optional<codecs::Image> decodeFile(const fs::path& file, codecs::Format format, const PipelineParams& p,
                                        std::string* err) {
  auto bytes = readFile(file, err);
  if (!bytes) return std::nullopt;
  codecs::Decoded d =
      codecs::decodeRaster(format, *bytes, codecs::DecodeHint{0, 0, p.maxDimension, p.maxPixels});
  if (!d.ok()) {
    *err = "cannot decode " + file.string() + (d.message.empty() ? std::string() : ": " + d.message);
    return std::nullopt;
  }
  return std::move(d.image);
}

// The colour samples with the soft mask's gray as their alpha channel.
codecs::Image withAlpha(const codecs::Image& colour, const codecs::Image& alpha) {
  const int C = colour.channels;
  codecs::Image out = codecs::Image::uninitialised(colour.width, colour.height, C + 1);
  const std::size_t n = static_cast<std::size_t>(colour.width) * colour.height;
  for (std::size_t i = 0; i < n; ++i) {
    for (int k = 0; k < C; ++k) out.pixels[i * (C + 1) + k] = colour.pixels[i * C + k];
    out.pixels[i * (C + 1) + C] = alpha.pixels[i];
  }
  return out;
}

PipelineResult failed(const Asset& a, std::string why) {
  PipelineResult r;
  r.status = AssetStatus::Corrupt;
  r.format = a.format;
  r.message = std::move(why);
  return r;
}

}  // namespace

std::string drawnRenditionKey(const EncodedImage& stored, PixelSize size, const PipelineParams& p) {
  Hasher h;
  h.field(kPipelineVersion);
  h.field("drawn size");
  h.field(codecName(stored.codec));
  h.field(stored.hash);
  h.field(stored.alphaFile.filename().string());  // named by its bytes' hash
  h.field(std::to_string(size.w) + "x" + std::to_string(size.h));
  h.field("q=" + std::to_string(p.jpegQuality));
  return h.hex();
}

PipelineResult makeDrawnRendition(const Asset& a, PixelSize size, const PipelineParams& p) {
  const EncodedImage& stored = a.pdf;
  const bool png = stored.codec == EncodedImage::Codec::Png;
  if (stored.codec == EncodedImage::Codec::None || size.w <= 0 || size.h <= 0)
    return failed(a, "no stored rendition to scale");
  std::string err;
  std::optional<codecs::Image> picture = decodeFile(stored.file, png ? codecs::Format::Png : codecs::Format::Jpeg, p, &err);
  if (!picture) return failed(a, err);
  if (!stored.alphaFile.empty()) {
    std::optional<codecs::Image> alpha = decodeFile(stored.alphaFile, codecs::Format::Png, p, &err);
    if (!alpha) return failed(a, err);
    if (alpha->channels != 1 || alpha->width != picture->width || alpha->height != picture->height ||
        picture->hasAlphaChannel())
      return failed(a, "the soft mask does not match its picture");
    picture = withAlpha(*picture, *alpha);
  }
  PipelineResult r;
  r.format = a.format;
  r.width = a.width;
  r.height = a.height;
  PipelineParams encoding = p;
  encoding.grayscale = false;  // the stored rendition is in gray already when it should be
  if (!encodePdfRendition(*picture, png, size, encoding, &r.epub, &err)) return failed(a, err);
  r.pdf.sameAsEpub = true;
  r.status = AssetStatus::Ok;
  return r;
}

}  // namespace pp::assets
