// The pictures of colour font glyphs (emoji) as the PDF draws them: each distinct glyph at each
// size one Form XObject, one em square at the origin in glyph space, holding the glyph's PNG
// decoded and scaled for that size (an RGB image with its alpha as a soft mask). A page draws
// the XObject scaled to the text size at the glyph's pen position (page_painter.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pdf/color_glyph_cache.h"
#include "pdf/hpdf_doc.h"
#include "pdf/page_painter.h"
#include "postpress/fonts.h"

namespace pp::pdf {

// Pictures are stored at no more than this density as drawn: sharp in print, and below the
// 400 ppi print shops (and pdfcheck) refuse.
inline constexpr float kPicturePpi = 300;

class ColorGlyphPictures {
 public:
  // Pictures made by earlier builds are read from, and this build's kept in, `cacheDir` (the
  // image cache's; empty: none).
  ColorGlyphPictures(HpdfDoc& doc, const std::vector<FontFace>& faces, std::filesystem::path cacheDir = {})
      : doc_(doc), faces_(faces), cache_(std::move(cacheDir)) {}
  // The XObject of a picture, made on first use; a glyph with no picture (or one that cannot
  // be decoded) gets an empty XObject, so that the page keeps the name its content was written
  // with. nullptr only when libharu cannot make an object at all.
  HPDF_Dict get(const PictureKey& key);
  // Decodes, scales and deflates the pictures of `keys` on `jobs` threads ahead of get(), which
  // then only makes libharu's objects (on the one thread that may touch the document).
  void prepare(const std::vector<PictureKey>& keys, int jobs);

  using Prepared = PreparedPicture;

 private:
  HPDF_Dict make(const PictureKey& key);
  Prepared prepareOne(const PictureKey& key) const;
  HpdfDoc& doc_;
  const std::vector<FontFace>& faces_;
  const ColorGlyphCache cache_;
  std::map<PictureKey, HPDF_Dict> made_;
  std::map<PictureKey, Prepared> prepared_;
};

}  // namespace pp::pdf
