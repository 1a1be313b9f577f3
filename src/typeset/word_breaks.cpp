// Where a word may break, and its boxes: break opportunities inside a token (between CJK
// characters, after explicit hyphens and dashes, inside long URLs and identifiers, at soft
// hyphens), then boxes of one face and one look between them, each character's face found
// through the fallback chain.
#include <cstdint>
#include <string>
#include <vector>

#include "postpress/support/cjk.h"
#include "postpress/support/text.h"
#include "typeset/inline_items.h"
#include "typeset/linebreak.h"

namespace pp::typeset {

namespace {

// Inter-character glue in CJK runs: no width, a little stretch so justified CJK can fill lines.
constexpr float kCjkStretchEm = 0.08f;

// CJK punctuation that must not start a line (closing marks, small kana are ignored here).
bool isCjkNoStart(char32_t c) {
  return c == 0x3001 || c == 0x3002 || c == 0xFF0C || c == 0xFF0E || c == 0xFF1A ||
         c == 0xFF1B || c == 0xFF01 || c == 0xFF1F || c == 0x300D || c == 0x300F ||
         c == 0xFF09 || c == 0x3011 || c == 0x300B;
}

bool isLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x52F);
}
bool isLower(char32_t c) { return (c >= 'a' && c <= 'z'); }
bool isUpper(char32_t c) { return (c >= 'A' && c <= 'Z'); }

// Separators after which a long URL, path or identifier may break.
bool isTokenSeparator(char32_t c) {
  switch (c) {
    case '/': case '.': case '?': case '&': case '=': case '#': case '_': case ':':
    case '\\': case ',': case ';': case '-': case '~': case '+': case '|': case '@':
    case ')': case ']': case '}': case '>':
      return true;
    default:
      return false;
  }
}

}  // namespace

