// Math: TeX formulas ($...$, \(...\), $$...$$, \[...\], ```math) read into a tree, written as
// presentation MathML for the EPUB, and laid out as positioned glyphs of an OpenType MATH font
// (HarfBuzz's hb_ot_math_* API) for the PDF. Stage home: src/math/.
//
// The subset read is what technical posts use: fractions, sub- and superscripts, roots, big
// operators with limits, \left...\right, matrix environments and cases, accents, \text, font
// commands, Greek, the common symbols and relations, spacing. Formulas come from strangers:
// the source's size, the tree's depth and its node count are bounded. A formula that cannot
// be read (an unknown command, a budget passed) is refused with a message naming why, and
// stays TeX in monospace (checkFormulas).
#pragma once

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/document.h"
#include "postpress/fonts.h"
#include "postpress/site.h"
#include "postpress/support/diagnostics.h"

namespace pp {

namespace math {
struct Node;  // the formula tree (src/math/tree.h)
}

struct MathLimits {
  std::size_t maxSourceBytes = 8000;
  int maxDepth = 40;     // groups, fractions, scripts... inside each other
  int maxNodes = 4000;   // atoms and constructs of one formula
  int maxRepeat = 300;   // extender pieces of one grown delimiter or root
};

// A formula as read: `root` when it could be read, else `error` says why (naming the command).
struct ParsedMath {
  std::shared_ptr<const math::Node> root;
  std::string error;
  bool ok() const { return root != nullptr; }
};

ParsedMath parseMath(std::string_view tex, const MathLimits& limits = {});

// Presentation MathML: `<math xmlns="http://www.w3.org/1998/Math/MathML" alttext="TeX"
// display="block|inline">...</math>`. `formula` must be ok().
std::string mathML(const ParsedMath& formula, std::string_view tex, bool display);

// The formula as one line of plain Unicode text ("softmax(QK^T/√(d_k))V"), for where only
// text can go: summaries, the outline, word counts. `formula` must be ok().
std::string mathPlainText(const ParsedMath& formula);

// A laid-out formula: glyphs of the math font and rules, relative to the box's origin on its
// baseline (x right, y UP, in points).
struct MathGlyph {
  // The font it is a glyph of: the math font, or the text's faces (\text, \textbf, \textit
  // words set in the body's roman, bold or italic face, as TeX sets them).
  enum class Face : std::uint8_t { Math, Text, TextBold, TextItalic };
  Face face = Face::Math;
  std::uint16_t glyph = 0;
  float x = 0, y = 0;
  float size = 10;       // the font's em size, pt
  float advance = 0;     // pt
  std::string text;      // the characters it stands for (UTF-8; "" for a piece of a larger glyph)
  bool nominal = true;   // the font's own glyph for `text` (not a size variant or a piece)
};
struct MathRule {
  float x = 0, y = 0;    // bottom-left
  float width = 0, height = 0;
};
struct MathBox {
  float width = 0, ascent = 0, descent = 0;  // pt; descent positive below the baseline
  std::vector<MathGlyph> glyphs;
  std::vector<MathRule> rules;
  // Where a formula set in a line may break, as TeX breaks one: after a relation or a binary
  // operator of its outermost row (not after one relation followed by another). `at`: the end
  // of the operator; `resume`: where what follows it starts (the space between is dropped at
  // a line end). None in display style.
  struct Break {
    float at = 0, resume = 0;
  };
  std::vector<Break> breaks;
};

// The body's faces that \text{...} words are set in; a missing one (or one lacking a
// character of the words) leaves them in the math font.
struct MathTextFaces {
  const FontFile* regular = nullptr;
  const FontFile* bold = nullptr;
  const FontFile* italic = nullptr;
};

// True when `font` has a MATH table (constants, variants, assemblies) to lay formulas out with.
bool hasMathTable(const FontFile& font);

// Lays `formula` out at `size` pt in display style (a block) or text style (in a line).
// `font` must have a MATH table; `formula` must be ok().
MathBox layoutMath(const ParsedMath& formula, const FontFile& font, float size, bool display,
                   const MathLimits& limits = {}, const MathTextFaces& textFaces = {});

// The diagnostic code of a formula that cannot be read.
inline constexpr const char* kMathUnsupportedCode = "math-unsupported";

// Reads every formula of `doc` (inline Math and MathBlock, at any depth, footnotes too). One
// that cannot be read becomes code (inline code, or a code block whose info is "tex") with a
// warning at its line in `post`; an inline one that can gets its plain text (mathPlainText) as
// its one Text child, which plainText() gives instead of the TeX. Returns the number of
// formulas that could be read.
int checkFormulas(const Post& post, Document& doc, DiagnosticSink& diags, const MathLimits& limits = {});

}  // namespace pp
