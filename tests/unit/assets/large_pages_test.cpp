// Large picture buffers are mapped on their own, on 2 MB boundaries, with the kernel asked for
// huge pages; small ones and sanitized builds use the allocator.
#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "assets/buffer.h"
#include "assets/large_pages.h"
#include "support.h"

namespace pa = pp::assets;

namespace {

constexpr std::uintptr_t kTwoMb = std::uintptr_t{2} << 20;

// The VmFlags line of the mapping that holds `p` in /proc/self/smaps ("" when not found).
std::string vmFlagsOf(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    unsigned long long from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (head >> std::hex >> from >> dash >> to && dash == '-' && line.find(' ') != std::string::npos &&
        line.find(':') > line.find(' ')) {
      inside = at >= from && at < to;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

// Kernels built without transparent huge pages refuse the advice (the buffer works anyway).
bool kernelHasHugePages() { return std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good(); }

}  // namespace

TEST_CASE("a large buffer is 2 MB aligned, advised for huge pages, and holds what is written") {
  if (!pa::largePagesUsed()) {
    MESSAGE("built with AddressSanitizer: large buffers come from its allocator, skipped");
    return;
  }
  const std::size_t bytes = (std::size_t{5} << 20) + 123;  // not a multiple of 2 MB
  void* p = pa::mapLarge(bytes);
  REQUIRE(p != nullptr);
  CHECK(reinterpret_cast<std::uintptr_t>(p) % kTwoMb == 0);
  auto* b = static_cast<unsigned char*>(p);
  std::memset(b, 0xAB, bytes);
  CHECK(b[0] == 0xAB);
  CHECK(b[bytes - 1] == 0xAB);
  const std::string flags = vmFlagsOf(p);
  CHECK(!flags.empty());
  if (kernelHasHugePages()) CHECK(flags.find(" hg") != std::string::npos);  // MADV_HUGEPAGE took
  pa::unmapLarge(p, bytes);
  CHECK(vmFlagsOf(p).empty());  // nothing kept after use (trimmed head and tail included)
}

TEST_CASE("picture buffers take the large path from a megabyte on, and copy and grow as vectors") {
  pa::ByteBuffer small(pa::kLargePageThreshold - 1);
  pa::ByteBuffer large(pa::kLargePageThreshold);
  if (pa::largePagesUsed()) {
    CHECK(reinterpret_cast<std::uintptr_t>(large.data()) % kTwoMb == 0);
    if (kernelHasHugePages()) CHECK(vmFlagsOf(large.data()).find(" hg") != std::string::npos);
    CHECK(vmFlagsOf(small.data()).find(" hg") == std::string::npos);
  }
  for (std::size_t i = 0; i < large.size(); ++i) large[i] = static_cast<std::uint8_t>(i * 7);
  pa::ByteBuffer copy = large;
  copy.resize(copy.size() * 3);  // grows: a new mapping, the old one given back
  CHECK(std::memcmp(copy.data(), large.data(), large.size()) == 0);
  pa::ByteBuffer moved = std::move(copy);
  CHECK(moved.size() == 3 * large.size());
  CHECK(moved[12345] == static_cast<std::uint8_t>(12345 * 7));
  moved.shrink_to_fit();
  moved.resize(10);
  moved.shrink_to_fit();  // from the large path back to the allocator's
  CHECK(moved[9] == static_cast<std::uint8_t>(9 * 7));
}
