// PDF: the printed book laid out (book.h, through the typesetter of typeset.h) and painted with
// libharu. Stage home: src/pdf/ (the painter: it decides nothing about where things go, and
// holds what libharu needs: 16-bit text codes, subsets it can load, streams written by us).
// Dependencies: fonts <- typeset <- book <- pdf.
#pragma once

#include <filesystem>

#include "postpress/book.h"
#include "postpress/publication.h"
#include "postpress/style.h"
#include "postpress/support/diagnostics.h"
#include "postpress/typeset.h"

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

// Lays the book out (layoutBook) and writes the PDF to `out` atomically (temporary file, then
// rename); the body's pages are painted and compressed as the layout finishes them
// (TypesetOptions::bodyPages is the writer's). Returns false (after reporting why) when no
// PDF was written; an existing file at `out` is then untouched.
bool writePdf(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
              const fs::path& out, DiagnosticSink& diags, PdfStats* stats = nullptr);

// The same for a plain book of the posts (BookPlan{}: the built-in opening and contents).
bool writePdf(const Publication& pub, const Style& style, const fs::path& out, DiagnosticSink& diags,
              PdfStats* stats = nullptr);

}  // namespace pp
