// Where a word may break, and its boxes: break opportunities inside a token (by UAX #14 where
// the token holds CJK or South-East Asian text, after explicit hyphens and dashes in prose, at
// the usual points of long URLs, paths and identifiers, at soft hyphens), then boxes of one
// face and one look between them, each character's face found through the fallback chain.
#include <cstdint>
#include <string>
#include <vector>

#include "postpress/support/line_breaks.h"
#include "postpress/support/text.h"
#include "typeset/bidi.h"
#include "typeset/inline_items.h"
#include "typeset/linebreak.h"

namespace pp::typeset {

namespace {

// Inter-character glue in CJK runs: no width, a little stretch so justified CJK can fill lines.
constexpr float kCjkStretchEm = 0.08f;

// Break kinds before a character: a flagged explicit hyphen, a plain break after a dash, a
// break inside a long token, zero-width glue between CJK or Thai words, a soft hyphen.
enum Brk : std::uint8_t { kNone = 0, kAfterHyphen, kAfterDash, kInToken, kUaxGlue, kSoft };

bool isLetter(char32_t c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= 0xC0 && c <= 0x24F && c != 0xD7 && c != 0xF7) ||
         (c >= 0x370 && c <= 0x52F);
}
bool isDigit(char32_t c) { return c >= '0' && c <= '9'; }
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

// What a run of characters without spaces is: prose breaks after its hyphens and is
// hyphenated; a URL, a path, a command-line flag or code breaks only at its own points, never
// with a hyphen drawn (a reader would copy it into the address or the command).
struct TokenKind {
  bool code = false;   // some of it is set as code
  bool url = false;    // scheme://... or www....
  bool path = false;   // holds a slash or backslash
  bool flag = false;   // -x, --flag
  bool literal() const { return code || url || path || flag; }
};

TokenKind classify(const std::u32string& cps, std::size_t from, std::size_t to, bool anyCode) {
  TokenKind k;
  k.code = anyCode;
  std::size_t a = from;
  while (a < to && (cps[a] == '(' || cps[a] == '[' || cps[a] == '"' || cps[a] == 0x201C || cps[a] == 0x2018)) ++a;
  k.flag = a + 1 < to && cps[a] == '-' && (isLetter(cps[a + 1]) || cps[a + 1] == '-');
  k.url = to - a >= 4 && cps[a] == 'w' && cps[a + 1] == 'w' && cps[a + 2] == 'w' && cps[a + 3] == '.';
  for (std::size_t i = a; i < to && !k.url; ++i)
    k.url = cps[i] == ':' && i + 2 < to && cps[i + 1] == '/' && cps[i + 2] == '/';
  for (std::size_t i = a; i < to && !k.path; ++i) k.path = cps[i] == '/' || cps[i] == '\\';
  return k;
}

// Break opportunities inside cps[from, to), a run without CJK or South-East Asian text.
void latinBreaks(const std::u32string& cps, std::size_t from, std::size_t to, const TokenKind& kind,
                 bool linkOrCode, std::vector<std::uint8_t>& brk) {
  std::size_t visible = 0;
  for (std::size_t i = from; i < to; ++i) visible += cps[i] != 0xAD;
  const bool longToken = visible >= static_cast<std::size_t>(InlineBuilder::kLongToken) ||
                         (linkOrCode && kind.literal() && visible >= 10);
  for (std::size_t i = from + 1; i < to; ++i) {
    const char32_t prev = cps[i - 1], cur = cps[i];
    if (prev == 0xAD) {
      brk[i] = kSoft;
    } else if (!kind.literal() && prev == '-' && i >= from + 2 && (isLetter(cps[i - 2]) || isDigit(cps[i - 2])) &&
               (isLetter(cur) || isDigit(cur))) {
      // "Linkerd2-proxy": after the hyphen, never before it (a line starting "-proxy").
      brk[i] = kAfterHyphen;
    } else if ((prev == 0x2014 || prev == 0x2013) && i >= from + 2) {
      brk[i] = kAfterDash;
    } else if (longToken && i >= from + 3 && to - i >= 3) {
      // The Chicago Manual's rules for breaking URLs: after a colon or a double slash; before
      // a single slash, tilde, period, comma, hyphen, underscore, question mark, number sign or
      // percent sign (so a line never ends in what looks like a hyphenation); before or after
      // an equals sign or ampersand. Identifiers in code, URLs and paths also break between
      // camelCase words; prose, link texts included, keeps its words (and hyphens) whole.
      const char32_t prev2 = cps[i - 2];
      // "attendees.This": a sentence whose space went missing, not a URL. The line breaks
      // after its period, where the space belongs, never before it (a line starting ".This").
      if (cur == '.' && !kind.literal() && isLower(prev) && i + 1 < to && isUpper(cps[i + 1])) {
        brk[i + 1] = kInToken;
        ++i;
        continue;
      }
      if (!kind.literal() && (cur == '-' || prev == '-')) continue;
      const bool beforeMark = cur == '/' || cur == '~' || cur == '.' || cur == ',' || cur == '-' ||
                              cur == '_' || cur == '?' || cur == '#' || cur == '%' || cur == '\\';
      if ((prev == ':' && cur != '/') || (prev == '/' && prev2 == '/' && cur != '/')) brk[i] = kInToken;
      else if (beforeMark && !isTokenSeparator(prev) && !(cur == '/' && i + 1 < to && cps[i + 1] == '/'))
        brk[i] = kInToken;
      else if ((prev == '=' || prev == '&') && !isTokenSeparator(cur)) brk[i] = kInToken;
      else if ((cur == '=' || cur == '&') && !isTokenSeparator(prev)) brk[i] = kInToken;
      else if (kind.literal() && isLower(prev) && isUpper(cur)) brk[i] = kInToken;
    }
  }
}

}  // namespace

