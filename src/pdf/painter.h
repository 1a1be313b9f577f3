// Paints a laid-out publication into a libharu document.
#pragma once

#include <string>
#include <vector>

#include "pdf/font_subset.h"
#include "pdf/hpdf_doc.h"
#include "postpress/diagnostics.h"
#include "postpress/layout.h"
#include "postpress/publication.h"

namespace pp::pdf {

// Draws every page, then links, destinations, outline, page labels and document info.
// False (after reporting) when the document could not be built at all.
struct PaintResult {
  std::vector<int> fontLoadOrder;  // Layout::fonts indices in the order libharu loaded them
  // Pages whose content, written ahead with the resource names libharu was expected to give,
  // was written again because libharu named them otherwise (a font or an image that did not
  // load): 0 in a build where everything loads.
  int pagesRepainted = 0;
};

// Derived font files are written to `fontDir`, which must outlive `doc` until it is saved.
// Page contents are written and deflated on `jobs` threads (0 = all cores) while this thread
// loads the fonts and registers the pages with libharu, and each page's drawing lists are
// released once painted (a long digest's layout is the largest thing in memory): afterwards
// `layout` keeps sizes, labels, links, anchors and outline.
bool paint(Layout& layout, const Publication& pub, HpdfDoc& doc, TempFontDir& fontDir,
           PaintResult& result, DiagnosticSink& diags, int jobs = 0);

// What to append to the saved PDF `pdf` to give every font a valid ToUnicode CMap (libharu's
// uses an operator ToUnicode CMaps do not have), mapping Private Use stand-ins to the real
// characters above U+FFFF: an incremental update (the bytes libharu wrote stay as they are,
// and the file is written as the two pieces, never copied whole). "" when the file does not
// look as libharu writes it: it is then left as it is.
std::string extractionUpdate(const std::string& pdf, const Layout& layout, const PaintResult& result);

}  // namespace pp::pdf
