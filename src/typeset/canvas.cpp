#include "typeset/canvas.h"

#include <qrencode.h>

#include <memory>

#include "typeset/line_set.h"

namespace pp::typeset {

namespace {

// One line of text in a role's look, never wrapped.
std::vector<SetLine> setOneLine(Context& ctx, const std::string& utf8, const TextStyle& style) {
  ItemList items = plainItems(ctx, style, utf8, false);
  ParagraphShape shape;
  shape.align = Align::Left;
  shape.leading = style.leading;
  shape.allowHyphens = false;
  shape.widths = {1e6f};
  shape.rtlToRightEdge = false;
  return setParagraph(ctx, items, shape);
}

struct QrDeleter {
  void operator()(QRcode* q) const { QRcode_free(q); }
};

}  // namespace

float FragmentCanvas::text(const std::string& utf8, const TextStyle& style, float x, float y) {
  auto lines = setOneLine(ctx_, utf8, style);
  if (lines.empty()) return 0;
  out_.append(lines[0].content, x, y - lines[0].baseline);
  return lines[0].naturalWidth;
}

float FragmentCanvas::textWidth(const std::string& utf8, const TextStyle& style) {
  // Measured, not set: breaking and placing the line was most of what measuring cost (running
  // heads and contents entries are measured, sometimes several times, on every page).
  return firstLineWidth(plainItems(ctx_, style, utf8, false));
}

void FragmentCanvas::image(int asset, float x, float y, float w, float h) {
  const Asset* a = ctx_.asset(asset);
  if (!a || !a->ok()) {
    out_.rects.push_back({.x = x, .y = y, .width = w, .height = h, .fill = true,
                          .fillColor = ctx_.style.codeBackground, .strokeWidth = 0.5f,
                          .strokeColor = ctx_.style.rule});
    return;
  }
  out_.images.push_back({asset, x, y, w, h});
}

void FragmentCanvas::link(float x, float y, float w, float h, const LinkTarget& target) {
  if (!ctx_.resolveLink) return;
  ResolvedLink r = ctx_.resolveLink(target);
  if (r.empty()) return;
  out_.links.push_back({x, y, w, h, r.uri, r.dest});
}

bool FragmentCanvas::qrCode(const std::string& text, float x, float y, float size, Color color) {
  return qrRects(text, x, y, size, color, out_.rects);
}

void drawIntoFragment(Context& ctx, Fragment& out, float width, const std::function<void(Canvas&)>& draw) {
  FragmentCanvas c(ctx, out, width);
  draw(c);
}

bool qrRects(const std::string& text, float x, float y, float size, Color color, std::vector<FillRect>& out) {
  if (text.empty() || text.size() > 2000) return false;
  std::unique_ptr<QRcode, QrDeleter> q(QRcode_encodeString8bit(text.c_str(), 0, QR_ECLEVEL_M));
  if (!q || q->width <= 0) return false;
  const int w = q->width;
  constexpr int kQuiet = 2;
  const float m = size / static_cast<float>(w + 2 * kQuiet);
  // A white ground so the code scans on tinted backgrounds too.
  FillRect ground;
  ground.x = x;
  ground.y = y;
  ground.width = size;
  ground.height = size;
  ground.fillColor = Color{1, 1, 1};
  out.push_back(ground);
  for (int row = 0; row < w; ++row) {
    int col = 0;
    while (col < w) {
      if (!(q->data[row * w + col] & 1)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < w && (q->data[row * w + end] & 1)) ++end;
      FillRect r;
      r.x = x + (kQuiet + col) * m;
      r.y = y + (kQuiet + row) * m;
      r.width = (end - col) * m;
      // a hair taller than a module so rows touch without hairline gaps in renderers
      r.height = m * 1.02f;
      r.fillColor = color;
      out.push_back(r);
      col = end;
    }
  }
  return true;
}

}  // namespace pp::typeset
