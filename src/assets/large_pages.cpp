#include "assets/large_pages.h"

#include <sys/mman.h>

#include <cstdint>

namespace pp::assets {

namespace {

constexpr std::size_t kHugePage = std::size_t{2} << 20;

std::size_t roundUp(std::size_t n, std::size_t to) { return (n + to - 1) / to * to; }

}  // namespace

bool largePagesUsed() noexcept {
#if defined(__SANITIZE_ADDRESS__)
  return false;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
  return false;
#else
  return true;
#endif
#else
  return true;
#endif
}

void* mapLarge(std::size_t bytes) noexcept {
  const std::size_t size = roundUp(bytes, kHugePage);
  // Mapped 2 MB too long, then trimmed to start on a 2 MB boundary: only aligned 2 MB
  // stretches can become huge pages, and mmap promises 4 KB alignment only.
  const std::size_t span = size + kHugePage;
  void* raw = mmap(nullptr, span, PROT_READ | PROT_WRITE, MAP_PRIVATE | MAP_ANONYMOUS, -1, 0);
  if (raw == MAP_FAILED) return nullptr;
  const auto start = reinterpret_cast<std::uintptr_t>(raw);
  const std::uintptr_t aligned = roundUp(start, kHugePage);
  if (aligned > start) munmap(raw, aligned - start);
  const std::uintptr_t end = start + span, used = aligned + size;
  if (end > used) munmap(reinterpret_cast<void*>(used), end - used);
  void* p = reinterpret_cast<void*>(aligned);
  // Advice only: where the kernel has no huge pages the buffer works the same with 4 KB ones.
  madvise(p, size, MADV_HUGEPAGE);
  return p;
}

void unmapLarge(void* p, std::size_t bytes) noexcept {
  if (p) munmap(p, roundUp(bytes, kHugePage));
}

}  // namespace pp::assets
