// Byte buffers that are not zeroed when they grow. Pixel buffers and compression outputs are
// written in full right after they are made; zeroing them first cost a memset over every
// picture and touched every page before its time (memset and page faults were a tenth of a
// cold build).
#pragma once

#include <cstdint>
#include <memory>
#include <vector>

namespace pp::assets {

// std::allocator, except that value-less construction (resize) default-initialises: for bytes
// that is no initialisation at all. Explicit values (assign(n, 0)) are written as ever.
template <class T>
struct DefaultInitAllocator : std::allocator<T> {
  template <class U>
  struct rebind {
    using other = DefaultInitAllocator<U>;
  };
  DefaultInitAllocator() = default;
  template <class U>
  DefaultInitAllocator(const DefaultInitAllocator<U>&) noexcept {}
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

}  // namespace pp::assets
