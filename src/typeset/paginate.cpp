#include "typeset/paginate.h"

#include <algorithm>
#include <deque>
#include <map>

#include "typeset/canvas.h"

namespace pp::typeset {

namespace {

// The footnote area: a short rule above the notes, and a little air between notes.
constexpr float kFootnoteSeparator = 10;
constexpr float kFootnoteGap = 2;
constexpr float kFit = 0.01f;  // tolerance of the fit test, pt
// A post's last page should hold at least about three lines of text...
constexpr float kMinTail = 44;
// ...unless getting them there would leave the page before less than this full.
constexpr float kMinFillWhenMovingTail = 0.55f;
// No page but a post's last ends above this fraction of the text block...
constexpr float kMinFill = 0.6f;
// ...when a figure can shrink to this fraction of its natural size to fill it (see figure.cpp
// for the natural size: as a browser shows it, at most the column's width and figure_max_height).
constexpr float kRelaxedMinScale = 0.45f;

struct Placement {
  int item;
  float y;
  float height;
  float scale = 1;       // floats
  bool repeated = false; // a table header row repeated at the top of a page
};

}  // namespace

class Paginator {
 public:
  Paginator(Context& ctx, VList& list, const PageGeometry& g) : ctx_(ctx), l_(list), g_(g) {}

  // Fills pages from item i_ on. With more items to come, stops before a page whose breaks
  // could depend on them: fillPage reads a page's items, the one that overflows it and at
  // most kMinTail of solid text after its end, so what the list holds from i_ must exceed two
  // pages, a tail and the tallest item among them (an item taller than the page is placed
  // alone, overflowing).
  void run(bool final) {
    while (i_ < l_.items.size() || !pending_.empty()) {
      if (!final && !enoughAhead()) return;
      const std::size_t end = fillPageFull(i_);
      if (end <= i_ && placed_.empty()) {
        ++i_;  // cannot happen with well-formed lists; never loop forever
        continue;
      }
      emitPage();
      i_ = std::max(end, i_);
    }
  }

  SetPages& result() { return out_; }

 private:
  // The scan resumes where the last one from the same item stopped: a list growing by items
  // that hold no text (spaces, breaks, figures) is not scanned again from the start each time.
  bool enoughAhead() {
    if (ahead_.from != i_) ahead_ = Ahead{i_, i_, 0, 0};
    const float cap = g_.textHeight;
    for (; ahead_.next < l_.items.size(); ++ahead_.next) {
      const VItem& it = l_.items[ahead_.next];
      if (it.kind == VKind::Space || it.kind == VKind::PageBreak || it.kind == VKind::Float) continue;
      ahead_.solid += it.height;
      ahead_.tallest = std::max(ahead_.tallest, std::max(it.height, it.need));
      if (ahead_.solid > 2 * cap + kMinTail + ahead_.tallest) return true;
    }
    return false;
  }

  std::size_t i_ = 0;  // the first item not on a page yet
  struct Ahead {
    std::size_t from, next;  // the scan from item `from` has summed the items before `next`
    float solid, tallest;
  };
  Ahead ahead_{static_cast<std::size_t>(-1), 0, 0, 0};
  Context& ctx_;
  VList& l_;  // lines are moved onto the pages (header rows, which repeat, are copied)
  const PageGeometry& g_;
  SetPages out_;
  std::deque<int> pending_;          // floats waiting for the next page top
  std::vector<Placement> placed_;
  std::vector<int> footnotes_;       // footnote blocks on this page
  float used_ = 0, footUsed_ = 0;
  bool figureTrouble_ = false;       // this page deferred a figure or ended before one

  float footnoteHeight(const VItem& it, bool firstOnPage) const {
    float h = 0;
    bool first = firstOnPage;
    for (int id : it.footnotes) {
      h += l_.footnotes[static_cast<std::size_t>(id)].height + kFootnoteGap;
      if (first) h += kFootnoteSeparator;
      first = false;
    }
    return h;
  }

  bool hasContent() const {
    for (const auto& p : placed_)
      if (!p.repeated && l_.items[static_cast<std::size_t>(p.item)].kind != VKind::Space) return true;
    return false;
  }

