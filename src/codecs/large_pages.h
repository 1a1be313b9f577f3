// Which picture buffers are mapped on their own in huge pages (postpress/support/huge_pages.h)
// rather than taken from the allocator: a megabyte or more. The allocator hands freed
// megabytes back to the system at once (src/cli/allocator.cpp keeps the peak down that way),
// so each picture would fault its pixels in again, 4 KB at a time. Unmapped when freed, so
// nothing is kept after use.
#pragma once

#include <cstddef>

namespace pp::codecs {

inline constexpr std::size_t kLargePageThreshold = std::size_t{1} << 20;

// False under AddressSanitizer, which must see every buffer come from its own allocator to
// find overruns; the allocator is used for every size then.
constexpr bool largePagesUsed() noexcept {
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

}  // namespace pp::codecs
