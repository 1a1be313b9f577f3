// SVG: our DOCTYPE and entity screening (svgWithoutEntities) on any bytes, then, for inputs
// that are SVG, the whole pipeline through librsvg (parse, natural size, render, encode).
#include "assets/pipeline.h"
#include "fuzz_support.h"
#include "postpress/codecs.h"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  using namespace pp::assets;
  using namespace pp::codecs;
  const std::string_view bytes = ppfuzz::asText(data, size);
  std::string problem;
  if (auto safe = svgWithoutEntities(bytes, &problem)) {
    // The expansion is bounded: a document may not grow without limit.
    if (safe->size() > 16 * bytes.size() + (1u << 20)) __builtin_trap();
  }
  if (sniffFormat(bytes) != Format::Svg) return 0;
  PipelineParams p;
  p.pdfDpi = 72;
  p.epubMaxSide = 320;
  p.maxPixels = 4'000'000;
  (void)runPipeline(bytes, p);
  return 0;
}