  float framePad(int frameSet) const {
    if (frameSet < 0) return 0;
    float pad = 0;
    for (int f : l_.frameSets[static_cast<std::size_t>(frameSet)])
      pad = std::max(pad, l_.frames[static_cast<std::size_t>(f)].padTop);
    return pad;
  }

  // Places floats left over from the previous page at this page's top.
  void placePending(bool relaxed) {
    const float cap = g_.textHeight;
    while (!pending_.empty()) {
      const VItem& it = l_.items[static_cast<std::size_t>(pending_.front())];
      const FigureFloat& fig = l_.figures[static_cast<std::size_t>(it.figure)];
      const float avail = cap - used_;
      float scale = 1;
      if (fig.naturalHeight() > avail) {
        const float fixed = fig.heightAt(0);
        scale = fig.imageHeight > 0 ? (avail - fixed) / fig.imageHeight : 1;
        const bool empty = placed_.empty();
        if (scale < (empty ? fig.absoluteMinScale : minScaleOf(fig, relaxed))) {
          if (!empty) break;
          scale = fig.absoluteMinScale;  // an empty page: as small as print allows
        }
      }
      placed_.push_back({pending_.front(), used_, fig.heightAt(scale), scale});
      // A figure moved here left its surrounding space behind: give it its own below.
      used_ += fig.heightAt(scale) + ctx_.style.blockSpacing * 1.2f;
      pending_.pop_front();
    }
  }

