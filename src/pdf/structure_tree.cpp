#include "pdf/structure_tree.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <string>
#include <utility>

#include "pdf/text_strings.h"

namespace pp::pdf {

namespace {

constexpr std::uint32_t kNone = UINT32_MAX;

const char* typeName(StructType t) {
  switch (t) {
    case StructType::Document: return "Document";
    case StructType::Part: return "Part";
    case StructType::Sect: return "Sect";
    case StructType::Div: return "Div";
    case StructType::BlockQuote: return "BlockQuote";
    case StructType::Caption: return "Caption";
    case StructType::TOC: return "TOC";
    case StructType::TOCI: return "TOCI";
    case StructType::Index: return "Index";
    case StructType::P: return "P";
    case StructType::H1: return "H1";
    case StructType::H2: return "H2";
    case StructType::H3: return "H3";
    case StructType::H4: return "H4";
    case StructType::H5: return "H5";
    case StructType::H6: return "H6";
    case StructType::L: return "L";
    case StructType::LI: return "LI";
    case StructType::Lbl: return "Lbl";
    case StructType::LBody: return "LBody";
    case StructType::Table: return "Table";
    case StructType::TR: return "TR";
    case StructType::TH: return "TH";
    case StructType::TD: return "TD";
    case StructType::Span: return "Span";
    case StructType::Quote: return "Quote";
    case StructType::Note: return "Note";
    case StructType::Reference: return "Reference";
    case StructType::Code: return "Code";
    case StructType::Link: return "Link";
    case StructType::Figure: return "Figure";
    case StructType::Formula: return "Formula";
  }
  return "Span";
}

HPDF_UINT32 objectNumber(const void* obj) { return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF; }

void appendRef(std::string& out, HPDF_UINT32 number) {
  out += std::to_string(number);
  out += " 0 R";
}

// What the hooks read when the document is saved: the plan with the object number of every
// element, page and annotation.
struct TreeObjects {
  const std::vector<StructNode>* nodes = nullptr;
  StructurePlan plan;
  std::vector<HPDF_UINT32> elements;     // by element index
  std::vector<HPDF_UINT32> pages;        // by page index
  std::vector<HPDF_UINT32> annotations;  // by tagged annotation index
  HPDF_UINT32 root = 0;                  // the StructTreeRoot
  HPDF_UINT32 parentTree = 0;
};

struct ElementRecord {
  const TreeObjects* tree = nullptr;
  std::uint32_t index = 0;
};

HPDF_STATUS writeBytes(HPDF_Stream s, const std::string& bytes) {
  return HPDF_Stream_Write(s, reinterpret_cast<const HPDF_BYTE*>(bytes.data()), static_cast<HPDF_UINT>(bytes.size()));
}

HPDF_STATUS writeElement(HPDF_Dict dict, HPDF_Stream s) {
  const auto& r = *static_cast<const ElementRecord*>(dict->attr);
  const TreeObjects& t = *r.tree;
  const PlannedElement& e = t.plan.elements[r.index];
  // /Type /StructElem is optional (ISO 32000-1 Table 323): left out of 10^5 elements.
  std::string out = "/S/";
  out += typeName(e.type);
  out += "/P ";
  appendRef(out, e.parent < 0 ? t.root : t.elements[static_cast<std::size_t>(e.parent)]);
  if (e.page != SIZE_MAX) {
    out += "/Pg ";
    appendRef(out, t.pages[e.page]);
  }
  out += "/K[";
  for (const StructureKid& k : e.kids) {
    out += ' ';
    switch (k.kind) {
      case StructureKid::Kind::Element: appendRef(out, t.elements[k.value]); break;
      case StructureKid::Kind::Mcid:
        if (k.page == e.page) {
          out += std::to_string(k.value);
        } else {  // content continued on another page than the element's
          out += "<</Type/MCR/Pg ";
          appendRef(out, t.pages[k.page]);
          out += "/MCID " + std::to_string(k.value) + ">>";
        }
        break;
      case StructureKid::Kind::Annotation:
        out += "<</Type/OBJR/Obj ";
        appendRef(out, t.annotations[k.value]);
        out += "/Pg ";
        appendRef(out, t.pages[k.page]);
        out += ">>";
        break;
    }
  }
  out += "]\012";
  if (e.node >= 0) {
    const StructNode& n = (*t.nodes)[static_cast<std::size_t>(e.node)];
    // A Link's text is its annotation's /Contents, not an alternative to what it shows.
    if (!n.alt.empty() && e.type != StructType::Link) out += "/Alt " + textString(n.alt) + "\012";
    if (!n.lang.empty()) out += "/Lang " + literalString(n.lang) + "\012";
    if (!n.id.empty()) out += "/ID " + literalString(n.id) + "\012";
    if (e.type == StructType::TH)
      out += n.scope == 2 ? "/A <</O /Table /Scope /Row>>\012" : "/A <</O /Table /Scope /Column>>\012";
  }
  return writeBytes(s, out);
}

HPDF_STATUS writeRoot(HPDF_Dict dict, HPDF_Stream s) {
  const TreeObjects& t = *static_cast<const TreeObjects*>(dict->attr);
  std::string out = "/Type /StructTreeRoot\012/K ";
  appendRef(out, t.elements[0]);
  out += "\012/ParentTree ";
  appendRef(out, t.parentTree);
  out += "\012/ParentTreeNextKey " + std::to_string(t.pages.size() + t.annotations.size()) + "\012";
  return writeBytes(s, out);
}

// The number tree in one node: page i's key is i, tagged annotation j's is pages + j.
HPDF_STATUS writeParentTree(HPDF_Dict dict, HPDF_Stream s) {
  const TreeObjects& t = *static_cast<const TreeObjects*>(dict->attr);
  std::string out = "/Nums [";
  for (std::size_t p = 0; p < t.plan.pageParents.size(); ++p) {
    if (t.plan.pageParents[p].empty()) continue;
    out += "\012" + std::to_string(p) + " [";
    for (std::uint32_t e : t.plan.pageParents[p]) {
      out += ' ';
      appendRef(out, t.elements[e]);
    }
    out += " ]";
  }
  for (std::size_t j = 0; j < t.plan.annotationParents.size(); ++j) {
    if (t.plan.annotationParents[j] == kNone) continue;
    out += "\012" + std::to_string(t.pages.size() + j) + " ";
    appendRef(out, t.elements[t.plan.annotationParents[j]]);
  }
  out += " ]\012";
  return writeBytes(s, out);
}

// A dictionary the xref numbers, written by `fn` from `attr`.
HPDF_Dict hookedDict(HPDF_Doc pdf, void* attr, HPDF_Dict_OnWriteFunc fn) {
  HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
  if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) return nullptr;  // the xref owns it now
  d->attr = attr;
  d->write_fn = fn;
  return d;
}

}  // namespace

