// EPUB: packages the publication as EPUB 3 (with an EPUB 2 NCX) that passes EPUBCheck with no
// error and no warning. Stage home: src/epub/.
#pragma once

#include <filesystem>

#include "postpress/support/diagnostics.h"
#include "postpress/publication.h"
#include "postpress/style.h"

namespace pp {

namespace fs = std::filesystem;

struct EpubStats {
  int contentDocuments = 0;
  int images = 0;
};

// Writes the EPUB to `out` atomically. Identical input gives a byte-identical file (fixed
// order, timestamps from SOURCE_DATE_EPOCH). Returns false (after reporting why) when nothing
// was written; an existing file at `out` is then untouched. `jobs`: threads for deflating the
// entries (0: all cores).
bool writeEpub(const Publication& pub, const Style& style, const fs::path& out,
               DiagnosticSink& diags, EpubStats* stats = nullptr, int jobs = 0);

}  // namespace pp
