// The book's CSS, generated from the same Style as the PDF: heading scale and colours,
// code, tables, admonitions. Sizes in em/rem only, no forced page colours, so that reading
// systems' font-size settings, dark modes and e-ink all keep working.
#pragma once

#include <string>

#include "postpress/style.h"

namespace pp::epub {

std::string stylesheet(const Style& style);

// "#rrggbb" (own helper: the EPUB only needs hex, and stays independent of the style loader).
std::string cssColor(const Color& c);
// "rgba(r, g, b, a)".
std::string cssColorAlpha(const Color& c, double alpha);

}  // namespace pp::epub
