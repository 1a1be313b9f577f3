#include "pdf/streamed_pages.h"

namespace pp::pdf {

BodyPageSink StreamedPages::sink() {
  BodyPageSink s;
  s.page = [this](std::size_t i, PageBox&& page) { add(i, std::move(page)); };
  return s;
}

void StreamedPages::add(std::size_t bodyIndex, PageBox&& page) {
  // The work, outside the lock.
  auto p = std::make_unique<Page>();
  p->use = resourceUse(page, assets_);
  p->content = paintPage(page, p->use, expectedResources(p->use), tagged_, kept_);
  PageBox().runs.swap(page.runs);  // the drawing goes now, not when the caller lets go of it

  std::lock_guard<std::mutex> lock(mutex_);
  if (bodyIndex >= pages_.size()) pages_.resize(bodyIndex + 1);
  pages_[bodyIndex] = std::move(p);
  drawn_.merge(pages_[bodyIndex]->content.glyphs);
  pages_[bodyIndex]->content.glyphs = DrawnGlyphs{};
}

StreamedPages::Page* StreamedPages::find(std::size_t bodyIndex) {
  return bodyIndex < pages_.size() ? pages_[bodyIndex].get() : nullptr;
}

}  // namespace pp::pdf
