#include "postpress/support/cache_entry.h"

#include <bit>
#include <system_error>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp {

namespace {

constexpr std::size_t kHashDigits = 32;  // contentHash: XXH3-128 in hex

}  // namespace

CacheEntryWriter::CacheEntryWriter(std::string_view format, std::string_view key) {
  out_ = format;
  out_ += key;
}

void CacheEntryWriter::u32(std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out_ += static_cast<char>((v >> shift) & 0xFF);
}

void CacheEntryWriter::real(float v) { u32(std::bit_cast<std::uint32_t>(v)); }

void CacheEntryWriter::blob(std::string_view b) {
  u32(static_cast<std::uint32_t>(b.size()));
  out_ += b;
}

std::string CacheEntryWriter::finish() {
  out_ += contentHash(out_);
  return std::move(out_);
}

CacheEntryReader::CacheEntryReader(std::string_view file, std::string_view format, std::string_view key) {
  const std::size_t head = format.size() + key.size();
  if (file.size() < head + kHashDigits || file.substr(0, format.size()) != format ||
      file.substr(format.size(), key.size()) != key) {
    fail();
    return;
  }
  const std::string_view hashed = file.substr(0, file.size() - kHashDigits);
  if (contentHash(hashed) != file.substr(hashed.size())) {
    fail();
    return;
  }
  fields_ = hashed.substr(head);
}

std::uint8_t CacheEntryReader::byte() {
  if (left() < 1) return fail();
  return static_cast<unsigned char>(fields_[at_++]);
}

std::uint32_t CacheEntryReader::u32() {
  if (left() < 4) return fail();
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(fields_[at_ + k]);
  at_ += 4;
  return v;
}

float CacheEntryReader::real() { return std::bit_cast<float>(u32()); }

std::string_view CacheEntryReader::bytes(std::size_t n) {
  if (left() < n) {
    fail();
    return {};
  }
  const std::string_view b = fields_.substr(at_, n);
  at_ += n;
  return b;
}

std::string_view CacheEntryReader::blob() {
  const std::uint32_t n = u32();
  return failed_ ? std::string_view() : bytes(n);
}

bool readKeptEntries(const std::filesystem::path& path, std::string_view format, std::uint32_t maxEntries,
                     std::uintmax_t maxBytes, const std::function<bool(CacheEntryReader&)>& readOne) {
  if (path.empty()) return false;
  const std::optional<std::string> bytes = readFile(path, nullptr, maxBytes);
  if (!bytes) return false;
  CacheEntryReader r(*bytes, format, "");
  const std::uint32_t count = r.u32();
  if (!r.ok() || count > maxEntries) return false;
  for (std::uint32_t i = 0; i < count; ++i)
    if (!readOne(r) || !r.ok()) return false;
  return r.whole();
}

void keepCacheEntry(const std::filesystem::path& path, std::string_view entry) {
  std::error_code ec;
  std::filesystem::create_directories(path.parent_path(), ec);
  if (!ec) writeFileAtomic(path, entry, nullptr, Durability::Unsynced);
}

}  // namespace pp
