// xdot is Graphviz's own display list (its `-Txdot` output): rendering to it sets, on every
// object, attributes whose values are drawing operations (_draw_ for shapes, _ldraw_ for
// labels, _hdraw_/_tdraw_ for arrowheads...). libxdot reads them; this file turns them into a
// Drawing, in Graphviz's painting order: clusters, then nodes, then edges.
#include "diagrams/xdot_drawing.h"

#include <graphviz/xdot.h>

#include <algorithm>
#include <cmath>
#include <cstdlib>
#include <string>
#include <vector>

#include "postpress/support/lazy_library.h"
#include "postpress/support/text.h"

namespace pp::diagrams {

namespace {

#define PP_XDOT_FUNCTIONS(X) \
  X(parse, parseXDot)        \
  X(release, freeXDot)

struct XdotApi {
  PP_XDOT_FUNCTIONS(PP_LAZY_FUNCTION)
};

const XdotApi* xdotApi() {
  static const LazyLibrary<XdotApi> xdot("libxdot.so.4", [](XdotApi& api, SharedLibrary& library) {
    PP_XDOT_FUNCTIONS(PP_LAZY_BIND)
  });
  return xdot.api(nullptr);
}

// Graphviz's SVG draws a dashed line 5,2 and a dotted one 1,5; "bold" is twice as wide.
constexpr float kDash[] = {5, 2};
constexpr float kDot[] = {1, 5};
constexpr float kBoldWidth = 2;
// Graphviz's SVG keeps a margin of 4 pt around the graph's bounding box.
constexpr float kMargin = 4;
// An ellipse as four cubic Beziers: the control points' distance from the ends, per radius.
// The baseline-to-baseline distance of a label's lines, in ems: Graphviz's LINESPACING (the
// spacing of its own text metrics). Its pango text layout puts a label's lines round(1.1 em)
// apart, nearer than the faces the typesetter draws them in need (Noto Sans' ascent and
// descent are 1.36 em, Noto Sans CJK's 1.45): a Latin word over a Japanese line reached a
// quarter of its height into it.
constexpr float kLabelLineSpacing = 1.2f;
constexpr double kKappa = 0.5522847498;

// "#rrggbb" or "#rrggbbaa" (what the xdot renderer writes); nullopt for transparent.
std::optional<Color> xdotColor(const char* text, bool grayscale) {
  if (!text || text[0] != '#') return std::nullopt;
  const std::string hex(text + 1);
  if (hex.size() != 6 && hex.size() != 8) return std::nullopt;
  const unsigned long v = std::strtoul(hex.c_str(), nullptr, 16);
  const unsigned long rgb = hex.size() == 8 ? v >> 8 : v;
  if (hex.size() == 8 && (v & 0xff) == 0) return std::nullopt;
  Color c{((rgb >> 16) & 0xff) / 255.0f, ((rgb >> 8) & 0xff) / 255.0f, (rgb & 0xff) / 255.0f};
  if (grayscale) {
    const float y = 0.2126f * c.r + 0.7152f * c.g + 0.0722f * c.b;
    c = Color{y, y, y};
  }
  return c;
}

struct XdotDeleter {
  const XdotApi* api;
  void operator()(xdot* x) const { api->release(x); }
};

// The pen, fill, font and style as the operations of one attribute set them.
struct Pen {
  std::optional<Color> stroke = Color{};
  std::optional<Color> fill = Color{};
  float width = 1;
  std::vector<float> dash;
  float fontSize = 14;
  bool bold = false, italic = false;
};

class XdotReader {
 public:
  XdotReader(const GraphvizApi& gv, const XdotApi& xd, Agraph_t* root, bool grayscale)
      : gv_(gv), xd_(xd), grayscale_(grayscale) {
    double llx = 0, lly = 0, urx = 0, ury = 0;
    const char* bb = gv.get(root, const_cast<char*>("bb"));
    if (bb && std::sscanf(bb, "%lf,%lf,%lf,%lf", &llx, &lly, &urx, &ury) == 4) {
      left_ = llx;
      top_ = ury;
      out_->width = static_cast<float>(urx - llx) + 2 * kMargin;
      out_->height = static_cast<float>(ury - lly) + 2 * kMargin;
    }
  }