  // Plans one page starting at item i; returns the index of the first item not on it.
  // `relaxed`: figures may shrink further (minScaleOf) to keep the page from ending short.
  std::size_t fillPage(std::size_t i, bool relaxed) {
    placed_.clear();
    footnotes_.clear();
    used_ = 0;
    footUsed_ = 0;
    figureTrouble_ = false;
    placePending(relaxed);
    const std::size_t n = l_.items.size();
    const float cap = g_.textHeight;
    std::size_t j = i;
    // Spaces vanish at the top of a page; so does a page break on a page still empty.
    while (j < n && (l_.items[j].kind == VKind::Space ||
                     (l_.items[j].kind == VKind::PageBreak && placed_.empty())))
      ++j;
    if (j < n) {
      const VItem& first = l_.items[j];
      // A table continued from the previous page gets its header row(s) again.
      if (first.headerGroup >= 0 && !first.isHeaderRow && j > 0) {
        const auto& header = l_.tableHeaders[static_cast<std::size_t>(first.headerGroup)];
        bool continued = !header.empty() && header.front() < static_cast<int>(j);
        if (continued) {
          for (int h : header) {
            const float hh = l_.items[static_cast<std::size_t>(h)].height;
            placed_.push_back({h, used_, hh, 1, true});
            used_ += hh;
          }
        }
      }
      // A block continued inside a frame keeps the frame's padding at the top.
      used_ += framePad(first.frameSet);
    }

    struct Snapshot {
      std::size_t item, placed, footnotes, deferred;
      float used, footUsed;
    };
    bool haveLegal = false;
    Snapshot legal{};
    std::vector<Snapshot> legals;  // every legal breakpoint on this page, in order
    std::vector<int> deferred;  // floats moved to the next page from this one
    // Back to a legal breakpoint: the page ends before its item.
    auto backTo = [&](const Snapshot& s) {
      placed_.resize(s.placed);
      footnotes_.resize(s.footnotes);
      deferred.resize(s.deferred);
      used_ = s.used;
      footUsed_ = s.footUsed;
      return s.item;
    };
    bool overflowed = false;    // the page ended because the next item did not fit
    bool keepCarried = false;   // a deferred figure's keep with what precedes it, for the next item

    std::size_t end = n;
    for (; j < n; ++j) {
      const VItem& it = l_.items[j];
      if (it.kind == VKind::PageBreak) {
        if (hasContent() || !placed_.empty()) {
          end = j + 1;
          break;
        }
        continue;
      }
      // Figures waiting for the next page never move past a heading or a part's end (nor
      // leave a heading they were kept with alone at the foot of the page).
      const bool waiting = !deferred.empty() || !pending_.empty();
      if (waiting && it.startsSection && it.kind != VKind::Space) {
        end = keepCarried && haveLegal ? backTo(legal) : j;
        break;
      }
      const int penalty = keepCarried && it.kind != VKind::Space ? kInfinity : it.penaltyBefore;
      float h = it.height;
      float scale = 1;
      bool breakBefore = false;  // a figure kept with what precedes it that does not fit
      const bool content = hasContent();
      if (it.kind == VKind::Float) {
        const FigureFloat& fig = l_.figures[static_cast<std::size_t>(it.figure)];
        const float avail = cap - footUsed_ - used_;
        const float fixed = fig.heightAt(0);
        scale = fig.imageHeight > 0 ? (avail - fixed) / fig.imageHeight : 1;
        // Figures keep their order: one after a waiting figure waits too.
        if (!waiting && fig.naturalHeight() <= avail + kFit) {
          scale = 1;
          h = fig.naturalHeight();
        } else if (!waiting && scale >= minScaleOf(fig, relaxed)) {
          h = fig.heightAt(scale);
        } else if (!content) {
          scale = std::max(scale, fig.absoluteMinScale);
          h = fig.heightAt(scale);
        } else if (!fig.withLeadIn) {
          // Too big for what is left: it waits for the next page; the text after it (of its
          // own section) fills this page instead of leaving a hole. A heading it was kept
          // with is kept with that text instead.
          figureTrouble_ = true;
          deferred.push_back(static_cast<int>(j));
          keepCarried = keepCarried || penalty >= kInfinity;
          continue;
        } else if (haveLegal || waiting) {
          // Kept with a line introducing it: the page ends before the line.
          figureTrouble_ = true;
          breakBefore = true;
        } else {
          // ...unless nothing before them on this page can go: as large as the page allows.
          scale = std::max(std::min(scale, 1.0f), fig.absoluteMinScale);
          h = fig.heightAt(scale);
        }
      }
      const float fh = footnoteHeight(it, footnotes_.empty());
      const float need = std::max(h, it.need);
      const bool fits = !breakBefore && used_ + need + footUsed_ + fh <= cap + kFit;
      if (!fits) {
        overflowed = true;
        if (content && penalty < kInfinity) {
          end = j;
          break;
        }
        if (haveLegal) {
          end = backTo(legal);
          break;
        }
        if (content) {  // a keep chain longer than a page: break inside it after all
          end = j;
          break;
        }
        // Nothing on the page yet and it still does not fit: place it (it overflows).
      }
      if (it.kind != VKind::Space) keepCarried = false;
      if (content && penalty < kInfinity) {
        haveLegal = true;
        legal = {j, placed_.size(), footnotes_.size(), deferred.size(), used_, footUsed_};
        legals.push_back(legal);
      }
      placed_.push_back({static_cast<int>(j), used_, h, scale});
      used_ += h;
      footUsed_ += fh;
      for (int id : it.footnotes) footnotes_.push_back(id);
      if (!fits) {
        end = j + 1;
        break;
      }
    }
    // A post (or section) whose last page would hold only a line or two: break this page
    // earlier so that its last page carries a few lines more (never below half a page here).
    if (overflowed && end < n && deferred.empty() && pending_.empty()) {
      const float tail = tailHeight(end, kMinTail);
      if (tail > 0 && tail < kMinTail) {
        for (std::size_t k = legals.size(); k-- > 0;) {
          const Snapshot& s = legals[k];
          if (s.item >= end) continue;
          if (s.used < cap * kMinFillWhenMovingTail) break;
          if (used_ - s.used + tail < kMinTail) continue;
          end = backTo(s);  // (nothing was deferred on this page: deferred stays empty)
          break;
        }
      }
    }
    for (int d : deferred)
      if (static_cast<std::size_t>(d) < end) pending_.push_back(d);
    if (!pending_.empty()) figureTrouble_ = true;
    return end;
  }