StructurePlan planStructure(const std::vector<StructNode>& nodes, const std::vector<std::vector<std::int32_t>>& mcidLeaf,
                            const std::vector<TaggedAnnotation>& annotations) {
  const std::size_t n = nodes.size();
  auto valid = [n](std::int32_t tag) { return tag >= 0 && static_cast<std::size_t>(tag) < n; };
  // The root: node 0 when it is a Document, else one made for the tree.
  const bool ownRoot = n > 0 && nodes[0].type == StructType::Document && nodes[0].parent < 0;
  std::vector<std::int32_t> parentOf(n);
  for (std::size_t i = 0; i < n; ++i) {
    std::int32_t p = nodes[i].parent;
    // A parent is set before its children; anything else (or no parent) hangs from the root.
    if (!valid(p) || static_cast<std::size_t>(p) >= i) p = -1;
    if (ownRoot && i == 0) p = -2;
    parentOf[i] = p;
  }
  // Content per node, in (page, MCID) order, and the annotations of Link nodes: counted, then
  // laid out in one array each (a vector per node was tens of thousands of allocations, made
  // at the end of the build while nothing else runs).
  std::vector<std::uint32_t> contentAt(n + 1, 0), linksAt(n + 1, 0);
  for (const std::vector<std::int32_t>& leaves : mcidLeaf)
    for (std::int32_t leaf : leaves)
      if (valid(leaf)) ++contentAt[static_cast<std::size_t>(leaf) + 1];
  for (const TaggedAnnotation& a : annotations)
    if (valid(a.link)) ++linksAt[static_cast<std::size_t>(a.link) + 1];
  for (std::size_t i = 0; i < n; ++i) {
    contentAt[i + 1] += contentAt[i];
    linksAt[i + 1] += linksAt[i];
  }
  std::vector<StructureKid> content(contentAt[n]), links(linksAt[n]);
  std::vector<std::pair<std::size_t, std::uint32_t>> first(n, {SIZE_MAX, kNone});
  {
    std::vector<std::uint32_t> fill(contentAt.begin(), contentAt.end() - 1);
    for (std::size_t page = 0; page < mcidLeaf.size(); ++page)
      for (std::size_t mcid = 0; mcid < mcidLeaf[page].size(); ++mcid) {
        const std::int32_t leaf = mcidLeaf[page][mcid];
        if (!valid(leaf)) continue;
        const auto l = static_cast<std::size_t>(leaf);
        content[fill[l]++] = {StructureKid::Kind::Mcid, static_cast<std::uint32_t>(page), static_cast<std::uint32_t>(mcid)};
        first[l] = std::min(first[l], {page, static_cast<std::uint32_t>(mcid)});
      }
  }
  {
    std::vector<std::uint32_t> fill(linksAt.begin(), linksAt.end() - 1);
    for (std::size_t j = 0; j < annotations.size(); ++j) {
      const TaggedAnnotation& a = annotations[j];
      if (!valid(a.link)) continue;
      const auto l = static_cast<std::size_t>(a.link);
      links[fill[l]++] = {StructureKid::Kind::Annotation, static_cast<std::uint32_t>(a.page), static_cast<std::uint32_t>(j)};
      first[l] = std::min(first[l], {a.page, kNone});
    }
  }
  // Nodes with content below them, and where their subtree starts (children come after
  // their parents in the table: one pass backwards).
  std::vector<char> live(n, 0);
  for (std::size_t i = n; i-- > 0;) {
    live[i] |= contentAt[i + 1] > contentAt[i] || linksAt[i + 1] > linksAt[i];
    if (live[i] && parentOf[i] >= 0) {
      const auto p = static_cast<std::size_t>(parentOf[i]);
      live[p] = 1;
      first[p] = std::min(first[p], first[i]);
    }
  }

  StructurePlan plan;
  plan.elements.push_back({});  // the Document
  std::vector<std::uint32_t> elementOf(n, kNone);
  if (ownRoot) {
    elementOf[0] = 0;
    plan.elements[0].node = 0;
  }
  for (std::size_t i = ownRoot ? 1 : 0; i < n; ++i) {
    if (!live[i]) continue;
    const auto index = static_cast<std::uint32_t>(plan.elements.size());
    elementOf[i] = index;
    PlannedElement e;
    e.type = nodes[i].type;
    e.node = static_cast<std::int32_t>(i);
    e.parent = parentOf[i] >= 0 ? static_cast<std::int32_t>(elementOf[static_cast<std::size_t>(parentOf[i])]) : 0;
    plan.elements.push_back(std::move(e));
  }
  // Kids: own content, then child elements, then annotations; each element's list made at its
  // final size.
  std::vector<std::uint32_t> childCount(plan.elements.size(), 0);
  for (std::size_t k = 1; k < plan.elements.size(); ++k) ++childCount[static_cast<std::size_t>(plan.elements[k].parent)];
  auto ownKids = [&](std::size_t e) {
    const std::int32_t node = plan.elements[e].node;
    if (node < 0) return std::size_t{0};
    const auto i = static_cast<std::size_t>(node);
    return std::size_t{contentAt[i + 1] - contentAt[i]} + (linksAt[i + 1] - linksAt[i]);
  };
  for (std::size_t k = 0; k < plan.elements.size(); ++k) {
    PlannedElement& e = plan.elements[k];
    e.kids.reserve(ownKids(k) + childCount[k]);
    if (e.node < 0) continue;
    const auto i = static_cast<std::size_t>(e.node);
    e.kids.insert(e.kids.end(), content.begin() + contentAt[i], content.begin() + contentAt[i + 1]);
    if (!e.kids.empty()) e.page = e.kids.front().page;
  }
  for (std::size_t k = 1; k < plan.elements.size(); ++k) {
    const PlannedElement& e = plan.elements[k];
    plan.elements[static_cast<std::size_t>(e.parent)].kids.push_back({StructureKid::Kind::Element, 0, static_cast<std::uint32_t>(k)});
  }
  for (std::size_t k = 0; k < plan.elements.size(); ++k) {
    PlannedElement& e = plan.elements[k];
    if (e.node < 0) continue;
    const auto i = static_cast<std::size_t>(e.node);
    e.kids.insert(e.kids.end(), links.begin() + linksAt[i], links.begin() + linksAt[i + 1]);
  }
  // The Document's children by their first content: the body is set before the front matter.
  {
    auto& kids = plan.elements[0].kids;
    auto firstOf = [&](const StructureKid& k) {
      return k.kind == StructureKid::Kind::Element ? first[static_cast<std::size_t>(plan.elements[k.value].node)]
                                                   : std::make_pair(std::size_t{k.page}, k.value);
    };
    std::stable_sort(kids.begin(), kids.end(),
                     [&](const StructureKid& a, const StructureKid& b) { return firstOf(a) < firstOf(b); });
  }

  plan.pageParents.resize(mcidLeaf.size());
  for (std::size_t page = 0; page < mcidLeaf.size(); ++page) {
    plan.pageParents[page].reserve(mcidLeaf[page].size());
    for (std::int32_t leaf : mcidLeaf[page])
      plan.pageParents[page].push_back(valid(leaf) ? elementOf[static_cast<std::size_t>(leaf)] : 0);
  }
  plan.annotationParents.reserve(annotations.size());
  for (const TaggedAnnotation& a : annotations)
    plan.annotationParents.push_back(valid(a.link) ? elementOf[static_cast<std::size_t>(a.link)] : kNone);
  return plan;
}

