// The fonts' streams, made and deflated by us. A subset of ours (postpress/fonts.h) is loaded
// into libharu without embedding, for its widths and glyph ids only, and its program and its
// CIDToGIDMap are embedded here from what we built and deflated side by side: libharu's own
// embedding rewrites each program through a byte-at-a-time stream (its SaveFontData) and
// writes a 128 KB CIDToGIDMap per font, on the one thread libharu allows. A font we could not
// subset is embedded by libharu as it is, and its streams (like
// every font's Encoding CMap) are deflated here rather than by libharu's zlib while it saves.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <string>
#include <vector>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

// What we embed for a font libharu loaded without embedding.
struct FontProgram {
  std::string fontFile;     // zlib stream of the TrueType program; "": libharu embeds the font
  std::size_t length1 = 0;  // the program's size before deflating (FontFile2's /Length1)
  std::string cidToGid;     // zlib stream of its CIDToGIDMap
};

// Gives the next TrueType font tag of libharu's sequence (HPDFAA, HPDFAB...: what marks a
// font as a subset) to the font loaded as
// `name` without embedding, as libharu does for the fonts it embeds; returns its new name, or
// nullptr when libharu does not know the font.
const char* tagAsSubset(HpdfDoc& doc, const char* name);

// `fonts` are libharu's Type0 TrueType fonts (null entries are skipped), every glyph the
// document draws already measured once; `programs` (by the same index, may be shorter) the
// programs we embed. A stream that cannot be taken over is left to libharu.
void embedFontStreams(HpdfDoc& doc, const std::vector<HPDF_Font>& fonts, const std::vector<FontProgram>& programs,
                      int jobs);

}  // namespace pp::pdf
