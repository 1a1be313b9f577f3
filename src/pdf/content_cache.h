// Page contents deflated by earlier builds, kept in the cache folder under the hash of the
// content they deflate: a page painted as it was before is not deflated again (deflating the
// pages was a twentieth of a warm build's instructions). One pack a digest, holding its last
// build's pages: read whole when first asked, written at the end when anything changed, checked
// as every cache entry is (postpress/support/cache_entry.h: a damaged pack is a miss for all its
// pages). Its format line names the deflater and its level, so a pack made by another keeps no
// page from being deflated as a fresh build would.
#pragma once

#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pp::pdf {

class PageContentCache {
 public:
  // `file`: the pack (empty: nothing kept, every page deflated).
  explicit PageContentCache(std::filesystem::path file);
  PageContentCache(const PageContentCache&) = delete;
  PageContentCache& operator=(const PageContentCache&) = delete;

  // deflatePageContent(raw), kept or made (any thread).
  std::optional<std::string> deflate(std::string_view raw);
  // Writes this build's pages when they are not what the pack holds (best effort).
  void save();

  // The pack of the digest `identity` names (its site, title, period, posts) in `cacheDir`;
  // empty when there is no cache folder. Two digests that share a name only share a pack:
  // a page is found by its content, never by the name.
  static std::filesystem::path packFor(const std::filesystem::path& cacheDir, std::string_view identity);

 private:
  struct Kept {
    std::string deflated;
    bool used = false;  // asked for by this build
  };
  void loadLocked();
  std::filesystem::path file_;
  std::mutex mutex_;
  bool loaded_ = false, changed_ = false;
  std::unordered_map<std::string, Kept> byHash_;
};

}  // namespace pp::pdf
