// Paints a laid-out publication into a libharu document.
#pragma once

#include "pdf/hpdf_doc.h"
#include "postpress/diagnostics.h"
#include "postpress/layout.h"
#include "postpress/publication.h"

namespace pp::pdf {

// Draws every page, then links, destinations, outline, page labels and document info.
// False (after reporting) when the document could not be built at all.
bool paint(const Layout& layout, const Publication& pub, HpdfDoc& doc, DiagnosticSink& diags);

}  // namespace pp::pdf
