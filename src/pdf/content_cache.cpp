#include "pdf/content_cache.h"

#include <libdeflate.h>

#include <string>

#include "pdf/page_streams.h"

namespace pp::pdf {

namespace {

// The deflater's version and level are in the format: another's bytes would make a PDF that
// differs from a fresh build's.
std::string packFormat() {
  return std::string("postpress-page-contents-1 libdeflate ") + LIBDEFLATE_VERSION_STRING + " level " +
         std::to_string(kPageContentLevel) + "\n";
}

}  // namespace

PageContentCache::PageContentCache(std::filesystem::path file)
    : DeflatePack(std::move(file), packFormat(), [](std::string_view raw) { return deflatePageContent(raw); }) {}

std::filesystem::path PageContentCache::packFor(const std::filesystem::path& cacheDir, std::string_view identity) {
  return DeflatePack::packFor(cacheDir, "pages", identity);
}

}  // namespace pp::pdf
