// PDF strings written by us (structure elements, annotations, marked content): text strings
// as UTF-16BE with a byte order mark, in hex (any character, nothing to escape), and byte
// strings as escaped literals. One UTF-16BE encoder (appendUtf16) serves them and the fonts'
// ToUnicode CMaps, whose values are UTF-16BE in hex without a byte order mark.
#pragma once

#include <string>
#include <string_view>

namespace pp::pdf {

// Appends `cp` as UTF-16BE: two bytes, or a surrogate pair of four above U+FFFF.
void appendUtf16(std::string& bytes, char32_t cp);
// Appends `bytes` as upper-case hex digits, two a byte.
void appendHex(std::string& out, std::string_view bytes);
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
