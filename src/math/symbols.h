// What TeX's commands and characters stand for: symbols and their atom classes, operator
// names, accents, spacing, and the styled alphabets (bold, script, double-struck...).
#pragma once

#include <optional>
#include <string_view>

#include "math/tree.h"

namespace pp::math {

struct Symbol {
  char32_t cp = 0;
  AtomClass cls = AtomClass::Ord;
  bool largeOp = false;  // grows in display style (\sum, \int)
  bool limits = false;   // limits above and below in display style (\sum, not \int)
};

// \alpha, \le, \sum, \{, \langle...: the symbol a command names (without its backslash).
std::optional<Symbol> commandSymbol(std::string_view name);
// A character typed as itself: "-" is a minus sign (U+2212, binary), "=" a relation...
Symbol charSymbol(char32_t c);

struct OperatorName {
  std::string_view text;  // "lim", "sin"
  bool limits = false;    // limits above/below in display style (lim, max, sup...)
};
// \sin, \lim, \max...: operators written as upright words.
std::optional<OperatorName> operatorName(std::string_view name);

struct AccentInfo {
  char32_t mark = 0;      // the combining mark the font places (U+0302 for \hat)
  char32_t spacing = 0;   // the spacing character MathML writes (U+005E for \hat)
  bool stretch = false;   // \widehat: grows with what it covers
};
std::optional<AccentInfo> accentCommand(std::string_view name);

// \, \: \; \! \quad \qquad...: width in mu (1/18 em).
std::optional<float> spaceCommand(std::string_view name);

// \mathbf, \mathcal, \mathbb, \mathrm...: the variant a font command names.
std::optional<Variant> fontCommand(std::string_view name);

// The character drawn for `c` in `variant` (U+1D465 for an italic x): unchanged when the
// variant has no such letter. Auto draws Latin letters and lowercase Greek italic.
char32_t styledChar(char32_t c, Variant variant);

// A delimiter's character from what follows \left, \right, \big...: "(", "\{", "\langle",
// "." (0: none). nullopt when the name is no delimiter.
std::optional<char32_t> delimiterNamed(std::string_view name);

// The height of \big, \Big, \bigg and \Bigg delimiters (and their l/r/m forms), em: what
// plain TeX's boxes of 8.5, 11.5, 14.5 and 17.5 pt ask of a delimiter centred on the axis
// (1.2, 1.8, 2.4 and 3 em, MathJax's sizes too). 0 for any other name.
float bigDelimiterSize(std::string_view name);

}  // namespace pp::math
