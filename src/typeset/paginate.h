// Pagination: fills pages from the vertical list. Greedy, with backtracking to the last legal
// breakpoint when an item does not fit (so keeps, widows and orphans hold), figures that
// shrink into the space left or float to the next page top while the text after them fills
// the gap, footnotes at the foot of the page that marks them, table headers repeated at the
// top of a continued table, and frames drawn around the part of a block on each page.
#pragma once

#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "typeset/context.h"
#include "typeset/vlist.h"

namespace pp::typeset {

struct PageGeometry {
  float width = 612, height = 792;
  float left = 72, top = 72;          // the text block's top-left
  float textWidth = 468, textHeight = 648;
};

// The list's lines are moved onto the pages (the list is spent: only its header rows, which
// repeat after page breaks, keep theirs).
SetPages paginate(Context& ctx, VList& list, const PageGeometry& geometry);

class Paginator;

// The same for a list that grows while it is paginated (the body, post after post): each
// advance fills the pages that nothing appended later can change, and the pages come out
// exactly as paginate() makes them from the whole list.
class IncrementalPagination {
 public:
  IncrementalPagination(Context& ctx, VList& list, const PageGeometry& geometry);
  ~IncrementalPagination();
  IncrementalPagination(const IncrementalPagination&) = delete;
  IncrementalPagination& operator=(const IncrementalPagination&) = delete;
  // `final`: nothing more will be appended; pages everything left.
  void advance(bool final);
  // The pages and anchors so far (the caller may take pages out of it as they come).
  SetPages& result();

 private:
  std::unique_ptr<Paginator> impl_;
};

}  // namespace pp::typeset
