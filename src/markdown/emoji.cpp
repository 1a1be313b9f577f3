// :shortcode: emoji, outside code, where the site enables them (jemoji, Hugo enableEmoji).
#include "markdown/emoji.h"

#include <algorithm>
#include <cstring>

#include "markdown/code_regions.h"
#include "markdown/passes.h"
#include "postpress/support/text.h"

namespace pp::markdown {

namespace {

struct EmojiEntry {
  const char* name;
  char32_t cps[10];
};

constexpr EmojiEntry kEmoji[] = {
#ifdef PP_HAVE_EMOJI_TABLE
#include "markdown/emoji_table.inc"
#endif
    {"", {0}},  // sentinel so the array is never empty; skipped below
};
constexpr std::size_t kEmojiCount = sizeof(kEmoji) / sizeof(kEmoji[0]) - 1;

bool nameChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || c == '_' || c == '+' || c == '-' ||
         (c >= 'A' && c <= 'Z');
}

}  // namespace

std::size_t emojiTableSize() { return kEmojiCount; }

std::string emojiForShortcode(std::string_view name) {
  if (name.empty() || name.size() > 64) return "";
  std::string key(name);
  const EmojiEntry* begin = kEmoji;
  const EmojiEntry* end = kEmoji + kEmojiCount;
  const EmojiEntry* it = std::lower_bound(begin, end, key, [](const EmojiEntry& e, const std::string& k) {
    return std::strcmp(e.name, k.c_str()) < 0;
  });
  if (it == end || key != it->name) return "";
  std::string out;
  for (char32_t cp : it->cps) {
    if (!cp) break;
    appendUtf8(out, cp);
  }
  return out;
}

Source runEmoji(const Source& in, ParseContext& ctx) {
  (void)ctx;
  const std::string& s = in.text;
  if (s.find(':') == std::string::npos || kEmojiCount == 0) return in;
  CodeSkipper code(s);
  TextBuilder out(in);
  std::size_t copied = 0;
  std::size_t i = 0;
  while (i < s.size()) {
    if (std::size_t past = code.skip(i); past != i) {
      i = past;
      continue;
    }
    char c = s[i];
    if (c != ':') {
      ++i;
      continue;
    }
    // `:name:` not glued to a word before it (so "10:30:00" and "std::vector" stay).
    bool bounded = i == 0 || !(std::isalnum(static_cast<unsigned char>(s[i - 1])) || s[i - 1] == ':');
    std::size_t j = i + 1;
    while (j < s.size() && j - i <= 65 && nameChar(s[j])) ++j;
    if (bounded && j < s.size() && s[j] == ':' && j > i + 1) {
      std::string e = emojiForShortcode(std::string_view(s).substr(i + 1, j - i - 1));
      if (!e.empty()) {
        out.copy(copied, i);
        out.emit(e, i);
        copied = j + 1;
        i = j + 1;
        continue;
      }
    }
    i = j > i + 1 ? j : i + 1;
  }
  out.copy(copied, s.size());
  return out.finish();
}

}  // namespace pp::markdown
