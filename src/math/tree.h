// The formula tree the parser builds and both writers (MathML, layout) walk.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

namespace pp::math {

// TeX's atom classes: they decide the space between neighbours.
enum class AtomClass : std::uint8_t { Ord, Op, Bin, Rel, Open, Close, Punct, Inner };

// How letters of an atom are drawn (the Mathematical Alphanumeric Symbols block).
// \boldsymbol and \bm keep letters italic (BoldItalic); \mathbf sets them upright (Bold).
enum class Variant : std::uint8_t { Auto, Normal, Italic, Bold, BoldItalic, Calligraphic, Blackboard, Fraktur, SansSerif, Monospace };

enum class Kind : std::uint8_t {
  Atom,     // text: one symbol, a number, or an operator name ("lim", "softmax")
  Row,      // kids in order
  Frac,     // kids[0] over kids[1]; bar = false for \binom's
  Root,     // kids[0] under the radical, kids[1] the index (when two kids)
  Scripts,  // kids[0] base, kids[1] subscript, kids[2] superscript (either may be an empty Row)
  Fenced,   // \left open ... \right close around kids[0] (0: an invisible delimiter)
  Accent,   // accent over kids[0]
  Text,     // \text{...}: words upright in the text's own spacing
  Space,    // width in mu (1/18 em); negative for \!
  Table,    // rows of cells (kids: one Row per cell, `columns` per row)
  Over,     // \overline (rule above kids[0]) / \underline (below)
};

enum class TableKind : std::uint8_t { Matrix, Cases, Aligned };
enum class StyleOverride : std::uint8_t { None, Display, Text };

struct Node {
  Kind kind = Kind::Row;
  AtomClass cls = AtomClass::Ord;
  Variant variant = Variant::Auto;
  std::u32string text;          // Atom, Text
  std::vector<Node> kids;
  char32_t open = 0, close = 0; // Fenced delimiters
  char32_t accent = 0;          // Accent
  bool stretchAccent = false;   // \widehat, \widetilde: the accent grows with the base
  bool limits = false;          // Atom of class Op: limits above/below in display style
  bool largeOp = false;         // Atom of class Op: a larger glyph in display style (\sum, \int)
  bool bar = true;              // Frac
  bool under = false;           // Over: \underline
  StyleOverride style = StyleOverride::None;  // Frac (\dfrac, \tfrac)
  float mu = 0;                 // Space
  float bigSize = 0;            // Atom: a delimiter of \big, \Big, \bigg, \Bigg: its height, em
  int columns = 0;              // Table
  TableKind table = TableKind::Matrix;
};

}  // namespace pp::math
