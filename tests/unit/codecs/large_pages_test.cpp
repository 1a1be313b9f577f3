// Picture buffers of a megabyte or more are mapped on their own in huge pages (2 MB aligned,
// which the allocator never gives); smaller ones and sanitized builds use the allocator.
// also-unsanitized: the huge-page path, which sanitized builds do not take
#include <doctest/doctest.h>

#include <cstdint>
#include <cstring>

#include "codecs/large_pages.h"
#include "postpress/codecs.h"
#include "postpress/support/huge_pages.h"

namespace codecs = pp::codecs;

namespace {

bool twoMbAligned(const void* p) { return reinterpret_cast<std::uintptr_t>(p) % pp::kHugePageBytes == 0; }

}  // namespace

TEST_CASE("picture buffers take the mapped path from a megabyte on, and copy, grow and shrink as vectors") {
  codecs::ByteBuffer small(codecs::kLargePageThreshold - 1);
  codecs::ByteBuffer large(codecs::kLargePageThreshold);
  if (codecs::largePagesUsed()) {
    CHECK(twoMbAligned(large.data()));
    CHECK(!twoMbAligned(small.data()));
  } else {
    MESSAGE("built with AddressSanitizer: every buffer comes from its allocator");
  }
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<std::uint8_t>(i * 7);
  codecs::ByteBuffer copy = large;
  copy.resize(copy.size() * 3);  // grows: a new mapping, the old one given back
  CHECK(std::memcmp(copy.data(), large.data(), large.size()) == 0);
  codecs::ByteBuffer moved = std::move(copy);
  CHECK(moved.size() == 3 * large.size());
  CHECK(moved[12345] == static_cast<std::uint8_t>(12345 * 7));
  moved.resize(10);
  moved.shrink_to_fit();  // from the mapped path back to the allocator's
  CHECK(moved[9] == static_cast<std::uint8_t>(9 * 7));
  CHECK(moved.capacity() < codecs::kLargePageThreshold);
}
