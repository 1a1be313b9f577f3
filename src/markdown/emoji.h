// GitHub emoji shortcodes (`:rocket:`) to Unicode, from a table generated at build time.
#pragma once

#include <string>
#include <string_view>

namespace pp::markdown {

// The emoji for a shortcode name (without colons), or "" when unknown.
std::string emojiForShortcode(std::string_view name);
// Number of names in the table (0 when the build had no table).
std::size_t emojiTableSize();

}  // namespace pp::markdown
