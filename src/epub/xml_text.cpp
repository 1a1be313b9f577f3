#include "epub/xml_text.h"

#include <cctype>
#include <cstdio>

#include "postpress/support/text.h"

namespace pp::epub {

bool allowedChar(char32_t c) {
  if (c < 0x20) return c == '\t' || c == '\n' || c == '\r';
  if (c >= 0x7F && c <= 0x9F) return false;               // DEL and C1 controls
  if (c >= 0xD800 && c <= 0xDFFF) return false;           // surrogates
  if (c >= 0xFDD0 && c <= 0xFDEF) return false;           // noncharacters
  if ((c & 0xFFFE) == 0xFFFE) return false;               // U+xFFFE, U+xFFFF
  return c <= 0x10FFFF;
}

namespace {

template <bool Attribute>
std::string escape(std::string_view s) {
  // Only sanitise when needed: nearly all text is already valid UTF-8.
  std::string clean;
  if (!isValidUtf8(s)) {
    clean = sanitizeUtf8(s);
    s = clean;
  }
  std::string out;
  out.reserve(s.size() + s.size() / 16);
  std::size_t i = 0;
  while (i < s.size()) {
    // A stretch of printable ASCII that needs no escaping, copied at once.
    std::size_t j = i;
    while (j < s.size() && s[j] >= 0x20 && s[j] < 0x7F && s[j] != '&' && s[j] != '<' && s[j] != '>' &&
           (!Attribute || s[j] != '"'))
      ++j;
    if (j > i) {
      out.append(s, i, j - i);
      i = j;
      if (i == s.size()) break;
    }
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {
      ++i;
      switch (b) {
        case '&': out += "&amp;"; break;
        case '<': out += "&lt;"; break;
        case '>': out += "&gt;"; break;
        case '"':
          if (Attribute) out += "&quot;"; else out += '"';
          break;
        case '\r': break;  // XML normalises CR away; keep output stable
        case '\t':
        case '\n':
          if (Attribute) out += ' '; else out += static_cast<char>(b);
          break;
        default:
          if (allowedChar(b)) out += static_cast<char>(b);
      }
      continue;
    }
    std::size_t start = i;
    char32_t c = nextCodepoint(s, i);
    if (allowedChar(c)) out.append(s.substr(start, i - start));
  }
  return out;
}

}  // namespace

std::string text(std::string_view s) { return escape<false>(s); }
std::string attr(std::string_view s) { return escape<true>(s); }

bool hasScheme(std::string_view url) {
  if (url.empty() || !std::isalpha(static_cast<unsigned char>(url[0]))) return false;
  for (std::size_t i = 1; i < url.size(); ++i) {
    char c = url[i];
    if (c == ':') return true;
    if (!std::isalnum(static_cast<unsigned char>(c)) && c != '+' && c != '-' && c != '.')
      return false;
  }
  return false;
}

std::string cleanUrl(std::string_view raw) {
  std::string url(trim(raw));
  if (!isValidUtf8(url)) url = sanitizeUtf8(url);
  std::string lower = toLowerAscii(url.substr(0, 12));
  if (startsWith(lower, "javascript:") || startsWith(lower, "data:") ||
      startsWith(lower, "vbscript:"))
    return "";
  auto isHex = [](char c) { return std::isxdigit(static_cast<unsigned char>(c)) != 0; };
  std::string out;
  out.reserve(url.size());
  bool seenHash = false;
  for (std::size_t i = 0; i < url.size(); ++i) {
    unsigned char c = static_cast<unsigned char>(url[i]);
    bool keep = std::isalnum(c) || std::string_view("-._~:/?@!$&'()*+,;=").find(static_cast<char>(c)) !=
                                        std::string_view::npos;
    if (c == '%' && i + 2 < url.size() && isHex(url[i + 1]) && isHex(url[i + 2]))
      keep = true;
    if (c == '#' && !seenHash) {
      seenHash = true;
      keep = true;
    }
    if (keep) out += static_cast<char>(c);
    else appendPercentEncoded(out, c);
  }
  return out;
}

std::string asciiId(std::string_view raw) {
  std::string s = isValidUtf8(raw) ? std::string(raw) : sanitizeUtf8(raw);
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80 && (std::isalnum(b) || b == '-' || b == '.')) {
      out += static_cast<char>(b);
      ++i;
      continue;
    }
    char32_t c = b < 0x80 ? (++i, static_cast<char32_t>(b)) : nextCodepoint(s, i);
    if (c == ' ') {
      out += '-';
      continue;
    }
    // '_' is the escape character, so a literal '_' is escaped too: the mapping stays 1:1.
    char hex[16];
    std::snprintf(hex, sizeof hex, "_%04x", static_cast<unsigned>(c));
    out += hex;
  }
  if (out.empty()) out.push_back('_');
  return out;
}

bool validLanguageTag(std::string_view tag) {
  // langtag = language ["-" script] ["-" region] *("-" variant|extension); checked loosely as
  // 2-8 letters followed by subtags of 1-8 alphanumerics, which is what the validators accept.
  auto parts = split(tag, '-');
  if (parts.empty()) return false;
  const std::string& first = parts[0];
  if (first.size() < 2 || first.size() > 8) return false;
  for (char c : first)
    if (!std::isalpha(static_cast<unsigned char>(c))) return false;
  for (std::size_t i = 1; i < parts.size(); ++i) {
    if (parts[i].empty() || parts[i].size() > 8) return false;
    for (char c : parts[i])
      if (!std::isalnum(static_cast<unsigned char>(c))) return false;
  }
  return true;
}

}  // namespace pp::epub
