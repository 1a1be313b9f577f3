// Memory mapped on its own, aligned, and advised for transparent huge pages: for buffers of
// megabytes that are written in full. Each 4 KB page touched for the first time is a page
// fault, and page faults are costly on a virtual machine (bench/results.md); where the
// kernel gives huge pages (transparent_hugepage `madvise` or `always`) one fault maps 2 MB.
// Where it does not, the memory works the same with 4 KB pages.
#pragma once

#include <cstddef>

namespace pp {

inline constexpr std::size_t kHugePageBytes = std::size_t{2} << 20;

// `bytes` rounded up to 2 MB, starting on a multiple of `alignment` (a multiple of 2 MB), not
// yet touched (zero when read); nullptr when the address space or memory runs out.
void* mapHugePages(std::size_t bytes, std::size_t alignment = kHugePageBytes) noexcept;
// Gives back what mapHugePages(bytes, ...) returned.
void unmapHugePages(void* p, std::size_t bytes) noexcept;

// Advises the whole anonymous mapping that holds `p` (as /proc/self/maps shows it) for huge
// pages, from then on: for memory someone else mapped (the allocator's first, made before
// main). False when `p` is in no such mapping or the kernel refuses.
bool adviseHugePagesAround(const void* p) noexcept;

}  // namespace pp
