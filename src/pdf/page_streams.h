// Writes and deflates the pages' content streams (ContentStream) as painting goes, a batch at a
// time and side by side on the worker threads, and hands the deflated bytes to libharu, which
// would otherwise keep every page uncompressed until the document is saved and then deflate
// them one after another (a fifth of a warm build's CPU, and the largest part of its memory on
// long digests). Writing a page's content touches no libharu object, so it runs wide too.
#pragma once

#include <hpdf.h>

#include <functional>
#include <string>
#include <utility>
#include <vector>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

class PageStreamCompressor {
 public:
  PageStreamCompressor(HpdfDoc& doc, int jobs) : doc_(doc), jobs_(jobs) {}
  // `paint` makes the page's whole content (on a worker thread, touching no libharu object);
  // the page is not drawn on again.
  void add(HPDF_Page page, std::function<std::string()> paint);
  // Compresses the pages still waiting; false when libharu refused to take a page's bytes
  // back (that page may be blank: the caller reports it).
  bool finish();

 private:
  bool flush();
  HpdfDoc& doc_;
  int jobs_;
  std::vector<std::pair<HPDF_Page, std::function<std::string()>>> pending_;
  bool ok_ = true;
};

}  // namespace pp::pdf
