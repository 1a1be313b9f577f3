// The pictures of colour font glyphs (emoji) as the PDF draws them: each distinct glyph at each
// size one Form XObject, one em square at the origin in glyph space, holding the glyph's PNG
// decoded and scaled for that size (an RGB image with its alpha as a soft mask). A page draws
// the XObject scaled to the text size at the glyph's pen position (page_painter.h).
#pragma once

#include <map>
#include <optional>
#include <string>
#include <vector>

#include "pdf/hpdf_doc.h"
#include "pdf/page_painter.h"
#include "postpress/fonts.h"

namespace pp::pdf {

// Pictures are stored at no more than this density as drawn: sharp in print, and below the
// 400 ppi print shops (and pdfcheck) refuse.
inline constexpr float kPicturePpi = 300;

class ColorGlyphPictures {
 public:
  ColorGlyphPictures(HpdfDoc& doc, const std::vector<FontFace>& faces) : doc_(doc), faces_(faces) {}
  // The XObject of a picture, made on first use; a glyph with no picture (or one that cannot
  // be decoded) gets an empty XObject, so that the page keeps the name its content was written
  // with. nullptr only when libharu cannot make an object at all.
  HPDF_Dict get(const PictureKey& key);
  // Decodes, scales and deflates the pictures of `keys` on `jobs` threads ahead of get(), which
  // then only makes libharu's objects (on the one thread that may touch the document).
  void prepare(const std::vector<PictureKey>& keys, int jobs);

  // A picture's pixels as drawn: RGB and alpha planes, raw and deflated.
  struct Prepared {
    ColorGlyphPicture picture;  // its placement (the PNG itself is not kept)
    int width = 0, height = 0;
    std::vector<std::uint8_t> rgb, alpha;
    std::optional<std::string> rgbDeflated, alphaDeflated;
  };

 private:
  HPDF_Dict make(const PictureKey& key);
  Prepared prepareOne(const PictureKey& key) const;
  HpdfDoc& doc_;
  const std::vector<FontFace>& faces_;
  std::map<PictureKey, HPDF_Dict> made_;
  std::map<PictureKey, Prepared> prepared_;
};

}  // namespace pp::pdf
