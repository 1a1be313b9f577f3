#include <cctype>

#include "postpress/support/cjk.h"
#include "postpress/support/text.h"

namespace pp {

std::string_view trim(std::string_view s) {
  std::size_t b = 0, e = s.size();
  while (b < e && std::isspace(static_cast<unsigned char>(s[b]))) ++b;
  while (e > b && std::isspace(static_cast<unsigned char>(s[e - 1]))) --e;
  return s.substr(b, e - b);
}

std::string collapseSpaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (char c : s) {
    if (std::isspace(static_cast<unsigned char>(c))) {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

std::string toLowerAscii(std::string_view s) {
  std::string out(s);
  for (char& c : out)
    if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
  return out;
}

bool startsWith(std::string_view s, std::string_view prefix) {
  return s.size() >= prefix.size() && s.compare(0, prefix.size(), prefix) == 0;
}

bool endsWith(std::string_view s, std::string_view suffix) {
  return s.size() >= suffix.size() && s.compare(s.size() - suffix.size(), suffix.size(), suffix) == 0;
}

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (std::size_t i = 0; i < a.size(); ++i)
    if (std::tolower(static_cast<unsigned char>(a[i])) != std::tolower(static_cast<unsigned char>(b[i])))
      return false;
  return true;
}

std::vector<std::string> split(std::string_view s, char sep) {
  std::vector<std::string> out;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= s.size(); ++i) {
    if (i == s.size() || s[i] == sep) {
      out.emplace_back(s.substr(start, i - start));
      start = i + 1;
    }
  }
  return out;
}

std::string joinWith(const std::vector<std::string>& items, std::string_view separator) {
  std::string out;
  for (const std::string& item : items) {
    if (!out.empty()) out += separator;
    out += item;
  }
  return out;
}

std::string replaceAll(std::string s, std::string_view from, std::string_view to) {
  if (from.empty()) return s;
  std::size_t pos = s.find(from);
  if (pos == std::string::npos) return s;
  // Built anew rather than replaced in place: each in-place replacement that changes the
  // length moves the whole rest of the string, quadratic in the number of matches.
  std::string out;
  out.reserve(s.size());
  std::size_t from0 = 0;
  for (; pos != std::string::npos; pos = s.find(from, from0)) {
    out.append(s, from0, pos - from0);
    out.append(to);
    from0 = pos + from.size();
  }
  out.append(s, from0, std::string::npos);
  return out;
}

std::string expandTabs(std::string_view s) {
  if (s.find('\t') == std::string_view::npos) return std::string(s);
  std::string out;
  out.reserve(s.size() + 16);
  std::size_t col = 0;
  for (char c : s) {
    if (c == '\t') {
      std::size_t n = 4 - col % 4;
      out.append(n, ' ');
      col += n;
    } else {
      out += c;
      col = c == '\n' ? 0 : col + ((static_cast<unsigned char>(c) & 0xC0) == 0x80 ? 0 : 1);
    }
  }
  return out;
}

std::string matchKey(std::string_view s) {
  std::string out;
  bool pendingSpace = false;
  for (char c : trim(s)) {
    if (c == '-' || c == '_' || std::isspace(static_cast<unsigned char>(c))) {
      pendingSpace = !out.empty();
      continue;
    }
    if (pendingSpace) out += ' ';
    pendingSpace = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string slugify(std::string_view s) {
  std::string out;
  bool dash = false;
  for (std::size_t i = 0; i < s.size();) {
    unsigned char c = static_cast<unsigned char>(s[i]);
    if (c >= 0x80) {
      // Keep non-ASCII letters as they are (valid UTF-8 assumed): GitHub keeps them too.
      std::size_t start = i;
      nextCodepoint(s, i);
      if (dash && !out.empty()) out += '-';
      dash = false;
      out.append(s.substr(start, i - start));
      continue;
    }
    ++i;
    if (std::isalnum(c)) {
      if (dash && !out.empty()) out += '-';
      dash = false;
      out += static_cast<char>(std::tolower(c));
    } else {
      dash = true;
    }
  }
  return out;
}

std::string xmlEscape(std::string_view s) {
  std::string out;
  out.reserve(s.size() + s.size() / 8);
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += "&#39;"; break;
      default:
        // XML 1.0 forbids most C0 controls even as references: drop them.
        if (static_cast<unsigned char>(c) < 0x20 && c != '\n' && c != '\t' && c != '\r') break;
        out += c;
    }
  }
  return out;
}

std::string percentDecode(std::string_view s) {
  auto hex = [](char c) -> int {
    if (c >= '0' && c <= '9') return c - '0';
    if (c >= 'a' && c <= 'f') return c - 'a' + 10;
    if (c >= 'A' && c <= 'F') return c - 'A' + 10;
    return -1;
  };
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    if (s[i] == '%' && i + 2 < s.size() && hex(s[i + 1]) >= 0 && hex(s[i + 2]) >= 0) {
      out += static_cast<char>(hex(s[i + 1]) * 16 + hex(s[i + 2]));
      i += 2;
    } else {
      out += s[i];
    }
  }
  return out;
}

void appendPercentEncoded(std::string& out, unsigned char byte) {
  static constexpr char kDigits[] = "0123456789ABCDEF";
  out += '%';
  out += kDigits[byte >> 4];
  out += kDigits[byte & 15];
}

std::string percentEncodeUri(std::string_view s, UriText text) {
  std::string out;
  out.reserve(s.size());
  for (unsigned char c : s) {
    const bool keep = text == UriText::PathOnly
                          ? (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '-' ||
                                c == '.' || c == '_' || c == '~' || c == '/'
                          : c > 0x20 && c < 0x7F && c != '"' && c != '<' && c != '>' && c != '\\' && c != '^' &&
                                c != '`' && c != '{' && c != '|' && c != '}';
    if (keep) out += static_cast<char>(c);
    else appendPercentEncoded(out, c);
  }
  return out;
}

bool isCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

bool isCjkWord(char32_t c) {
  return (c >= 0x3040 && c <= 0x30FF) || (c >= 0x3400 && c <= 0x4DBF) ||
         (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x20000 && c <= 0x2FA1F);
}

namespace {
// Letters, digits and the apostrophe (without std::isalnum's locale lookup: word counting
// takes every character of every post through here).
bool isAsciiWordChar(unsigned char b) {
  const unsigned char lower = b | 0x20;
  return (lower >= 'a' && lower <= 'z') || (b >= '0' && b <= '9') || b == '\'';
}
bool isWordChar(char32_t c) {
  if (c < 0x80) return isAsciiWordChar(static_cast<unsigned char>(c));
  return c >= 0xC0 && !(c >= 0x2000 && c <= 0x2BFF) && !(c >= 0x3000 && c <= 0x303F);
}
}  // namespace

std::size_t countWords(std::string_view s) {
  std::size_t words = 0;
  bool inWord = false;
  for (std::size_t i = 0; i < s.size();) {
    const unsigned char b = static_cast<unsigned char>(s[i]);
    if (b < 0x80) {  // ASCII (most of any post) without decoding
      const bool word = isAsciiWordChar(b);
      if (word && !inWord) ++words;
      inWord = word;
      ++i;
      continue;
    }
    char32_t c = nextCodepoint(s, i);
    if (isCjkWord(c)) {
      ++words;
      inWord = false;
    } else if (isWordChar(c)) {
      if (!inWord) ++words;
      inWord = true;
    } else {
      inWord = false;
    }
  }
  return words;
}

}  // namespace pp
