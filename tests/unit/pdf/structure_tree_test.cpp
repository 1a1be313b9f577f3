// Marked content on a page (page_painter.h) and the structure tree's assembly (structure_tree.h): order from the node table whatever order
// the painter's layers and pages put the content in, bare MCIDs on an element's own page and
// MCRs elsewhere, ParentTree entries per page and per annotation, one OBJR per annotation,
// nodes without content left out, the Document's children in the order of their content.
#include <doctest/doctest.h>

#include <vector>

#include "pdf/page_painter.h"
#include "pdf/structure_tree.h"

using namespace pp;
using namespace pp::pdf;

namespace {

StructNode node(StructType type, std::int32_t parent) {
  StructNode n(type);
  n.parent = parent;
  return n;
}

// The element planned for node `n`.
const PlannedElement& elementOf(const StructurePlan& plan, std::int32_t n) {
  for (const PlannedElement& e : plan.elements)
    if (e.node == n) return e;
  FAIL("node " << n << " has no element");
  return plan.elements.front();
}

std::uint32_t indexOf(const StructurePlan& plan, std::int32_t n) {
  for (std::size_t k = 0; k < plan.elements.size(); ++k)
    if (plan.elements[k].node == n) return static_cast<std::uint32_t>(k);
  return UINT32_MAX;
}

// The nodes of the child elements of `e`, in /K order.
std::vector<std::int32_t> childNodes(const StructurePlan& plan, const PlannedElement& e) {
  std::vector<std::int32_t> out;
  for (const StructureKid& k : e.kids)
    if (k.kind == StructureKid::Kind::Element) out.push_back(plan.elements[k.value].node);
  return out;
}

}  // namespace

TEST_CASE("children follow the node table, not the order of the content streams") {
  // Document > Part > [P, Figure, P]; the picture is painted first (images before text).
  const std::vector<StructNode> nodes = {node(StructType::Document, -1), node(StructType::Part, 0),
                                         node(StructType::P, 1), node(StructType::Figure, 1),
                                         node(StructType::P, 1)};
  const std::vector<std::vector<std::int32_t>> pages = {{3, 2, 4}, {4}};
  const StructurePlan plan = planStructure(nodes, pages, {});
  CHECK(plan.elements.size() == 5);
  CHECK(plan.elements[0].node == 0);
  CHECK(plan.elements[0].type == StructType::Document);
  CHECK(childNodes(plan, elementOf(plan, 1)) == std::vector<std::int32_t>{2, 3, 4});

  SUBCASE("a paragraph continued on the next page: a bare MCID on its page, an MCR on the other") {
    const PlannedElement& p = elementOf(plan, 4);
    CHECK(p.page == 0);
    REQUIRE(p.kids.size() == 2);
    CHECK(p.kids[0].kind == StructureKid::Kind::Mcid);
    CHECK(p.kids[0].page == 0);
    CHECK(p.kids[0].value == 2);
    CHECK(p.kids[1].kind == StructureKid::Kind::Mcid);
    CHECK(p.kids[1].page == 1);  // written as <</Type /MCR /Pg ... /MCID 0>>
    CHECK(p.kids[1].value == 0);
  }
  SUBCASE("the ParentTree names the element of every MCID of every page") {
    REQUIRE(plan.pageParents.size() == 2);
    CHECK(plan.pageParents[0] ==
          std::vector<std::uint32_t>{indexOf(plan, 3), indexOf(plan, 2), indexOf(plan, 4)});
    CHECK(plan.pageParents[1] == std::vector<std::uint32_t>{indexOf(plan, 4)});
  }
  SUBCASE("parents come before their children") {
    for (std::size_t k = 1; k < plan.elements.size(); ++k)
      CHECK(plan.elements[k].parent < static_cast<std::int32_t>(k));
  }
}

TEST_CASE("a link wrapped over two lines: one element, one OBJR per annotation") {
  // Document > P > [Span, Link, Span]: the link's words on page 0, its second line on page 1.
  const std::vector<StructNode> nodes = {node(StructType::Document, -1), node(StructType::P, 0),
                                         node(StructType::Span, 1), node(StructType::Link, 1),
                                         node(StructType::Span, 1)};
  const std::vector<std::vector<std::int32_t>> pages = {{2, 3}, {3, 4}};
  const std::vector<TaggedAnnotation> links = {{0, 3}, {1, 3}};
  const StructurePlan plan = planStructure(nodes, pages, links);
  const PlannedElement& link = elementOf(plan, 3);
  std::vector<std::pair<std::size_t, std::uint32_t>> objrs;
  for (const StructureKid& k : link.kids)
    if (k.kind == StructureKid::Kind::Annotation) objrs.push_back({k.page, k.value});
  CHECK(objrs == std::vector<std::pair<std::size_t, std::uint32_t>>{{0, 0}, {1, 1}});
  // Its marked content comes before its annotations.
  CHECK(link.kids.front().kind == StructureKid::Kind::Mcid);
  CHECK(plan.annotationParents == std::vector<std::uint32_t>{indexOf(plan, 3), indexOf(plan, 3)});
  CHECK(childNodes(plan, elementOf(plan, 1)) == std::vector<std::int32_t>{2, 3, 4});
}

