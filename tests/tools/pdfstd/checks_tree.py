"""PDF/UA-1 checks on the structure tree's shape: structure types and the role map, headings,
tables, lists, tables of contents, figures, formulas and notes (Matterhorn 02, 09, 13-19)."""
import pikepdf

from .registry import UA1, check
from .structure import STANDARD, resolve_role

HEADINGS = {f"H{n}": n for n in range(1, 7)}


def _named(elem):
    return f"<{elem.raw_type}>" + (f" (as {elem.type})" if elem.type and elem.type != elem.raw_type else "")


def _fail_at(fail, elem, message):
    fail(message, page=elem.page, obj=elem.where())


def _text(obj):
    return str(obj).strip() if isinstance(obj, pikepdf.String) else ""


def attributes(elem):
    """The attribute objects of an element's /A (ISO 32000-1 14.7.5)."""
    value = elem.obj.get("/A")
    items = list(value) if isinstance(value, pikepdf.Array) else [value] if value is not None else []
    return [a for a in items if isinstance(a, pikepdf.Dictionary)]


def _table_attribute(elem, key):
    for a in attributes(elem):
        if str(a.get("/O")) == "/Table" and key in a:
            return a[key]
    return None


# --- types and role map -----------------------------------------------------------------------------

def _circular(name, role_map):
    seen = set()
    while name in role_map and name not in STANDARD:
        if name in seen:
            return True
        seen.add(name)
        name = role_map[name]
    return False


@check("MH-02-001", UA1, "ISO 14289-1 7.1", "non-standard structure types map to standard ones")
def unmapped_types(doc, fail):
    tree = doc.struct
    for key in tree.role_map:
        if key not in STANDARD and not resolve_role(key, tree.role_map) and not _circular(key, tree.role_map):
            fail(f"/RoleMap maps /{key} to /{tree.role_map[key]}, which is not a standard type or mapped to one")
    unknown = {}
    for elem in tree.elements:
        if not elem.type and elem.raw_type not in tree.role_map:
            unknown.setdefault(elem.raw_type, []).append(elem)
    for raw, elems in unknown.items():
        _fail_at(fail, elems[0], f"{len(elems)} elements of type /{raw or '(no /S)'}, neither standard nor role-mapped")


@check("MH-02-003", UA1, "ISO 14289-1 7.1", "no circular role mapping")
def circular_roles(doc, fail):
    for key in doc.struct.role_map:
        if _circular(key, doc.struct.role_map):
            fail(f"/RoleMap maps /{key} round in a circle")


@check("MH-02-004", UA1, "ISO 14289-1 7.1", "standard types are not remapped")
def remapped_standard(doc, fail):
    for key, value in doc.struct.role_map.items():
        if key in STANDARD:
            fail(f"/RoleMap remaps the standard type /{key} to /{value}")


# --- headings ------------------------------------------------------------------------------------------

def _numbered(doc):
    return [e for e in doc.struct.elements if e.type in HEADINGS]


@check("MH-14-002", UA1, "ISO 14289-1 7.4.2", "the first numbered heading is H1")
def first_heading(doc, fail):
    heads = _numbered(doc)
    if heads and heads[0].type != "H1":
        _fail_at(fail, heads[0], f"the first heading is {_named(heads[0])}, not H1")


@check("MH-14-003", UA1, "ISO 14289-1 7.4.2", "heading levels nest without a skipped level")
def heading_levels(doc, fail):
    heads = _numbered(doc)
    for before, after in zip(heads, heads[1:]):
        if HEADINGS[after.type] > HEADINGS[before.type] + 1:
            _fail_at(fail, after, f"{_named(after)} follows {before.type}: level {HEADINGS[before.type] + 1} skipped")


@check("MH-14-006", UA1, "ISO 14289-1 7.4.4", "at most one H in a node")
def one_h(doc, fail):
    for elem in doc.struct.elements:
        if sum(1 for k in elem.elements() if k.type == "H") > 1:
            _fail_at(fail, elem, f"{_named(elem)} has more than one <H> child")


@check("MH-14-007", UA1, "ISO 14289-1 7.4.4", "not both H and H1-H6")
def h_and_hn(doc, fail):
    types = {e.type for e in doc.struct.elements}
    if "H" in types and types & set(HEADINGS):
        fail("the structure uses both <H> and numbered headings")


# --- tables, lists, tables of contents ------------------------------------------------------------------

def _strip_caption(kids):
    if kids and kids[0].type == "Caption":
        return kids[1:]
    if kids and kids[-1].type == "Caption":
        return kids[:-1]
    return kids


def _table_shape(elem):
    kids = _strip_caption(elem.elements())
    types = [k.type for k in kids]
    if not types:
        return "a <Table> without rows"
    if all(t == "TR" for t in types):
        return None
    rest = types[1:] if types[0] == "THead" else types
    rest = rest[:-1] if rest and rest[-1] == "TFoot" else rest
    if not rest or any(t != "TBody" for t in rest):
        return f"a <Table> whose children are {' '.join(types)} (TR..., or THead? TBody+ TFoot?)"
    return None


PARENTS = {"TR": {"Table", "THead", "TBody", "TFoot"}, "TH": {"TR"}, "TD": {"TR"},
           "THead": {"Table"}, "TBody": {"Table"}, "TFoot": {"Table"}}


