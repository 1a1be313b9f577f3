// One image, start to finish in memory: sniff, check the limits from the header, decode
// (scaled while decoding where the library can), analyse, scale in linear light, encode
// each rendition. Pure: bytes and parameters in, encoded bytes out; the store writes them.
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/assets.h"

namespace pp::assets {

struct PipelineParams {
  int pdfDpi = 200;
  double drawWidthPt = 468;     // widest the layout will draw it: text block, or less by hint
  double textHeightPt = 648;    // tallest
  double textWidthPt = 468;     // the text block (viewBox-only SVGs fill it)
  int epubMaxSide = 1600;
  int jpegQuality = 85;
  bool grayscale = false;       // PDF rendition only (print)
  std::uint64_t maxPixels = 100'000'000ull;
  int maxDimension = 30000;

  // Every field, in a fixed order, for the cache key.
  std::string describe() const;
};

struct EncodedBytes {
  EncodedImage::Codec codec = EncodedImage::Codec::None;
  int width = 0, height = 0, components = 0;
  std::string data;
  std::string alpha;        // PDF: a gray PNG of the alpha (for a soft mask), empty when opaque
  bool sameAsEpub = false;  // PDF: the EPUB's file is this rendition too (`data` stays empty)
};

// What became of one image, apart from its renditions: kept as it is in the cache's entry.
struct ImageOutcome {
  AssetStatus status = AssetStatus::Corrupt;
  std::string message;             // why not Ok
  std::vector<std::string> notes;  // worth telling even when Ok
  std::string format;
  int width = 0, height = 0;       // natural size, CSS px, display orientation
};

struct PipelineResult : ImageOutcome {
  EncodedBytes pdf, epub;
};

PipelineResult runPipeline(std::string_view bytes, const PipelineParams& params);

}  // namespace pp::assets
