// Body pages painted as the layout finishes them (TypesetOptions::bodyPages): each is written
// and deflated at once, on the thread that hands it over, and only its compressed content, the
// fonts and images it names and the characters it draws are kept. The drawing of a long
// digest (a word's run, position and colour: ~80 bytes a word) then never exists all at once.
#pragma once

#include <cstdint>
#include <memory>
#include <mutex>
#include <vector>

#include "pdf/page_painter.h"
#include "postpress/typeset.h"

namespace pp::pdf {

class StreamedPages {
 public:
  struct Page {
    ResourceUse use;
    PaintedPage content;
  };

  // `tagged`: pages with marked content for their boxes' tags (paintPage); `assets`: the
  // pictures' renditions (resourceUse); `kept`: deflated contents kept between builds.
  explicit StreamedPages(bool tagged = true, const AssetStore* assets = nullptr, PageContentCache* kept = nullptr)
      : tagged_(tagged), assets_(assets), kept_(kept) {}

  // What to put in TypesetOptions::bodyPages; this object must outlive the layout run.
  BodyPageSink sink();

  // After the layout run. The body page `bodyIndex` (0 = the first body page), or nullptr
  // when none was handed over.
  Page* find(std::size_t bodyIndex);
  // The glyphs the handed-over pages draw.
  const DrawnGlyphs& drawn() const { return drawn_; }

 private:
  void add(std::size_t bodyIndex, PageBox&& page);

  std::mutex mutex_;  // pages come from the threads setting posts
  std::vector<std::unique_ptr<Page>> pages_;      // by body index
  DrawnGlyphs drawn_;
  bool tagged_;
  const AssetStore* assets_;
  PageContentCache* kept_;
};

}  // namespace pp::pdf
