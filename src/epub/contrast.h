// Text colours readable on the backgrounds the stylesheet puts them on: WCAG 2.x's contrast
// minimum (success criterion 1.4.3, level AA: 4.5:1 for text of any size), which the EPUB's
// conformance claim (dcterms:conformsTo) rests on. A style's colour that falls short is
// darkened, its hue kept, until it reaches the ratio; one that reaches it is kept as it is.
#pragma once

#include "postpress/style.h"

namespace pp::epub {

// WCAG 2.x contrast ratio of two colours, as CSS writes them (8 bits a channel): 1 to 21.
double contrastRatio(const Color& a, const Color& b);

// The colour a translucent tint (`alpha` of `tint`) makes on white paper.
Color tintOnWhite(const Color& tint, double alpha);

// `text`, darkened as little as needed to reach 4.5:1 on `background`.
Color readableOn(const Color& text, const Color& background);

// 4.5:1, AA's minimum for text of any size.
inline constexpr double kMinimumContrast = 4.5;

}  // namespace pp::epub
