"""PDF/A-2 checks on the file and document level (ISO 19005-2 6.1, 6.3, 6.5, 6.6, 6.8): header,
trailer, streams and filters, implementation limits, annotations, actions, XMP metadata and
identification, and the Info dictionary against the XMP."""
import datetime
import re

import pikepdf

from .fonts import name_of
from .registry import A2, UA1, check
from .xmp import DC, PDF_NS, PDFAID, PREDEFINED, XMP_BASIC, identification_problems

# ISO 32000-1 Table 6 less LZWDecode (and Crypt, allowed only as Identity).
ALLOWED_FILTERS = {"ASCIIHexDecode", "ASCII85Decode", "FlateDecode", "RunLengthDecode", "CCITTFaxDecode",
                   "JBIG2Decode", "DCTDecode", "JPXDecode"}
INLINE_FILTERS = {"ASCIIHexDecode", "ASCII85Decode", "FlateDecode", "RunLengthDecode", "CCITTFaxDecode", "DCTDecode"}
ANNOTATION_TYPES = {"Text", "Link", "FreeText", "Line", "Square", "Circle", "Polygon", "PolyLine", "Highlight",
                    "Underline", "Squiggly", "StrikeOut", "Stamp", "Caret", "Ink", "Popup", "FileAttachment",
                    "Widget", "PrinterMark", "TrapNet", "Watermark", "Redact"}
ACTIONS = {"GoTo", "GoToR", "GoToE", "Thread", "URI", "Named", "SubmitForm"}
NAMED_ACTIONS = {"NextPage", "PrevPage", "FirstPage", "LastPage"}


def _filters(stream):
    value = stream.get("/Filter")
    if isinstance(value, pikepdf.Array):
        return [name_of(f) for f in value]
    return [name_of(value)] if value is not None else []


def _streams(doc):
    for obj in doc.objects():
        if isinstance(obj, pikepdf.Stream):
            yield obj


# --- file structure ---------------------------------------------------------------------------------

@check("A2-6.1.2-1", A2, "ISO 19005-2 6.1.2", "header %PDF-1.n (n 0-7) at byte 0")
def header(doc, fail):
    if not re.match(rb"%PDF-1\.[0-7](\r\n|\r|\n)", doc.head):
        fail(f"the file starts with {doc.head[:10]!r}")


@check("A2-6.1.2-2", A2, "ISO 19005-2 6.1.2", "binary comment after the header")
def binary_comment(doc, fail):
    m = re.match(rb"%PDF-\d\.\d(?:\r\n|\r|\n)%(....)", doc.head, re.S)
    if not m or any(b <= 127 for b in m.group(1)):
        fail("the header line is not followed by % and four bytes above 127")


@check("A2-6.1.3-1", A2, "ISO 19005-2 6.1.3", "trailer /ID")
def trailer_id(doc, fail):
    ident = doc.pdf.trailer.get("/ID")
    if not (isinstance(ident, pikepdf.Array) and len(ident) == 2
            and all(isinstance(s, pikepdf.String) and len(bytes(s)) for s in ident)):
        fail("the trailer has no /ID with two file identifiers")


@check("A2-6.1.3-2", A2, "ISO 19005-2 6.1.3", "no encryption")
def no_encrypt(doc, fail):
    if doc.pdf.is_encrypted or "/Encrypt" in doc.pdf.trailer:
        fail("the file is encrypted (/Encrypt in the trailer)")


@check("A2-6.1.3-3", A2, "ISO 19005-2 6.1.3", "nothing after the last %%EOF")
def after_eof(doc, fail):
    at = doc.tail.rfind(b"%%EOF")
    if at < 0 or doc.tail[at + 5:] not in (b"", b"\n", b"\r", b"\r\n"):
        fail("data after the last %%EOF marker" if at >= 0 else "no %%EOF marker at the end")


@check("A2-6.1.7-3", A2, "ISO 19005-2 6.1.7.1", "no external stream data (F, FFilter, FDecodeParms)")
def external_streams(doc, fail):
    for stream in _streams(doc):
        keys = [k for k in ("/F", "/FFilter", "/FDecodeParms") if k in stream]
        if keys:
            fail(f"a stream with {', '.join(keys)}", obj=doc.ref(stream))


@check("A2-6.1.7-4", A2, "ISO 19005-2 6.1.7.2", "standard filters only, no LZW, Crypt only Identity")
def stream_filters(doc, fail):
    for stream in _streams(doc):
        for f in _filters(stream):
            if f == "Crypt":
                parms = stream.get("/DecodeParms")
                if not (isinstance(parms, pikepdf.Dictionary) and name_of(parms.get("/Name")) == "Identity"):
                    fail("a Crypt filter other than Identity", obj=doc.ref(stream))
            elif f not in ALLOWED_FILTERS:
                fail(f"a stream filtered with /{f}", obj=doc.ref(stream))


