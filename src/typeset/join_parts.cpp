#include "typeset/join_parts.h"

#include <algorithm>

#include "typeset/context.h"

namespace pp::typeset {

namespace {

// Every fragment of a list: the lines' and the figure captions' and footnotes'.
template <typename Fn>
void forEachFragment(VList& list, Fn fn) {
  for (Fragment& f : list.fragments) fn(f);
  for (FigureFloat& fig : list.figures) {
    fn(fig.caption);
    fn(fig.drawing);
  }
  for (FootnoteBlock& note : list.footnotes) fn(note.content);
}

void shift(int& index, std::size_t by) {
  if (index >= 0) index += static_cast<int>(by);
}

}  // namespace

void PartJoiner::carryInto(VList& list) {
  // As Flow::push would have: a keep holds the spaces that follow and the first item after
  // them unless that is a page break (which drops it); open anchors go to the first item that
  // is neither a space nor a page break, before its own.
  bool keep = keepNext_;
  bool anchorsPlaced = openAnchors_.empty();
  for (VItem& it : list.items) {
    if (keep) {
      if (it.kind == VKind::PageBreak) keep = false;
      else it.penaltyBefore = kInfinity;
      if (it.kind != VKind::Space) keep = false;
    }
    if (!anchorsPlaced && it.kind != VKind::Space && it.kind != VKind::PageBreak) {
      it.anchors.insert(it.anchors.begin(), std::make_move_iterator(openAnchors_.begin()),
                        std::make_move_iterator(openAnchors_.end()));
      openAnchors_.clear();
      anchorsPlaced = true;
    }
    if (!keep && anchorsPlaced) break;
  }
  keepNext_ = keep;
}

void PartJoiner::join(PartSetApart& part) {
  Context& ctx = ctx_;
  VList& body = body_;
  VList& src = part.list;
  // Structure nodes: appended to the run's, the part's top nodes below the node open there.
  const auto nodeBase = static_cast<std::int32_t>(ctx.nodes.size());
  for (StructNode& n : part.structure) {
    n.parent = n.parent < 0 ? ctx.nodes.current() : n.parent + nodeBase;
    ctx.nodes.table().push_back(std::move(n));
  }
  part.structure.clear();
  forEachFragment(src, [&](Fragment& f) { shiftTags(f, nodeBase); });
  for (FigureFloat& fig : src.figures) {
    shiftTag(fig.tag, nodeBase);
    shiftTag(fig.linkTag, nodeBase);
  }
  for (CustomBox& b : src.boxes) shiftTag(b.tag, nodeBase);

  // The seam, as one Flow would have set it: a space opening the part collapses into one
  // ending the list (at the top level, no frame around either).
  std::size_t first = 0;
  if (!body.items.empty() && !src.items.empty()) {
    VItem& last = body.items.back();
    const VItem& open = src.items.front();
    if (last.kind == VKind::Space && open.kind == VKind::Space && last.frameSet < 0 && open.frameSet < 0) {
      last.height = std::max(last.height, open.height);
      first = 1;
    }
  }
  carryInto(src);
  keepNext_ = keepNext_ || part.keepNextAtEnd;
  for (auto& a : part.openAnchors) openAnchors_.push_back(std::move(a));

  const std::size_t itemBase = body.items.size() - first;  // new index = old index + itemBase
  const std::size_t fragmentBase = body.fragments.size(), frameBase = body.frames.size(),
                    frameSetBase = body.frameSets.size(), figureBase = body.figures.size(),
                    footnoteBase = body.footnotes.size(), boxBase = body.boxes.size(),
                    tableBase = body.tableHeaders.size();
  for (std::size_t k = first; k < src.items.size(); ++k) {
    VItem& it = src.items[k];
    shift(it.fragment, fragmentBase);
    shift(it.frameSet, frameSetBase);
    shift(it.headerGroup, tableBase);
    shift(it.figure, figureBase);
    shift(it.box, boxBase);
    for (int& n : it.footnotes) shift(n, footnoteBase);
    body.items.push_back(std::move(it));
  }
  for (auto& set : src.frameSets) {
    for (int& f : set) shift(f, frameBase);
    body.frameSets.push_back(std::move(set));
  }
  for (auto& rows : src.tableHeaders) {
    for (int& r : rows) r += static_cast<int>(itemBase);
    body.tableHeaders.push_back(std::move(rows));
  }
  auto move = [](auto& to, auto& from) {
    to.insert(to.end(), std::make_move_iterator(from.begin()), std::make_move_iterator(from.end()));
  };
  move(body.fragments, src.fragments);
  move(body.frames, src.frames);
  move(body.figures, src.figures);
  move(body.footnotes, src.footnotes);
  move(body.boxes, src.boxes);
  src = VList{};
}

}  // namespace pp::typeset
