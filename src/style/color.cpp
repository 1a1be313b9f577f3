// Colours as written in style files: "#rgb" or "#rrggbb".
#include <cmath>
#include <cstdio>

#include "postpress/style.h"

namespace pp {

namespace {

int hexDigit(char c) {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  return -1;
}

int toByte(float v) {
  if (!(v > 0)) return 0;  // also catches NaN
  if (v >= 1) return 255;
  return static_cast<int>(std::lround(v * 255.0f));
}

}  // namespace

std::string Color::hex() const {
  char buf[8];
  std::snprintf(buf, sizeof buf, "#%02x%02x%02x", toByte(r), toByte(g), toByte(b));
  return buf;
}

std::optional<Color> Color::parse(const std::string& text) {
  if (text.size() != 4 && text.size() != 7) return std::nullopt;
  if (text[0] != '#') return std::nullopt;
  int v[6];
  for (std::size_t i = 1; i < text.size(); ++i) {
    v[i - 1] = hexDigit(text[i]);
    if (v[i - 1] < 0) return std::nullopt;
  }
  Color c;
  if (text.size() == 4) {
    c.r = static_cast<float>(v[0] * 17) / 255.0f;
    c.g = static_cast<float>(v[1] * 17) / 255.0f;
    c.b = static_cast<float>(v[2] * 17) / 255.0f;
  } else {
    c.r = static_cast<float>(v[0] * 16 + v[1]) / 255.0f;
    c.g = static_cast<float>(v[2] * 16 + v[3]) / 255.0f;
    c.b = static_cast<float>(v[4] * 16 + v[5]) / 255.0f;
  }
  return c;
}

}  // namespace pp