@check("A2-6.1.10-1", A2, "ISO 19005-2 6.1.10", "inline images use permitted filters")
def inline_filters(doc, fail):
    for i, scan in enumerate(doc.operator_scans):
        for image in scan.inline_images:
            bad = [f for f in _filters(image) if f not in INLINE_FILTERS]
            if bad:
                fail(f"an inline image filtered with /{bad[0]}", page=i)


def _leaves(obj, depth=0):
    if depth > 64:
        return
    if isinstance(obj, pikepdf.Dictionary) or isinstance(obj, pikepdf.Stream):
        for key, value in obj.items():
            yield pikepdf.Name(key)
            if not (isinstance(value, (pikepdf.Dictionary, pikepdf.Stream)) and value.is_indirect):
                yield from _leaves(value, depth + 1)
    elif isinstance(obj, pikepdf.Array):
        for value in obj:
            if not (isinstance(value, (pikepdf.Dictionary, pikepdf.Stream)) and value.is_indirect):
                yield from _leaves(value, depth + 1)
    else:
        yield obj


# What might break a limit in an object's serialisation: the object is then walked exactly
# (a walk of every object in Python takes seconds on a corpus digest; the serialisation is C++).
_SUSPECT = re.compile(rb"/[^\s/<>\[\](){}%]{128,}|(?<![\w.])[+-]?\d{10,}(?![\w.])")


@check("A2-6.1.13", A2, "ISO 19005-2 6.1.13", "implementation limits (integers, strings, names, q nesting, boxes)")
def limits(doc, fail):
    for obj in doc.objects():
        text = (obj.stream_dict if isinstance(obj, pikepdf.Stream) else obj).unparse(resolved=True)
        if len(text) <= 32767 and not _SUSPECT.search(text):
            continue
        for value in _leaves(obj):
            if isinstance(value, bool):
                continue
            if isinstance(value, int) and not -2 ** 31 <= value < 2 ** 31:
                fail(f"the integer {value} is out of range", obj=doc.ref(obj))
            elif isinstance(value, pikepdf.String) and len(bytes(value)) > 32767:
                fail(f"a string of {len(bytes(value))} bytes (limit 32767)", obj=doc.ref(obj))
            elif isinstance(value, pikepdf.Name) and len(str(value)[1:].encode("utf-8")) > 127:
                fail(f"a name longer than 127 bytes: {str(value)[:40]}...", obj=doc.ref(obj))
    for scan in doc.scans:
        if scan.max_q_depth > 28:
            fail(f"q/Q nested {scan.max_q_depth} deep (limit 28)", page=scan.index)
    for i, page in enumerate(doc.pages):
        for key in ("/MediaBox", "/CropBox", "/BleedBox", "/TrimBox", "/ArtBox"):
            box = page.obj.get(key)
            if isinstance(box, pikepdf.Array) and len(box) == 4:
                w, h = abs(float(box[2]) - float(box[0])), abs(float(box[3]) - float(box[1]))
                if not (3 <= w <= 14400 and 3 <= h <= 14400):
                    fail(f"{key} is {w:g} x {h:g} (3 to 14400 units)", page=i)


# --- annotations and actions ------------------------------------------------------------------------

@check("A2-6.3.1-1", A2, "ISO 19005-2 6.3.1", "permitted annotation types only")
def annotation_types(doc, fail):
    for page, annot in doc.annotations():
        subtype = name_of(annot.get("/Subtype"))
        if subtype not in ANNOTATION_TYPES:
            fail(f"a /{subtype or '(no Subtype)'} annotation", page=page, obj=doc.ref(annot))


@check("A2-6.3.2-1", A2, "ISO 19005-2 6.3.2", "annotations have /F")
def annotation_flags_present(doc, fail):
    missing = doc.annotations_without(lambda a: name_of(a.get("/Subtype")) == "Popup" or "/F" in a)
    for page, refs in missing.items():
        fail(f"{len(refs)} annotations without /F (e.g. {refs[0]})", page=page)


@check("A2-6.3.2-2", A2, "ISO 19005-2 6.3.2", "annotations print and are not hidden")
def annotation_flags(doc, fail):
    for page, annot in doc.annotations():
        flags = annot.get("/F")
        if isinstance(flags, int) and (int(flags) & (1 | 2 | 32 | 256) or not int(flags) & 4):
            fail(f"annotation flags {int(flags)}: Print must be set, Hidden/Invisible/NoView/ToggleNoView clear",
                 page=page, obj=doc.ref(annot))


