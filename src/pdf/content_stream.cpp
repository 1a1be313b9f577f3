#include "pdf/content_stream.h"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "postpress/support/text.h"

namespace pp::pdf {

namespace {

bool sameColor(const Color& a, const Color& b) { return a.r == b.r && a.g == b.g && a.b == b.b; }

// Positions to a thousandth of a point; colour components and image matrices to 1e-5, as
// libharu wrote them.
constexpr int kPositionDecimals = 3;
constexpr int kColorDecimals = 5;

}  // namespace

// `v` rounded to `decimals`, trailing zeros dropped ("72", "-3.5", "0.26667"); non-finite or
// absurd values become 0 (a reader would reject the page).
void ContentStream::number(float v, int decimals) {
  double d = static_cast<double>(v);
  if (!std::isfinite(d) || std::fabs(d) > 1e7) d = 0;
  long long scale = 1;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  const long long n = std::llround(d * static_cast<double>(scale));
  const unsigned long long a = static_cast<unsigned long long>(n < 0 ? -n : n);
  char buf[40];
  char* p = buf;
  if (n < 0) *p++ = '-';
  p = std::to_chars(p, buf + sizeof buf, a / static_cast<unsigned long long>(scale)).ptr;
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
  out_.append(buf, static_cast<std::size_t>(p - buf));
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
  number(tc, kPositionDecimals);
  op(" Tc\012");
}

// "1 0 0 1 x y Tm\n(text) Tj\n". Every word sets the whole text matrix: "dx 0 Td" from the
// previous word would be less content, but viewers sum those offsets in binary floating point
// (positions a few 1e-14 off the printed numbers), and pdftotext then splits paragraphs
// differently. The text is the codes libharu gives our fonts (Type0 under its UTF-8 encoder):
// each character's UTF-16 unit, all in the BMP (the layout stands Private Use code points in
// for the others), as two bytes of a literal string (libharu writes hex, twice the bytes, and
// the text is two fifths of a page's content). Backslash and parentheses are escaped, and so
// are CR and LF, which a reader would otherwise normalise.
void ContentStream::word(float x, float y, std::string_view utf8) {
  op("1 0 0 1 ");
  number(x, kPositionDecimals);
  out_ += ' ';
  number(y, kPositionDecimals);
  op(" Tm\012(");
  // Written through a pointer into room made once: appending byte by byte was a tenth of the
  // painting. A character is two bytes, each escaped to at most two.
  const std::size_t start = out_.size();
  out_.resize(start + 4 * utf8.size());
  char* p = out_.data() + start;
  auto put = [&p](unsigned byte) {
    switch (byte) {
      case '(': case ')': case '\\': *p++ = '\\'; *p++ = static_cast<char>(byte); break;
      case '\r': *p++ = '\\'; *p++ = 'r'; break;
      case '\n': *p++ = '\\'; *p++ = 'n'; break;
      default: *p++ = static_cast<char>(byte);
    }
  };
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = nextCodepoint(utf8, i);
    if (c > 0xFFFF) continue;  // never a character of ours: see above
    put(c >> 8);
    put(c & 0xFF);
  }
  out_.resize(static_cast<std::size_t>(p - out_.data()));
  op(") Tj\012");
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
