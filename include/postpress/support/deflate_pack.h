// Deflated forms of byte strings kept between builds in one pack file, found by the hash of the
// bytes they deflate: what a rebuild makes again byte for byte and would otherwise deflate
// again (a digest's PDF page contents, src/pdf/content_cache.h; its EPUB's XHTML and styles,
// src/epub). One pack a digest and kind, holding its last build's strings: read whole when
// first asked, written at the end when anything changed, checked as every cache entry is
// (cache_entry.h: a damaged pack is a miss for all it holds). Its format line names the
// deflater, its framing and its level, so that a pack made by another keeps nothing from being
// deflated as a fresh build would.
#pragma once

#include <filesystem>
#include <functional>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>

namespace pp {

class DeflatePack {
 public:
  // What a fresh build would make of `raw`; nullopt when it cannot (out of memory).
  using Deflater = std::function<std::optional<std::string>(std::string_view raw)>;

  // `file`: the pack (empty: nothing kept, everything deflated). `format`: the pack's format
  // line, which must change whenever `deflate` would make other bytes of the same input.
  DeflatePack(std::filesystem::path file, std::string format, Deflater deflate);
  DeflatePack(const DeflatePack&) = delete;
  DeflatePack& operator=(const DeflatePack&) = delete;

  // deflate(raw), kept or made (any thread); nullopt for empty `raw` as the deflater says.
  std::optional<std::string> deflate(std::string_view raw);
  // Writes this build's strings when they are not what the pack holds (best effort).
  void save();

  // The pack of `kind` ("pages", "epub") for the digest `identity` names in `cacheDir`; empty
  // when there is no cache folder. Two digests that share a name only share a pack: a string
  // is found by its content, never by the name.
  static std::filesystem::path packFor(const std::filesystem::path& cacheDir, std::string_view kind,
                                       std::string_view identity);

 private:
  struct Kept {
    std::string deflated;
    bool used = false;  // asked for by this build
  };
  void loadLocked();

  std::filesystem::path file_;
  std::string format_;
  Deflater deflater_;
  std::mutex mutex_;
  bool loaded_ = false, changed_ = false;
  std::unordered_map<std::string, Kept> byHash_;
};

}  // namespace pp
