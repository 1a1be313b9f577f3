// Parts set apart, joined in order. Each part of the body (a post) is set on its own (side by
// side on several threads), into its own vertical list with its own numbering of structure
// nodes; joining renumbers those into the run's and appends the list as
// if one Flow had set every part in turn: spaces at the seam collapse, a "keep with
// next" and anchors left open at the end of a part reach the first item of the next.
#pragma once

#include <set>
#include <string>
#include <utility>
#include <vector>

#include "typeset/vlist.h"
#include "postpress/support/diagnostics.h"
#include "postpress/typeset.h"

namespace pp::typeset {

struct Context;

struct PartSetApart {
  VList list;
  std::vector<OutlineEntry> outline;  // bookmarks of the part's headings
  // Its structure nodes, numbered by the part (top nodes with parent -1); its boxes' tags
  // name them.
  std::vector<StructNode> structure;
  bool keepNextAtEnd = false;                // the last item asked to keep with what follows
  std::vector<std::string> openAnchors;      // anchors set after the part's last item
  DiagnosticSink diags;                      // replayed in reading order
  std::set<char32_t> missingGlyphs;          // characters no font has (reported in `diags`)
};

// Appends parts to the body in order, carrying what one Flow would carry from a part to the
// next (a keep, open anchors).
class PartJoiner {
 public:
  PartJoiner(Context& ctx, VList& body) : ctx_(ctx), body_(body) {}
  // Appends `part`, renumbering its structure nodes into the context's (its top nodes go below
  // the node open there).
  void join(PartSetApart& part);
  // Anchors no item has taken yet (set after the last part's last item).
  std::vector<std::string> takeOpenAnchors() { return std::move(openAnchors_); }

 private:
  void carryInto(VList& list);

  Context& ctx_;
  VList& body_;
  bool keepNext_ = false;
  std::vector<std::string> openAnchors_;
};

}  // namespace pp::typeset
