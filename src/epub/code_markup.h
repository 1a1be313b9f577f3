// Highlighted code as XHTML: the token classes the highlighter left in a code block, as spans
// the stylesheet colours (class "hl-<token class>"; plain text is left bare).
#pragma once

#include <string>

#include "postpress/document.h"
#include "postpress/style.h"

namespace pp::epub {

// The escaped content of a Code block's <code> element, trailing newlines dropped.
std::string highlightedCode(const Block& code);

// CSS rules for the token classes of the style's theme ("" when highlighting is off), each
// colour readable on `background` (contrast.h).
std::string highlightRules(const HighlightTheme& theme, const Color& background);

}  // namespace pp::epub
