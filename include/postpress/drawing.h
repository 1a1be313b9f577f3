// A vector picture as a display list: filled and stroked paths and lines of text, in points,
// origin at the top-left, y growing downwards. What a diagram is in the PDF: the diagrams
// stage makes one from Graphviz's layout (diagrams.h), the typesetter scales it to the measure,
// sets its text in the style's fonts and hands the paths to the PDF writer, which paints them
// with vector operators (typeset.h, PathBox). The EPUB keeps the diagram's SVG.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "postpress/style.h"

namespace pp {

struct DrawingPath {
  enum class Op : std::uint8_t { Move, Line, Cubic, Close };
  struct Cmd {
    Op op = Op::Move;
    float x = 0, y = 0;                  // end point
    float c1x = 0, c1y = 0, c2x = 0, c2y = 0;  // control points (Cubic)
  };
  std::vector<Cmd> cmds;
  std::optional<Color> fill;    // none: not filled
  std::optional<Color> stroke;  // none: not stroked
  float strokeWidth = 1;
  std::vector<float> dash;      // on/off lengths, pt; empty: solid

  void moveTo(float x, float y) { cmds.push_back({Op::Move, x, y}); }
  void lineTo(float x, float y) { cmds.push_back({Op::Line, x, y}); }
  void curveTo(float c1x, float c1y, float c2x, float c2y, float x, float y) {
    cmds.push_back({Op::Cubic, x, y, c1x, c1y, c2x, c2y});
  }
  void close() { cmds.push_back({Op::Close}); }
};

// One line of text. `width` is the room its layout gave it: the typesetter sets it in the
// style's font and, when that face is wider, at a size that fits.
struct DrawingText {
  enum class Align : std::uint8_t { Left, Center, Right };  // of the text about x
  std::string text;  // valid UTF-8, one line
  float x = 0, y = 0;  // y: the baseline
  Align align = Align::Center;
  float width = 0;
  float size = 10;     // pt
  bool bold = false, italic = false;
  Color color;
};

struct Drawing {
  float width = 0, height = 0;  // pt, at natural size
  std::vector<DrawingPath> paths;  // painted in order, below all the text
  std::vector<DrawingText> texts;
};

}  // namespace pp
