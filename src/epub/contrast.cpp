#include "epub/contrast.h"

#include <algorithm>
#include <cmath>

namespace pp::epub {

namespace {

// A channel as CSS writes it (#rrggbb), then linearised (WCAG 2.x "relative luminance").
double linear(float v) {
  const double c = std::lround(std::clamp(v, 0.0f, 1.0f) * 255.0f) / 255.0;
  return c <= 0.03928 ? c / 12.92 : std::pow((c + 0.055) / 1.055, 2.4);
}

double luminance(const Color& c) { return 0.2126 * linear(c.r) + 0.7152 * linear(c.g) + 0.0722 * linear(c.b); }

}  // namespace

double contrastRatio(const Color& a, const Color& b) {
  const double la = luminance(a), lb = luminance(b);
  return (std::max(la, lb) + 0.05) / (std::min(la, lb) + 0.05);
}

Color tintOnWhite(const Color& tint, double alpha) {
  auto over = [&](float c) { return static_cast<float>(1.0 - alpha * (1.0 - c)); };
  return Color{over(tint.r), over(tint.g), over(tint.b)};
}

Color readableOn(const Color& text, const Color& background) {
  Color c = text;
  // Scaled towards black in steps of 2%: black reaches 4.5:1 on every background at least
  // as light as the tints the stylesheet uses.
  for (int step = 0; step < 50 && contrastRatio(c, background) < kMinimumContrast; ++step) {
    const float k = 1.0f - 0.02f * static_cast<float>(step + 1);
    c = Color{text.r * k, text.g * k, text.b * k};
  }
  return c;
}

}  // namespace pp::epub
