// Images for the PDF: each asset's encoded rendition loaded once (JPEG passed through, a PNG's
// compressed rows embedded as they are, alpha as a soft mask) and the handle reused on every
// page that draws it; a picture drawn smaller than its rendition suits (ImageUse::widthPx)
// gets the rendition made for its drawn size, loaded once as well.
#pragma once

#include <map>

#include "pdf/hpdf_doc.h"
#include "pdf/page_painter.h"
#include "postpress/assets.h"
#include "postpress/support/diagnostics.h"

namespace pp::pdf {

class ImageCache {
 public:
  ImageCache(HpdfDoc& doc, const AssetStore* assets, DiagnosticSink& diags)
      : doc_(doc), assets_(assets), diags_(diags) {}
  // nullptr when the asset cannot be used (reported once).
  HPDF_Image get(ImageUse use);
  // A light grey pixel, made once, drawn stretched where an image could not be loaded (its
  // page was written before anyone knew); nullptr when libharu cannot make it.
  HPDF_Image placeholder();

 private:
  HPDF_Image load(const EncodedImage& e);
  HpdfDoc& doc_;
  const AssetStore* assets_;
  DiagnosticSink& diags_;
  std::map<ImageUse, HPDF_Image> cache_;
  HPDF_Image placeholder_ = nullptr;
};

}  // namespace pp::pdf
