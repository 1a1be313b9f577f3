#include "postpress/support/huge_pages.h"

#include <sys/mman.h>

#include <cstdint>
#include <cstdio>
#include <cstring>

namespace pp {

namespace {

std::size_t roundUp(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

}  // namespace

void* mapHugePages(std::size_t bytes, std::size_t alignment) noexcept {
  if (alignment < kHugePageBytes || alignment % kHugePageBytes != 0) alignment = kHugePageBytes;
  const std::size_t size = roundUp(bytes, kHugePageBytes);
  if (size < bytes || size > SIZE_MAX - alignment) return nullptr;
  // Mapped `alignment` too long, then trimmed at both ends: mmap promises 4 KB alignment only,
  // and only aligned 2 MB stretches can become huge pages.
  const std::size_t span = size + alignment;
  void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS | MAP_NORESERVE, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = roundUp(start, alignment), end = start + span, used = aligned + size;
  if (aligned > start) munmap(raw, aligned - start);
  if (end > used) munmap(reinterpret_cast<void*>(used), end - used);
  void* p = reinterpret_cast<void*>(aligned);
  madvise(p, size, MADV_HUGEPAGE);  // advice: refused where the kernel has no huge pages
  return p;
}

void unmapHugePages(void* p, std::size_t bytes) noexcept {
  if (p) munmap(p, roundUp(bytes, kHugePageBytes));
}

bool adviseHugePagesAround(const void* p) noexcept {
  std::FILE* maps = std::fopen("/proc/self/maps", "re");
  if (!maps) return false;
  const auto at = reinterpret_cast<std::uintptr_t>(p);
  unsigned long long from = 0, to = 0;
  bool found = false, anonymous = false;
  // Lines are "from-to perms offset dev inode [path]", read one at a time.
  char line[512];
  while (!found && std::fgets(line, sizeof line, maps)) {
    unsigned long long inode = 0;
    int pathAt = 0;
    if (std::sscanf(line, "%llx-%llx %*s %*s %*s %llu %n", &from, &to, &inode, &pathAt) < 3) continue;
    if (at < from || at >= to) continue;
    found = true;
    const char* path = line + pathAt;
    anonymous = inode == 0 && (*path == '\n' || *path == '\0' || std::strncmp(path, "[heap]", 6) == 0);
  }
  std::fclose(maps);
  if (!found || !anonymous) return false;
  return madvise(reinterpret_cast<void*>(from), static_cast<std::size_t>(to - from), MADV_HUGEPAGE) == 0;
}

}  // namespace pp