  // A page ending short because of a figure (one that waits, or one the page ends before) is
  // filled again with the figures allowed to shrink further; the fuller of the two is kept.
  std::size_t fillPageFull(std::size_t i) {
    const std::deque<int> pendingBefore = pending_;
    std::size_t end = fillPage(i, false);
    if (!figureTrouble_ || endsStory(end) || filled() >= g_.textHeight * kMinFill) return end;
    struct Plan {
      std::size_t end;
      std::vector<Placement> placed;
      std::vector<int> footnotes;
      std::deque<int> pending;
      float used, footUsed, filled;
    };
    Plan first{end, placed_, footnotes_, pending_, used_, footUsed_, filled()};
    pending_ = pendingBefore;
    end = fillPage(i, true);
    if (filled() > first.filled + kFit) return end;
    placed_ = std::move(first.placed);
    footnotes_ = std::move(first.footnotes);
    pending_ = std::move(first.pending);
    used_ = first.used;
    footUsed_ = first.footUsed;
    return first.end;
  }

  // How far down the page its content reaches (footnotes included).
  float filled() const {
    float bottom = 0;
    for (const auto& p : placed_)
      if (l_.items[static_cast<std::size_t>(p.item)].kind != VKind::Space) bottom = std::max(bottom, p.y + p.height);
    return bottom + footUsed_;
  }

  // A page ending before `end` is the last of its post (or of the list, or before a forced break).
  bool endsStory(std::size_t end) const {
    std::size_t k = end;
    while (k < l_.items.size() && l_.items[k].kind == VKind::Space) ++k;
    if (k >= l_.items.size()) return true;
    if (k > 0 && l_.items[k - 1].kind == VKind::PageBreak) return true;
    return l_.items[k].kind == VKind::PageBreak || l_.items[k].opensPart;
  }

  static float minScaleOf(const FigureFloat& fig, bool relaxed) {
    return relaxed ? std::min(fig.minScale, std::max(fig.absoluteMinScale, kRelaxedMinScale)) : fig.minScale;
  }

  // Height of the items from `from` up to the next page break (or the end), stopping early
  // once it reaches `enough`; 0 when nothing follows.
  float tailHeight(std::size_t from, float enough) const {
    float h = 0;
    std::size_t j = from;
    while (j < l_.items.size() && l_.items[j].kind == VKind::Space) ++j;
    for (; j < l_.items.size() && h < enough; ++j) {
      const VItem& it = l_.items[j];
      if (it.kind == VKind::PageBreak) break;
      if (it.kind == VKind::Float) return enough;  // a figure fills the page anyway
      h += it.height;
    }
    return h;
  }

