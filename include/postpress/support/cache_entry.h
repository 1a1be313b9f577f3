// The framing shared by the cache entries postpress keeps of its own work (highlighted code,
// emoji pictures, QR codes): a format line, the entry's own key, its fields, and a hash of all
// of them. An entry is read back only when its format, its key and its hash check out, so that
// damage, a write cut short or another entry copied into its place is a miss; what the fields
// say is then for the kind of entry to check.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <string>
#include <string_view>

namespace pp {

// Numbers are four bytes, big-endian; floats their IEEE bits.
class CacheEntryWriter {
 public:
  CacheEntryWriter(std::string_view format, std::string_view key);
  void byte(std::uint8_t v) { out_ += static_cast<char>(v); }
  void u32(std::uint32_t v);
  void real(float v);
  void bytes(std::string_view b) { out_ += b; }  // as they are: the reader knows how many
  void blob(std::string_view b);                  // with its length before it
  // The entry, its hash appended.
  std::string finish();

 private:
  std::string out_;
};

class CacheEntryReader {
 public:
  // ok() only when `file` is an entry of `format` for `key` whose hash matches.
  CacheEntryReader(std::string_view file, std::string_view format, std::string_view key);
  bool ok() const { return !failed_; }
  // Each read past the entry's end fails it (and gives 0 or nothing).
  std::uint8_t byte();
  std::uint32_t u32();
  float real();
  std::string_view bytes(std::size_t n);
  std::string_view blob();
  std::size_t left() const { return failed_ ? 0 : fields_.size() - at_; }
  // Read whole, and nothing read past it.
  bool whole() const { return !failed_ && at_ == fields_.size(); }

 private:
  bool fail() {
    failed_ = true;
    return false;
  }
  std::string_view fields_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

// Writes an entry to `path` (its folder made; atomic, not synced): best effort, as a cache
// that cannot be written costs the next build the work only.
void keepCacheEntry(const std::filesystem::path& path, std::string_view entry);

// Reads a pack kept by keepUsedEntries: `readOne(reader)` for each of its entries, false for
// one it refuses. False (take the pack as empty) when the file is missing, larger than
// maxBytes, damaged, of another format, holds more than maxEntries, or an entry was refused
// or read past its end.
bool readKeptEntries(const std::filesystem::path& path, std::string_view format, std::uint32_t maxEntries,
                     std::uintmax_t maxBytes, const std::function<bool(CacheEntryReader&)>& readOne);

// A pack of a build's entries (a map whose values say whether this build `used` them), kept
// in `path` as one entry of `format`: their count, then each as `write(writer, key, value)`
// writes it. Written only when something was learned (`changed`) or is to be dropped (an
// entry no longer used); true when written.
template <typename Map, typename Write>
bool keepUsedEntries(const std::filesystem::path& path, std::string_view format, const Map& entries, bool changed,
                     Write write) {
  std::uint32_t used = 0;
  for (const auto& [key, value] : entries) used += value.used ? 1u : 0u;
  if (!changed && used == entries.size()) return false;
  CacheEntryWriter w(format, "");
  w.u32(used);
  for (const auto& [key, value] : entries)
    if (value.used) write(w, key, value);
  keepCacheEntry(path, w.finish());
  return true;
}

}  // namespace pp
