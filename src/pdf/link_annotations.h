// Link annotations made lean. libharu makes each link a dictionary of a dozen objects (its
// rectangle, an action dictionary, a border array...), about 3 KB of memory apiece, kept until
// the document is saved: a 2,000-post digest's 67,000 links held 215 MB. Here a link is one
// empty dictionary that libharu numbers and lists in its page's /Annots, whose entries a hook
// writes from a small record when the document is saved: the same bytes libharu would write.
#pragma once

#include <hpdf.h>

#include <string>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

// A link over `rect` (PDF coordinates) on `page` to `uri` (an external link). false when
// libharu cannot make it.
bool addUriLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, const std::string& uri);
// A link to `dest`, a destination of the document (HPDF_Page_CreateDestination).
bool addDestLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, HPDF_Destination dest);

}  // namespace pp::pdf
