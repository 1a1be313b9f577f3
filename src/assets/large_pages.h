// Memory for pictures and their filtered rows: megabytes at a time, written in full once and
// then read. From the allocator, each 4 KB page of such a buffer is a page fault on first
// write, and the allocator hands freed megabytes back to the system at once (src/cli/main.cpp
// keeps the peak down that way), so the next picture faults them in again: 37,000 faults in a
// cold build of terrytangyuan, a fifth of its CPU time on a virtual machine. A large buffer is
// instead mapped on its own, aligned to 2 MB and marked for transparent huge pages: one fault
// per 2 MB where the kernel allows them (`madvise` or `always`), the same 4 KB faults as
// before where it does not; unmapped when freed, so nothing is kept after use.
#pragma once

#include <cstddef>

namespace pp::assets {

// Buffers this large or larger are mapped on their own (below it, the allocator's).
inline constexpr std::size_t kLargePageThreshold = std::size_t{1} << 20;

// `bytes` (at least kLargePageThreshold) of fresh memory, or nullptr when none is left.
void* mapLarge(std::size_t bytes) noexcept;
// Gives back what mapLarge(bytes) returned (the same `bytes`).
void unmapLarge(void* p, std::size_t bytes) noexcept;

// False under AddressSanitizer, which must see every buffer come from its own allocator to
// find overruns; the allocator is used for every size then.
bool largePagesUsed() noexcept;

}  // namespace pp::assets
