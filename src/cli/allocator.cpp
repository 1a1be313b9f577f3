#include "cli/allocator.h"

#ifdef POSTPRESS_MIMALLOC
#include <mimalloc.h>

#include <cstddef>
#include <cstdlib>
#include <new>

#include "postpress/support/huge_pages.h"
#endif

#ifdef POSTPRESS_MIMALLOC
// Memory exhaustion must be a std::bad_alloc, which the driver turns into an [out-of-memory]
// diagnostic for the digest it hit (the rest of the batch goes on). Debian's mimalloc is built
// as C: the operator new it exports calls abort() without a word when memory runs out. These
// replacements of the throwing forms (which the standard lets a program replace) take memory
// from malloc, mimalloc's, and throw as the standard's do; C libraries still get a null from
// malloc, which they handle, rather than an exception through their frames.
void* operator new(std::size_t size) {
  if (void* p = std::malloc(size == 0 ? 1 : size)) return p;
  throw std::bad_alloc();
}
void* operator new[](std::size_t size) { return ::operator new(size); }
#endif

namespace pp::cli {

#ifdef POSTPRESS_MIMALLOC
namespace {

// The first 256 MB the allocator takes come from one area in transparent huge pages. A build
// touches tens of megabytes of fresh memory in small objects (the layout's items and runs, the
// PDF's pages), and with 4 KB pages the page faults alone took a good part of its CPU
// (bench/results.md). The price is memory in 2 MB steps, and the area's memory is not given
// back until the process ends: bounded by its size, which a larger area did not make faster.
// Past it the allocator maps memory as usual.
constexpr std::size_t kHugeArenaBytes = std::size_t{256} << 20;
// mimalloc finds an object's segment by masking its address, so the area starts on a segment
// boundary (32 MB in mimalloc 2.0; 64 leaves room).
constexpr std::size_t kArenaAlignment = std::size_t{64} << 20;

}  // namespace
#endif

void configureAllocator() noexcept {
#ifdef POSTPRESS_MIMALLOC
  // mimalloc keeps freed segments for half a second before giving them back, and the picture
  // buffers of an image-heavy blog piled up past glibc's peak; given back at once, the peak is
  // below it and the build no slower (bench/results.md). Pictures of a megabyte or more do
  // not come from it (codecs/large_pages.h).
  mi_option_set(mi_option_segment_decommit_delay, 0);
  // What the main thread allocates comes on from the segment mimalloc mapped before main, not
  // from the area below, and faults in 4 KB pages too: advised for huge pages as well.
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
