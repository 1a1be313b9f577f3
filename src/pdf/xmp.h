// The document's XMP metadata packet (ISO 16684-1), written by us: libharu's own
// (HPDF_PDFA_SetPDFAConformance) knows only PDF/A-1 and copies the Info strings unescaped.
// What it says must equal the Info dictionary (ISO 19005-2 6.6.3), so both are made from one
// DocumentFacts (document_metadata.h).
#pragma once

#include <string>
#include <vector>

namespace pp::pdf {

struct XmpFields {
  std::string title;                  // dc:title, x-default
  std::vector<std::string> creators;  // dc:creator, in order
  std::string description;            // dc:description, x-default; empty: none
  std::string language;               // dc:language; empty: none
  std::string keywords;               // pdf:Keywords; empty: none
  std::string producer;               // pdf:Producer
  std::string creatorTool;            // xmp:CreatorTool
  std::string date;                   // xmp:CreateDate, ModifyDate and MetadataDate ("2026-11-27T09:30:00Z")
  bool pdfua = false;                 // pdfuaid:part 1 (ISO 14289-1 5)
  // 'B' or 'U': pdfaid:part 2 and that conformance (ISO 19005-2 6.6.4), and an extension
  // schema for each property PDF/A does not predefine (pdfuaid: 6.6.2.3.1); 0: not PDF/A.
  char pdfaLevel = 0;
};

// The packet: an xpacket header without the deprecated bytes/encoding attributes, RDF/XML in
// UTF-8 with every value escaped (the fields must be valid UTF-8 without characters XML 1.0
// forbids: DocumentFacts cleans them).
std::string xmpPacket(const XmpFields& fields);

}  // namespace pp::pdf
