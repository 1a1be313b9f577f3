"""The logical structure of a tagged PDF as the checks read it: the structure elements in
document (reading) order with their standard types, what each refers to (marked content by page
and MCID, annotations by OBJR, child elements), the role map, and the ParentTree that leads
from page content and annotations back to their elements (ISO 32000-1 14.7)."""
from dataclasses import dataclass, field

import pikepdf

from .fonts import name_of

# ISO 32000-1:2008 14.8.4, the standard structure types.
GROUPING = {"Document", "Part", "Art", "Sect", "Div", "BlockQuote", "Caption", "TOC", "TOCI",
            "Index", "NonStruct", "Private"}
BLOCK = {"P", "H", "H1", "H2", "H3", "H4", "H5", "H6", "L", "LI", "Lbl", "LBody", "Table", "TR",
         "TH", "TD", "THead", "TBody", "TFoot"}
INLINE = {"Span", "Quote", "Note", "Reference", "BibEntry", "Code", "Link", "Annot", "Ruby", "RB",
          "RT", "RP", "Warichu", "WT", "WP"}
ILLUSTRATION = {"Figure", "Formula", "Form"}
STANDARD = GROUPING | BLOCK | INLINE | ILLUSTRATION
MAX_DEPTH = 200


@dataclass(eq=False)
class Elem:
    obj: pikepdf.Dictionary
    raw_type: str                      # the /S name as written
    type: str                          # the standard type it is or maps to ("" when none)
    parent: object = None              # Elem, or None for the root's children
    page: object = None                # /Pg as a page index, or None
    depth: int = 0
    kids: list = field(default_factory=list)   # Elem | ("mcid", page, mcid) | ("objr", obj, page)

    def where(self):
        return f"{self.obj.objgen[0]} 0 R" if self.obj.is_indirect else "direct object"

    def elements(self):
        return [k for k in self.kids if isinstance(k, Elem)]


def resolve_role(raw, role_map):
    """The standard type a type name maps to, following the role map; '' when it does not end in
    one (unmapped or circular)."""
    seen, name = set(), raw
    while name not in STANDARD:
        if name in seen or name not in role_map:
            return ""
        seen.add(name)
        name = role_map[name]
    return name


class StructTree:
    def __init__(self, pdf, page_index):
        """`page_index`: {page objgen: page index}."""
        self.page_index = page_index
        self.root = pdf.Root.get("/StructTreeRoot")
        if not isinstance(self.root, pikepdf.Dictionary):
            self.root = None
        self.role_map = {}
        self.elements = []              # pre-order: document and reading order
        self.top = []
        self.mcid_refs = {}             # (page, mcid) -> [Elem]
        self.objr_refs = {}             # annotation objgen -> [Elem]
        self.parent_tree = {}           # key -> pikepdf object
        self.problems = []              # (Elem | None, message): malformed structure
        if self.root is None:
            return
        rm = self.root.get("/RoleMap")
        if isinstance(rm, pikepdf.Dictionary):
            self.role_map = {str(k)[1:]: name_of(v) for k, v in rm.items()}
        self._read_parent_tree(self.root.get("/ParentTree"), set())
        kids = self.root.get("/K")
        visited = set()
        for item in self._items(kids):
            if isinstance(item, pikepdf.Dictionary):
                elem = self._read(item, None, 0, visited)
                if elem is not None:
                    self.top.append(elem)
            else:
                self.problems.append((None, "the StructTreeRoot's K holds something other than structure elements"))

    @staticmethod
    def _items(k):
        if k is None:
            return []
        return list(k) if isinstance(k, pikepdf.Array) else [k]

    def _page(self, pg):
        if isinstance(pg, pikepdf.Dictionary) and pg.is_indirect:
            return self.page_index.get(pg.objgen)
        return None

    def _read(self, obj, parent, depth, visited):
        key = obj.objgen if obj.is_indirect else id(obj)
        if key in visited or depth > MAX_DEPTH:
            self.problems.append((None, "a structure element is reached twice (cycle or shared element)"))
            return None
        visited.add(key)
        raw = name_of(obj.get("/S"))
        elem = Elem(obj=obj, raw_type=raw, type=resolve_role(raw, self.role_map), parent=parent,
                    page=self._page(obj.get("/Pg")), depth=depth)
        if elem.page is None and parent is not None:
            elem.page = parent.page
        self.elements.append(elem)
        p = obj.get("/P")
        expected = parent.obj if parent is not None else self.root
        if not (isinstance(p, pikepdf.Dictionary) and p.is_indirect and expected.is_indirect
                and p.objgen == expected.objgen):
            self.problems.append((elem, "its /P is not the element (or root) that lists it as a kid"))
        for item in self._items(obj.get("/K")):
            if isinstance(item, int):
                self._mcid(elem, elem.page, int(item))
            elif isinstance(item, pikepdf.Dictionary):
                kind = name_of(item.get("/Type"))
                if kind == "MCR":
                    page = self._page(item.get("/Pg"))
                    mcid = item.get("/MCID")
                    if isinstance(mcid, int):
                        self._mcid(elem, page if page is not None else elem.page, int(mcid))
                    else:
                        self.problems.append((elem, "a marked-content reference without an integer MCID"))
                    if "/Stm" in item:
                        self.problems.append((elem, "marked content in a form XObject (/Stm): not checked"))
                elif kind == "OBJR":
                    target = item.get("/Obj")
                    page = self._page(item.get("/Pg"))
                    elem.kids.append(("objr", target, page if page is not None else elem.page))
                    if isinstance(target, pikepdf.Dictionary) and target.is_indirect:
                        self.objr_refs.setdefault(target.objgen, []).append(elem)
                    else:
                        self.problems.append((elem, "an object reference whose /Obj is not an indirect dictionary"))
                else:
                    child = self._read(item, elem, depth + 1, visited)
                    if child is not None:
                        elem.kids.append(child)
            else:
                self.problems.append((elem, "a kid that is neither an MCID, a reference nor an element"))
        return elem

    def _mcid(self, elem, page, mcid):
        if page is None:
            self.problems.append((elem, f"MCID {mcid} without a page (no /Pg on the element or reference)"))
            return
        elem.kids.append(("mcid", page, mcid))
        self.mcid_refs.setdefault((page, mcid), []).append(elem)

    def _read_parent_tree(self, node, seen):
        if not isinstance(node, pikepdf.Dictionary):
            return
        key = node.objgen if node.is_indirect else id(node)
        if key in seen:
            return
        seen.add(key)
        nums = node.get("/Nums")
        if isinstance(nums, pikepdf.Array):
            items = list(nums)
            for i in range(0, len(items) - 1, 2):
                if isinstance(items[i], int):
                    self.parent_tree[int(items[i])] = items[i + 1]
        kids = node.get("/Kids")
        if isinstance(kids, pikepdf.Array):
            for kid in kids:
                self._read_parent_tree(kid, seen)

    def parent_of_mcid(self, struct_parents, mcid):
        """The element the ParentTree names for an MCID of a page with /StructParents."""
        array = self.parent_tree.get(struct_parents)
        if not isinstance(array, pikepdf.Array) or not 0 <= mcid < len(array):
            return None
        entry = array[mcid]
        return entry if isinstance(entry, pikepdf.Dictionary) else None

    def element_for(self, obj):
        """The Elem read from a structure element object, or None."""
        if not isinstance(obj, pikepdf.Dictionary) or not obj.is_indirect:
            return None
        if not hasattr(self, "_by_objgen"):
            self._by_objgen = {e.obj.objgen: e for e in self.elements if e.obj.is_indirect}
        return self._by_objgen.get(obj.objgen)