  std::shared_ptr<Drawing> read(Agraph_t* g) {
    // The root's background only when the source asks for one (the page is the paper).
    const char* bg = gv_.get(g, const_cast<char*>("bgcolor"));
    if (bg && *bg) attribute(g, "_draw_");
    attribute(g, "_ldraw_");
    clusters(g);
    for (Agnode_t* n = gv_.fstnode(g); n; n = gv_.nxtnode(g, n)) {
      attribute(n, "_draw_");
      attribute(n, "_ldraw_");
    }
    for (Agnode_t* n = gv_.fstnode(g); n; n = gv_.nxtnode(g, n))
      for (Agedge_t* e = gv_.fstout(g, n); e; e = gv_.nxtout(g, e))
        for (const char* name : {"_draw_", "_tdraw_", "_hdraw_", "_ldraw_", "_tldraw_", "_hldraw_", "_xldraw_"})
          attribute(e, name);
    if (out_->width <= 0 || (out_->paths.empty() && out_->texts.empty())) return nullptr;
    return out_;
  }

 private:
  void clusters(Agraph_t* g) {
    // cgraph keeps a graph's subgraphs ordered by their ids, which for named subgraphs are the
    // addresses of the interned names: an order that changed from run to run (2 of 8 builds of
    // one digest drew two clusters the other way round). Painted in the order the source
    // declares them (their sequence numbers), the same bytes come out every time.
    std::vector<Agraph_t*> subgraphs;
    for (Agraph_t* s = gv_.fstsubg(g); s; s = gv_.nxtsubg(s)) subgraphs.push_back(s);
    std::sort(subgraphs.begin(), subgraphs.end(), [](Agraph_t* a, Agraph_t* b) { return AGSEQ(a) < AGSEQ(b); });
    for (Agraph_t* s : subgraphs) {
      if (startsWith(gv_.nameof(s), "cluster")) {
        attribute(s, "_draw_");
        attribute(s, "_ldraw_");
      }
      clusters(s);
    }
  }

  void attribute(void* object, const char* name) {
    char* ops = gv_.get(object, const_cast<char*>(name));
    if (!ops || !*ops) return;
    std::unique_ptr<xdot, XdotDeleter> parsed(xd_.parse(ops), XdotDeleter{&xd_});
    if (!parsed) return;
    Pen pen;
    const std::size_t firstText = out_->texts.size();
    for (int i = 0; i < parsed->cnt; ++i) operation(parsed->ops[i], pen);
    spaceLines(firstText);
  }

  // The lines of one label (the texts one attribute drew, one under another at one size) set
  // kLabelLineSpacing apart about their middle, which stays where Graphviz put it.
  void spaceLines(std::size_t first) {
    std::vector<DrawingText>& t = out_->texts;
    const std::size_t n = t.size() - first;
    if (n < 2) return;
    for (std::size_t k = first + 1; k < t.size(); ++k)
      if (t[k].size != t[first].size || !(t[k].y > t[k - 1].y) || t[k].y - t[k - 1].y > 1.5f * t[k].size) return;
    const float middle = (t[first].y + t.back().y) / 2;
    const float pitch = kLabelLineSpacing * t[first].size;
    for (std::size_t k = 0; k < n; ++k)
      t[first + k].y = middle + (static_cast<float>(k) - static_cast<float>(n - 1) / 2) * pitch;
  }

  float x(double v) const { return static_cast<float>(v - left_) + kMargin; }
  float y(double v) const { return static_cast<float>(top_ - v) + kMargin; }

  void operation(const xdot_op& op, Pen& pen) {
    switch (op.kind) {
      case xd_filled_ellipse:
      case xd_unfilled_ellipse: shape(ellipse(op.u.ellipse), pen, op.kind == xd_filled_ellipse); break;
      case xd_filled_polygon:
      case xd_unfilled_polygon: shape(points(op.u.polygon, false, true), pen, op.kind == xd_filled_polygon); break;
      case xd_filled_bezier:
      case xd_unfilled_bezier: shape(points(op.u.bezier, true, false), pen, op.kind == xd_filled_bezier); break;
      case xd_polyline: shape(points(op.u.polyline, false, false), pen, false); break;
      case xd_text: text(op.u.text, pen); break;
      case xd_fill_color: pen.fill = xdotColor(op.u.color, grayscale_); break;
      case xd_pen_color: pen.stroke = xdotColor(op.u.color, grayscale_); break;
      case xd_font: pen.fontSize = static_cast<float>(op.u.font.size); break;
      case xd_fontchar:
        pen.bold = op.u.fontchar & 1;
        pen.italic = op.u.fontchar & 2;
        break;
      case xd_style: style(op.u.style ? op.u.style : "", pen); break;
      default: break;  // images (refused before layout), gradients (drawn as their pen)
    }
  }

