// The fonts' streams deflated by us. libharu deflates the embedded font programs, their
// CIDToGIDMaps (128 KB each, mostly zeros) and ToUnicode maps with zlib while it saves, one
// after another on the saving thread: for a digest's dozen fonts that was 2 MB through zlib,
// a fourteenth of a warm build. Here they are made as soon as the fonts are loaded and every
// glyph drawn is marked (see loadFonts), and deflated side by side with libdeflate.
#pragma once

#include <hpdf.h>

#include <vector>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

// `fonts` are libharu's Type0 TrueType fonts (null entries are skipped), every glyph the
// document draws already measured once. A stream that cannot be taken over is left to libharu.
void deflateFontStreams(HpdfDoc& doc, const std::vector<HPDF_Font>& fonts, int jobs);

}  // namespace pp::pdf
