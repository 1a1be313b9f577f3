// The structure nodes a flow makes (tagged PDF): the node table of the layout being set, the
// nodes open at the place being set, and the tagging of boxes with the node they belong to.
// Boxes take the innermost open node when they are put into the flow (stamp), unless what made
// them tagged them already (a link's words, a figure's picture, an artifact).
#pragma once

#include <cstdint>
#include <vector>

#include "postpress/typeset.h"
#include "typeset/fragment.h"

namespace pp::typeset {

class StructureNodes {
 public:
  explicit StructureNodes(std::vector<StructNode>& nodes) : nodes_(nodes) {}

  // Opens a node below the one open now; the next nodes and content go inside it.
  std::int32_t open(StructNode node) {
    const std::int32_t id = add(std::move(node));
    open_.push_back(id);
    return id;
  }
  void close() {
    if (!open_.empty()) open_.pop_back();
  }
  // A node below `parent` (default: the one open now) that is not opened.
  std::int32_t add(StructNode node, std::int32_t parent = kCurrent) {
    node.parent = parent == kCurrent ? current() : parent;
    nodes_.push_back(std::move(node));
    return static_cast<std::int32_t>(nodes_.size() - 1);
  }
  // The innermost open node; tags::kUntagged when none is open.
  std::int32_t current() const { return open_.empty() ? tags::kUntagged : open_.back(); }
  bool active() const { return !open_.empty(); }
  std::size_t size() const { return nodes_.size(); }
  std::vector<StructNode>& table() { return nodes_; }

  static constexpr std::int32_t kCurrent = -100;

 private:
  std::vector<StructNode>& nodes_;
  std::vector<std::int32_t> open_;
};

// A node open for a scope.
class OpenNode {
 public:
  OpenNode(StructureNodes& nodes, StructNode node) : nodes_(nodes), id_(nodes.open(std::move(node))) {}
  OpenNode(StructureNodes& nodes, StructType type) : OpenNode(nodes, StructNode(type)) {}
  ~OpenNode() { nodes_.close(); }
  OpenNode(const OpenNode&) = delete;
  OpenNode& operator=(const OpenNode&) = delete;
  std::int32_t id() const { return id_; }

 private:
  StructureNodes& nodes_;
  std::int32_t id_;
};

// Gives the untagged words and pictures of `f` the tag `tag` (rules and
// rectangles are artifacts unless tagged otherwise).
inline void stamp(Fragment& f, std::int32_t tag) {
  if (tag == tags::kUntagged) return;
  for (auto& r : f.runs)
    if (r.tag == tags::kUntagged) r.tag = tag;
  for (auto& i : f.images)
    if (i.tag == tags::kUntagged) i.tag = tag;
}

// Where a fragment's lists ended, to tag what is added after.
struct FragmentSizes {
  explicit FragmentSizes(const Fragment& f) : runs(f.runs.size()), images(f.images.size()) {}
  std::size_t runs, images;
};
// stamp() for what was added to `f` since `before`.
inline void stampSince(Fragment& f, const FragmentSizes& before, std::int32_t tag) {
  if (tag == tags::kUntagged) return;
  for (std::size_t k = before.runs; k < f.runs.size(); ++k)
    if (f.runs[k].tag == tags::kUntagged) f.runs[k].tag = tag;
  for (std::size_t k = before.images; k < f.images.size(); ++k)
    if (f.images[k].tag == tags::kUntagged) f.images[k].tag = tag;
}

// Every box tagged with a node moved by `by` (a part's nodes appended to the body's table);
// nothing when by is 0.
inline void shiftTag(std::int32_t& tag, std::int32_t by) {
  if (tag >= 0) tag += by;
}
inline void shiftTags(Fragment& f, std::int32_t by) {
  if (by == 0) return;
  for (auto& r : f.rects) shiftTag(r.tag, by);
  for (auto& i : f.images) shiftTag(i.tag, by);
  for (auto& l : f.lines) shiftTag(l.tag, by);
  for (auto& p : f.paths) shiftTag(p.tag, by);
  for (auto& r : f.runs) shiftTag(r.tag, by);
  for (auto& k : f.links) shiftTag(k.tag, by);
}
// The same boxes made artifacts of `kind` (a copy of a table's header rows).
inline void retag(Fragment& f, std::int32_t kind) {
  for (auto& r : f.rects) r.tag = kind;
  for (auto& i : f.images) i.tag = kind;
  for (auto& l : f.lines) l.tag = kind;
  for (auto& p : f.paths) p.tag = kind;
  for (auto& r : f.runs) r.tag = kind;
}

}  // namespace pp::typeset
