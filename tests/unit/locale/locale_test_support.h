// Shared by the locale tests: the repository's lang/ folder and a Locale made from it.
#pragma once

#include <filesystem>
#include <string_view>

#include "postpress/locale.h"

namespace pp::test {

inline std::filesystem::path langDir() { return std::filesystem::path(PP_SOURCE_DIR) / "lang"; }

inline Locale localeFor(std::string_view tag) { return Locale(tag, langDir()); }

}  // namespace pp::test
