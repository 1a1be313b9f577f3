// The vertical list: what block layout produces and pagination consumes. Lines, spaces, page
// breaks, floating figures and free-drawn boxes, each with the rules for breaking a page
// before it (widows, orphans, headings kept with what follows), the frames it sits in (code
// backgrounds, quote bars, admonition boxes, drawn per page around whatever part lands there),
// the footnotes it marks and the anchors at its top.
#pragma once

#include <functional>
#include <string>
#include <vector>

#include "typeset/fragment.h"
#include "typeset/inline_items.h"
#include "postpress/typeset.h"

namespace pp::typeset {

enum class VKind : std::uint8_t {
  Content,    // a set line, a table row, a placeholder: a fragment of fixed height
  Space,      // vertical space: vanishes at the top of a page
  PageBreak,  // starts a new page (unless the page is still empty)
  Float,      // a figure: shrinks to fit the space left, or floats to the next page top (never
              // past the next section's start; never away from a heading or lead-in kept with it)
  Box,        // free drawing through a Canvas, fixed height
};

struct VItem {
  VKind kind = VKind::Content;
  float height = 0;
  float x = 0;                 // left offset inside the text block
  float baseline = 0;          // Content: first baseline from the top (list markers)
  int fragment = -1;           // Content: index into VList::fragments
  int penaltyBefore = 0;       // >= kInfinity: never break the page right before this item
  int frameSet = -1;           // index into VList::frameSets (the frames it sits in), -1 none
  std::vector<int> footnotes;  // indices into VList::footnotes, placed on the same page
  std::vector<std::string> anchors;
  int headerGroup = -1;        // table rows: the table, to repeat its header after a break
  bool isHeaderRow = false;
  int figure = -1;             // Float: index into VList::figures
  int box = -1;                // Box: index into VList::boxes
  int owner = -1;              // its part's owner (PartComposer::beginPart), -1 outside parts
  bool opensPart = false;      // the first item of a part (PartComposer::markOpening)
  bool startsSection = false;  // a heading's or a part's first item: no figure floats past it
  float need = 0;              // the page breaks before this item unless this much is left
};

struct Frame {
  enum class Kind : std::uint8_t { Background, Bar, Border };
  Kind kind = Kind::Background;
  float x = 0, width = 0;      // relative to the text block
  Color color;                 // fill (Background, Bar) or stroke (Border)
  Color fill;                  // Border: its fill
  bool filled = false;         // Border: draw the fill
  float padTop = 0, padBottom = 0;
};

struct FigureFloat {
  int asset = -1;
  // A vector picture (a diagram) instead of the asset: its paths and words at the figure's
  // natural size, relative to its top-left corner.
  Fragment drawing;
  float imageWidth = 0, imageHeight = 0;  // at natural (largest) size
  float minScale = 0.65f;     // may shrink to this to fit the space left
  float absoluteMinScale = 0.2f;  // no further than this even on an empty page
  float x = 0;                // left of the column
  float columnWidth = 0;
  float gap = 6;              // between image and caption
  Fragment caption;           // set at columnWidth, x relative to the column
  float captionHeight = 0;
  ResolvedLink link;
  std::int32_t tag = tags::kUntagged;      // the picture's Figure node
  std::int32_t linkTag = tags::kUntagged;  // the Link node of `link`
  std::vector<std::string> anchors;
  // Kept with a line introducing it ("Our booth", "The team:"): it may not wait for the next
  // page without the line (one kept with a heading may: the text after it keeps the heading company).
  bool withLeadIn = false;
  float naturalHeight() const { return imageHeight + (captionHeight > 0 ? gap + captionHeight : 0); }
  float heightAt(float scale) const { return imageHeight * scale + (captionHeight > 0 ? gap + captionHeight : 0); }
};

struct FootnoteBlock {
  Fragment content;           // at x 0 of the text block
  float height = 0;
  std::string anchor;
};

struct CustomBox {
  std::function<void(Canvas&)> draw;
  float x = 0, width = 0;
  std::int32_t tag = tags::kUntagged;  // the node open where it was put: what it draws goes there
  bool mirrored = false;  // put in a right-to-left layout (Context::rightToLeftLayout)
};

struct VList {
  std::vector<VItem> items;
  std::vector<Fragment> fragments;
  std::vector<Frame> frames;
  std::vector<std::vector<int>> frameSets;  // outermost first
  std::vector<FigureFloat> figures;
  std::vector<FootnoteBlock> footnotes;
  std::vector<CustomBox> boxes;
  std::vector<std::vector<int>> tableHeaders;  // per table: item indices of its header rows

  int addFragment(Fragment f) {
    fragments.push_back(std::move(f));
    return static_cast<int>(fragments.size() - 1);
  }
};

}  // namespace pp::typeset
