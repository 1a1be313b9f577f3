"""PDF/UA-1 checks on the document as a whole and on its content: identification and metadata,
catalog entries, marked content against the structure tree, the ParentTree, annotations. The
checks on the structure tree's shape (types, headings, tables, lists, figures) are in
checks_tree.py; fonts are in checks_fonts.py."""
import re

import pikepdf

from .fonts import name_of
from .registry import UA1, check
from .xmp import DC, PDFUAID, identification_problems

LANG = re.compile(r"^[A-Za-z]{2,8}(-[A-Za-z0-9]{1,8})*$")
SHOWN = 8


def _list(values):
    values = sorted(values)
    more = f" (+{len(values) - SHOWN} more)" if len(values) > SHOWN else ""
    return ", ".join(str(v) for v in values[:SHOWN]) + more


def _text(obj):
    return str(obj).strip() if isinstance(obj, pikepdf.String) else ""


# --- identification, metadata, catalog ------------------------------------------------------------

@check("UA1-version", UA1, "ISO 14289-1 5", "PDF 1.7 or later")
def version(doc, fail):
    v = doc.header_version()
    if v < "1.7":
        fail(f"the file is PDF {v or '(no %PDF- header)'}; PDF/UA-1 files are PDF 1.7 (ISO 32000-1)")


@check("MH-06-001", UA1, "ISO 14289-1 7.1", "an XMP metadata stream in the catalog")
def xmp_present(doc, fail):
    if doc.xmp is None:
        fail("the catalog has no /Metadata stream")
    elif doc.xmp.error:
        fail(f"the metadata stream is not XMP: {doc.xmp.error}")


@check("MH-06-002", UA1, "ISO 14289-1 5", "the XMP says pdfuaid:part 1")
def xmp_pdfua(doc, fail):
    for problem in identification_problems(doc.xmp, PDFUAID, "pdfuaid", "1", "PDF/UA"):
        fail(problem)


@check("MH-06-003", UA1, "ISO 14289-1 7.1", "the XMP has a dc:title")
def xmp_title(doc, fail):
    title = doc.xmp.value(DC, "title") if doc.xmp is not None and not doc.xmp.error else None
    if not title:
        fail("no dc:title in the XMP metadata" if title is None else "dc:title is empty")


def _display_doc_title(doc):
    prefs = doc.catalog.get("/ViewerPreferences")
    return prefs.get("/DisplayDocTitle") if isinstance(prefs, pikepdf.Dictionary) else None


@check("MH-07-001", UA1, "ISO 14289-1 7.1", "/ViewerPreferences has DisplayDocTitle")
def display_title_present(doc, fail):
    if _display_doc_title(doc) is None:
        fail("no /ViewerPreferences /DisplayDocTitle in the catalog (viewers show the file name)")


@check("MH-07-002", UA1, "ISO 14289-1 7.1", "DisplayDocTitle is true")
def display_title_true(doc, fail):
    value = _display_doc_title(doc)
    if value is not None and value is not True:
        fail(f"/DisplayDocTitle is {value}")


@check("UA1-markinfo", UA1, "ISO 14289-1 6.2", "/MarkInfo /Marked true")
def mark_info(doc, fail):
    info = doc.catalog.get("/MarkInfo")
    if not isinstance(info, pikepdf.Dictionary):
        fail("the catalog has no /MarkInfo")
    elif info.get("/Marked") is not True:
        fail(f"/MarkInfo /Marked is {info.get('/Marked')}, not true")


@check("MH-01-007", UA1, "ISO 14289-1 7.1", "/MarkInfo /Suspects is not true")
def suspects(doc, fail):
    info = doc.catalog.get("/MarkInfo")
    if isinstance(info, pikepdf.Dictionary) and info.get("/Suspects") is True:
        fail("/MarkInfo /Suspects is true")


@check("MH-11-001", UA1, "ISO 14289-1 7.2", "the natural language is declared")
def language(doc, fail):
    lang = _text(doc.catalog.get("/Lang"))
    if not lang:
        fail("the catalog has no /Lang")
    elif not LANG.match(lang):
        fail(f"the catalog's /Lang {lang!r} is not a language tag")
    for elem in doc.struct.elements:
        value = elem.obj.get("/Lang")
        if value is not None and not LANG.match(_text(value)):
            fail(f"<{elem.raw_type}> has /Lang {_text(value)!r}, not a language tag", page=elem.page, obj=elem.where())


