#include "pdf/text_strings.h"

#include "postpress/support/text.h"

namespace pp::pdf {

void appendUtf16(std::string& bytes, char32_t cp) {
  auto unit = [&bytes](unsigned u) {
    bytes += static_cast<char>((u >> 8) & 0xFF);
    bytes += static_cast<char>(u & 0xFF);
  };
  if (cp < 0x10000) {
    unit(static_cast<unsigned>(cp));
  } else {
    unit(0xD800 + static_cast<unsigned>((cp - 0x10000) >> 10));
    unit(0xDC00 + static_cast<unsigned>((cp - 0x10000) & 0x3FF));
  }
}

void appendHex(std::string& out, std::string_view bytes) {
  static constexpr char kHex[] = "0123456789ABCDEF";
  for (unsigned char b : bytes) {
    out += kHex[b >> 4];
    out += kHex[b & 0xF];
  }
}

std::string utf16TextBytes(std::string_view utf8) {
  std::string out = "\xFE\xFF";
  out.reserve(2 + utf8.size() * 2);
  for (std::size_t i = 0; i < utf8.size();) appendUtf16(out, nextCodepoint(utf8, i));
  return out;
}

std::string hexTextString(std::string_view utf8) {
  const std::string bytes = utf16TextBytes(utf8);
  std::string out;
  out.reserve(2 + bytes.size() * 2);
  out += '<';
  appendHex(out, bytes);
  out += '>';
  return out;
}

std::string textString(std::string_view utf8) {
  for (unsigned char c : utf8)
    if (c < 0x20 || c > 0x7E) return hexTextString(utf8);
  return literalString(utf8);
}

std::string literalString(std::string_view bytes) {
  std::string out = "(";
  for (char c : bytes) {
    switch (c) {
      case '(': case ')': case '\\': out += '\\'; out += c; break;
      case '\r': out += "\\r"; break;
      case '\n': out += "\\n"; break;
      default: out += c;
    }
  }
  out += ')';
  return out;
}

}  // namespace pp::pdf
