// libharu streams over our own bytes. libharu keeps every stream in its memory streams, whose
// copying is a byte-at-a-time loop: an image's bytes would go through it three times (into the
// image's stream, out of it while saving, into the saved document) and the whole document once
// more when read back (bench/results.md). These streams read bytes the document owns
// (HpdfDoc::keep) and write the saved document straight into a std::string.
#pragma once

#include <hpdf.h>

#include <cstdio>
#include <string>

#include "pdf/hpdf_doc.h"

namespace pp::pdf {

// Makes `dict`'s stream (an image XObject's, say) read `bytes` as they are: its old stream is
// freed, the bytes are kept by `doc`, and libharu copies them to the file when saving (with the
// dictionary's filter, if any). false when libharu cannot make the stream.
bool setStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileBytes bytes);
// The same with bytes read from a file while saving (postpress/support/file_range.h): a file
// that cannot be read or no longer holds them fails the save (HpdfDoc::keptFileError says why).
bool setStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileRange range);

// The same for bytes that are already a zlib stream: libharu writes them as they are, with
// /Filter /FlateDecode in the dictionary (libharu drops a /Filter entry of a stream it does not
// compress itself, so a hook it calls while writing the dictionary puts it back).
bool setDeflatedStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileBytes zlibBytes);
bool setDeflatedStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileRange zlibBytes);

// What libharu has written into a memory stream so far ("" for another kind of stream).
std::string memoryStreamBytes(HPDF_Stream stream);

// Saves the document into `file` (HPDF_SaveToStream with the document's stream replaced by one
// that writes to it). false on libharu's failure (`doc.lastError()` says which) or when the
// file cannot be written (errno says why).
bool saveToFile(HpdfDoc& doc, std::FILE* file);

}  // namespace pp::pdf
