// PDF strings written by us (structure elements, annotations, marked content): text strings
// as UTF-16BE with a byte order mark, in hex (any character, nothing to escape), and byte
// strings as escaped literals.
#pragma once

#include <string>
#include <string_view>

namespace pp::pdf {

// The bytes of a text string: UTF-16BE with its byte order mark, characters above U+FFFF as
// surrogate pairs (libharu's own UTF-8 encoder garbles those). For libharu's binary objects.
std::string utf16TextBytes(std::string_view utf8);
// "<FEFF0041...>": utf16TextBytes in hex.
std::string hexTextString(std::string_view utf8);
// A text string as short as it can be: a literal when `utf8` is printable ASCII (which
// PDFDocEncoding shares), else hexTextString (a digest has 10^5 of them: link descriptions).
std::string textString(std::string_view utf8);
// "(a\(b\))": `bytes` as a literal string, backslash, parentheses, CR and LF escaped.
std::string literalString(std::string_view bytes);

}  // namespace pp::pdf
