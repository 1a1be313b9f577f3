// A piece of content positioned relative to its own origin (a set line, a figure, a table
// row): what the vertical flow stacks and the paginator copies onto pages with an offset.
#pragma once

#include <utility>
#include <vector>

#include "postpress/typeset.h"

namespace pp::typeset {

// A rectangle drawn as its outline only (check boxes, the box of a character no font has).
inline FillRect outlineRect(float x, float y, float width, float height, float strokeWidth, Color color) {
  FillRect r;
  r.x = x;
  r.y = y;
  r.width = width;
  r.height = height;
  r.fill = false;
  r.strokeWidth = strokeWidth;
  r.strokeColor = color;
  return r;
}

// A run of `face` at `size` whose baseline starts at (x, y), in `color`; its text and width
// are the caller's to set.
inline TextRun textRunAt(int face, float size, float x, float y, Color color) {
  TextRun t;
  t.font = static_cast<std::uint16_t>(face);
  t.size = size;
  t.x = x;
  t.y = y;
  t.color = color;
  return t;
}

struct Fragment {
  std::vector<FillRect> rects;
  std::vector<ImageBox> images;
  std::vector<PathBox> paths;
  std::vector<RuleLine> lines;
  std::vector<TextRun> runs;
  std::vector<LinkArea> links;

  bool empty() const {
    return rects.empty() && images.empty() && paths.empty() && lines.empty() && runs.empty() && links.empty();
  }

  // Adds everything, moved by (dx, dy), onto `page`.
  void placeOn(PageBox& page, float dx, float dy) const { place(*this, page, dx, dy); }
  // The same, taking the words and links instead of copying them, and leaving the fragment
  // empty: pagination places most fragments once, so the digest's text need not exist twice.
  void moveOnto(PageBox& page, float dx, float dy) {
    place(*this, page, dx, dy);
    *this = Fragment{};
  }

  // Adds another fragment, moved by (dx, dy), into this one.
  void append(const Fragment& o, float dx, float dy) { place(o, *this, dx, dy); }

  // Adds its paths and words, scaled by `scale` about its origin and then moved by (dx, dy),
  // onto `page` (a vector figure shrunk to fit the space left on a page).
  void placeScaledOn(PageBox& page, float dx, float dy, float scale) const {
    for (PathBox p : paths) {
      scalePath(p.path, scale, dx, dy);
      page.paths.push_back(std::move(p));
    }
    for (TextRun t : runs) {
      t.x = dx + t.x * scale;
      t.y = dy + t.y * scale;
      t.size *= scale;
      t.width *= scale;
      t.charSpacing *= scale;
      page.runs.push_back(std::move(t));
    }
  }

  // A path's points scaled by `scale` about the origin, then moved by (dx, dy); its pen too.
  static void scalePath(DrawingPath& p, float scale, float dx, float dy) {
    for (DrawingPath::Cmd& c : p.cmds) {
      c.x = dx + c.x * scale;
      c.y = dy + c.y * scale;
      c.c1x = dx + c.c1x * scale;
      c.c1y = dy + c.c1y * scale;
      c.c2x = dx + c.c2x * scale;
      c.c2y = dy + c.c2y * scale;
    }
    p.strokeWidth *= scale;
    for (float& d : p.dash) d *= scale;
  }

 private:
  // Self is Fragment (its words and links are moved) or const Fragment (copied); Target is a
  // PageBox or another Fragment (the same lists by the same names).
  template <typename Self, typename Target>
  static void place(Self& self, Target& page, float dx, float dy) {
    for (auto r : self.rects) {
      r.x += dx;
      r.y += dy;
      page.rects.push_back(r);
    }
    for (auto i : self.images) {
      i.x += dx;
      i.y += dy;
      page.images.push_back(i);
    }
    for (auto p : self.paths) {
      scalePath(p.path, 1, dx, dy);
      page.paths.push_back(std::move(p));
    }
    for (auto l : self.lines) {
      l.x1 += dx;
      l.x2 += dx;
      l.y1 += dy;
      l.y2 += dy;
      page.lines.push_back(l);
    }
    for (auto& t : self.runs) {
      page.runs.push_back(std::move(t));  // a copy when Self is const
      page.runs.back().x += dx;
      page.runs.back().y += dy;
    }
    for (auto& k : self.links) {
      page.links.push_back(std::move(k));
      page.links.back().x += dx;
      page.links.back().y += dy;
    }
  }
};

}  // namespace pp::typeset
