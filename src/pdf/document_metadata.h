// What identifies the document: the Info dictionary and the XMP metadata stream (made from
// the same facts, so that they agree as ISO 19005-2 6.6.3 asks), the catalog's /Lang and
// /ViewerPreferences, the PDF version and the trailer's /ID. The output intent of PDF/A is
// output_intent.h's.
#pragma once

#include <string>
#include <vector>

#include "pdf/hpdf_doc.h"
#include "pdf/xmp.h"
#include "postpress/pdf.h"
#include "postpress/publication.h"

namespace pp::pdf {

// The digest's identification, cleaned once (valid UTF-8, no control characters or
// characters XML cannot carry, spaces collapsed) for both Info and XMP: the title (else
// "Digest"), the posts' authors and tags each once in digest order, the period as the
// description, the digest's language when it is a language tag, "postpress 1.2.3" as the
// creator tool and "postpress 1.2.3 (libharu 2.3.0)" as the producer. The standards' fields
// are left unset: writeDocumentMetadata sets them.
struct DocumentFacts : XmpFields {
  long long epoch = 0;  // the build's instant (SOURCE_DATE_EPOCH), also in XMP's form as `date`
  bool rightToLeft = false;  // the digest's language is written right to left
};

DocumentFacts documentFacts(const Publication& pub);

// True when the document is tagged: its catalog has a /StructTreeRoot. PDF/UA is declared
// only then (the structure is written by the painter before this is asked).
bool isTagged(HpdfDoc& doc);

// Writes Info; unless `standards` is none also the XMP packet, /Lang, /ViewerPreferences
// <</DisplayDocTitle true>> and the header %PDF-1.7; /ViewerPreferences <</Direction /R2L>>
// for a right-to-left digest. False (after reporting) when libharu
// refused an object: the file would not say what it claims.
bool writeDocumentMetadata(HpdfDoc& doc, const DocumentFacts& facts, const PdfStandards& standards,
                           DiagnosticSink& diags);

// The trailer's /ID: two equal 16-byte strings, XXH3-128 of the title and of every stream the
// document keeps (page contents, fonts, images), so that the same build gives the same file
// and different documents differ. Called last, when every stream is in place. Not in none.
bool writeFileIdentifier(HpdfDoc& doc, const DocumentFacts& facts, DiagnosticSink& diags);

}  // namespace pp::pdf
