// The on-disk cache. Renditions are stored once under the hash of their bytes (identical
// output for two sources, or two targets, shares one file); an entry names the renditions
// made from one source under one set of parameters, keyed by the hash of (source bytes,
// parameters, pipeline version). Failures are cached too: a corrupt file is not decoded again.
//
//   <cache>/images/<hash>.jpg|png|alpha.png        rendition bytes (a PDF's and an
//                                                  EPUB's identical PNG: one file)
//   <cache>/entries/<key>                          what was made (text, one field a line)
//   <cache>/remote/<hash of URL>                   downloaded remote images
#pragma once

#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <vector>

#include "assets/pipeline.h"
#include "postpress/assets.h"
#include "postpress/support/hash_memo.h"

namespace pp::assets {

// Bump when any change to decoding, scaling or encoding changes the output (what each bump was
// for is in the history of this line).
inline constexpr const char* kPipelineVersion = "postpress-assets-4";

struct CacheEntry : ImageOutcome {
  EncodedImage pdf, epub;  // the renditions' files
};

class RenditionCache {
 public:
  // The hashes of the source images (their identity in the entries' keys) are remembered in
  // <cache>/hashes/images by the files' versions (postpress/support/hash_memo.h). Not the
  // renditions': reading them is their check, which must see a damaged file whatever its
  // times say.
  explicit RenditionCache(fs::path dir)
      : dir_(std::move(dir)), memo_(std::make_unique<FileHashMemo>(dir_.empty() ? fs::path() : dir_ / "hashes" / "images")) {}
  bool prepare(std::string* error) const;  // creates the folders
  const fs::path& dir() const { return dir_; }
  // The memo of the sources' hashes; saveMemo() keeps it for the next build.
  FileHashMemo& memo() const { return *memo_; }
  void saveMemo() const { memo_->save(); }

  // The entry for `key` when it and every file it names are present and whole.
  std::optional<CacheEntry> load(const std::string& key) const;
  // Writes the renditions and then the entry (so an entry never names a missing file).
  std::optional<CacheEntry> save(const std::string& key, const PipelineResult& result, std::string* error) const;

  fs::path remoteFile(const std::string& url) const;

 private:
  fs::path dir_;
  std::unique_ptr<FileHashMemo> memo_;
};

// writeFileAtomic without the wait for the disk (Durability::Unsynced): load() checks sizes,
// so a torn file after a crash is just a miss. The error names the file.
bool writeCacheFile(const fs::path& target, std::string_view data, std::string* error);

}  // namespace pp::assets
