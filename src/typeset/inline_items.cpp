#include "typeset/inline_items.h"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <optional>

#include "typeset/linebreak.h"
#include "postpress/support/text.h"

namespace pp::typeset {

namespace {

// Inline code is set a little smaller than the text around it: monospace faces are wide and
// have a large x-height, and at the same size they shout.
constexpr float kInlineCodeScale = 0.87f;
// Superscript/subscript size and baseline shift, relative to the surrounding size.
constexpr float kScriptScale = 0.68f;
constexpr float kSuperRise = 0.36f;
constexpr float kSubDrop = 0.14f;
// Inter-character glue in CJK runs: no width, a little stretch so justified CJK can fill lines.
constexpr float kCjkStretchEm = 0.08f;
// Glue stretch and shrink as fractions of the space width (TeX's cmr: 1/2 and 1/3).
constexpr float kSpaceStretch = 0.5f;
constexpr float kSpaceShrink = 1.0f / 3.0f;
// The fill glue ending a paragraph: stretches without limit, so the last line is never spread.
constexpr float kFillStretch = 1e6f;

bool isSpace(char32_t c) {
  return c == ' ' || c == '\t' || c == '\n' || c == '\r' || c == '\f' || c == '\v' ||
         (c >= 0x2000 && c <= 0x200A) || c == 0x3000 || c == 0x205F || c == 0x1680 ||
         c == 0x2028 || c == 0x2029 || c == 0x0085;
}

// Characters that draw nothing and must not reach the PDF: joiners, variation selectors,
// tag characters, skin-tone modifiers (emoji sequences are drawn as their base glyphs), BOM,
// and controls.
bool isIgnorable(char32_t c) {
  return c < 0x20 || (c >= 0x7F && c <= 0x9F) || c == 0x200C || c == 0x200D || c == 0x2060 ||
         c == 0xFEFF || (c >= 0xFE00 && c <= 0xFE0F) || (c >= 0xE0000 && c <= 0xE007F) ||
         (c >= 0x1F3FB && c <= 0x1F3FF) || (c >= 0xD800 && c <= 0xDFFF) || c == 0x061C ||
         (c >= 0x200E && c <= 0x200F) || (c >= 0x202A && c <= 0x202E) || (c >= 0x2066 && c <= 0x2069);
}

bool isCjk(char32_t c) {
  return (c >= 0x2E80 && c <= 0x9FFF) || (c >= 0xAC00 && c <= 0xD7AF) ||
         (c >= 0xF900 && c <= 0xFAFF) || (c >= 0xFF00 && c <= 0xFFEF) ||
         (c >= 0x20000 && c <= 0x3FFFF);
}

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

char32_t toUpper(char32_t c) {
  if (c >= 'a' && c <= 'z') return c - 32;
  if (c >= 0xE0 && c <= 0xFE && c != 0xF7) return c - 32;
  return c;
}

}  // namespace

InlineBuilder::InlineBuilder(Context& ctx, const TextStyle& base, bool justify)
    : ctx_(ctx), base_(base) {
  list_.justify = justify;
  list_.fontSize = base.size;
  const int f = faceOf(ctx_, base_);
  if (f >= 0) {
    list_.ascent = ctx_.fonts.file(f).ascent() * base.size;
    list_.descent = ctx_.fonts.file(f).descent() * base.size;
  } else {
    list_.ascent = 0.8f * base.size;
    list_.descent = 0.2f * base.size;
  }
  list_.items.reserve(128);
}

int InlineBuilder::lookIndex(const Look& l) {
  // Looks repeat a lot (a paragraph has a handful): search from the back.
  for (std::size_t i = looks_.size(); i-- > 0;) {
    const Look& o = looks_[i];
    if (o.bold == l.bold && o.italic == l.italic && o.code == l.code && o.deco == l.deco &&
        o.script == l.script && o.link == l.link && o.hasColor == l.hasColor &&
        (!l.hasColor || (o.color.r == l.color.r && o.color.g == l.color.g && o.color.b == l.color.b)) &&
        o.pos.line == l.pos.line && o.linkText == l.linkText)
      return static_cast<int>(i);
  }
  looks_.push_back(l);
  return static_cast<int>(looks_.size() - 1);
}

int InlineBuilder::primaryFace(const Look& l) {
  // Face lookups build a key string: cache the answer per bold/italic/code combination.
  const int slot = (l.code ? 4 : 0) + (l.bold ? 2 : 0) + (l.italic ? 1 : 0);
  int& f = faceCache_[slot];
  if (f == -2) f = l.code ? ctx_.fonts.face("mono", l.bold, l.italic) : faceOf(ctx_, base_, l.bold, l.italic);
  return f;
}

float InlineBuilder::sizeOf(const Look& l) const {
  float s = base_.size;
  if (l.code) s *= kInlineCodeScale;
  if (l.script != 0) s *= kScriptScale;
  return s;
}

float InlineBuilder::riseOf(const Look& l) const {
  if (l.script > 0) return base_.size * kSuperRise;
  if (l.script < 0) return -base_.size * kSubDrop;
  return 0;
}

Color InlineBuilder::colorOf(const Look& l) const {
  if (l.hasColor) return l.color;
  if (l.linkText) return ctx_.style.link;
  return base_.color;
}

void InlineBuilder::add(const std::vector<Inline>& inlines) {
  Look look;
  for (const auto& in : inlines) walk(in, look);
}

void InlineBuilder::addText(std::string_view s, bool bold, bool italic, std::optional<Color> color) {
  Look look;
  look.bold = bold;
  look.italic = italic;
  if (color) {
    look.hasColor = true;
    look.color = *color;
  }
  text(s, look);
}

void InlineBuilder::walk(const Inline& in, Look look) {
  if (in.pos.line > 0) look.pos = in.pos;
  switch (in.kind) {
    case InlineKind::Text: text(in.text, look); break;
    case InlineKind::SoftBreak: text(" ", look); break;
    case InlineKind::HardBreak: lineBreak(); break;
    case InlineKind::Emph: look.italic = !look.italic; break;
    case InlineKind::Strong: look.bold = true; break;
    case InlineKind::Strike: look.deco |= kStrike; break;
    case InlineKind::Underline: look.deco |= kUnderline; break;
    case InlineKind::Superscript: look.script = 1; break;
    case InlineKind::Subscript: look.script = -1; break;
    case InlineKind::Code:
    case InlineKind::Math: {
      Look c = look;
      c.code = true;
      text(in.text, c);
      return;
    }
    case InlineKind::Link: {
      if (ctx_.resolveLink) {
        ResolvedLink r = ctx_.resolveLink(in.link);
        if (!r.empty()) {
          look.link = static_cast<int>(list_.links.size());
          list_.links.push_back(std::move(r));
          look.linkText = true;
        }
      }
      break;
    }
    case InlineKind::Image: emitImage(in.image, look); return;
    case InlineKind::FootnoteRef: emitFootnoteMark(in.footnote + 1, look); return;
    case InlineKind::Span: break;
  }
  for (const auto& child : in.children) walk(child, look);
}

void InlineBuilder::text(std::string_view s, const Look& look) {
  if (!isValidUtf8(s)) {
    // Never hand ill-formed text to the font machinery (or libharu): repair it first.
    std::string fixed = sanitizeUtf8(s);
    text(fixed, look);
    return;
  }
  std::uint16_t li = 0;
  bool haveLook = false;
  for (std::size_t i = 0; i < s.size();) {
    char32_t c = nextCodepoint(s, i);
    if (isSpace(c)) {
      flushToken();
      pendingSpace_ = true;
      spaceLook_ = look;
      continue;
    }
    if (c == 0x200B) {  // zero-width space: a break opportunity that draws nothing
      flushToken();
      if (!list_.items.empty() && list_.items.back().isBox()) {
        Item p;
        p.type = ItemType::Penalty;
        list_.items.push_back(p);
      }
      continue;
    }
    if (isIgnorable(c)) continue;
    if (pendingSpace_) {
      emitGlue(spaceLook_);
      pendingSpace_ = false;
    }
    if (base_.uppercase) c = toUpper(c);
    if (!haveLook) {
      li = static_cast<std::uint16_t>(lookIndex(look));
      haveLook = true;
    }
    token_.push_back({c, li});
  }
}

void InlineBuilder::lineBreak() {
  flushToken();
  pendingSpace_ = false;
  while (!list_.items.empty() && list_.items.back().isGlue()) list_.items.pop_back();
  // A break at the very start, or right after another, would make an empty line: skip it.
  if (list_.items.empty() || (list_.items.back().isPenalty() && list_.items.back().penalty <= -kInfinity))
    return;
  endLine();
}

// Ends a line as TeX ends a paragraph: no break before the fill (a glue is a legal break, and a
// break there would leave an empty line), the fill, then the forced break.
void InlineBuilder::endLine() {
  Item keep;
  keep.type = ItemType::Penalty;
  keep.penalty = kInfinity;
  list_.items.push_back(keep);
  Item fill;
  fill.type = ItemType::Glue;
  fill.stretch = kFillStretch;
  list_.items.push_back(fill);
  Item brk;
  brk.type = ItemType::Penalty;
  brk.penalty = -kInfinity;
  list_.items.push_back(brk);
}

void InlineBuilder::emitGlue(const Look& look) {
  if (list_.items.empty()) return;  // no space at the start of a paragraph
  const Item& last = list_.items.back();
  if (last.isGlue() || (last.isPenalty() && last.penalty <= -kInfinity)) return;
  const int face = primaryFace(look);
  const float size = sizeOf(look);
  Item g;
  g.type = ItemType::Glue;
  g.width = face >= 0 ? ctx_.fonts.file(face).advance(' ') * size / 1000.0f : size * 0.25f;
  g.width += base_.letterSpacing;
  if (list_.justify) {
    g.stretch = g.width * kSpaceStretch;
    g.shrink = g.width * kSpaceShrink;
  }
  g.link = look.link;  // a space inside a link keeps the link area continuous
  list_.items.push_back(g);
}

void InlineBuilder::emitBox(std::u32string_view chars, const Look& look, int face, bool vector) {
  Item b;
  b.kind = vector ? BoxKind::Vector : BoxKind::Text;
  b.face = static_cast<std::int16_t>(face);
  b.size = sizeOf(look);
  b.rise = riseOf(look);
  b.letterSpacing = base_.letterSpacing;
  b.deco = look.deco;
  b.link = look.link;
  b.color = colorOf(look);
  FontFile& f = ctx_.fonts.file(face);
  long units = 0;
  char32_t prev = 0;
  for (char32_t c : chars) {
    units += f.advance(c);
    if (prev) units += f.kern(prev, c);  // drawn by splitting the run (line_set.cpp)
    prev = c;
  }
  b.width = static_cast<float>(units) * b.size / 1000.0f +
            b.letterSpacing * static_cast<float>(chars.size());
  b.ascent = f.ascent() * b.size + b.rise;
  b.descent = f.descent() * b.size - b.rise;
  if (vector) {
    b.cp = chars.empty() ? 0 : chars[0];
  } else {
    b.text = toUtf8(chars);
  }
  b.hyphenatable = !look.code && look.link < 0 && look.script == 0;
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitMissing(char32_t cp, const Look& look) {
  char hex[16];
  std::snprintf(hex, sizeof hex, "U+%04X", static_cast<unsigned>(cp));
  Diagnostic d{Severity::Warning, ctx_.locate(look.pos), "missing-glyph",
               std::string("no font has a glyph for ") + hex + "; drawn as a box with its code point"};
  ctx_.diags.reportOnce(std::string("missing-glyph:") + hex, std::move(d));
  Item b;
  b.kind = BoxKind::Missing;
  b.cp = cp;
  b.size = sizeOf(look);
  b.rise = riseOf(look);
  b.color = colorOf(look);
  b.link = look.link;
  const int digits = cp > 0xFFFF ? (cp > 0xFFFFF ? 6 : 5) : 4;
  // The code point is written inside the box in a tiny monospace (0.6 em advance).
  b.width = b.size * (0.34f * 0.6f * static_cast<float>(digits) + 0.22f);
  b.ascent = 0.78f * b.size + b.rise;
  b.descent = 0.12f * b.size - b.rise;
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitImage(const ImageRef& ref, const Look& look) {
  const Asset* a = ctx_.asset(ref.asset);
  if (!a || !a->ok() || a->pdf.width <= 0 || a->pdf.height <= 0) {
    // What the image was, in words: the asset stage has already said why it is missing.
    Look alt = look;
    alt.italic = true;
    alt.hasColor = true;
    alt.color = ctx_.style.muted;
    text("[" + (ref.alt.empty() ? std::string("image") : ref.alt) + "]", alt);
    return;
  }
  flushToken();
  if (pendingSpace_) {
    emitGlue(spaceLook_);
    pendingSpace_ = false;
  }
  // Natural size: CSS pixels at 96 dpi (a width hint wins), like a browser.
  const float px = static_cast<float>(a->width > 0 ? a->width : a->pdf.width);
  const float py = static_cast<float>(a->height > 0 ? a->height : a->pdf.height);
  float w = (ref.widthHint > 0 ? static_cast<float>(ref.widthHint) : px) * 0.75f;
  float h = w * py / px;
  const float lineH = base_.leading;
  if (h <= 2 * lineH) {
    // Badges and icons ride on the line at text height.
    const float maxH = base_.size * 1.25f;
    if (h > maxH) {
      w *= maxH / h;
      h = maxH;
    }
  } else {
    const float maxW = ctx_.style.textWidth();
    const float maxH = ctx_.style.textHeight() * 0.4f;
    const float k = std::min({1.0f, maxW / w, maxH / h});
    w *= k;
    h *= k;
  }
  // Never draw the stored pixels above 390 per inch (a print shop's limit is 400).
  const float minW = static_cast<float>(a->pdf.width) * 72.0f / 390.0f;
  if (w < minW) {
    h *= minW / w;
    w = minW;
  }
  Item b;
  b.kind = BoxKind::Image;
  b.asset = ref.asset;
  b.width = w;
  b.ascent = h;
  b.descent = 0;
  b.size = h;
  b.link = look.link;
  list_.items.push_back(std::move(b));
}

void InlineBuilder::emitFootnoteMark(int number, const Look& look) {
  flushToken();
  // Marks side by side ("[^1][^2]") may break between them: a thousand in a row were one
  // unbreakable run past the edge of the page.
  if (!list_.items.empty() && list_.items.back().isBox() && list_.items.back().footnote >= 0) {
    Item p;
    p.type = ItemType::Penalty;
    p.penalty = kTokenBreakPenalty;
    list_.items.push_back(p);
  }
  Look mark = look;
  mark.script = 1;
  if (ctx_.footnoteDest) {
    std::string dest = ctx_.footnoteDest(number);
    if (!dest.empty()) {
      mark.link = static_cast<int>(list_.links.size());
      list_.links.push_back({"", dest});
    }
  }
  const int face = primaryFace(mark);
  if (face < 0) return;
  std::u32string digits = toUtf32(std::to_string(number));
  emitBox(digits, mark, face, false);
  list_.items.back().footnote = number;
  list_.items.back().hyphenatable = false;
  list_.footnotes.push_back(number);
}

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
        p.text = "-";
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
    const int face = ctx_.fonts.resolve(primary, ch.cp, look.bold || base_.bold);
    if (face < 0) {
      flushRun();
      emitMissing(ch.cp, look);
      continue;
    }
    if (ch.cp > 0xFFFF) {
      // libharu writes characters above U+FFFF as spaces: set a BMP stand-in the painter maps
      // back to this character (Layout::privateUse); a vector path if stand-ins ran out.
      flushRun();
      const char32_t standIn = ctx_.standIns.standIn(ch.cp);
      emitBox(std::u32string_view(&ch.cp, 1), look, face, standIn == 0);
      if (standIn) list_.items.back().text = toUtf8(std::u32string(1, standIn));
      list_.items.back().hyphenatable = false;
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

ItemList InlineBuilder::finish() {
  flushToken();
  pendingSpace_ = false;
  // Trailing spaces, break opportunities and hard breaks end nothing: drop them.
  while (!list_.items.empty() && !list_.items.back().isBox()) list_.items.pop_back();
  if (!list_.items.empty()) {
    tieShortLastWord();
    endLine();
  }
  return std::move(list_);
}

void InlineBuilder::tieShortLastWord() {
  // The last word of a paragraph alone on its line ("2.", "it.") looks like a mistake: when it
  // is short, the space before it does not break (a tie, as TeX's ~).
  float lastWord = 0;
  std::size_t i = list_.items.size();
  while (i > 0 && list_.items[i - 1].isBox()) lastWord += list_.items[--i].width;
  if (i == 0 || !list_.items[i - 1].isGlue()) return;
  if (lastWord > kShortLastWordEm * base_.size) return;
  int words = 0;
  for (const auto& it : list_.items) words += it.isGlue();
  if (words < 4) return;
  Item tie;
  tie.type = ItemType::Penalty;
  tie.penalty = kInfinity;
  list_.items.insert(list_.items.begin() + static_cast<long>(i - 1), tie);
}

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
    // whole (quadratic: a 10 MB word with no space needed over 20 GB).
    const std::string t = std::move(it.text);
    auto emit = [&](std::size_t start, std::size_t end) {
      if (start > 0) {
        Item p;
        p.type = ItemType::Penalty;
        p.penalty = kEmergencyBreakPenalty;
        p.link = it.link;
        out.push_back(p);
      }
      Item c = it;
      c.text = t.substr(start, end - start);
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

ItemList plainItems(Context& ctx, const TextStyle& style, std::string_view text, bool justify) {
  InlineBuilder b(ctx, style, justify);
  b.addText(text);
  return b.finish();
}

}  // namespace pp::typeset