  static void style(std::string_view s, Pen& pen) {
    if (s == "dashed") pen.dash.assign(std::begin(kDash), std::end(kDash));
    else if (s == "dotted") pen.dash.assign(std::begin(kDot), std::end(kDot));
    else if (s == "solid") pen.dash.clear();
    else if (s == "bold") pen.width = kBoldWidth;
    else if (startsWith(s, "setlinewidth(")) pen.width = std::max(0.0f, std::strtof(std::string(s.substr(13)).c_str(), nullptr));
  }

  DrawingPath ellipse(const xdot_rect& r) const {
    DrawingPath p;
    const double cx = r.x, cy = r.y, rx = r.w, ry = r.h, kx = rx * kKappa, ky = ry * kKappa;
    p.moveTo(x(cx + rx), y(cy));
    p.curveTo(x(cx + rx), y(cy + ky), x(cx + kx), y(cy + ry), x(cx), y(cy + ry));
    p.curveTo(x(cx - kx), y(cy + ry), x(cx - rx), y(cy + ky), x(cx - rx), y(cy));
    p.curveTo(x(cx - rx), y(cy - ky), x(cx - kx), y(cy - ry), x(cx), y(cy - ry));
    p.curveTo(x(cx + kx), y(cy - ry), x(cx + rx), y(cy - ky), x(cx + rx), y(cy));
    p.close();
    return p;
  }

  // A polygon or polyline through the points, or a B-spline of cubic segments (xdot's beziers:
  // a start point, then three points a segment).
  DrawingPath points(const xdot_polyline& l, bool bezier, bool closed) const {
    DrawingPath p;
    if (l.cnt <= 0) return p;
    p.moveTo(x(l.pts[0].x), y(l.pts[0].y));
    if (bezier) {
      for (int i = 1; i + 2 < l.cnt; i += 3)
        p.curveTo(x(l.pts[i].x), y(l.pts[i].y), x(l.pts[i + 1].x), y(l.pts[i + 1].y), x(l.pts[i + 2].x), y(l.pts[i + 2].y));
    } else {
      for (int i = 1; i < l.cnt; ++i) p.lineTo(x(l.pts[i].x), y(l.pts[i].y));
    }
    if (closed) p.close();
    return p;
  }

  // A filled shape is filled with the fill colour and outlined with the pen (as Graphviz's
  // own renderers draw it); an unfilled one only outlined.
  void shape(DrawingPath p, const Pen& pen, bool filled) {
    if (p.cmds.empty()) return;
    if (filled) p.fill = pen.fill;
    p.stroke = pen.width > 0 ? pen.stroke : std::nullopt;
    if (!p.fill && !p.stroke) return;
    p.strokeWidth = pen.width;
    p.dash = pen.dash;
    out_->paths.push_back(std::move(p));
  }

  void text(const xdot_text& t, const Pen& pen) {
    if (!t.text || !*t.text || !isValidUtf8(t.text)) return;
    const std::string_view words = trim(t.text);
    if (words.empty()) return;
    DrawingText d;
    d.text = std::string(words);
    d.x = x(t.x);
    d.y = y(t.y);
    d.align = t.align == xd_left ? DrawingText::Align::Left
              : t.align == xd_right ? DrawingText::Align::Right : DrawingText::Align::Center;
    d.width = static_cast<float>(t.width);
    d.size = pen.fontSize;
    d.bold = pen.bold;
    d.italic = pen.italic;
    d.color = pen.stroke.value_or(Color{});
    out_->texts.push_back(std::move(d));
  }

  const GraphvizApi& gv_;
  const XdotApi& xd_;
  bool grayscale_;
  double left_ = 0, top_ = 0;
  std::shared_ptr<Drawing> out_ = std::make_shared<Drawing>();
};

}  // namespace

std::shared_ptr<Drawing> xdotDrawing(const GraphvizApi& gv, GVC_t* gvc, Agraph_t* g, bool grayscale) {
  const XdotApi* xd = xdotApi();
  if (!xd) return nullptr;
  char* data = nullptr;
  unsigned int length = 0;
  // Rendering to xdot sets the drawing attributes on the graph; its text is not needed.
  if (gv.renderData(gvc, g, "xdot", &data, &length) != 0) return nullptr;
  if (data) gv.freeRenderData(data);
  return XdotReader(gv, *xd, g, grayscale).read(g);
}

}  // namespace pp::diagrams
