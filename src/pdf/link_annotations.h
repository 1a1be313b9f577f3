// Link annotations made lean. libharu makes each link a dictionary of a dozen objects (its
// rectangle, an action dictionary, a border array...), kept until the document is saved: a
// large digest's links held hundreds of megabytes (bench/results.md). Here a link is one
// empty dictionary that libharu numbers and lists in its page's /Annots, whose entries a hook
// writes from a small record when the document is saved: the same bytes libharu would write.
#pragma once

#include <hpdf.h>

#include <string>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

// What a tagged PDF adds to a link (PDF/UA, PDF/A): its key in the structure tree's
// ParentTree (-1: none) and a description (/Contents: the link's text, else where it goes).
// Every link is printable (/F 4).
struct LinkTagging {
  int structParent = -1;
  std::string contents;
};

// A link over `rect` (PDF coordinates) on `page` to `uri` (an external link); nullptr when
// libharu cannot make it.
HPDF_Dict addUriLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, const std::string& uri,
                     LinkTagging tagging = {});
// A link to `dest`, a destination of the document (HPDF_Page_CreateDestination).
HPDF_Dict addDestLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, HPDF_Destination dest,
                      LinkTagging tagging = {});

}  // namespace pp::pdf
