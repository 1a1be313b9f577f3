#include "postpress/support/deflate_pack.h"

#include "postpress/support/cache_entry.h"
#include "postpress/support/hash.h"

namespace pp {

namespace {

constexpr std::uint32_t kMaxPackStrings = 1u << 20;
constexpr std::uintmax_t kMaxPackBytes = std::uintmax_t{1} << 30;
constexpr std::size_t kKeyDigits = 32;

}  // namespace

DeflatePack::DeflatePack(std::filesystem::path file, std::string format, Deflater deflate)
    : file_(std::move(file)), format_(std::move(format)), deflater_(std::move(deflate)) {}

std::filesystem::path DeflatePack::packFor(const std::filesystem::path& cacheDir, std::string_view kind,
                                           std::string_view identity) {
  if (cacheDir.empty()) return {};
  return cacheDir / std::filesystem::path(std::string(kind)) / contentHash(identity);
}

void DeflatePack::loadLocked() {
  if (loaded_) return;
  loaded_ = true;
  std::unordered_map<std::string, Kept> read;
  if (readKeptEntries(file_, format_, kMaxPackStrings, kMaxPackBytes, [&](CacheEntryReader& r) {
        std::string hash(r.bytes(kKeyDigits));
        Kept k;
        k.deflated = std::string(r.blob());
        read.emplace(std::move(hash), std::move(k));
        return true;
      }))
    byHash_ = std::move(read);  // all or nothing
}

std::optional<std::string> DeflatePack::deflate(std::string_view raw) {
  if (file_.empty() || raw.empty()) return deflater_(raw);
  std::string hash = contentHash(raw);
  {
    std::lock_guard<std::mutex> lock(mutex_);
    loadLocked();
    if (auto it = byHash_.find(hash); it != byHash_.end()) {
      it->second.used = true;
      return it->second.deflated;
    }
  }
  std::optional<std::string> made = deflater_(raw);
  if (made) {
    std::lock_guard<std::mutex> lock(mutex_);
    Kept& k = byHash_[std::move(hash)];
    k.deflated = *made;
    k.used = true;
    changed_ = true;
  }
  return made;
}

void DeflatePack::save() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (file_.empty() || !loaded_) return;
  keepUsedEntries(file_, format_, byHash_, changed_, [](CacheEntryWriter& w, const std::string& hash, const Kept& k) {
    w.bytes(hash);
    w.blob(k.deflated);
  });
  changed_ = false;
}

}  // namespace pp
