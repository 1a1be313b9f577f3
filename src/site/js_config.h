// Reading literal values out of JavaScript config files.
#pragma once

#include <string>
#include <string_view>
#include <vector>

namespace pp::site {

// Blanks out // and /* */ comments (outside string literals) so that commented-out settings
// are not read. Line breaks are kept.
std::string stripJsComments(std::string_view s);

// The string literal value of the first `key: 'value'` (or "value", `value`) in text; "" when
// none. A template literal's `${…}` parts are kept as written.
std::string jsStringProperty(std::string_view text, std::string_view key);

// The text of the object literal following the first `key:` (balanced braces), or "".
std::string_view jsObjectProperty(std::string_view text, std::string_view key);

// True for a folder a JavaScript generator's config names as its posts' (blog, posts, post,
// articles, writing; any case).
bool namesBlogFolder(std::string_view name);

// The string literals of the array following the first `key:` (`locales: ['en', 'fr']`).
std::vector<std::string> jsStringArray(std::string_view text, std::string_view key);

}  // namespace pp::site
