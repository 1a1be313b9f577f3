// Memory mapped for huge pages: aligned as asked, advised, writable in full, and gone when
// given back.
#include <doctest/doctest.h>
#include <sys/mman.h>

#include <cstdint>
#include <cstring>
#include <fstream>
#include <sstream>
#include <string>

#include "postpress/support/huge_pages.h"

namespace {

// The VmFlags line of the mapping that holds `p` in /proc/self/smaps ("" when none does).
std::string vmFlagsOf(const void* p) {
  std::ifstream smaps("/proc/self/smaps");
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  std::string line;
  bool inside = false;
  while (std::getline(smaps, line)) {
    // A mapping's first line starts "from-to perms ..."; its fields are "Name: value".
    const std::size_t space = line.find(' '), colon = line.find(':');
    unsigned long long from = 0, to = 0;
    char dash = 0;
    std::istringstream head(line);
    if (space != std::string::npos && colon > space && head >> std::hex >> from >> dash >> to && dash == '-') {
      inside = at >= from && at < to;
      continue;
    }
    if (inside && line.rfind("VmFlags:", 0) == 0) return line;
  }
  return "";
}

// Kernels built without transparent huge pages refuse the advice (the memory works anyway).
bool kernelHasHugePages() { return std::ifstream("/sys/kernel/mm/transparent_hugepage/enabled").good(); }

}  // namespace

TEST_CASE("mapped memory starts on the alignment asked, is advised for huge pages, and is unmapped in full") {
  for (const std::size_t alignment : {pp::kHugePageBytes, std::size_t{64} << 20}) {
    const std::size_t bytes = (std::size_t{5} << 20) + 123;  // not a multiple of 2 MB
    void* p = pp::mapHugePages(bytes, alignment);
    REQUIRE(p != nullptr);
    CHECK(reinterpret_cast<std::uintptr_t>(p) % alignment == 0);
    auto* b = static_cast<unsigned char*>(p);
    CHECK(b[bytes - 1] == 0);  // fresh memory reads as zero
    std::memset(b, 0xAB, bytes);
    CHECK(b[0] == 0xAB);
    CHECK(b[bytes - 1] == 0xAB);
    const std::string flags = vmFlagsOf(p);
    CHECK(!flags.empty());
    if (kernelHasHugePages()) CHECK(flags.find(" hg") != std::string::npos);  // MADV_HUGEPAGE took
    // The slack mapped for the alignment was trimmed: the advised mapping ends where the
    // buffer's last 2 MB does, and starts at the buffer.
    CHECK(vmFlagsOf(b - 1).find(" hg") == std::string::npos);
    CHECK(vmFlagsOf(b + (std::size_t{6} << 20)).find(" hg") == std::string::npos);
    pp::unmapHugePages(p, bytes);
    CHECK(vmFlagsOf(p).empty());
  }
}

TEST_CASE("an alignment that is not a multiple of 2 MB is taken as 2 MB; an impossible size fails") {
  void* p = pp::mapHugePages(100, 4096);
  REQUIRE(p != nullptr);
  CHECK(reinterpret_cast<std::uintptr_t>(p) % pp::kHugePageBytes == 0);
  pp::unmapHugePages(p, 100);
  CHECK(pp::mapHugePages(SIZE_MAX - 10) == nullptr);
}

TEST_CASE("someone else's anonymous mapping is advised for huge pages whole, a file's is not") {
  const std::size_t bytes = std::size_t{8} << 20;
  void* p = mmap(nullptr, bytes, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  REQUIRE(p != MAP_FAILED);
  auto* b = static_cast<unsigned char*>(p);
  CHECK(vmFlagsOf(b).find(" hg") == std::string::npos);
  const bool advised = pp::adviseHugePagesAround(b + 12345);  // any byte inside names the mapping
  if (kernelHasHugePages()) {
    CHECK(advised);
    CHECK(vmFlagsOf(b).find(" hg") != std::string::npos);
    CHECK(vmFlagsOf(b + bytes - 1).find(" hg") != std::string::npos);
  }
  munmap(p, bytes);

  static const char kInText[] = "read-only data of the test program";
  CHECK_FALSE(pp::adviseHugePagesAround(kInText));  // in the executable's file mapping
  CHECK_FALSE(pp::adviseHugePagesAround(nullptr));   // in no mapping
}
