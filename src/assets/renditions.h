// From the master picture (decoded, analysed, oriented, at the larger of the two target
// sizes) to the encoded renditions: JPEG for photographs; PNG for graphics, for the EPUB and
// for the PDF (which embeds a PNG's compressed rows as they are, with PNG predictors). When
// one lossless picture serves both, it is encoded once.
#pragma once

#include <string_view>

#include "assets/classify.h"
#include "assets/pipeline.h"
#include "postpress/codecs.h"

namespace pp::assets {

struct PixelSize {
  int w = 0, h = 0;
};

// True when the EPUB rendition can be the PDF's too, and is encoded once: printing in gray
// does not change the picture, a graphic has no translucency (one PNG, which the PDF embeds
// as it is), and the EPUB picture is between 95% and 150% (graphic) or 115% (photograph, one
// JPEG) of the PDF's width: the PDF stays between 190 and 300 or 230 ppi where it is drawn
// widest.
bool sharesRendition(const codecs::Image& master, const Content& content, PixelSize pdfSize, PixelSize epubSize,
                     const PipelineParams& p);

// When the source PNG is already what encodeRenditions would write for both outputs (a
// graphic for one shared PNG, at its own size, 8-bit, not interlaced, gray, RGB or palette
// without tRNS, and nothing smaller to gain: a palette already, or too many colours for one,
// and not RGB that is gray), fills r->pdf and r->epub with its IHDR, PLTE and IDAT as they
// are and returns true: no filtering or compressing again.
bool passSourcePng(std::string_view source, const codecs::Image& decoded, const Content& content, PixelSize pdfSize,
                   PixelSize epubSize, const PipelineParams& p, PipelineResult* r);

// A PDF rendition of `picture` at `size` (scaled in linear light when sizes differ): a PNG,
// with a gray PNG of any alpha for the soft mask, for a graphic; a JPEG at p.jpegQuality for a
// photograph; gray when p.grayscale. False with `err` set when an encoder fails.
bool encodePdfRendition(const codecs::Image& picture, bool graphic, PixelSize size, const PipelineParams& p,
                        EncodedBytes* out, std::string* err);

// Fills r->pdf and r->epub; false with r->message set when an encoder fails.
bool encodeRenditions(const codecs::Image& master, const Content& content, PixelSize pdfSize, PixelSize epubSize,
                      const PipelineParams& p, PipelineResult* r);

}  // namespace pp::assets
