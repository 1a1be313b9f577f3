#include "typeset/canvas.h"

#include <optional>

#include "typeset/line_set.h"
#include "typeset/qr_modules.h"
#include "typeset/shape_runs.h"

namespace pp::typeset {

namespace {

// One line of text in a role's look, never wrapped.
std::vector<SetLine> setOneLine(Context& ctx, const std::string& utf8, const TextStyle& style) {
  ItemList items = plainItems(ctx, style, utf8, false);
  return setParagraph(ctx, items, unwrappedLine(style.leading));
}

}  // namespace

std::int32_t FragmentCanvas::node(StructNode node) {
  const bool own = node.parent >= 0 && static_cast<std::size_t>(node.parent) < ctx_.nodes.size();
  const std::int32_t parent = own ? node.parent : parent_;
  return ctx_.nodes.add(std::move(node), parent);
}

std::string FragmentCanvas::setLanguage(std::string bcp47) {
  const std::string& language = bcp47.empty() ? flowLanguage_ : bcp47;
  ctx_.fonts.setLanguage(language);
  // In a right-to-left layout the text's language also decides its direction (resolveBidi).
  if (ctx_.rightToLeftLayout) ctx_.language = language;
  return std::exchange(language_, std::move(bcp47));
}

std::int32_t FragmentCanvas::shapeTag(std::int32_t own) const {
  if (tag_ < tags::kUntagged) return tag_;
  if (tag_ >= 0 && static_cast<std::size_t>(tag_) < ctx_.nodes.size() &&
      ctx_.nodes.table()[static_cast<std::size_t>(tag_)].type == StructType::Figure)
    return tag_;
  return own;
}

std::int32_t FragmentCanvas::figureTag(const std::string& alt) {
  if (tag_ < tags::kUntagged || parent_ < 0) return tag_;
  auto isFigure = [this](std::int32_t t) {
    return t >= 0 && static_cast<std::size_t>(t) < ctx_.nodes.size() &&
           ctx_.nodes.table()[static_cast<std::size_t>(t)].type == StructType::Figure;
  };
  if (isFigure(tag_)) return tag_;
  if (tag_ == tags::kUntagged && isFigure(parent_)) return parent_;  // drawn inside its Figure
  return node(StructNode(StructType::Figure, alt));
}

void FragmentCanvas::rect(const FillRect& r) {
  out_.rects.push_back(r);
  out_.rects.back().x = placed(r.x, r.width);
  out_.rects.back().tag = shapeTag(r.tag);
}

void FragmentCanvas::line(const RuleLine& l) {
  out_.lines.push_back(l);
  out_.lines.back().x1 = placed(l.x1, 0);
  out_.lines.back().x2 = placed(l.x2, 0);
  out_.lines.back().tag = shapeTag(l.tag);
}

float FragmentCanvas::text(const std::string& utf8, const TextStyle& style, float x, float y) {
  auto lines = setOneLine(ctx_, utf8, style);
  if (lines.empty()) return 0;
  // Text drawn piece by piece (the lines of a wrapped title, an index's numbers) reads with
  // a space between the pieces where the caller's text ends with one (which draws nothing).
  auto& runs = lines[0].content.runs;
  if (!utf8.empty() && utf8.back() == ' ' && !runs.empty() && !runs.back().rtl) addWordSpace(ctx_, runs.back());
  stamp(lines[0].content, tag_);
  out_.append(lines[0].content, placed(x, lines[0].naturalWidth), y - lines[0].baseline);
  return lines[0].naturalWidth;
}

float FragmentCanvas::textWidth(const std::string& utf8, const TextStyle& style) {
  // Measured, not set: breaking and placing the line was most of what measuring cost (running
  // heads and contents entries are measured, sometimes several times, on every page).
  return firstLineWidth(plainItems(ctx_, style, utf8, false));
}

void FragmentCanvas::image(int asset, float x, float y, float w, float h) {
  const Asset* a = ctx_.asset(asset);
  x = placed(x, w);
  if (!a || !a->ok()) {
    out_.rects.push_back({.x = x, .y = y, .width = w, .height = h, .fill = true,
                          .fillColor = ctx_.style.codeBackground, .strokeWidth = 0.5f,
                          .strokeColor = ctx_.style.rule});
    return;
  }
  out_.images.push_back({asset, x, y, w, h, figureTag(ctx_.label("image_inline"))});
}

void FragmentCanvas::link(float x, float y, float w, float h, const LinkTarget& target) {
  if (!ctx_.resolveLink) return;
  ResolvedLink r = ctx_.resolveLink(target);
  if (r.empty()) return;
  std::int32_t tag = tag_;
  if (parent_ >= 0 && (tag < 0 || ctx_.nodes.table()[static_cast<std::size_t>(tag)].type != StructType::Link))
    tag = node(StructNode(StructType::Link));
  out_.links.push_back({placed(x, w), y, w, h, r.uri, r.dest, tag});
}

bool FragmentCanvas::qrCode(const std::string& text, float x, float y, float size, Color color) {
  const std::size_t from = out_.rects.size();
  const std::filesystem::path cacheDir = ctx_.assets ? ctx_.assets->options().cacheDir : std::filesystem::path();
  if (!qrRects(text, placed(x, size), y, size, color, out_.rects, cacheDir)) return false;
  const std::int32_t tag = tag_ < tags::kUntagged || parent_ < 0 ? tag_ : node(StructNode(StructType::Figure, "QR code: " + text));
  if (tag != tags::kUntagged)
    for (std::size_t k = from; k < out_.rects.size(); ++k) out_.rects[k].tag = tag;
  return true;
}

void drawIntoFragment(Context& ctx, Fragment& out, float width, const std::function<void(Canvas&)>& draw) {
  FragmentCanvas c(ctx, out, width);
  draw(c);
}

bool qrRects(const std::string& text, float x, float y, float size, Color color, std::vector<FillRect>& out,
             const std::filesystem::path& cacheDir) {
  const std::optional<QrModules> q = qrModules(text, cacheDir);
  if (!q) return false;
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
      if (!q->at(row, col)) {
        ++col;
        continue;
      }
      int end = col;
      while (end < w && q->at(row, end)) ++end;
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
