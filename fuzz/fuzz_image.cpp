// One image decoder of the codecs (chosen at build time by PP_FUZZ_FORMAT): the header probe
// and its limits, the decoder at full size, then the assets stage's whole pipeline (decode
// scaled, analyse, resize, orientation, encode both renditions). Inputs whose bytes are not of
// this target's format are skipped, as the pipeline would hand them to another decoder.
#include "assets/pipeline.h"
#include "fuzz_support.h"
#include "postpress/codecs.h"

namespace {

constexpr pp::codecs::Format kFormat = pp::codecs::Format::PP_FUZZ_FORMAT;

// Small limits keep one input fast; the limit checks themselves are what is exercised.
pp::assets::PipelineParams smallParams() {
  pp::assets::PipelineParams p;
  p.pdfDpi = 72;
  p.drawWidthPt = 160;
  p.textHeightPt = 200;
  p.textWidthPt = 160;
  p.epubMaxSide = 200;
  p.maxPixels = 1'000'000;
  p.maxDimension = 4000;
  return p;
}

bool ours(pp::codecs::Format f) {
  if (kFormat == pp::codecs::Format::Png) return f == pp::codecs::Format::Png || f == pp::codecs::Format::Bmp;
  return f == kFormat;
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pp::assets;
  using namespace pp::codecs;
  const std::string_view bytes = ppfuzz::asText(data, size);
  const Format f = sniffFormat(bytes);
  if (!ours(f)) return 0;
  const PipelineParams p = smallParams();
  if (auto hdr = probeHeaderSize(f, bytes);
      hdr && hdr->width > 0 && hdr->height > 0 && hdr->width <= p.maxDimension &&
      hdr->height <= p.maxDimension &&
      static_cast<unsigned long long>(hdr->width) * static_cast<unsigned long long>(hdr->height) <= p.maxPixels) {
    Decoded d = decodeRaster(f, bytes, DecodeHint{});
    if (d.ok() && (d.image.width <= 0 || d.image.height <= 0 ||
                   d.image.pixels.size() != static_cast<std::size_t>(d.image.width) * d.image.height * d.image.channels))
      __builtin_trap();
  }
  (void)runPipeline(bytes, p);
  return 0;
}
