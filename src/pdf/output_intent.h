// PDF/A's output intent (ISO 19005-2 6.2.3): the ICC profile our colours are meant in. Every
// colour we paint is DeviceRGB or DeviceGray (images are gray or RGB JPEG and PNG), which PDF/A
// allows only under an RGB output intent (6.2.4.3), as it does the PNG masks' transparency
// (6.2.10).
#pragma once

#include <optional>

#include "pdf/hpdf_doc.h"
#include "postpress/support/diagnostics.h"
#include "postpress/support/files.h"

namespace pp::pdf {

// Reads the profile at `path` and checks that it can be a PDF/A output profile (an ICC
// profile before version 5, RGB, of the monitor or printer class, whole). nullopt after an
// error diagnostic naming `out`, the PDF that is then not written: a file that claims PDF/A
// must be one.
std::optional<FileBytes> loadOutputProfile(const fs::path& path, const fs::path& out, DiagnosticSink& diags);

// Adds /OutputIntents [<</S /GTS_PDFA1 /DestOutputProfile profile>>] to the catalog; the
// profile's bytes are written deflated. False (after reporting) when libharu refused.
bool attachOutputIntent(HpdfDoc& doc, FileBytes profile, DiagnosticSink& diags);

}  // namespace pp::pdf
