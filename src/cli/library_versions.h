// The libraries postpress was built with and their versions, "libharu 2.3.0, cmark-gfm ...":
// made at configure time (CMakeLists.txt, library_versions.cpp.in).
#pragma once

namespace pp::cli {

const char* libraryVersions();

}  // namespace pp::cli
