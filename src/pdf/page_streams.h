// Deflates the pages' content streams as painting goes, a batch at a time and side by side on
// the worker threads, instead of leaving them to libharu, which keeps every page uncompressed
// until the document is saved and then deflates them one after another (a fifth of a warm
// build's CPU, and the largest part of its memory on long digests).
#pragma once

#include <hpdf.h>

#include <vector>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

class PageStreamCompressor {
 public:
  PageStreamCompressor(HpdfDoc& doc, int jobs) : doc_(doc), jobs_(jobs) {}
  // Call once the page is painted: its content stream is not written to again.
  void add(HPDF_Page page);
  // Compresses the pages still waiting; false when libharu refused to take a page's bytes
  // back (that page may be blank: the caller reports it).
  bool finish();

 private:
  bool flush();
  HpdfDoc& doc_;
  int jobs_;
  std::vector<HPDF_Page> pending_;
  bool ok_ = true;
};

}  // namespace pp::pdf
