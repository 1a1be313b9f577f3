// Paints a laid-out publication into a libharu document.
#pragma once

#include "pdf/font_subset.h"
#include "pdf/hpdf_doc.h"
#include "postpress/diagnostics.h"
#include "postpress/layout.h"
#include "postpress/publication.h"

namespace pp::pdf {

// Draws every page, then links, destinations, outline, page labels and document info.
// False (after reporting) when the document could not be built at all.
// Derived font files are written to `fontDir`, which must outlive `doc` until it is saved.
bool paint(const Layout& layout, const Publication& pub, HpdfDoc& doc, TempFontDir& fontDir,
           DiagnosticSink& diags);

}  // namespace pp::pdf
