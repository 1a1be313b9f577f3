// The document's fonts as the PDF declares them, written by us: each a Type0 font with
// Identity-H encoding whose codes are the glyph ids of the source font (CIDs), its descendant
// CIDFontType2 with the widths of the glyphs drawn, the embedded subset (hb-subset) and the
// CIDToGIDMap from source ids to the subset's, and a ToUnicode CMap giving each glyph's text.
// A font's dictionary exists from the first page that uses it; its content is filled in once
// every page is painted, when the glyphs drawn are known.
#pragma once

#include <hpdf.h>

#include <filesystem>
#include <vector>

#include "pdf/hpdf_doc.h"
#include "pdf/page_painter.h"
#include "postpress/support/diagnostics.h"
#include "postpress/typeset.h"

namespace pp::pdf {

class GlyphFonts {
 public:
  GlyphFonts(HpdfDoc& doc, const std::vector<FontFace>& faces) : doc_(doc), faces_(faces), dicts_(faces.size(), nullptr) {}

  // The font dictionary of face `id`, made on first use; nullptr when libharu cannot make one.
  HPDF_Dict font(std::size_t id);

  // Gives every font made its descendant, widths, program and ToUnicode from the glyphs
  // drawn. Subsets are made side by side on `jobs` threads, or read back from the cache in
  // `cacheDir` (empty: no cache).
  void finish(const DrawnGlyphs& drawn, const std::filesystem::path& cacheDir, DiagnosticSink& diags, int jobs);

 private:
  HpdfDoc& doc_;
  const std::vector<FontFace>& faces_;
  std::vector<HPDF_Dict> dicts_;
};

// The ToUnicode CMap (uncompressed) of a font whose codes are glyph ids: each glyph drawn to
// its text (UTF-16, several characters for a ligature).
std::string toUnicodeCMap(const std::unordered_map<std::uint16_t, std::u32string>& glyphs);

}  // namespace pp::pdf
