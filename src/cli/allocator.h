// How the process's allocator (mimalloc, when linked: CMakeLists.txt) is set up before any
// work starts. Does nothing in builds without it (sanitizers, fuzzing).
#pragma once

namespace pp::cli {

void configureAllocator() noexcept;

}  // namespace pp::cli
