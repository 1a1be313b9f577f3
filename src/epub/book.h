// The EPUB as files in memory, before packaging: what buildEpubFiles() makes from a
// Publication and packageEpub() zips. Separate from writeEpub() so that tests can inspect every
// file and use assets without an AssetStore.
#pragma once

#include <cstddef>
#include <functional>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/assets.h"
#include "postpress/support/file_range.h"
#include "postpress/support/files.h"
#include "postpress/support/deflate_pack.h"
#include "postpress/support/diagnostics.h"
#include "postpress/epub.h"
#include "postpress/publication.h"
#include "postpress/style.h"

namespace pp::epub {

// Finds an asset by id (nullptr when unknown). writeEpub() passes the Publication's AssetStore.
using AssetLookup = std::function<const Asset*(int id)>;

struct BookOptions {
  // A post whose XHTML grows past this is split at its next top-level section heading...
  std::size_t splitBytes = 200 * 1024;
  // ...and at any top-level block past this (a long post without headings).
  std::size_t hardSplitBytes = 250 * 1024;
  int coverWidth = 1066, coverHeight = 1600;  // generated cover image, pixels (2:3, within 1600)
  fs::path cacheDir;  // the image cache, where the generated cover's PNG is kept (empty: none)
};

struct BookFile {
  std::string path;       // inside the container ("OEBPS/p001.xhtml")
  FileBytes data;         // the bytes, made or read (kept alive until the archive is closed)
  bool compress = true;   // false for `mimetype` and already-compressed images
  // Instead of `data`: bytes copied from this file into the archive as it is written (an
  // image of the cache, checked against its hash then; postpress/support/file_range.h).
  std::optional<FileRange> source;
};

struct Book {
  std::vector<BookFile> files;  // in archive order, `mimetype` first
  std::string modified;         // dcterms:modified ("2025-11-30T00:00:00Z")
  EpubStats stats;
};

// Builds every file of the EPUB. Problems (unreadable images, odd input) are reported and
// worked around; the book is always complete.
Book buildEpubFiles(const Publication& pub, const Style& style, const AssetLookup& assets,
                    DiagnosticSink& diags, const BookOptions& options = {});

// The raw deflate of an entry as packageEpub makes it (libdeflate, its entry level): what a
// DeflatePack given to packageEpub keeps between builds.
std::optional<std::string> deflateEntry(std::string_view bytes);
// The format line of such a pack: it names the deflater and its level.
std::string entryPackFormat();

// Zips the files (mimetype first and stored, fixed timestamps) into `out` through a temporary
// file. The entries it deflates come from `kept` when given (its save() is the caller's).
// Returns false after reporting when nothing was written.
bool packageEpub(const Book& book, const fs::path& out, DiagnosticSink& diags, int jobs = 0,
                 DeflatePack* kept = nullptr);

}  // namespace pp::epub
