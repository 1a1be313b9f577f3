#include "postpress/support/hash_memo.h"

#include <sys/stat.h>

#include <algorithm>
#include <ctime>

#include "postpress/support/cache_entry.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "support/descriptors.h"

namespace pp {

namespace {

constexpr std::string_view kFormat = "postpress-hash-memo-1\n";
// A memo of more entries than this is not this program's: refused, not read.
constexpr std::uint32_t kMaxEntries = 1u << 20;
constexpr std::uintmax_t kMaxMemoBytes = std::uintmax_t{64} << 20;
constexpr std::size_t kMemoHashDigits = 32;

std::int64_t nanoseconds(const timespec& t) { return static_cast<std::int64_t>(t.tv_sec) * 1'000'000'000 + t.tv_nsec; }

std::int64_t nowNs() {
  timespec t{};
  clock_gettime(CLOCK_REALTIME, &t);
  return nanoseconds(t);
}

void put64(CacheEntryWriter& w, std::uint64_t v) {
  w.u32(static_cast<std::uint32_t>(v >> 32));
  w.u32(static_cast<std::uint32_t>(v));
}

std::uint64_t get64(CacheEntryReader& r) {
  const std::uint64_t high = r.u32();
  return high << 32 | r.u32();
}

std::optional<FileVersion> versionOf(const struct stat& st) {
  if (!S_ISREG(st.st_mode)) return std::nullopt;
  FileVersion id;
  id.device = static_cast<std::uint64_t>(st.st_dev);
  id.inode = static_cast<std::uint64_t>(st.st_ino);
  id.size = static_cast<std::uint64_t>(st.st_size);
  id.modifiedNs = nanoseconds(st.st_mtim);
  id.changedNs = nanoseconds(st.st_ctim);
  return id;
}

}  // namespace

std::optional<FileVersion> FileVersion::of(const std::filesystem::path& file) {
  struct stat st {};
  if (::stat(file.c_str(), &st) != 0) return std::nullopt;
  return versionOf(st);
}

std::optional<FileVersion> FileVersion::of(int descriptor) {
  struct stat st {};
  if (::fstat(descriptor, &st) != 0) return std::nullopt;
  return versionOf(st);
}

FileHashMemo::FileHashMemo(std::filesystem::path file, std::chrono::nanoseconds racyWindow)
    : file_(std::move(file)), racyNs_(static_cast<std::int64_t>(racyWindow.count())) {}

void FileHashMemo::loadLocked() {
  if (loaded_) return;
  loaded_ = true;
  std::unordered_map<std::string, Entry> read;
  if (readKeptEntries(file_, kFormat, kMaxEntries, kMaxMemoBytes, [&](CacheEntryReader& r) {
        std::string path(r.blob());
        Entry e;
        e.id.device = get64(r);
        e.id.inode = get64(r);
        e.id.size = get64(r);
        e.id.modifiedNs = static_cast<std::int64_t>(get64(r));
        e.id.changedNs = static_cast<std::int64_t>(get64(r));
        e.hash = std::string(r.bytes(kMemoHashDigits));
        if (!isContentHash(e.hash)) return false;  // a hash names files (a font's shapes and subsets)
        read.emplace(std::move(path), std::move(e));
        return true;
      }))
    entries_ = std::move(read);  // all or nothing
}

std::optional<std::string> FileHashMemo::find(const std::filesystem::path& file, const FileVersion& id) {
  std::lock_guard<std::mutex> lock(mutex_);
  loadLocked();
  const auto it = entries_.find(file.string());
  if (it == entries_.end() || it->second.id != id) return std::nullopt;
  it->second.used = true;
  return it->second.hash;
}

void FileHashMemo::remember(const std::filesystem::path& file, const FileVersion& id, const std::string& hash) {
  if (!isContentHash(hash) || nowNs() - std::max(id.modifiedNs, id.changedNs) < racyNs_) return;
  std::lock_guard<std::mutex> lock(mutex_);
  loadLocked();
  Entry& e = entries_[file.string()];
  e.id = id;
  e.hash = hash;
  e.used = true;
  changed_ = true;
}

std::optional<std::string> FileHashMemo::hashOpened(int descriptor, const std::filesystem::path& name, std::string* err,
                                                    std::uintmax_t maxBytes) {
  const std::optional<FileVersion> before = FileVersion::of(descriptor);
  if (before)
    if (std::optional<std::string> known = find(name, *before)) return known;
  std::optional<std::string> hash = hashDescriptor(descriptor, err, maxBytes);
  if (hash && before && FileVersion::of(descriptor) == before) remember(name, *before, *hash);
  return hash;
}

void FileHashMemo::save() {
  std::lock_guard<std::mutex> lock(mutex_);
  if (file_.empty() || !loaded_) return;
  keepUsedEntries(file_, kFormat, entries_, changed_, [](CacheEntryWriter& w, const std::string& path, const Entry& e) {
    w.blob(path);
    put64(w, e.id.device);
    put64(w, e.id.inode);
    put64(w, e.id.size);
    put64(w, static_cast<std::uint64_t>(e.id.modifiedNs));
    put64(w, static_cast<std::uint64_t>(e.id.changedNs));
    w.bytes(e.hash);
  });
  changed_ = false;
}

}  // namespace pp
