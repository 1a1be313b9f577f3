#include "pdf/content_cache.h"

#include <libdeflate.h>

#include "pdf/page_streams.h"
#include "postpress/support/cache_entry.h"
#include "postpress/support/hash.h"

namespace pp::pdf {

namespace {

// The deflater's version and level are in the format: another's bytes would make a PDF that
// differs from a fresh build's.
const std::string& packFormat() {
  static const std::string format = std::string("postpress-page-contents-1 libdeflate ") + LIBDEFLATE_VERSION_STRING +
                                    " level " + std::to_string(kPageContentLevel) + "\n";
  return format;
}

constexpr std::uint32_t kMaxPages = 1u << 20;
constexpr std::uintmax_t kMaxPackBytes = std::uintmax_t{1} << 30;
constexpr std::size_t kPageHashDigits = 32;

}  // namespace

PageContentCache::PageContentCache(std::filesystem::path file) : file_(std::move(file)) {}

std::filesystem::path PageContentCache::packFor(const std::filesystem::path& cacheDir, std::string_view identity) {
  if (cacheDir.empty()) return {};
  return cacheDir / "pages" / contentHash(identity);
}

void PageContentCache::loadLocked() {
  if (loaded_) return;
  loaded_ = true;
  std::unordered_map<std::string, Kept> read;
  if (readKeptEntries(file_, packFormat(), kMaxPages, kMaxPackBytes, [&](CacheEntryReader& r) {
        std::string hash(r.bytes(kPageHashDigits));
        Kept k;
        k.deflated = std::string(r.blob());
        read.emplace(std::move(hash), std::move(k));
        return true;
      }))
    byHash_ = std::move(read);  // all or nothing
}

std::optional<std::string> PageContentCache::deflate(std::string_view raw) {
  if (file_.empty() || raw.empty()) return deflatePageContent(raw);
  std::string hash = contentHash(raw);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    loadLocked();
    if (auto it = byHash_.find(hash); it != byHash_.end()) {
      it->second.used = true;
      return it->second.deflated;
    }
  }
  std::optional<std::string> made = deflatePageContent(raw);
  if (made) {
    std::lock_guard<std::mutex> lock(mutex_);
    Kept& k = byHash_[std::move(hash)];
    k.deflated = *made;
    k.used = true;
    changed_ = true;
  }
  return made;
}

void PageContentCache::save() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (file_.empty() || !loaded_) return;
  keepUsedEntries(file_, packFormat(), byHash_, changed_, [](CacheEntryWriter& w, const std::string& hash, const Kept& k) {
    w.bytes(hash);
    w.blob(k.deflated);
  });
  changed_ = false;
}

}  // namespace pp::pdf