@check("MH-09-004", UA1, "ISO 14289-1 7.2; ISO 32000-1 Table 337", "tables structured as ISO 32000-1 says")
def tables(doc, fail):
    for elem in doc.struct.elements:
        if elem.type == "Table":
            problem = _table_shape(elem)
            if problem:
                _fail_at(fail, elem, problem)
        elif elem.type in ("THead", "TBody", "TFoot"):
            if any(k.type != "TR" for k in elem.elements()):
                _fail_at(fail, elem, f"{_named(elem)} holds something other than <TR>")
        elif elem.type == "TR":
            if any(k.type not in ("TH", "TD") for k in elem.elements()):
                _fail_at(fail, elem, "a <TR> holds something other than <TH>/<TD>")
        if elem.type in PARENTS and (elem.parent is None or elem.parent.type not in PARENTS[elem.type]):
            _fail_at(fail, elem, f"{_named(elem)} is not inside {' or '.join(sorted(PARENTS[elem.type]))}")


# ISO 32000-1 Tables 333 and 336: what lists and tables of contents hold and sit in.
# type: (allowed children, a Caption may come first, must have children, allowed parents)
CONTAINMENT = {
    "L": ({"LI"}, True, True, None),
    "LI": ({"Lbl", "LBody"}, False, True, {"L"}),
    "LBody": (None, False, False, {"LI"}),
    "TOC": ({"TOC", "TOCI"}, True, False, None),
    "TOCI": ({"Lbl", "Reference", "NonStruct", "P", "TOC"}, False, False, {"TOC"}),
}


def _containment(doc, fail, types):
    for elem in doc.struct.elements:
        if elem.type not in types:
            continue
        children, caption, needed, parents = CONTAINMENT[elem.type]
        kids = elem.elements()
        if caption and kids and kids[0].type == "Caption":
            kids = kids[1:]
        if children is not None and (any(k.type not in children for k in kids) or (needed and not kids)):
            _fail_at(fail, elem, f"{_named(elem)} holds {' '.join(k.type or k.raw_type for k in kids) or 'nothing'}; "
                                 f"it takes {'(Caption?) ' if caption else ''}{'/'.join(sorted(children))}")
        if parents is not None and (elem.parent is None or elem.parent.type not in parents):
            _fail_at(fail, elem, f"{_named(elem)} outside {' or '.join(sorted(parents))}")


@check("MH-09-005", UA1, "ISO 14289-1 7.2; ISO 32000-1 Table 336", "lists structured as ISO 32000-1 says")
def lists(doc, fail):
    _containment(doc, fail, ("L", "LI", "LBody"))


@check("MH-09-006", UA1, "ISO 14289-1 7.2; ISO 32000-1 Table 333", "TOC/TOCI structured as ISO 32000-1 says")
def tocs(doc, fail):
    _containment(doc, fail, ("TOC", "TOCI"))


def _descendants(elem, stop_at_tables=True):
    for kid in elem.elements():
        yield kid
        if not (stop_at_tables and kid.type == "Table"):
            yield from _descendants(kid, stop_at_tables)


@check("MH-15-003", UA1, "ISO 14289-1 7.5", "TH cells have a Scope (tables without Headers/IDs)")
def th_scope(doc, fail):
    for table in (e for e in doc.struct.elements if e.type == "Table"):
        cells = [e for e in _descendants(table) if e.type in ("TD", "TH")]
        if any(_table_attribute(c, "/Headers") is not None for c in cells):
            continue  # organised by Headers and IDs instead
        for th in (c for c in cells if c.type == "TH"):
            if str(_table_attribute(th, "/Scope")) not in ("/Row", "/Column", "/Both"):
                _fail_at(fail, th, "a <TH> without a /Table attribute /Scope (Row, Column or Both)")


@check("PP-table-th", UA1, "issue 23; ISO 14289-1 7.5", "every table has header cells")
def table_headers(doc, fail):
    for table in (e for e in doc.struct.elements if e.type == "Table"):
        if not any(e.type == "TH" for e in _descendants(table)):
            _fail_at(fail, table, "a <Table> without any <TH>")


# --- figures, formulas, notes ---------------------------------------------------------------------------

@check("MH-13-004", UA1, "ISO 14289-1 7.3", "Figures have Alt or ActualText")
def figure_alt(doc, fail):
    for elem in doc.struct.elements:
        if elem.type == "Figure" and not (_text(elem.obj.get("/Alt")) or _text(elem.obj.get("/ActualText"))):
            _fail_at(fail, elem, f"{_named(elem)} without /Alt or /ActualText")


@check("MH-17-002", UA1, "ISO 14289-1 7.7", "Formulas have Alt")
def formula_alt(doc, fail):
    for elem in doc.struct.elements:
        if elem.type == "Formula" and not _text(elem.obj.get("/Alt")):
            _fail_at(fail, elem, f"{_named(elem)} without /Alt")


@check("MH-19-003", UA1, "ISO 14289-1 7.9", "Notes have an ID")
def note_id(doc, fail):
    for elem in doc.struct.elements:
        if elem.type == "Note" and not isinstance(elem.obj.get("/ID"), pikepdf.String):
            _fail_at(fail, elem, f"{_named(elem)} without /ID")


@check("MH-19-004", UA1, "ISO 14289-1 7.9", "Note IDs are unique")
def note_id_unique(doc, fail):
    seen = {}
    for elem in doc.struct.elements:
        value = elem.obj.get("/ID")
        if elem.type == "Note" and isinstance(value, pikepdf.String):
            key = bytes(value)
            if key in seen:
                _fail_at(fail, elem, f"<Note> /ID {str(value)!r} also used by {seen[key]}")
            seen[key] = elem.where()
