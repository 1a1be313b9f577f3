// The cache entries' framing (postpress/support/cache_entry.h): fields read back as written,
// and no entry read that is not whole, not of its format, not its key's or not as hashed.
#include <doctest/doctest.h>

#include <limits>
#include <string>

#include "postpress/support/cache_entry.h"

using namespace pp;

namespace {

const std::string kFormat = "postpress-test-entry-1\n";
const std::string kKey(32, 'k');

std::string sample() {
  CacheEntryWriter out(kFormat, kKey);
  out.byte(7);
  out.u32(0xDEADBEEF);
  out.real(-1.25f);
  out.blob("language");
  out.bytes("raw");
  return out.finish();
}

}  // namespace

TEST_CASE("a cache entry's fields read back as written, and reading past its end fails it") {
  const std::string entry = sample();
  CacheEntryReader in(entry, kFormat, kKey);
  REQUIRE(in.ok());
  CHECK(in.byte() == 7);
  CHECK(in.u32() == 0xDEADBEEF);
  CHECK(in.real() == -1.25f);
  CHECK(in.blob() == "language");
  CHECK(in.left() == 3);
  CHECK_FALSE(in.whole());
  CHECK(in.bytes(3) == "raw");
  CHECK(in.whole());
  CHECK(in.u32() == 0);  // past the end
  CHECK_FALSE(in.ok());
  CHECK_FALSE(in.whole());
  CHECK(in.left() == 0);
}

TEST_CASE("an entry of another format or key, damaged or cut short is not read") {
  const std::string entry = sample();
  CHECK_FALSE(CacheEntryReader(entry, "postpress-test-entry-2\n", kKey).ok());
  CHECK_FALSE(CacheEntryReader(entry, kFormat, std::string(32, 'j')).ok());
  for (std::size_t at : {std::size_t{0}, kFormat.size() + 3, entry.size() / 2, entry.size() - 1}) {
    CAPTURE(at);
    std::string damaged = entry;
    damaged[at] = static_cast<char>(damaged[at] ^ 0x10);
    CHECK_FALSE(CacheEntryReader(damaged, kFormat, kKey).ok());
  }
  for (std::size_t cut : {std::size_t{0}, std::size_t{5}, kFormat.size() + kKey.size(), entry.size() - 1})
    CHECK_FALSE(CacheEntryReader(entry.substr(0, cut), kFormat, kKey).ok());
  CHECK_FALSE(CacheEntryReader(entry + "x", kFormat, kKey).ok());
}

TEST_CASE("a blob longer than the entry fails it without reading past the end") {
  CacheEntryWriter out(kFormat, kKey);
  out.u32(std::numeric_limits<std::uint32_t>::max());  // a length, and nothing after it
  const std::string entry = out.finish();
  CacheEntryReader in(entry, kFormat, kKey);
  REQUIRE(in.ok());
  CHECK(in.blob().empty());
  CHECK_FALSE(in.ok());
  CHECK(in.bytes(1).empty());
}
