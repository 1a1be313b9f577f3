// Paints a laid-out publication into a libharu document.
#pragma once

#include <map>
#include <string>
#include <vector>

#include "pdf/hpdf_doc.h"
#include "pdf/streamed_pages.h"
#include "postpress/support/diagnostics.h"
#include "postpress/typeset.h"
#include "postpress/publication.h"

namespace pp::pdf {

// Draws every page, then links, destinations, outline and page labels (the document's
// metadata is document_metadata.h's).
// False (after reporting) when the document could not be built at all.
struct PaintResult {
  // Pages whose content, written ahead with the resource names libharu was expected to give,
  // had to be written again (or, streamed, was left blank) because a name could not be given
  // at all: a font or image that does not load is stood in for, so this takes libharu itself
  // failing (no font at all, no placeholder image).
  int pagesRepainted = 0;
};

// Page contents are written and deflated on `jobs` threads (0 = all cores) while this thread
// loads the fonts and registers the pages with libharu, and each page's drawing lists are
// released once painted (a long digest's layout is the largest thing in memory): afterwards
// `layout` keeps sizes, labels, links, anchors and outline.
// `streamed`: the body pages the layout handed over as it finished them (they are only
// registered here; Layout::pages keeps their size, label and links).
// Tagged PDF: pages get marked content and the document its structure tree when
// Layout::structure has nodes (an empty one: an untagged PDF; the streamed pages must then
// have been painted untagged too, StreamedPages(false)).
// `kept`: deflated page contents kept between builds (content_cache.h).
bool paint(Layout& layout, const Publication& pub, HpdfDoc& doc, PaintResult& result, DiagnosticSink& diags,
           int jobs = 0, StreamedPages* streamed = nullptr, PageContentCache* kept = nullptr);

}  // namespace pp::pdf
