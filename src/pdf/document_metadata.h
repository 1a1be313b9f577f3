// What identifies the document: the Info dictionary and the XMP metadata stream (made from
// the same facts, so that they agree as ISO 19005-2 6.6.3 asks), the catalog's /Lang and
// /ViewerPreferences, the PDF version and the trailer's /ID. The output intent of PDF/A is
// output_intent.h's.
#pragma once

#include <string>
#include <vector>

#include "pdf/hpdf_doc.h"
#include "postpress/pdf.h"
#include "postpress/publication.h"

namespace pp::pdf {

// The digest's identification, cleaned once (valid UTF-8, no control characters or
// characters XML cannot carry, spaces collapsed) for both Info and XMP.
struct DocumentFacts {
  std::string title;                  // the digest's title, else "Digest"
  std::vector<std::string> creators;  // the posts' authors, each once, in digest order
  std::string description;            // the period ("Q4 2025")
  std::string keywords;               // the posts' tags, each once, joined by ", "
  std::string language;               // the digest's language tag; empty when not a valid tag
  std::string creatorTool;            // "postpress 1.2.3"
  std::string producer;               // "postpress 1.2.3 (libharu 2.3.0)"
  long long epoch = 0;                // the build's instant (SOURCE_DATE_EPOCH)
};

DocumentFacts documentFacts(const Publication& pub);

// True when the document is tagged: its catalog has a /StructTreeRoot. PDF/UA is declared
// only then (the structure is written by the painter before this is asked).
bool isTagged(HpdfDoc& doc);

// Writes Info; unless `standards` is none also the XMP packet, /Lang, /ViewerPreferences
// <</DisplayDocTitle true>> and the header %PDF-1.7. False (after reporting) when libharu
// refused an object: the file would not say what it claims.
bool writeDocumentMetadata(HpdfDoc& doc, const DocumentFacts& facts, const PdfStandards& standards,
                           DiagnosticSink& diags);

// The trailer's /ID: two equal 16-byte strings, XXH3-128 of the title and of every stream the
// document keeps (page contents, fonts, images), so that the same build gives the same file
// and different documents differ. Called last, when every stream is in place. Not in none.
bool writeFileIdentifier(HpdfDoc& doc, const DocumentFacts& facts, DiagnosticSink& diags);

}  // namespace pp::pdf
