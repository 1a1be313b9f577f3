// Renditions for the size a picture is drawn at. The PDF rendition is made before layout, for
// the largest size the layout may draw the picture (the text block, or a width hint); a figure
// shrunk to finish a page, or a picture the book draws small, would print those pixels finer
// than a press takes (kMaxPrintPpi, in the PDF's painter). The painter then asks for a
// rendition made for the drawn size (AssetStore::pdfRenditionFor), made here from the stored
// rendition, and cached beside it. The stored rendition rather than the source: the cache has
// checked it whole, it is upright and gray when printing in gray, and it is there when the
// // source is not (a data: URI's bytes are gone after processing, a remote file may be). A JPEG is
// then encoded twice, the second time after a reduction of at least 380 ppi to --dpi (1.9 times
// at the default 200), which averages most of the first encoding's artefacts away.
#pragma once

#include <string>

#include "assets/pipeline.h"
#include "assets/renditions.h"
#include "postpress/assets.h"

namespace pp::assets {

// The cache key of `stored`'s rendition at `size`: its bytes (by their hash), its soft mask, the
// size and the encoder's settings.
std::string drawnRenditionKey(const EncodedImage& stored, PixelSize size, const PipelineParams& p);

// `stored` decoded (its soft mask as alpha), scaled to `size` in linear light and encoded as it
// was: PNG stays PNG (a graphic), JPEG stays JPEG. The result's `epub` holds the picture and its
// `pdf` says it is the same (one file in the cache; nothing reads it as an EPUB picture); the
// natural size and format are `a`'s. Status Corrupt, with a message, when a file cannot be read,
// decoded or encoded.
PipelineResult makeDrawnRendition(const Asset& a, PixelSize size, const PipelineParams& p);

}  // namespace pp::assets