@check("MH-26-002", UA1, "ISO 14289-1 7.16", "encryption lets assistive technology read the text")
def encryption(doc, fail):
    if doc.pdf.is_encrypted:
        p = doc.pdf.encryption.P if hasattr(doc.pdf.encryption, "P") else None
        if p is None or not int(p) & 512:
            fail("the file is encrypted without permission bit 10 (extract for accessibility)")


# --- marked content, structure tree and ParentTree ------------------------------------------------

@check("UA1-struct-root", UA1, "ISO 14289-1 7.1; ISO 32000-1 14.7.2", "a structure tree with elements")
def struct_root(doc, fail):
    tree = doc.struct
    if tree.root is None:
        fail("the catalog has no /StructTreeRoot")
    elif not tree.elements:
        fail("the structure tree has no elements", obj=doc.ref(tree.root))
    for elem, message in tree.problems:
        if elem is None:
            fail(message)
        else:
            fail(f"<{elem.raw_type}>: {message}", page=elem.page, obj=elem.where())


@check("UA1-parent-tree", UA1, "ISO 32000-1 14.7.4.4", "a ParentTree entry for every page with marked content")
def parent_tree(doc, fail):
    tree = doc.struct
    if tree.root is None:
        return  # UA1-struct-root says so
    if "/ParentTree" not in tree.root:
        fail("the StructTreeRoot has no /ParentTree", obj=doc.ref(tree.root))
        return
    for scan in doc.scans:
        if not scan.mcids:
            continue
        key = doc.pages[scan.index].obj.get("/StructParents")
        if not isinstance(key, int):
            fail("the page has marked content but no /StructParents", page=scan.index, obj=doc.page_ref(scan.index))
        elif not isinstance(tree.parent_tree.get(int(key)), pikepdf.Array):
            fail(f"/StructParents {int(key)} has no array in the ParentTree", page=scan.index)
    next_key = tree.root.get("/ParentTreeNextKey")
    if isinstance(next_key, int) and tree.parent_tree and max(tree.parent_tree) >= int(next_key):
        fail(f"/ParentTreeNextKey {int(next_key)} is not above the largest key {max(tree.parent_tree)}")


@check("MH-01-005", UA1, "ISO 14289-1 7.1", "all content tagged or an Artifact")
def content_tagged(doc, fail):
    tree = doc.struct
    for scan in doc.scans:
        page = scan.index
        if scan.error:
            fail(f"the content stream cannot be read: {scan.error}", page=page)
        if scan.untagged:
            kinds = ", ".join(f"{n} {kind}" for kind, n in sorted(scan.untagged.items()))
            fail(f"{kinds} painting operators outside marked content (neither tagged nor an Artifact)", page=page)
        key = doc.pages[page].obj.get("/StructParents")
        lost, elsewhere = [], []
        for mcid in scan.mcids:
            owner = tree.parent_of_mcid(int(key), mcid) if isinstance(key, int) else None
            elem = tree.element_for(owner)
            if elem is None:
                lost.append(mcid)
            elif ("mcid", page, mcid) not in elem.kids:
                elsewhere.append(mcid)
        if lost:
            fail(f"MCIDs {_list(lost)} have no structure element in the ParentTree", page=page)
        if elsewhere:
            fail(f"MCIDs {_list(elsewhere)}: the ParentTree names an element that does not reference "
                 f"them on this page", page=page)


@check("MH-01-003", UA1, "ISO 14289-1 7.1", "no Artifact inside tagged content")
def artifact_in_content(doc, fail):
    for scan in doc.scans:
        if scan.artifact_in_tagged:
            fail(f"{scan.artifact_in_tagged} Artifact sequences inside tagged content", page=scan.index)


@check("MH-01-004", UA1, "ISO 14289-1 7.1", "no tagged content inside an Artifact")
def content_in_artifact(doc, fail):
    for scan in doc.scans:
        if scan.tagged_in_artifact:
            fail(f"{scan.tagged_in_artifact} tagged sequences inside Artifacts", page=scan.index)


@check("UA1-mcid-refs", UA1, "ISO 32000-1 14.7.4", "each MCID once on its page, with exactly one element")
def mcid_refs(doc, fail):
    for scan in doc.scans:
        repeated = [m for m, n in scan.mcids.items() if n > 1]
        if repeated:
            fail(f"MCIDs {_list(repeated)} open more than once", page=scan.index)
        if scan.unbalanced:
            fail(f"{scan.unbalanced} marked-content sequences unbalanced (EMC without BMC/BDC, or never closed)",
                 page=scan.index)
    for (page, mcid), elems in doc.struct.mcid_refs.items():
        if page < len(doc.scans) and mcid not in doc.scans[page].mcids:
            fail(f"<{elems[0].raw_type}> references MCID {mcid}, which the page's content does not have",
                 page=page, obj=elems[0].where())
        if len(elems) > 1:
            fail(f"MCID {mcid} is referenced by {len(elems)} elements", page=page, obj=elems[1].where())


