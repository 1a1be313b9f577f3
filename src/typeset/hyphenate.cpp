// The second pass of line breaking: hyphenation points inside words, and emergency breaks
// inside words wider than the measure.
#include <string>
#include <string_view>
#include <vector>

#include "postpress/support/text.h"
#include "typeset/inline_items.h"
#include "typeset/linebreak.h"

namespace pp::typeset {

namespace {

bool isWordPunct(char c) {
  return c == ',' || c == '.' || c == ';' || c == ':' || c == '!' || c == '?' || c == '"' ||
         c == '\'' || c == '(' || c == ')' || c == '[' || c == ']';
}

}  // namespace

bool hyphenate(Context& ctx, ItemList& list) {
  if (!ctx.hyphenator || !ctx.hyphenator->available()) return false;
  std::vector<Item> out;
  out.reserve(list.items.size() + list.items.size() / 4);
  bool any = false;
  for (auto& it : list.items) {
    if (!it.isBox() || it.kind != BoxKind::Text || !it.hyphenatable || it.text.size() < 6) {
      out.push_back(std::move(it));
      continue;
    }
    // The letters of the word, without punctuation and typographic quotes around them.
    std::string_view t = it.text;
    std::size_t a = 0, b = t.size();
    while (a < b && isWordPunct(t[a])) ++a;
    while (b > a && isWordPunct(t[b - 1])) --b;
    // typographic quotes and apostrophes (U+2018/2019/201C/201D: E2 80 98..9D)
    while (b - a >= 3 && static_cast<unsigned char>(t[b - 3]) == 0xE2 &&
           static_cast<unsigned char>(t[b - 2]) == 0x80 &&
           (static_cast<unsigned char>(t[b - 1]) >= 0x98 && static_cast<unsigned char>(t[b - 1]) <= 0x9D))
      b -= 3;
    while (b - a >= 3 && static_cast<unsigned char>(t[a]) == 0xE2 &&
           static_cast<unsigned char>(t[a + 1]) == 0x80 &&
           (static_cast<unsigned char>(t[a + 2]) >= 0x98 && static_cast<unsigned char>(t[a + 2]) <= 0x9D))
      a += 3;
    const std::vector<int>& pts = ctx.hyphenator->points(t.substr(a, b - a));
    if (pts.empty()) {
      out.push_back(std::move(it));
      continue;
    }
    any = true;
    // Each piece starts as a copy of `it`: move the word out first, or every copy copies it
    // whole (quadratic in the word's length).
    const std::string word = std::move(it.text);
    t = word;
    FontFile& f = ctx.fonts.file(it.face);
    const float hyphenWidth = f.advance('-') * it.size / 1000.0f;
    std::size_t from = 0;
    auto piece = [&](std::size_t end) {
      Item p = it;
      p.text = std::string(t.substr(from, end - from));
      p.shaped = nullptr;
      p.width = ctx.width(it.face, p.text, it.size, it.letterSpacing);
      if (end < t.size()) {
        // the kerning between this piece and the next belongs to this piece's width
        std::size_t last = 0, i = 0;
        while (i < p.text.size()) {
          last = i;
          nextCodepoint(p.text, i);
        }
        std::size_t j = end;
        const char32_t a = nextCodepoint(p.text, last), b = nextCodepoint(t, j);
        p.width += f.kern(a, b) * it.size / 1000.0f;
      }
      p.hyphenatable = false;
      out.push_back(std::move(p));
      from = end;
    };
    for (int pt : pts) {
      piece(a + static_cast<std::size_t>(pt));
      Item h;
      h.type = ItemType::Penalty;
      h.flagged = true;
      h.penalty = kHyphenPenalty;
      h.text = "-";
      h.face = it.face;
      h.size = it.size;
      h.color = it.color;
      h.link = it.link;
      h.tag = it.tag;
      h.level = it.level;  // drawn on the side of the word it ends (visualOrder)
      h.width = hyphenWidth;
      out.push_back(std::move(h));
    }
    piece(t.size());
  }
  list.items = std::move(out);  // every item was moved into `out`, hyphenated or not
  return any;
}

void splitOverwideBoxes(Context& ctx, ItemList& list, float maxWidth) {
  bool needed = false;
  for (const auto& it : list.items)
    if (it.isBox() && it.kind == BoxKind::Text && it.width > maxWidth) needed = true;
  if (!needed) return;
  std::vector<Item> out;
  out.reserve(list.items.size() + 64);
  for (auto& it : list.items) {
    if (!(it.isBox() && it.kind == BoxKind::Text && it.width > maxWidth)) {
      out.push_back(std::move(it));
      continue;
    }
    // Each piece starts as a copy of `it`: move the text out first, or every copy copies it
    // whole (quadratic in the length of a word with no space).
    const std::string t = std::move(it.text);
    auto emit = [&](std::size_t start, std::size_t end) {
      if (start > 0) {
        Item p;
        p.type = ItemType::Penalty;
        p.penalty = kEmergencyBreakPenalty;
        p.link = it.link;
        p.tag = it.tag;
        out.push_back(p);
      }
      Item c = it;
      c.text = t.substr(start, end - start);
      c.shaped = nullptr;
      c.width = ctx.width(it.face, c.text, it.size, it.letterSpacing);
      c.hyphenatable = false;
      out.push_back(std::move(c));
    };
    // A break may fall after any character in the first eight measures of the word (every
    // real URL or identifier, set as before); past that, pieces just under the measure, so
    // that a megabyte-long token is thousands of items rather than millions (the 5% margin
    // absorbs kerning, which the sum of single characters does not see).
    float done = 0, piece = 0;
    std::size_t pieceStart = 0;
    for (std::size_t i = 0; i < t.size();) {
      std::size_t start = i;
      nextCodepoint(t, i);
      const float w = ctx.width(it.face, std::string_view(t).substr(start, i - start), it.size,
                                      it.letterSpacing);
      if (done < 8 * maxWidth) {
        emit(start, i);
        done += w;
        pieceStart = i;
        continue;
      }
      if (piece > 0 && piece + w > 0.95f * maxWidth) {
        emit(pieceStart, start);
        pieceStart = start;
        piece = 0;
      }
      piece += w;
    }
    if (pieceStart < t.size()) emit(pieceStart, t.size());
  }
  list.items = std::move(out);
}

}  // namespace pp::typeset
