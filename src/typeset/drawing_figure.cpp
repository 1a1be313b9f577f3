#include "typeset/drawing_figure.h"

#include <algorithm>

#include "typeset/canvas.h"

namespace pp::typeset {

namespace {

// Text may overrun its room by this much before it is made smaller: faces differ by a few
// percent from the one the layout measured with, and a node's shape has a margin around it.
constexpr float kOverrunAllowed = 1.04f;
// Nor is it made smaller than this, whatever the room: a label must stay readable.
constexpr float kSmallestShrink = 0.7f;

}  // namespace

Fragment setDrawing(Context& ctx, const Drawing& drawing, float scale, std::int32_t tag) {
  Fragment out;
  for (const DrawingPath& p : drawing.paths) {
    PathBox box{p, tag};
    Fragment::scalePath(box.path, scale, 0, 0);
    out.paths.push_back(std::move(box));
  }
  FragmentCanvas canvas(ctx, out, drawing.width * scale);
  const TagScope tagged(canvas, tag);
  for (const DrawingText& t : drawing.texts) {
    TextStyle look = ctx.style.caption;
    look.family = "heading";
    look.italic = t.italic;
    look.bold = t.bold;
    look.uppercase = false;
    look.letterSpacing = 0;
    look.color = t.color;
    look.size = t.size * scale;
    look.leading = look.size * 1.2f;
    float width = canvas.textWidth(t.text, look);
    const float room = t.width * scale;
    if (room > 0 && width > room * kOverrunAllowed) {
      const float k = std::max(kSmallestShrink, room / width);
      look.size *= k;
      look.leading *= k;
      width *= k;
    }
    float x = t.x * scale;
    if (t.align == DrawingText::Align::Center) x -= width / 2;
    else if (t.align == DrawingText::Align::Right) x -= width;
    canvas.text(t.text, look, x, t.y * scale);
  }
  return out;
}

}  // namespace pp::typeset