TEST_CASE("nodes without content are left out, with their empty ancestors") {
  // Document > [Sect > [P (empty)], Part > [L > LI (empty)], P]
  const std::vector<StructNode> nodes = {node(StructType::Document, -1), node(StructType::Sect, 0),
                                         node(StructType::P, 1), node(StructType::Part, 0),
                                         node(StructType::L, 3), node(StructType::LI, 4),
                                         node(StructType::P, 3)};
  const std::vector<std::vector<std::int32_t>> pages = {{6}};
  const StructurePlan plan = planStructure(nodes, pages, {});
  CHECK(indexOf(plan, 1) == UINT32_MAX);
  CHECK(indexOf(plan, 2) == UINT32_MAX);
  CHECK(indexOf(plan, 4) == UINT32_MAX);
  CHECK(indexOf(plan, 5) == UINT32_MAX);
  CHECK(childNodes(plan, plan.elements[0]) == std::vector<std::int32_t>{3});
  CHECK(childNodes(plan, elementOf(plan, 3)) == std::vector<std::int32_t>{6});
}

TEST_CASE("the Document's children go in the order of their first content") {
  // The body (a Part) is set before the front matter (a Sect) that is printed before it.
  const std::vector<StructNode> nodes = {node(StructType::Document, -1), node(StructType::Part, 0),
                                         node(StructType::P, 1), node(StructType::Sect, 0),
                                         node(StructType::P, 3)};
  const std::vector<std::vector<std::int32_t>> pages = {{4}, {2}};
  const StructurePlan plan = planStructure(nodes, pages, {});
  CHECK(childNodes(plan, plan.elements[0]) == std::vector<std::int32_t>{3, 1});
}

TEST_CASE("tags naming no node are ignored; a table without a Document gets one") {
  const std::vector<StructNode> nodes = {node(StructType::P, -1)};
  const std::vector<std::vector<std::int32_t>> pages = {{0, 7, -3}};
  const StructurePlan plan = planStructure(nodes, pages, {{0, 5}});
  REQUIRE(plan.elements.size() == 2);
  CHECK(plan.elements[0].node == -1);
  CHECK(plan.elements[0].type == StructType::Document);
  CHECK(childNodes(plan, plan.elements[0]) == std::vector<std::int32_t>{0});
  CHECK(elementOf(plan, 0).kids.size() == 1);
  CHECK(plan.annotationParents == std::vector<std::uint32_t>{UINT32_MAX});
}

// --- marked content (page_painter.h) -------------------------------------------------------------

namespace {

FillRect square(float x, std::int32_t tag) {
  FillRect r;
  r.x = x;
  r.y = 10;
  r.width = 5;
  r.height = 5;
  r.tag = tag;
  return r;
}

PaintedPage paintShapes(const PageBox& box, bool tagged) {
  const ResourceUse use = resourceUse(box);
  return paintPage(box, use, expectedResources(use), tagged);
}

}  // namespace

TEST_CASE("a run of boxes of one layer with one node is one MCID; artifacts and untagged boxes get none") {
  PageBox box;
  box.rects = {square(0, tags::kLayout), square(10, 5), square(20, 5), square(30, 7), square(40, tags::kUntagged),
               square(50, 5)};
  box.lines.push_back(RuleLine{0, 0, 10, 0, 0.5f, Color{}, 7});
  const PaintedPage tagged = paintShapes(box, true);
  // Rectangles: 5 (two in a row), 7, then 5 again; lines: 7 in a layer of its own.
  CHECK(tagged.mcidLeaf == std::vector<std::int32_t>{5, 7, 5, 7});

  SUBCASE("untagged: no marked content at all, the same bytes as boxes without tags") {
    const PaintedPage plain = paintShapes(box, false);
    CHECK(plain.mcidLeaf.empty());
    PageBox bare = box;
    for (FillRect& r : bare.rects) r.tag = tags::kUntagged;
    for (RuleLine& l : bare.lines) l.tag = tags::kUntagged;
    const PaintedPage reference = paintShapes(bare, true);
    REQUIRE(plain.deflated);
    REQUIRE(reference.deflated);
    CHECK(*plain.deflated == *reference.deflated);
    CHECK(*plain.deflated != *tagged.deflated);
  }
}
