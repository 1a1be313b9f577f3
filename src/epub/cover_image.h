// The generated cover: a PNG drawn with the fonts library (postpress/fonts.h) from the style's
// and the bundled fonts: the digest's title and subtitle on a band of the style's accent
// colour, the period, the filters, the number of posts and the date. Deterministic: the same
// publication gives the same bytes.
#pragma once

#include <string>

#include "epub/book.h"

namespace pp::epub {

// PNG bytes, or "" (after a warning) when no font could be loaded. The PNG is kept in the
// image cache `cacheDir` (empty: none) and read back when the same cover is drawn again.
std::string renderCoverPng(const Publication& pub, const Style& style, const AssetLookup& assets,
                           int width, int height, const fs::path& cacheDir, DiagnosticSink& diags);

}  // namespace pp::epub
