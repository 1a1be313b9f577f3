#include "postpress/support/hash.h"

#include <xxhash.h>

#include <cstdio>

namespace pp {

namespace {
std::string toHex(XXH128_hash_t h) {
  char buf[33];
  std::snprintf(buf, sizeof buf, "%016llx%016llx", static_cast<unsigned long long>(h.high64),
                static_cast<unsigned long long>(h.low64));
  return buf;
}
}  // namespace

std::string contentHash(std::string_view data) { return toHex(XXH3_128bits(data.data(), data.size())); }

std::uint64_t tableHash(const void* data, std::size_t size) noexcept { return XXH3_64bits(data, size); }

bool isContentHash(std::string_view s) {
  return s.size() == 32 && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

Hasher::Hasher() : state_(XXH3_createState()) {
  XXH3_128bits_reset(static_cast<XXH3_state_t*>(state_));
}

Hasher::~Hasher() { XXH3_freeState(static_cast<XXH3_state_t*>(state_)); }

void Hasher::update(std::string_view data) {
  XXH3_128bits_update(static_cast<XXH3_state_t*>(state_), data.data(), data.size());
}

void Hasher::field(std::string_view data) {
  std::string len = std::to_string(data.size()) + ":";
  update(len);
  update(data);
}

std::string Hasher::hex() const { return toHex(XXH3_128bits_digest(static_cast<XXH3_state_t*>(state_))); }

std::string uuidFromHash(const std::string& hex32) {
  std::string h = hex32;
  h.resize(32, '0');
  h[12] = '5';  // version 5 (name-based)
  static const char* variant = "89ab";
  h[16] = variant[(h[16] >= 'a' ? h[16] - 'a' + 10 : h[16] - '0') & 3];
  return h.substr(0, 8) + "-" + h.substr(8, 4) + "-" + h.substr(12, 4) + "-" + h.substr(16, 4) +
         "-" + h.substr(20, 12);
}

}  // namespace pp
