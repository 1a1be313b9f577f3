// A piece of content positioned relative to its own origin (a set line, a figure, a table
// row): what the vertical flow stacks and the paginator copies onto pages with an offset.
#pragma once

#include <vector>

#include "postpress/layout.h"

namespace pp::typeset {

struct Fragment {
  std::vector<FillRect> rects;
  std::vector<ImageBox> images;
  std::vector<RuleLine> lines;
  std::vector<TextRun> runs;
  std::vector<VectorGlyph> glyphs;
  std::vector<LinkArea> links;

  bool empty() const {
    return rects.empty() && images.empty() && lines.empty() && runs.empty() && glyphs.empty() &&
           links.empty();
  }

  // Adds everything, moved by (dx, dy), onto `page`.
  void placeOn(PageBox& page, float dx, float dy) const {
    for (auto r : rects) {
      r.x += dx;
      r.y += dy;
      page.rects.push_back(r);
    }
    for (auto i : images) {
      i.x += dx;
      i.y += dy;
      page.images.push_back(i);
    }
    for (auto l : lines) {
      l.x1 += dx;
      l.x2 += dx;
      l.y1 += dy;
      l.y2 += dy;
      page.lines.push_back(l);
    }
    for (const auto& t : runs) {
      page.runs.push_back(t);
      page.runs.back().x += dx;
      page.runs.back().y += dy;
    }
    for (auto g : glyphs) {
      g.x += dx;
      g.y += dy;
      page.glyphs.push_back(g);
    }
    for (const auto& k : links) {
      page.links.push_back(k);
      page.links.back().x += dx;
      page.links.back().y += dy;
    }
  }

  // Adds another fragment, moved by (dx, dy), into this one.
  void append(const Fragment& o, float dx, float dy) {
    PageBox tmp;  // reuse placeOn's arithmetic without duplicating it
    o.placeOn(tmp, dx, dy);
    rects.insert(rects.end(), tmp.rects.begin(), tmp.rects.end());
    images.insert(images.end(), tmp.images.begin(), tmp.images.end());
    lines.insert(lines.end(), tmp.lines.begin(), tmp.lines.end());
    for (auto& r : tmp.runs) runs.push_back(std::move(r));
    glyphs.insert(glyphs.end(), tmp.glyphs.begin(), tmp.glyphs.end());
    for (auto& l : tmp.links) links.push_back(std::move(l));
  }
};

}  // namespace pp::typeset