void InlineBuilder::flushToken() {
  if (token_.empty()) return;
  const std::size_t n = token_.size();
  // Break opportunities before each character: 0 none, 1 explicit hyphen (flagged), 2 plain
  // (after a dash), 3 inside a long token, 4 CJK glue, 5 soft hyphen (flagged, draws '-').
  std::vector<std::uint8_t> brk(n + 1, 0);
  bool anyCode = false;
  for (const auto& c : token_) anyCode |= looks_[c.look].code || looks_[c.look].link >= 0;
  std::size_t visible = 0;
  for (const auto& c : token_) visible += c.cp != 0xAD;
  const bool longToken = visible >= static_cast<std::size_t>(kLongToken) || (anyCode && visible >= 10);
  // URLs and paths break by their own rules only: a break after one of their hyphens would
  // read as a hyphenation.
  bool urlLike = false;
  for (std::size_t i = 0; i + 2 < n && !urlLike; ++i)
    urlLike = (token_[i].cp == ':' && token_[i + 1].cp == '/' && token_[i + 2].cp == '/') ||
              (i == 0 && token_[0].cp == 'w' && token_[1].cp == 'w' && token_[2].cp == 'w');
  for (std::size_t i = 1; i < n; ++i) {
    const char32_t prev = token_[i - 1].cp, cur = token_[i].cp;
    const bool code = looks_[token_[i].look].code;
    if (prev == 0xAD) {
      brk[i] = 5;
    } else if (isCjk(prev) || isCjk(cur)) {
      if (!isCjkNoStart(cur)) brk[i] = 4;
    } else if (prev == '-' && !code && !urlLike && i >= 2 && isLetter(token_[i - 2].cp) && isLetter(cur)) {
      brk[i] = 1;
    } else if ((prev == 0x2014 || prev == 0x2013) && i >= 2) {
      brk[i] = 2;
    } else if (longToken && i >= 3 && n - i >= 3) {
      // The Chicago Manual's rules for breaking URLs: after a colon or a double slash; before
      // a single slash, tilde, period, comma, hyphen, underscore, question mark, number sign or
      // percent sign (so a line never ends in what looks like a hyphenation); before or after
      // an equals sign or ampersand. Identifiers also break between camelCase words.
      const char32_t prev2 = token_[i - 2].cp;
      // "attendees.This": a sentence whose space went missing, not a URL. The line breaks
      // after its period, where the space belongs, never before it (a line starting ".This").
      if (cur == '.' && !code && !urlLike && isLower(prev) && i + 1 < n && isUpper(token_[i + 1].cp)) {
        brk[i + 1] = 3;
        ++i;
        continue;
      }
      const bool beforeMark = cur == '/' || cur == '~' || cur == '.' || cur == ',' || cur == '-' ||
                              cur == '_' || cur == '?' || cur == '#' || cur == '%' || cur == '\\';
      if ((prev == ':' && cur != '/') || (prev == '/' && prev2 == '/' && cur != '/')) brk[i] = 3;
      else if (beforeMark && !isTokenSeparator(prev) && !(cur == '/' && token_[i + 1 < n ? i + 1 : i].cp == '/'))
        brk[i] = 3;
      else if ((prev == '=' || prev == '&') && !isTokenSeparator(cur)) brk[i] = 3;
      else if ((cur == '=' || cur == '&') && !isTokenSeparator(prev)) brk[i] = 3;
      else if (isLower(prev) && isUpper(cur)) brk[i] = 3;
    }
  }

  // Emit boxes: runs of one look and one face, split where a break is allowed.
  std::u32string run;
  int runFace = -2;
  int runLook = -1;
  auto flushRun = [&] {
    if (!run.empty() && runFace >= 0) emitBox(run, looks_[static_cast<std::size_t>(runLook)], runFace, false);
    run.clear();
    runFace = -2;
  };
  auto addBreak = [&](std::uint8_t kind, const Look& look, int face) {
    Item p;
    const float size = sizeOf(look);
    switch (kind) {
      case 1:
        p.type = ItemType::Penalty;
        p.flagged = true;
        p.penalty = kExplicitHyphenPenalty;
        break;
      case 2:
        p.type = ItemType::Penalty;
        p.penalty = kDashPenalty;
        break;
      case 3:
        p.type = ItemType::Penalty;
        p.penalty = kTokenBreakPenalty;
        break;
      case 4:
        p.type = ItemType::Glue;
        if (list_.justify) p.stretch = kCjkStretchEm * size;
        break;
      case 5: {
        p.type = ItemType::Penalty;
        p.flagged = true;
        p.penalty = kHyphenPenalty;
        p.text.assign(1, '-');  // not = "-": GCC 12 -O2 reports a false -Wrestrict there
        p.face = static_cast<std::int16_t>(face);
        p.size = size;
        p.color = colorOf(look);
        p.width = face >= 0 ? ctx_.fonts.file(face).advance('-') * size / 1000.0f : size * 0.3f;
        break;
      }
      default: return;
    }
    p.link = look.link;
    list_.items.push_back(std::move(p));
  };

  for (std::size_t i = 0; i < n; ++i) {
    const Char& ch = token_[i];
    const Look& look = looks_[ch.look];
    if (brk[i]) {
      const int f = runFace >= 0 ? runFace : primaryFace(look);
      flushRun();
      addBreak(brk[i], look, f);
    }
    if (ch.cp == 0xAD) continue;  // soft hyphen: only a break opportunity
    const int primary = primaryFace(look);
    // A combining mark or joiner stays in the face of the letter it belongs to, which shapes
    // them together (Arabic joining, Indic conjuncts, Thai vowels and tones).
    const int face = runFace >= 0 && static_cast<int>(ch.look) == runLook && attachesToPrevious(ch.cp)
                         ? runFace
                         : ctx_.fonts.resolve(primary, ch.cp, look.bold || base_.bold);
    if (face < 0) {
      flushRun();
      emitMissing(ch.cp, look);
      continue;
    }
    if (face != runFace || static_cast<int>(ch.look) != runLook) {
      flushRun();
      runFace = face;
      runLook = ch.look;
    }
    run.push_back(ch.cp);
  }
  flushRun();
  token_.clear();
}

}  // namespace pp::typeset
