// Byte buffers that are not zeroed when they grow. Pixel buffers and compression outputs are
// written in full right after they are made; zeroing them first cost a memset over every
// picture and touched every page before its time (memset and page faults were a tenth of a
// cold build).
#pragma once

#include <cstdint>
#include <memory>
#include <new>
#include <vector>

#include "codecs/large_pages.h"
#include "postpress/support/huge_pages.h"

namespace pp::codecs {

// std::allocator, except that value-less construction (resize) default-initialises: for bytes
// that is no initialisation at all. Explicit values (assign(n, 0)) are written as ever. A
// megabyte or more is mapped on its own, in huge pages where the kernel gives them
// (codecs/large_pages.h).
template <class T>
struct DefaultInitAllocator : std::allocator<T> {
  using value_type = T;
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <class U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}
  T* allocate(std::size_t n) {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kLargePageThreshold || !largePagesUsed()) return std::allocator<T>::allocate(n);
    void* p = mapHugePages(bytes);
    if (!p) throw std::bad_alloc();
    return static_cast<T*>(p);
  }
  void deallocate(T* p, std::size_t n) noexcept {
    const std::size_t bytes = n * sizeof(T);
    if (bytes < kLargePageThreshold || !largePagesUsed()) return std::allocator<T>::deallocate(p, n);
    unmapHugePages(p, bytes);
  }
  template <class U>
  void construct(U* p) noexcept {
    ::new (static_cast<void*>(p)) U;
  }
  template <class U, class... Args>
  void construct(U* p, Args&&... args) {
    ::new (static_cast<void*>(p)) U(std::forward<Args>(args)...);
  }
};

using ByteBuffer = std::vector<std::uint8_t, DefaultInitAllocator<std::uint8_t>>;

}  // namespace pp::codecs
