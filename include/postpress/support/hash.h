// Content hashing (xxHash3 128-bit) for the asset cache, deduplication and stable ids.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace pp {

// 32 lower-case hex digits of XXH3-128 of data.
std::string contentHash(std::string_view data);
// True for what contentHash makes (32 lower-case hex digits): a hash that may name a file.
bool isContentHash(std::string_view s);

// A 64-bit hash of bytes for in-memory tables (XXH3-64): a fraction of std::hash's cost on
// short keys such as a word's code points (the shaping cache looks up every word it sets).
// Never stored: not a content hash.
std::uint64_t tableHash(const void* data, std::size_t size) noexcept;

// Incremental form, for hashing several parts without concatenating them.
class Hasher {
 public:
  Hasher();
  ~Hasher();
  Hasher(const Hasher&) = delete;
  Hasher& operator=(const Hasher&) = delete;
  void update(std::string_view data);
  // Separates fields so ("ab","c") and ("a","bc") hash differently.
  void field(std::string_view data);
  std::string hex() const;

 private:
  void* state_;
};

// A UUID-shaped string (8-4-4-4-12, version 5 style bits) derived from a hash: stable ids.
std::string uuidFromHash(const std::string& hex32);

}  // namespace pp
