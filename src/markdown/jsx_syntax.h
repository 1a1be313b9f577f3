// JSX as it appears in posts (MDX components, JSX-style attributes in raw HTML): brace matching
// and the strings expressions name. Shared by the MDX pass and the HTML tokenizer.
#pragma once

#include <cstddef>
#include <string>
#include <string_view>

namespace pp::markdown {

// A character of a JavaScript identifier (ASCII letters, digits, `_`, `$`).
inline bool jsIdentifierChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' || c == '$';
}

// Steps over JavaScript string literals ('...', "...", `...`) in a scan: called at each offset
// k, true when s[k] opens, lies in or closes a literal (the caller then passes over it); a
// backslash escape inside a literal moves k past the escaped character.
class JsStrings {
 public:
  bool skip(std::string_view s, std::size_t& k);

 private:
  char quote_ = 0;
};

// Offset just past the brace that closes the one at `open` (braces in string literals do not
// count); npos when it does not close within `maxSpan` bytes. *stop receives where the search
// gave up (never past s.size()): a caller that scans on resumes there and stays linear.
std::size_t matchBrace(std::string_view s, std::size_t open, std::size_t maxSpan,
                       std::size_t* stop = nullptr);

// The string a JSX expression names, given the inside of its braces: its first string literal
// ({'x'}, {require('./x.png').default}, {useBaseUrl('/x')}, {{light: '/a.png', dark: ...}}),
// else a bare number; "" for anything else.
std::string jsxExpressionString(std::string_view inner);

}  // namespace pp::markdown
