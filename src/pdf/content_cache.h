// Page contents deflated by earlier builds, kept in the cache folder under the hash of the
// content they deflate: a page painted as it was before is not deflated again (deflating the
// pages was a twentieth of a warm build's instructions). One pack a digest, holding its last
// build's pages (postpress/support/deflate_pack.h); its format line names the deflater and its
// level, so a pack made by another keeps no page from being deflated as a fresh build would.
#pragma once

#include <filesystem>
#include <string_view>

#include "postpress/support/deflate_pack.h"

namespace pp::pdf {

// deflatePageContent(raw), kept or made: DeflatePack's deflate() and save().
class PageContentCache : public DeflatePack {
 public:
  // `file`: the pack (empty: nothing kept, every page deflated).
  explicit PageContentCache(std::filesystem::path file);

  // The pack of the digest `identity` names (postpress/publication.h, digestIdentity) in
  // `cacheDir`; empty when there is no cache folder.
  static std::filesystem::path packFor(const std::filesystem::path& cacheDir, std::string_view identity);
};

}  // namespace pp::pdf
