// Where Debian's fonts-noto-* packages install their fonts: the tests of scripts the bundled
// fonts do not cover (Arabic, Devanagari, Hebrew, Thai) take theirs from there.
#pragma once

#include <filesystem>

namespace pptest {

inline const std::filesystem::path kNotoFonts = "/usr/share/fonts/truetype/noto";

}  // namespace pptest
