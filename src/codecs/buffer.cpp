#include <memory>

#include "codecs/large_pages.h"
#include "postpress/codecs.h"
#include "postpress/support/huge_pages.h"

namespace pp::codecs {

void* allocateBufferBytes(std::size_t bytes) {
  if (bytes < kLargePageThreshold || !largePagesUsed()) return std::allocator<std::uint8_t>().allocate(bytes);
  void* p = mapHugePages(bytes);
  if (!p) throw std::bad_alloc();
  return p;
}

void releaseBufferBytes(void* p, std::size_t bytes) noexcept {
  if (bytes < kLargePageThreshold || !largePagesUsed())
    return std::allocator<std::uint8_t>().deallocate(static_cast<std::uint8_t*>(p), bytes);
  unmapHugePages(p, bytes);
}

}  // namespace pp::codecs