# --- annotations and XObjects -----------------------------------------------------------------------

OTHER_ANNOTS_EXEMPT = {"Link", "Widget", "PrinterMark", "Popup"}


def _annot_element(doc, annot):
    key = annot.get("/StructParent")
    if not isinstance(key, int):
        return None
    entry = doc.struct.parent_tree.get(int(key))
    return doc.struct.element_for(entry) if isinstance(entry, pikepdf.Dictionary) else None


@check("MH-28-011", UA1, "ISO 14289-1 7.18.5", "each link annotation in a Link element, by an OBJR")
def links_tagged(doc, fail):
    for page, annot in doc.annotations():
        if name_of(annot.get("/Subtype")) != "Link":
            continue
        elem = _annot_element(doc, annot)
        if elem is None:
            fail("a link annotation with no /StructParent leading to a structure element", page=page,
                 obj=doc.ref(annot))
        elif elem.type != "Link":
            fail(f"a link annotation whose structure element is <{elem.raw_type}>, not <Link>", page=page,
                 obj=doc.ref(annot))
        elif not any(k[0] == "objr" and isinstance(k[1], pikepdf.Dictionary) and k[1].objgen == annot.objgen
                     for k in elem.kids if isinstance(k, tuple)):
            fail("the link annotation's <Link> element has no OBJR to it", page=page, obj=doc.ref(annot))


@check("MH-28-012", UA1, "ISO 14289-1 7.18.5", "link annotations have /Contents")
def links_described(doc, fail):
    missing = doc.annotations_without(lambda a: name_of(a.get("/Subtype")) != "Link" or _text(a.get("/Contents")))
    for page, refs in missing.items():
        fail(f"{len(refs)} link annotations without /Contents (e.g. {refs[0]})", page=page)


@check("MH-28-002", UA1, "ISO 14289-1 7.18.1", "other annotations in an Annot element")
def other_annots_tagged(doc, fail):
    for page, annot in doc.annotations():
        subtype = name_of(annot.get("/Subtype"))
        if subtype in OTHER_ANNOTS_EXEMPT or int(annot.get("/F", 0)) & 2:
            continue
        elem = _annot_element(doc, annot)
        if elem is None or elem.type != "Annot":
            fail(f"a /{subtype} annotation not nested in an <Annot> element", page=page, obj=doc.ref(annot))


@check("MH-28-004", UA1, "ISO 14289-1 7.18.1", "other annotations have /Contents or Alt")
def other_annots_described(doc, fail):
    for page, annot in doc.annotations():
        subtype = name_of(annot.get("/Subtype"))
        if subtype in ("Widget", "Popup") or int(annot.get("/F", 0)) & 2 or _text(annot.get("/Contents")):
            continue
        elem = _annot_element(doc, annot)
        if subtype != "Link" and (elem is None or not _text(elem.obj.get("/Alt"))):
            fail(f"a /{subtype} annotation without /Contents or an Alt on its element", page=page,
                 obj=doc.ref(annot))


@check("MH-28-008", UA1, "ISO 14289-1 7.18.3", "pages with annotations have /Tabs")
def tabs_present(doc, fail):
    for i, page in enumerate(doc.pages):
        if page.obj.get("/Annots") and "/Tabs" not in page.obj:
            fail("the page has annotations but no /Tabs", page=i, obj=doc.page_ref(i))


@check("MH-28-009", UA1, "ISO 14289-1 7.18.3", "/Tabs is /S")
def tabs_structure(doc, fail):
    for i, page in enumerate(doc.pages):
        if page.obj.get("/Annots") and "/Tabs" in page.obj and name_of(page.obj.get("/Tabs")) != "S":
            fail(f"/Tabs is {page.obj.get('/Tabs')}, not /S (structure order)", page=i, obj=doc.page_ref(i))


@check("MH-30-001", UA1, "ISO 14289-1 7.20", "no reference XObjects")
def reference_xobjects(doc, fail):
    for scan in doc.scans:
        for form in scan.forms:
            if "/Ref" in form:
                fail("a reference XObject is drawn", page=scan.index, obj=doc.ref(form))
