// PDF: lays the publication out with our own engine (src/layout/) and paints the pages with
// libharu (src/pdf/). Stage homes: src/layout/ (typesetting), src/pdf/ (painter).
#pragma once

#include <filesystem>

#include "postpress/support/diagnostics.h"
#include "postpress/publication.h"
#include "postpress/style.h"

namespace pp {

namespace fs = std::filesystem;

struct PdfStats {
  int pages = 0;
  int frontPages = 0;       // roman-numbered pages before the first post
  double layoutSeconds = 0;
  double paintSeconds = 0;
  // Pages written again (or left blank) because a resource name could not be given at all:
  // a font or an image that does not load is stood in for, so 0 unless libharu itself fails.
  int pagesRepainted = 0;
};

// Typesets and writes the PDF to `out` atomically (temporary file, then rename). Returns false
// (after reporting why) when no PDF was written; an existing file at `out` is then untouched.
bool writePdf(const Publication& pub, const Style& style, const fs::path& out,
              DiagnosticSink& diags, PdfStats* stats = nullptr);

// The same with front/back matter sections and hooks (cover, brief, indexes, link notes, QR
// codes: see layout.h).
struct LayoutOptions;
bool writePdf(const Publication& pub, const Style& style, const LayoutOptions& options,
              const fs::path& out, DiagnosticSink& diags, PdfStats* stats = nullptr);

}  // namespace pp
