#include "postpress/support/text.h"

#include <cstdint>
#include <cstring>

namespace pp {

namespace {

// Length of the well-formed sequence starting at s[i], or 0 when ill-formed (RFC 3629,
// Unicode Table 3-7: no overlongs, no surrogates, nothing above U+10FFFF).
std::size_t validSequenceLength(std::string_view s, std::size_t i) {
  auto b = [&](std::size_t k) { return static_cast<unsigned char>(s[k]); };
  const std::size_t n = s.size();
  unsigned char c = b(i);
  if (c < 0x80) return 1;
  if (c >= 0xC2 && c <= 0xDF) return (i + 1 < n && (b(i + 1) & 0xC0) == 0x80) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (i + 2 >= n) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xE0 && (c1 < 0xA0 || c1 > 0xBF)) return 0;
    if (c == 0xED && (c1 < 0x80 || c1 > 0x9F)) return 0;
    if ((c1 & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80) return 0;
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (i + 3 >= n) return 0;
    unsigned char c1 = b(i + 1);
    if (c == 0xF0 && (c1 < 0x90 || c1 > 0xBF)) return 0;
    if (c == 0xF4 && (c1 < 0x80 || c1 > 0x8F)) return 0;
    if ((c1 & 0xC0) != 0x80 || (b(i + 2) & 0xC0) != 0x80 || (b(i + 3) & 0xC0) != 0x80) return 0;
    return 4;
  }
  return 0;
}

}  // namespace

bool isValidUtf8(std::string_view s) {
  for (std::size_t i = 0; i < s.size();) {
    // Runs of ASCII (most text) eight bytes at a time: the layout and the EPUB check every
    // piece of text they take, and byte-by-byte decoding of it showed in a warm build's
    // profile (bench/results.md).
    std::uint64_t word;
    if (i + 8 <= s.size() && (std::memcpy(&word, s.data() + i, 8), (word & 0x8080808080808080ull) == 0)) {
      i += 8;
      continue;
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    std::size_t len = validSequenceLength(s, i);
    if (len == 0) return false;
    i += len;
  }
  return true;
}

std::string sanitizeUtf8(std::string_view s, std::size_t* replaced, std::size_t* firstBadOffset) {
  std::string out;
  out.reserve(s.size());
  std::size_t count = 0;
  for (std::size_t i = 0; i < s.size();) {
    std::size_t len = validSequenceLength(s, i);
    if (len == 0) {
      if (count == 0 && firstBadOffset) *firstBadOffset = i;
      ++count;
      out += "\xEF\xBF\xBD";
      ++i;
      // Skip continuation bytes of the same broken sequence so one bad char gives one U+FFFD.
      while (i < s.size() && (static_cast<unsigned char>(s[i]) & 0xC0) == 0x80) ++i;
      continue;
    }
    out.append(s.substr(i, len));
    i += len;
  }
  if (replaced) *replaced = count;
  return out;
}

char32_t nextCodepoint(std::string_view s, std::size_t& i) {
  auto b = [&](std::size_t k) -> char32_t {
    return k < s.size() ? static_cast<unsigned char>(s[k]) : 0;
  };
  char32_t c = b(i);
  if (c < 0x80) { i += 1; return c; }
  if ((c & 0xE0) == 0xC0) { char32_t r = ((c & 0x1F) << 6) | (b(i + 1) & 0x3F); i += 2; return r; }
  if ((c & 0xF0) == 0xE0) {
    char32_t r = ((c & 0x0F) << 12) | ((b(i + 1) & 0x3F) << 6) | (b(i + 2) & 0x3F);
    i += 3;
    return r;
  }
  if ((c & 0xF8) == 0xF0) {
    char32_t r = ((c & 0x07) << 18) | ((b(i + 1) & 0x3F) << 12) | ((b(i + 2) & 0x3F) << 6) |
                 (b(i + 3) & 0x3F);
    i += 4;
    return r;
  }
  i += 1;  // not valid UTF-8: callers validate first; never loop forever
  return 0xFFFD;
}

void appendUtf8(std::string& out, char32_t cp) {
  if (cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) cp = 0xFFFD;
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xF0 | (cp >> 18));
    out += static_cast<char>(0x80 | ((cp >> 12) & 0x3F));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

std::u32string toUtf32(std::string_view s) {
  std::u32string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) out += nextCodepoint(s, i);
  return out;
}

std::string toUtf8(std::u32string_view s) {
  // A word's text for every box the layout makes: ASCII written straight into room made for
  // it, anything else appended.
  std::string out(s.size(), '\0');
  std::size_t n = 0;
  while (n < s.size() && s[n] < 0x80) {
    out[n] = static_cast<char>(s[n]);
    ++n;
  }
  out.resize(n);
  for (std::size_t i = n; i < s.size(); ++i) appendUtf8(out, s[i]);
  return out;
}

std::size_t utf8Length(std::string_view s) {
  std::size_t n = 0;
  for (unsigned char c : s)
    if ((c & 0xC0) != 0x80) ++n;
  return n;
}

}  // namespace pp