@check("A2-6.3.3-1", A2, "ISO 19005-2 6.3.3", "annotations other than Link/Popup have an appearance")
def annotation_appearance(doc, fail):
    for page, annot in doc.annotations():
        rect = annot.get("/Rect")
        empty = isinstance(rect, pikepdf.Array) and len(rect) == 4 and rect[0] == rect[2] and rect[1] == rect[3]
        if name_of(annot.get("/Subtype")) not in ("Link", "Popup") and not empty and "/AP" not in annot:
            fail("an annotation without /AP", page=page, obj=doc.ref(annot))


@check("A2-6.3.3-2", A2, "ISO 19005-2 6.3.3", "appearance dictionaries hold only N")
def annotation_appearance_n(doc, fail):
    for page, annot in doc.annotations():
        ap = annot.get("/AP")
        if isinstance(ap, pikepdf.Dictionary):
            widget_button = name_of(annot.get("/Subtype")) == "Widget" and name_of(annot.get("/FT")) == "Btn"
            n = ap.get("/N")
            if set(ap.keys()) != {"/N"} or (not widget_button and not isinstance(n, pikepdf.Stream)):
                fail("an appearance dictionary with entries other than an /N stream", page=page, obj=doc.ref(annot))


def _actions(doc):
    """(where, action dictionary) for the actions a reader can run: annotations' A and AA,
    the catalog's OpenAction and AA, pages' AA, outline items' A, and Next chains."""
    starts = []
    for page, annot in doc.annotations():
        starts.append((f"annotation {doc.ref(annot)}", annot.get("/A")))
        aa = annot.get("/AA")
        if isinstance(aa, pikepdf.Dictionary):
            starts.extend((f"annotation {doc.ref(annot)}", a) for a in aa.values())
    starts.append(("the catalog's /OpenAction", doc.catalog.get("/OpenAction")))
    outlines = doc.catalog.get("/Outlines")
    stack, seen = [outlines.get("/First")] if isinstance(outlines, pikepdf.Dictionary) else [], set()
    while stack:
        item = stack.pop()
        if not isinstance(item, pikepdf.Dictionary) or item.objgen in seen:
            continue
        seen.add(item.objgen)
        starts.append((f"outline item {doc.ref(item)}", item.get("/A")))
        stack.extend([item.get("/First"), item.get("/Next")])
    for where, action in starts:
        hops = 0
        while isinstance(action, pikepdf.Dictionary) and hops < 64:
            yield where, action
            nxt = action.get("/Next")
            action = nxt[0] if isinstance(nxt, pikepdf.Array) and len(nxt) else nxt
            hops += 1


@check("A2-6.5.1-1", A2, "ISO 19005-2 6.5.1", "no forbidden actions, no JavaScript")
def forbidden_actions(doc, fail):
    for where, action in _actions(doc):
        kind = name_of(action.get("/S"))
        if kind not in ACTIONS:
            fail(f"a /{kind or '(no S)'} action on {where}")
    names = doc.catalog.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/JavaScript" in names:
        fail("a document-level JavaScript name tree")


@check("A2-6.5.1-2", A2, "ISO 19005-2 6.5.1", "named actions are page navigation only")
def named_actions(doc, fail):
    for where, action in _actions(doc):
        if name_of(action.get("/S")) == "Named" and name_of(action.get("/N")) not in NAMED_ACTIONS:
            fail(f"a named action /{name_of(action.get('/N'))} on {where}")


@check("A2-6.5.2", A2, "ISO 19005-2 6.5.2", "no additional actions on the catalog and pages")
def additional_actions(doc, fail):
    if "/AA" in doc.catalog:
        fail("the catalog has /AA")
    for i, page in enumerate(doc.pages):
        if "/AA" in page.obj:
            fail("the page has /AA", page=i, obj=doc.page_ref(i))


@check("A2-6.8", A2, "ISO 19005-2 6.8", "no embedded files this checker cannot verify as PDF/A")
def embedded_files(doc, fail):
    names = doc.catalog.get("/Names")
    if isinstance(names, pikepdf.Dictionary) and "/EmbeddedFiles" in names:
        fail("the document embeds files (PDF/A-2 allows only PDF/A ones; not verified here)")


# --- metadata ---------------------------------------------------------------------------------------

@check("A2-6.6.2.1-1", A2, "ISO 19005-2 6.6.2.1", "catalog /Metadata")
def metadata_present(doc, fail):
    if doc.xmp is None:
        fail("the catalog has no /Metadata stream")


