#include "pdf/content_stream.h"

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cmath>
#include <cstring>
#include <span>

#include "pdf/text_strings.h"
#include "postpress/support/text.h"

namespace pp::pdf {

namespace {

bool sameColor(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// Positions to a thousandth of a point; colour components and image matrices to 1e-5, as
// libharu wrote them.
constexpr int kPositionDecimals = 3;
constexpr int kColorDecimals = 5;

// At most this many characters: a sign, 8 digits (|v| <= 1e7), a point and `decimals` digits.
constexpr std::size_t kMaxNumberBytes = 32;

// `v` as number() writes it, into `p` (kMaxNumberBytes free); the end of what was written.
char* formatNumber(char* p, float v, int decimals) {
  static constexpr long long kScale[] = {1, 10, 100, 1000, 10000, 100000, 1000000};
  decimals = std::clamp(decimals, 0, 6);
  double d = static_cast<double>(v);
  if (!std::isfinite(d) || std::fabs(d) > 1e7) d = 0;
  const long long scale = kScale[decimals];
  // std::llround (halves away from zero) without its call: |x| < 2^52 here, so the integer
  // part converts exactly and x minus it is exact.
  const double x = d * static_cast<double>(scale);
  long long n = static_cast<long long>(x);
  const double rest = x - static_cast<double>(n);
  if (rest >= 0.5) ++n;
  else if (rest <= -0.5) --n;
  const unsigned long long a = static_cast<unsigned long long>(n < 0 ? -n : n);
  if (n < 0) *p++ = '-';
  p = std::to_chars(p, p + 12, a / static_cast<unsigned long long>(scale)).ptr;
  unsigned long long frac = a % static_cast<unsigned long long>(scale);
  if (frac) {
    char digits[12];
    for (int i = decimals - 1; i >= 0; --i) {
      digits[i] = static_cast<char>('0' + frac % 10);
      frac /= 10;
    }
    int len = decimals;
    while (len > 0 && digits[len - 1] == '0') --len;
    *p++ = '.';
    for (int i = 0; i < len; ++i) *p++ = digits[i];
  }
  return p;
}

// A glyph id's two bytes in a literal string, escaped where PDF needs it; at most 4 bytes.
char* writeGlyphCode(char* p, std::uint16_t glyph) {
  for (unsigned byte : {unsigned(glyph >> 8), unsigned(glyph & 0xFF)}) {
    switch (byte) {
      case '(': case ')': case '\\': *p++ = '\\'; *p++ = static_cast<char>(byte); break;
      case '\r': *p++ = '\\'; *p++ = 'r'; break;
      case '\n': *p++ = '\\'; *p++ = 'n'; break;
      default: *p++ = static_cast<char>(byte);
    }
  }
  return p;
}

char* writeText(char* p, std::string_view text) {
  std::memcpy(p, text.data(), text.size());
  return p + text.size();
}

}  // namespace

// `v` rounded to `decimals`, trailing zeros dropped ("72", "-3.5", "0.26667"); non-finite or
// absurd values become 0 (a reader would reject the page).
void ContentStream::number(float v, int decimals) {
  char buf[kMaxNumberBytes];
  out_.append(buf, static_cast<std::size_t>(formatNumber(buf, v, decimals) - buf));
}

void ContentStream::color(const Color& c, const char* op, bool& have, Color& current) {
  if (have && sameColor(c, current)) return;
  for (float v : {c.r, c.g, c.b}) {
    number(std::clamp(v, 0.f, 1.f), kColorDecimals);
    out_ += ' ';
  }
  out_ += op;
  current = c;
  have = true;
}

void ContentStream::lineWidth(float w) {
  if (w == lineWidth_) return;
  number(w, kPositionDecimals);
  op(" w\012");
  lineWidth_ = w;
}

void ContentStream::dash(const std::vector<float>& pattern) {
  if (pattern == dash_) return;
  out_ += '[';
  for (std::size_t i = 0; i < pattern.size(); ++i) {
    if (i > 0) out_ += ' ';
    number(pattern[i], kPositionDecimals);
  }
  op("] 0 d\012");
  dash_ = pattern;
}

void ContentStream::rect(float x, float y, float w, float h) {
  for (float v : {x, y, w, h}) {
    number(v, kPositionDecimals);
    out_ += ' ';
  }
  op("re\012");
}

void ContentStream::moveTo(float x, float y) {
  number(x, kPositionDecimals);
  out_ += ' ';
  number(y, kPositionDecimals);
  op(" m\012");
}

void ContentStream::lineTo(float x, float y) {
  number(x, kPositionDecimals);
  out_ += ' ';
  number(y, kPositionDecimals);
  op(" l\012");
}

void ContentStream::curveTo(float x1, float y1, float x2, float y2, float x3, float y3) {
  for (float v : {x1, y1, x2, y2, x3, y3}) {
    number(v, kPositionDecimals);
    out_ += ' ';
  }
  op("c\012");
}

void ContentStream::font(std::string_view fontName, float size) {
  out_ += '/';
  out_ += fontName;
  out_ += ' ';
  number(size, kPositionDecimals);
  op(" Tf\012");
}

void ContentStream::charSpacing(float tc) {
  tc_ = static_cast<float>(std::llround(static_cast<double>(tc) * 1000.0)) / 1000.0f;  // as written
  number(tc, kPositionDecimals);
  op(" Tc\012");
}

// A glyph id as two bytes of a literal string (hex would be twice the bytes), backslash,
// parentheses, CR and LF escaped (a reader would otherwise normalise line ends).
void ContentStream::utf16Hex(std::string_view utf8) { out_ += hexTextString(utf8); }

// "1 0 0 1 x y Tm\n[(..) -12 (..)] TJ\n". A run starts with the whole text matrix: "dx 0 Td"
// from the previous run would be less content, but viewers sum those offsets in binary floating
// point (positions a few 1e-14 off the printed numbers), and pdftotext then splits paragraphs
// differently. A glyph advances the pen by its width in the font (the /W the font declares,
// ShapedGlyph::width); where shaping moved it (kerning, marks, cursive attachment) a TJ
// adjustment moves it there, and a vertical offset is a text rise (Ts) of its own.
// A run that goes on where the last one ended (nothing written between them, the same
// baseline, size and font, further along the line or back by less than an em: a justified
// line's shrunk word space) continues its TJ array instead: one adjustment takes the pen from
// where the reader has it to the run's start. A line of words is then one array, not a matrix
// and an array per word: far fewer operators for every reader to parse, and smaller pages.
void ContentStream::glyphs(float x, float y, float size, const std::vector<ShapedGlyph>& glyphs,
                           std::string_view actualText) {
  if (actualText.empty() && continues(x, y, size)) {
    out_.resize(out_.size() - kArrayEnd.size());
    // Where the reader's pen is, in thousandths of the em, and where the run starts.
    // To a hundredth (a ten-thousandth of a point at 10 pt), so that words land where a
    // matrix would put them, to its thousandth of a point.
    const double move = std::round((static_cast<double>(x) - pen_) * 100000.0 / size) / 100.0;
    if (move != 0) {
      number(static_cast<float>(-move), 2);
      pen_ += move * size / 1000.0;
    }
    showGlyphs(size, glyphs.data(), glyphs.size());
    return;
  }
  if (!actualText.empty()) beginActualText(actualText);
  op("1 0 0 1 ");
  number(x, kPositionDecimals);
  out_ += ' ';
  number(y, kPositionDecimals);
  op(" Tm\012");
  lineY_ = std::llround(static_cast<double>(y) * 1000.0);
  pen_ = static_cast<double>(std::llround(static_cast<double>(x) * 1000.0)) / 1000.0;
  moreGlyphs(size, glyphs.data(), glyphs.size());
  if (!actualText.empty()) op("EMC\012");
}

bool ContentStream::continues(float x, float y, float size) const {
  return arrayEnd_ == out_.size() && size == penSize_ && std::llround(static_cast<double>(y) * 1000.0) == lineY_ &&
         static_cast<double>(x) >= pen_ - size && static_cast<double>(x) - pen_ < 1000.0;
}

void ContentStream::moreGlyphs(float size, const ShapedGlyph* glyphs, std::size_t count) {
  out_ += '[';
  showGlyphs(size, glyphs, count);
}

// The glyphs into the open TJ array, which it then closes; the reader's pen follows them.
// Written straight into room made for the most a glyph can take (a rise, an adjustment, its
// code): a glyph costs a few stores rather than an append's checks per character.
void ContentStream::showGlyphs(float size, const ShapedGlyph* glyphs, std::size_t count) {
  // A rise: ")] TJ\n" 6, a number, " Ts\n[" 5; an adjustment: ") " 2 and a number; the
  // code "(" and 4; the array's end.
  constexpr std::size_t kMostPerGlyph = 6 + kMaxNumberBytes + 5 + 2 + kMaxNumberBytes + 5;
  const std::size_t start = out_.size();
  out_.resize(start + count * kMostPerGlyph + 1 + kArrayEnd.size());
  char* const base = out_.data();
  char* p = base + start;
  float shaped = 0, drawn = 0;  // pen positions in 1/1000 em: where shaping and the PDF put it
  double written = 0;           // the widths and adjustments as written, in 1/1000 em
  float rise = 0;
  bool inString = false;
  for (const ShapedGlyph& g : std::span(glyphs, count)) {
    if (g.dy != rise) {
      if (inString) *p++ = ')';
      inString = false;
      p = writeText(p, "] TJ\012");
      p = formatNumber(p, g.dy * size / 1000.0f, kPositionDecimals);
      p = writeText(p, " Ts\012[");
      rise = g.dy;
    }
    const float gap = shaped + g.dx - drawn;
    if (std::fabs(gap) >= 0.05f) {
      if (inString) *p++ = ')';
      // Two numbers in a row (the move to this run, then shaping's offset of its first glyph)
      // need a space between them. (The array's '[' is always before p.)
      else if (std::isdigit(static_cast<unsigned char>(p[-1])) || p[-1] == '.') *p++ = ' ';
      inString = false;
      p = formatNumber(p, -gap, 1);
      drawn += gap;
      written += std::round(static_cast<double>(gap) * 10.0) / 10.0;
    }
    if (!inString) *p++ = '(';
    inString = true;
    p = writeGlyphCode(p, g.glyph);
    drawn += g.width;
    written += g.width;
    shaped += g.advance;
  }
  if (inString) *p++ = ')';
  p = writeText(p, kArrayEnd);
  out_.resize(static_cast<std::size_t>(p - base));
  pen_ += written * size / 1000.0 + static_cast<double>(tc_) * static_cast<double>(count);
  penSize_ = size;
  arrayEnd_ = out_.size();
  if (rise != 0) op("0 Ts\012");
}

void ContentStream::beginActualText(std::string_view utf8) {
  op("/Span<</ActualText ");
  utf16Hex(utf8);
  op(">>BDC\012");
}

void ContentStream::beginTagged(int mcid, bool figure) {
  op(figure ? "/Figure<</MCID " : "/Span<</MCID ");
  char buf[16];
  out_.append(buf, static_cast<std::size_t>(std::to_chars(buf, buf + sizeof buf, mcid).ptr - buf));
  op(">>BDC\012");
}

void ContentStream::beginArtifact(std::int32_t kind) {
  switch (kind) {
    case tags::kHeader: op("/Artifact<</Type/Pagination/Subtype/Header/Attached[/Top]>>BDC\012"); break;
    case tags::kFooter: op("/Artifact<</Type/Pagination/Subtype/Footer/Attached[/Bottom]>>BDC\012"); break;
    case tags::kRepeatedRow: op("/Artifact<</Type/Pagination>>BDC\012"); break;
    default: op("/Artifact<</Type/Layout>>BDC\012"); break;
  }
}

void ContentStream::image(std::string_view name, float x, float y, float w, float h) {
  // The image matrix to 1e-5, as libharu wrote it: a viewer resamples the picture from it, and
  // a thousandth of a point moved the sampling grid of a downscaled screenshot.
  op("q\012");
  number(w, kColorDecimals);
  op(" 0 0 ");
  number(h, kColorDecimals);
  out_ += ' ';
  number(x, kColorDecimals);
  out_ += ' ';
  number(y, kColorDecimals);
  op(" cm\012/");
  out_ += name;
  op(" Do\012Q\012");
}

}  // namespace pp::pdf