void InlineBuilder::flushToken() {
  if (token_.empty()) return;
  const std::size_t n = token_.size();
  std::u32string& cps = scratch_.cps;
  cps.assign(n, U'\0');
  bool anyCode = false, anyLink = false, anyUax = false, allAscii = true, allAlnum = true;
  for (std::size_t i = 0; i < n; ++i) {
    const char32_t c = token_[i].cp;
    cps[i] = c;
    anyCode |= looks_[token_[i].look].code;
    anyLink |= looks_[token_[i].look].link >= 0;
    anyUax |= needsUax14(c);
    allAscii &= c < 0x80;
    allAlnum &= (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
  }
  std::vector<std::uint8_t>& brk = scratch_.breaks;
  brk.assign(n + 1, kNone);
  // Characters of a literal (URL, path, flag, code) are never hyphenated.
  std::vector<bool>& literal = scratch_.literal;
  literal.assign(n, false);
  auto latin = [&](std::size_t from, std::size_t to) {
    const TokenKind kind = classify(cps, from, to, anyCode);
    latinBreaks(cps, from, to, kind, anyCode || anyLink, brk);
    if (kind.literal())
      for (std::size_t i = from; i < to; ++i) literal[i] = true;
  };
  if (allAlnum && !anyCode) {
    // Letters and digits alone, not code: prose with no break inside (no hyphen, dash, soft
    // hyphen or separator) and nothing literal.
  } else if (!anyUax) {
    latin(0, n);
  } else {
    // UAX #14 between and beside CJK or Thai characters (its pair table keeps 、。」 off a
    // line's start and 「 off its end); inside a Latin word in such text only our own rules
    // apply, so "OpenTelemetry" or "KubeVela" is never split without a hyphen.
    for (std::size_t i : ctx_.lineBreaker().opportunities(cps))
      if (needsUax14(cps[i - 1]) || needsUax14(cps[i])) brk[i] = kUaxGlue;
    for (std::size_t i = 0; i < n;) {
      if (needsUax14(cps[i])) {
        ++i;
        continue;
      }
      std::size_t j = i;
      while (j < n && !needsUax14(cps[j])) ++j;
      latin(i, j);
      i = j;
    }
  }

  // Emit boxes: runs of one look and one face, split where a break is allowed.
  std::u32string& run = scratch_.run;
  run.clear();
  int runFace = -2;
  int runLook = -1;
  bool runLiteral = false;
  auto flushRun = [&] {
    if (!run.empty() && runFace >= 0) {
      emitBox(run, looks_[static_cast<std::size_t>(runLook)], runFace);
      if (runLiteral) list_.items.back().hyphenatable = false;
    }
    run.clear();
    runFace = -2;
    runLiteral = false;
  };
  auto addBreak = [&](std::uint8_t kind, const Look& look, int face) {
    Item p;
    const float size = sizeOf(look);
    switch (kind) {
      case kAfterHyphen:
        p.type = ItemType::Penalty;
        p.flagged = true;
        p.penalty = kExplicitHyphenPenalty;
        break;
      case kAfterDash:
        p.type = ItemType::Penalty;
        p.penalty = kDashPenalty;
        break;
      case kInToken:
        p.type = ItemType::Penalty;
        p.penalty = kTokenBreakPenalty;
        break;
      case kUaxGlue:
        p.type = ItemType::Glue;
        if (list_.justify) p.stretch = kCjkStretchEm * size;
        break;
      case kSoft: {
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
    p.tag = look.tag;
    list_.items.push_back(std::move(p));
  };

  // Empty: none in the word (ASCII has no emoji sequence part).
  const std::vector<bool> emojiParts = allAscii ? std::vector<bool>() : emojiSequenceParts(cps);
  auto partOfEmoji = [&](std::size_t i) { return !emojiParts.empty() && emojiParts[i]; };
  // Joiners met where no run is open (a word starting with one, after a break): they go with
  // the next character's run.
  std::u32string& joiners = scratch_.joiners;
  joiners.clear();
  for (std::size_t i = 0; i < n; ++i) {
    const Char& ch = token_[i];
    const Look& look = looks_[ch.look];
    if (brk[i]) {
      const int f = runFace >= 0 ? runFace : primaryFace(look);
      flushRun();
      addBreak(brk[i], look, f);
    }
    int face;
    if (ch.cp < 0x80) {
      // ASCII, most of the text: no soft hyphen, bidi control, joiner or emoji part, no emoji
      // presentation, nothing that attaches to the letter before. The face resolve() gives,
      // asked only when the look's own face lacks the character.
      const int primary = primaryFace(look);
      face = primary >= 0 && ctx_.fonts.file(primary).has(ch.cp)
                 ? primary
                 : ctx_.fonts.resolve(primary, ch.cp, look.bold || base_.bold, false);
    } else {
      if (ch.cp == 0xAD) continue;  // soft hyphen: only a break opportunity
      if (isBidiControl(ch.cp)) {
        // Read by the bidi algorithm where it is, never drawn: a box of its own.
        flushRun();
        emitBidiControl(ch.cp, look);
        continue;
      }
      if (isJoiner(ch.cp) && !partOfEmoji(i)) {
        // Shaped with the letter before it, in that letter's face (a joiner across a change of
        // look still decides the form of the letter it follows): HarfBuzz joins or keeps apart
        // by it, and it is drawn as nothing (FontFile::shaped).
        if (runFace >= 0) run.push_back(ch.cp);
        else joiners.push_back(ch.cp);
        continue;
      }
      if (isEmojiSequencePart(ch.cp)) {
        // Part of the emoji before it: a colour font shapes it into the emoji's picture; another
        // face draws the emoji alone, its glyph standing for the part (FontFile::shaped), so the
        // text still reads 👍🏽. Elsewhere (a joiner in other text) nothing to draw.
        if (runFace >= 0 && static_cast<int>(ch.look) == runLook &&
            (partOfEmoji(i) || ctx_.fonts.file(runFace).hasColorBitmaps()))
          run.push_back(ch.cp);
        continue;
      }
      const int primary = primaryFace(look);
      const bool emoji = wantsEmojiPresentation(ch.cp, i + 1 < n ? token_[i + 1].cp : 0);
      // A combining mark or joiner stays in the face of the letter it belongs to, which shapes
      // them together (Arabic joining, Indic conjuncts, Thai vowels and tones).
      face = runFace >= 0 && static_cast<int>(ch.look) == runLook && attachesToPrevious(ch.cp)
                 ? runFace
                 : ctx_.fonts.resolve(primary, ch.cp, look.bold || base_.bold, emoji);
    }
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
    runLiteral |= literal[i];
    if (!joiners.empty()) {
      run += joiners;
      joiners.clear();
    }
    run.push_back(ch.cp);
  }
  flushRun();
  token_.clear();
}

}  // namespace pp::typeset