bool writeStructureTree(HpdfDoc& doc, const std::vector<StructNode>& nodes, StructurePlan planned,
                        const std::vector<HPDF_Page>& pages, const std::vector<HPDF_Dict>& annots) {
  HPDF_Doc pdf = doc.get();
  if (!pdf || planned.elements.empty()) return false;
  TreeObjects& t = doc.hold(TreeObjects{});
  t.nodes = &nodes;
  t.plan = std::move(planned);
  const StructurePlan& plan = t.plan;
  for (HPDF_Page p : pages) t.pages.push_back(objectNumber(p));
  for (HPDF_Dict a : annots) t.annotations.push_back(a ? objectNumber(a) : 0);
  HPDF_Dict root = hookedDict(pdf, &t, writeRoot);
  HPDF_Dict parentTree = hookedDict(pdf, &t, writeParentTree);
  if (!root || !parentTree) return false;
  t.root = objectNumber(root);
  t.parentTree = objectNumber(parentTree);
  auto& records = doc.hold(std::vector<ElementRecord>(plan.elements.size()));
  t.elements.reserve(plan.elements.size());
  for (std::size_t k = 0; k < plan.elements.size(); ++k) {
    records[k] = {&t, static_cast<std::uint32_t>(k)};
    HPDF_Dict e = hookedDict(pdf, &records[k], writeElement);
    if (!e) return false;
    t.elements.push_back(objectNumber(e));
  }
  for (std::size_t p = 0; p < pages.size() && p < plan.pageParents.size(); ++p)
    if (!plan.pageParents[p].empty() && HPDF_Dict_AddNumber(pages[p], "StructParents", static_cast<HPDF_INT32>(p)) != HPDF_OK)
      return false;
  HPDF_Dict markInfo = HPDF_Dict_New(pdf->mmgr);
  if (!markInfo || HPDF_Dict_AddBoolean(markInfo, "Marked", HPDF_TRUE) != HPDF_OK) return false;
  return HPDF_Dict_Add(pdf->catalog, "MarkInfo", markInfo) == HPDF_OK &&
         HPDF_Dict_Add(pdf->catalog, "StructTreeRoot", root) == HPDF_OK && !doc.failed();
}

}  // namespace pp::pdf
