#include "pdf/streamed_pages.h"

namespace pp::pdf {

BodyPageSink StreamedPages::sink() {
  BodyPageSink s;
  s.page = [this](std::size_t i, PageBox&& page, std::vector<GlyphOutline>&& outlines) {
    add(i, std::move(page), std::move(outlines));
  };
  s.restart = [this] { restart(); };
  return s;
}

void StreamedPages::add(std::size_t bodyIndex, PageBox&& page, std::vector<GlyphOutline>&& outlines) {
  // The work, outside the lock.
  auto p = std::make_unique<Page>();
  p->use = resourceUse(page);
  p->content = paintPage(page, outlines, p->use, expectedResources(p->use));
  std::vector<std::uint32_t> codes;  // marked below as they come: a flag set twice costs nothing
  addDrawnCodes(page, codes);
  PageBox().runs.swap(page.runs);  // the drawing goes now, not when the caller lets go of it

  std::lock_guard<std::mutex> lock(mutex_);
  if (bodyIndex >= pages_.size()) pages_.resize(bodyIndex + 1);
  pages_[bodyIndex] = std::move(p);
  for (const std::uint32_t fc : codes) {
    const std::size_t font = fc >> 16;
    if (font >= drawn_.size()) drawn_.resize(font + 1);
    if (drawn_[font].empty()) drawn_[font].assign(0x10000, 0);
    drawn_[font][fc & 0xFFFF] = 1;
  }
}

void StreamedPages::restart() {
  std::lock_guard<std::mutex> lock(mutex_);
  pages_.clear();
  drawn_.clear();
}

StreamedPages::Page* StreamedPages::find(std::size_t bodyIndex) {
  return bodyIndex < pages_.size() ? pages_[bodyIndex].get() : nullptr;
}

void StreamedPages::markDrawn(std::vector<std::vector<char>>& drawn) const {
  if (drawn.size() < drawn_.size()) drawn.resize(drawn_.size());
  for (std::size_t font = 0; font < drawn_.size(); ++font) {
    if (drawn_[font].empty()) continue;
    auto& d = drawn[font];
    if (d.empty()) d.assign(0x10000, 0);
    for (std::size_t c = 0; c < 0x10000; ++c) d[c] |= drawn_[font][c];
  }
}

}  // namespace pp::pdf
