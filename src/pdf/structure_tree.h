// The structure tree of a tagged PDF, assembled on the main thread from the layout's node
// table (Layout::structure) and what each painted page reports (the node of each of its
// marked-content ids), with the link annotations that belong to Link nodes. The tree is the
// node table: an element's /K is its own content in (page, MCID) order, then its child
// elements in node order, then one OBJR per annotation of its own; nodes that got no content,
// directly or below, are left out. No order is taken from the content streams, so the
// painter's layers, figures floated to a later page and table cells painted row by row cannot
// disturb the reading order. The Document's children (posts, front and back matter, set in
// that order) go in the order of their first content in the file.
#pragma once

#include <hpdf.h>

#include <cstddef>
#include <cstdint>
#include <vector>

#include "pdf/hpdf_doc.h"
#include "postpress/typeset.h"

namespace pp::pdf {

// A link annotation of a Link node: on page `page`, the annotation with ParentTree key
// `pages + index` among the tagged ones.
struct TaggedAnnotation {
  std::size_t page = 0;
  std::int32_t link = tags::kUntagged;  // its Link node
};

// One entry of an element's /K.
struct StructureKid {
  enum class Kind : std::uint8_t { Element, Mcid, Annotation };
  Kind kind = Kind::Element;
  std::uint32_t page = 0;   // Mcid, Annotation: the page index (32 bits: an element's kids are most of the tree's memory)
  std::uint32_t value = 0;  // Element: the element's index in the plan; Mcid: the MCID;
                            // Annotation: its index among the tagged annotations
};

struct PlannedElement {
  StructType type = StructType::Document;
  std::int32_t node = -1;             // its node in the table; -1: a Document made for the tree
  std::int32_t parent = -1;           // the parent element's index; -1: the StructTreeRoot
  std::size_t page = SIZE_MAX;        // its /Pg: the page of its first MCID (none: SIZE_MAX)
  std::vector<StructureKid> kids;
};

struct StructurePlan {
  std::vector<PlannedElement> elements;  // [0] the Document; parents before their children
  // ParentTree: per page, the element of each MCID (by MCID); per tagged annotation, its element.
  std::vector<std::vector<std::uint32_t>> pageParents;
  std::vector<std::uint32_t> annotationParents;
  bool empty() const { return elements.size() <= 1 && (elements.empty() || elements[0].kids.empty()); }
};

// The tree from the node table, the MCIDs of each page (`mcidLeaf[page][mcid]`: its node) and
// the tagged annotations. Tags naming no node are ignored.
StructurePlan planStructure(const std::vector<StructNode>& nodes,
                            const std::vector<std::vector<std::int32_t>>& mcidLeaf,
                            const std::vector<TaggedAnnotation>& annotations);

// Writes the plan into the document: an object per element (written from a record when the
// document is saved, not a libharu object per entry), the StructTreeRoot with its ParentTree
// and /StructParents on the pages that have marked content, and in the catalog /StructTreeRoot
// and /MarkInfo <</Marked true>>. `annots[j]`: the annotation of `annotations[j]` given to
// planStructure (its /StructParent was written as pages.size() + j). The document keeps the plan
// (its hooks read it when saving). False when libharu refused an object.
bool writeStructureTree(HpdfDoc& doc, const std::vector<StructNode>& nodes, StructurePlan plan,
                        const std::vector<HPDF_Page>& pages, const std::vector<HPDF_Dict>& annots);

}  // namespace pp::pdf