  void emitPage() {
    SetPage page;
    page.box.width = g_.width;
    page.box.height = g_.height;
    PageBox& box = page.box;
    const int pageIndex = static_cast<int>(out_.pages.size());
    struct Extent {
      float top = 1e9f, bottom = -1e9f;
    };
    std::map<int, Extent> frames;  // frame id -> extent on this page
    bool ownerSet = false;
    // Room for every word at once: growing the list word by word moved a page's words several
    // times over into fresh memory.
    std::size_t words = 0;
    for (const auto& p : placed_) {
      const VItem& it = l_.items[static_cast<std::size_t>(p.item)];
      if (it.kind == VKind::Content && it.fragment >= 0) words += l_.fragments[static_cast<std::size_t>(it.fragment)].runs.size();
    }
    for (int id : footnotes_) words += l_.footnotes[static_cast<std::size_t>(id)].content.runs.size();
    box.runs.reserve(words + 8);  // and a running head's few
    for (const auto& p : placed_) {
      const VItem& it = l_.items[static_cast<std::size_t>(p.item)];
      const float top = g_.top + p.y;
      if (!ownerSet && it.kind != VKind::Space) {
        page.owner = it.owner;
        ownerSet = true;
      }
      if (it.opensPart && !p.repeated) page.opensPart = true;
      if (!p.repeated)
        for (const auto& a : it.anchors) out_.anchors.push_back({a, {pageIndex, top}});
      if (it.frameSet >= 0) {
        for (int f : l_.frameSets[static_cast<std::size_t>(it.frameSet)]) {
          Extent& e = frames[f];
          e.top = std::min(e.top, top);
          e.bottom = std::max(e.bottom, top + p.height);
        }
      }
      switch (it.kind) {
        case VKind::Content:
          if (it.fragment >= 0) {
            Fragment& f = l_.fragments[static_cast<std::size_t>(it.fragment)];
            if (p.repeated) {
              // Read once: the copy on a later page is an artifact.
              Fragment copy = f;
              retag(copy, tags::kRepeatedRow);
              copy.moveOnto(box, g_.left + it.x, top);
            } else if (it.isHeaderRow) {
              f.placeOn(box, g_.left + it.x, top);
            } else {
              f.moveOnto(box, g_.left + it.x, top);
            }
          }
          break;
        case VKind::Float: placeFigure(box, it, p, top); break;
        case VKind::Box: {
          const CustomBox& cb = l_.boxes[static_cast<std::size_t>(it.box)];
          Fragment f;
          const float ox = g_.left + cb.x, oy = top;
          FragmentCanvas canvas(ctx_, f, cb.width, &box, ox, oy, cb.tag);
          if (cb.mirrored) canvas.mirror(cb.width);
          if (cb.draw) cb.draw(canvas);
          stamp(f, cb.tag);
          f.placeOn(box, ox, oy);
          break;
        }
        default: break;
      }
    }
    // Frames go beneath everything else on the page.
    std::vector<FillRect> frameRects;
    for (const auto& [id, e] : frames) {
      const Frame& f = l_.frames[static_cast<std::size_t>(id)];
      FillRect r;
      r.x = g_.left + f.x;
      r.y = e.top - f.padTop;
      r.width = f.width;
      r.height = e.bottom - e.top + f.padTop + f.padBottom;
      switch (f.kind) {
        case Frame::Kind::Background:
        case Frame::Kind::Bar: r.fillColor = f.color; break;
        case Frame::Kind::Border:
          r.fill = f.filled;
          r.fillColor = f.fill;
          r.strokeWidth = 0.6f;
          r.strokeColor = f.color;
          break;
      }
      frameRects.push_back(r);
    }
    box.rects.insert(box.rects.begin(), frameRects.begin(), frameRects.end());

    // Footnotes at the foot of the text block, in the order they were marked.
    if (!footnotes_.empty()) {
      float total = kFootnoteSeparator;
      for (int id : footnotes_) total += l_.footnotes[static_cast<std::size_t>(id)].height + kFootnoteGap;
      float y = g_.top + g_.textHeight - total;
      const float ruleY = y + kFootnoteSeparator * 0.4f;
      box.lines.push_back({g_.left, ruleY, g_.left + g_.textWidth * 0.25f, ruleY, 0.5f, ctx_.style.rule});
      y += kFootnoteSeparator;
      for (int id : footnotes_) {
        const FootnoteBlock& fb = l_.footnotes[static_cast<std::size_t>(id)];
        if (!fb.anchor.empty()) out_.anchors.push_back({fb.anchor, {pageIndex, y}});
        fb.content.placeOn(box, g_.left, y);
        y += fb.height + kFootnoteGap;
      }
    }
    out_.pages.push_back(std::move(page));
  }

  void placeFigure(PageBox& box, const VItem& it, const Placement& p, float top) {
    const FigureFloat& fig = l_.figures[static_cast<std::size_t>(it.figure)];
    const float w = fig.imageWidth * p.scale, h = fig.imageHeight * p.scale;
    const float x = g_.left + fig.x + (fig.columnWidth - w) / 2;
    if (!fig.drawing.empty()) fig.drawing.placeScaledOn(box, x, top, p.scale);
    else box.images.push_back({fig.asset, x, top, w, h, fig.tag});
    if (!fig.link.empty()) box.links.push_back({x, top, w, h, fig.link.uri, fig.link.dest, fig.linkTag});
    if (fig.captionHeight > 0) fig.caption.placeOn(box, g_.left + fig.x, top + h + fig.gap);
  }
};

SetPages paginate(Context& ctx, VList& list, const PageGeometry& geometry) {
  Paginator p(ctx, list, geometry);
  p.run(true);
  return std::move(p.result());
}

IncrementalPagination::IncrementalPagination(Context& ctx, VList& list, const PageGeometry& geometry)
    : impl_(std::make_unique<Paginator>(ctx, list, geometry)) {}
IncrementalPagination::~IncrementalPagination() = default;
void IncrementalPagination::advance(bool final) { impl_->run(final); }
SetPages& IncrementalPagination::result() { return impl_->result(); }

}  // namespace pp::typeset
