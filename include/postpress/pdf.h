// PDF: the printed book laid out (book.h, through the typesetter of typeset.h) and painted with
// libharu. Stage home: src/pdf/ (the painter: it decides nothing about where things go, and
// holds what libharu needs: 16-bit text codes, subsets it can load, streams written by us).
// Dependencies: fonts <- typeset <- book <- pdf.
#pragma once

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

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

// The standards a PDF meets and declares (--pdf-standard; option table: PdfStandard).
struct PdfStandards {
  // PDF/UA-1 (ISO 14289-1): the language, the title shown, XMP metadata with the document's
  // identification, PDF 1.7. pdfuaid:part is declared only when the document is tagged (its
  // catalog has a /StructTreeRoot), never for an untagged file.
  bool ua1 = true;
  // PDF/A-2 (ISO 19005-2) level 'B' or 'U' (our text always maps to Unicode, so the two files
  // differ only in the level declared); 0: not PDF/A.
  char pdfaLevel = 0;
  // The PDF/A output intent's ICC profile (sRGB, from Debian's icc-profiles-free). Without it
  // no PDF/A file is written.
  fs::path outputProfile = "/usr/share/color/icc/sRGB.icc";
  // "none": a plain PDF 1.3 (Info only: no XMP, /ID, /Lang, no tags).
  bool any() const { return ua1 || pdfaLevel != 0; }
};

// Reads --pdf-standard's values (already some of ua-1, a-2b, a-2u, none). Returns what is
// wrong with the combination: none with another, or both PDF/A levels.
std::optional<std::string> readPdfStandards(const std::vector<std::string>& names, PdfStandards& out);

// Lays the book out (layoutBook) and writes the PDF to `out` atomically (temporary file, then
// rename); the body's pages are painted and compressed as the layout finishes them
// (TypesetOptions::bodyPages is the writer's). Returns false (after reporting why) when no
// PDF was written; an existing file at `out` is then untouched.
bool writePdf(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
              const PdfStandards& standards, const fs::path& out, DiagnosticSink& diags, PdfStats* stats = nullptr);

// The same in the default standards (PDF/UA-1).
bool writePdf(const Publication& pub, const Style& style, const BookPlan& plan, const TypesetOptions& typesetting,
              const fs::path& out, DiagnosticSink& diags, PdfStats* stats = nullptr);

// The same for a plain book of the posts (BookPlan{}: the built-in opening and contents).
bool writePdf(const Publication& pub, const Style& style, const fs::path& out, DiagnosticSink& diags,
              PdfStats* stats = nullptr);

}  // namespace pp
