#include "cli/allocator.h"

#ifdef POSTPRESS_MIMALLOC
#include <mimalloc.h>

#include <cstddef>

#include "postpress/support/huge_pages.h"
#endif

namespace pp::cli {

#ifdef POSTPRESS_MIMALLOC
namespace {

// The first 256 MB the allocator takes come from one area in transparent huge pages. A build
// touches tens of megabytes of fresh memory in small objects (the layout's items and runs, the
// PDF's pages), one page fault per 4 KB: 12,000 faults in a warm build of terrytangyuan, a
// quarter of its CPU on a virtual machine. Interleaved medians, warm: terrytangyuan 0.375 ->
// 0.333 s, 0.565 -> 0.463 s of CPU, 11,600 -> 4,900 faults, peak 76 -> 94 MB; fluxcd 0.665 ->
// 0.583 s, peak 135 -> 165 MB; 2,000 posts 5.46 -> 3.99 s, peak 321 -> 354 MB. The price is
// memory in 2 MB steps, and the area's memory is not given back until the process ends:
// bounded by its size (with 1 GB the 2,000 posts peaked at 420 MB, no faster). Past it the
// allocator maps memory as usual.
constexpr std::size_t kHugeArenaBytes = std::size_t{256} << 20;
// mimalloc finds an object's segment by masking its address, so the area starts on a segment
// boundary (32 MB in mimalloc 2.0; 64 leaves room).
constexpr std::size_t kArenaAlignment = std::size_t{64} << 20;

}  // namespace
#endif

void configureAllocator() noexcept {
#ifdef POSTPRESS_MIMALLOC
  // mimalloc keeps freed segments for half a second before giving them back; the picture
  // buffers of an image-heavy blog then piled up (fluxcd peaked at 250-296 MB against glibc's
  // 205-217). Given back at once: 185-196 MB, and no slower (interleaved runs). Pictures of a
  // megabyte or more no longer come from it (codecs/large_pages.h); with or without this, a
  // warm build of terrytangyuan took the same time and memory since.
  mi_option_set(mi_option_segment_decommit_delay, 0);
  // What the main thread allocates comes on from the segment mimalloc mapped before main, not
  // from the area below: 23 MB of a warm build of terrytangyuan, 5,000 faults of 4 KB. Advised
  // for huge pages too: 5,000 -> 1,600 faults, CPU 0.474 -> 0.412 s (interleaved medians).
  if (void* probe = mi_malloc(1)) {
    adviseHugePagesAround(probe);
    mi_free(probe);
  }
  if (void* area = mapHugePages(kHugeArenaBytes, kArenaAlignment)) {
    // Committed (readable and writable already) and zero: the kernel fills pages on first touch.
    if (!mi_manage_os_memory(area, kHugeArenaBytes, /*is_committed=*/true, /*is_large=*/false, /*is_zero=*/true,
                             /*numa_node=*/-1))
      unmapHugePages(area, kHugeArenaBytes);
  }
#endif
}

}  // namespace pp::cli
