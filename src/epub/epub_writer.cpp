// writeEpub: the stage's entry point. Builds the book in memory, then packages it atomically.
#include <exception>

#include "epub/book.h"

namespace pp {

bool writeEpub(const Publication& pub, const Style& style, const fs::path& out,
               DiagnosticSink& diags, EpubStats* stats, int jobs) {
  epub::AssetLookup lookup = [&pub](int id) -> const Asset* {
    if (!pub.assets || id < 0 || static_cast<std::size_t>(id) >= pub.assets->size()) return nullptr;
    return &pub.assets->at(id);
  };
  try {
    epub::BookOptions options;
    if (pub.assets) options.cacheDir = pub.assets->options().cacheDir;
    epub::Book book = epub::buildEpubFiles(pub, style, lookup, diags, options);
    // The entries deflated by the last build of this digest (its XHTML, styles and package
    // document, made again byte for byte when nothing changed), kept beside the images.
    DeflatePack kept(DeflatePack::packFor(options.cacheDir, "epub", digestIdentity(pub, style)),
                     epub::entryPackFormat(), epub::deflateEntry);
    const bool written = epub::packageEpub(book, out, diags, jobs, &kept);
    kept.save();
    if (!written) return false;
    if (stats) *stats = book.stats;
    return true;
  } catch (const std::exception& e) {
    diags.error({out.string(), 0, 0}, "epub-internal", std::string("cannot build the EPUB: ") + e.what());
    return false;
  }
}

}  // namespace pp