@check("A2-6.6.2.1-2", A2, "ISO 19005-2 6.6.2.1", "xpacket header without bytes/encoding")
def xpacket_header(doc, fail):
    if doc.xmp is not None:
        if doc.xmp.header is None:
            fail("the XMP packet has no <?xpacket begin=...?> header")
        else:
            for attr in ("bytes", "encoding"):
                if attr in doc.xmp.header:
                    fail(f"the xpacket header has the deprecated '{attr}' attribute")


@check("A2-6.6.2.1-4", A2, "ISO 19005-2 6.6.2.1", "well-formed XMP")
def xmp_well_formed(doc, fail):
    if doc.xmp is not None and doc.xmp.error:
        fail(f"the XMP packet cannot be read: {doc.xmp.error}")


@check("A2-6.6.2.3-7", A2, "ISO 19005-2 6.6.2.3.1", "XMP properties predefined or declared in an extension schema")
def xmp_schemas(doc, fail):
    if doc.xmp is None or doc.xmp.error:
        return
    declared = doc.xmp.extension_properties()
    for ns, name, _ in doc.xmp.props:
        if ns not in PREDEFINED and name not in declared.get(ns, set()):
            prefix = "/".join(sorted(doc.xmp.prefixes.get(ns, {"?"})))
            fail(f"{prefix}:{name} ({ns}) is not predefined and no PDF/A extension schema declares it")


@check("A2-6.6.4", A2, "ISO 19005-2 6.6.4", "pdfaid:part 2 and a conformance level matching the profile")
def identification(doc, fail):
    problems = identification_problems(doc.xmp, PDFAID, "pdfaid", "2", "PDF/A")
    for problem in problems:
        fail(problem)
    if doc.xmp is None or doc.xmp.error:
        return
    level = doc.xmp.value(PDFAID, "conformance")
    wanted = {"U", "A"} if "a2u" in getattr(doc, "profiles", ()) else {"B", "U", "A"}
    if level not in wanted:
        fail(f"pdfaid:conformance is {level!r}; this profile needs {' or '.join(sorted(wanted))}")


_PDF_DATE = re.compile(r"D:(\d{4})(\d\d)?(\d\d)?(\d\d)?(\d\d)?(\d\d)?([Zz+-])?(\d\d)?'?(\d\d)?")
_XMP_DATE = re.compile(r"(\d{4})(?:-(\d\d))?(?:-(\d\d))?(?:T(\d\d):(\d\d)(?::(\d\d))?(?:\.\d+)?)?(Z|[+-]\d\d:\d\d)?")


def _instant(text, pdf):
    m = _PDF_DATE.match(text) if pdf else _XMP_DATE.fullmatch(text.strip())
    if not m:
        return None
    g = m.groups()
    parts = [int(x) if x else d for x, d in zip(g[:6], (0, 1, 1, 0, 0, 0))]
    offset = 0
    if pdf and g[6] in ("+", "-"):
        offset = (int(g[7] or 0) * 60 + int(g[8] or 0)) * (1 if g[6] == "+" else -1)
    elif not pdf and g[6] and g[6] != "Z":
        offset = (int(g[6][1:3]) * 60 + int(g[6][4:6])) * (1 if g[6][0] == "+" else -1)
    try:
        return datetime.datetime(*parts) - datetime.timedelta(minutes=offset)
    except ValueError:
        return None


INFO_XMP = [("/Title", DC, "title"), ("/Author", DC, "creator"), ("/Subject", DC, "description"),
            ("/Keywords", PDF_NS, "Keywords"), ("/Creator", XMP_BASIC, "CreatorTool"),
            ("/Producer", PDF_NS, "Producer"), ("/CreationDate", XMP_BASIC, "CreateDate"),
            ("/ModDate", XMP_BASIC, "ModifyDate")]


@check("PP-info-xmp", A2 | UA1, "issue 23; ISO 19005-1 6.7.3, ISO 19005-2 6.6", "Info entries equal their XMP")
def info_matches_xmp(doc, fail):
    info = doc.info
    if info is None:
        return
    xmp = doc.xmp if doc.xmp is not None and not doc.xmp.error else None
    present = [key for key, _, _ in INFO_XMP if isinstance(info.get(key), pikepdf.String)]
    if xmp is None:
        if present:
            fail(f"Info has {', '.join(k[1:] for k in present)} but there is no readable XMP to match")
        return
    for key, ns, name in INFO_XMP:
        if key not in present:
            continue
        text = str(info.get(key))
        values = xmp.values(ns, name)
        if key.endswith("Date"):
            same = values and _instant(text, True) is not None and _instant(text, True) == _instant(values[0], False)
        elif key == "/Author":
            same = text in values[:1] or text == ", ".join(values)
        else:
            same = values[:1] == [text]
        if not same:
            fail(f"Info {key} {text!r} differs from XMP {name} {values[0] if values else '(absent)'!r}")
