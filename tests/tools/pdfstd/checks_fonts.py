"""Font checks, for every font text is shown with: embedding, Unicode mapping of every code
shown, the glyph each code selects (present, not .notdef), widths consistent with the program,
and the composite-font plumbing (CIDToGIDMap, CMaps). PDF/UA-1 (Matterhorn 10 and 31) and
PDF/A-2 (6.2.11) ask much the same, each under its own number: each rule is one function,
registered once per standard."""
import pikepdf

from .fonts import name_of
from .registry import A2, A2U, UA1, check

# ISO 32000-1 9.7.5.2 Table 118: the CMaps a reader has; others must be embedded.
PREDEFINED_CMAPS = set("""GB-EUC-H GB-EUC-V GBpc-EUC-H GBpc-EUC-V GBK-EUC-H GBK-EUC-V GBKp-EUC-H
    GBKp-EUC-V GBK2K-H GBK2K-V UniGB-UCS2-H UniGB-UCS2-V UniGB-UTF16-H UniGB-UTF16-V B5pc-H B5pc-V
    HKscs-B5-H HKscs-B5-V ETen-B5-H ETen-B5-V ETenms-B5-H ETenms-B5-V CNS-EUC-H CNS-EUC-V
    UniCNS-UCS2-H UniCNS-UCS2-V UniCNS-UTF16-H UniCNS-UTF16-V 83pv-RKSJ-H 90ms-RKSJ-H 90ms-RKSJ-V
    90msp-RKSJ-H 90msp-RKSJ-V 90pv-RKSJ-H Add-RKSJ-H Add-RKSJ-V EUC-H EUC-V Ext-RKSJ-H Ext-RKSJ-V H V
    UniJIS-UCS2-H UniJIS-UCS2-V UniJIS-UCS2-HW-H UniJIS-UCS2-HW-V UniJIS-UTF16-H UniJIS-UTF16-V
    KSC-EUC-H KSC-EUC-V KSCms-UHC-H KSCms-UHC-V KSCms-UHC-HW-H KSCms-UHC-HW-V KSCpc-EUC-H UniKS-UCS2-H
    UniKS-UCS2-V UniKS-UTF16-H UniKS-UTF16-V Identity-H Identity-V""".split())
SHOWN = 6  # codes quoted per finding


def _label(use):
    return f"font {use.info.base_font or '(no BaseFont)'}"


def _where(use):
    obj = use.info.obj
    return f"{obj.objgen[0]} 0 R" if obj.is_indirect else None


def _page(use):
    return min(use.pages) if use.pages else None


def _codes(use, codes):
    out = []
    for code in sorted(codes)[:SHOWN]:
        text = use.info.unicode(code)
        shown = f" {text!r}" if text and text.isprintable() else ""
        out.append(f"0x{code:04X}{shown}")
    more = f" (+{len(codes) - SHOWN} more)" if len(codes) > SHOWN else ""
    return ", ".join(out) + more


def _report(doc, fail, problem):
    """Runs `problem(use)` on every font used; it returns a message or None."""
    for use in doc.fonts.values():
        message = problem(use)
        if message:
            fail(f"{_label(use)}: {message}", page=_page(use), obj=_where(use))


def not_embedded(use):
    if use.info.subtype == "Type3":
        return None
    if use.info.subtype == "Type0" and use.info.descendant is None:
        return "a composite font without its one descendant CIDFont"
    key, stream = use.info.embedded_stream()
    return None if stream is not None else "the font program is not embedded"


def unmapped(use):
    missing = [c for c in use.codes if use.info.unicode(c) is None]
    if not missing:
        return None
    why = use.info.tounicode_error or "its ToUnicode CMap does not map them"
    return f"{len(missing)} codes shown have no Unicode value ({why}): {_codes(use, missing)}"


def mapped_to_zero(use):
    bad = [c for c in use.codes if "\x00" in (use.info.unicode(c) or "")]
    return f"{len(bad)} codes shown map to U+0000: {_codes(use, bad)}" if bad else None


def mapped_to_bom(use):
    bad = [c for c in use.codes if set(use.info.unicode(c) or "") & {"\ufeff", "\ufffe"}]
    return f"{len(bad)} codes shown map to U+FEFF or U+FFFE: {_codes(use, bad)}" if bad else None


def notdef(use):
    bad = [c for c, rendered in use.codes.items() if rendered and use.info.gid(c) == 0]
    return f"{len(bad)} codes shown select .notdef (glyph 0): {_codes(use, bad)}" if bad else None


def glyph_missing(use):
    program = use.info.program
    if program is None:
        return None
    bad = [c for c, rendered in use.codes.items()
           if rendered and (use.info.gid(c) or 0) >= program.num_glyphs]
    if not bad:
        return None
    return f"{len(bad)} codes shown select glyphs beyond the program's {program.num_glyphs}: {_codes(use, bad)}"


def widths_inconsistent(use):
    program = use.info.program
    if program is None:
        return None
    bad = []
    for code, rendered in use.codes.items():
        gid, width = use.info.gid(code), use.info.width(code)
        if rendered and gid and gid < program.num_glyphs and width is not None:
            if abs(width - program.advance_1000(gid)) > 1.0:
                bad.append(code)
    if not bad:
        return None
    first = min(bad)
    return (f"{len(bad)} glyphs' widths differ from the program's advances by more than 1/1000 em, "
            f"e.g. 0x{first:04X}: {use.info.width(first):g} in /W, "
            f"{program.advance_1000(use.info.gid(first)):.1f} in hmtx: {_codes(use, bad)}")


def cid_to_gid(use):
    cid = use.info.cid_font
    if name_of(cid.get("/Subtype")) != "CIDFontType2":
        return None
    value = cid.get("/CIDToGIDMap")
    if value is None:
        return "a Type 2 CIDFont without /CIDToGIDMap"
    if not (isinstance(value, pikepdf.Stream) or name_of(value) == "Identity"):
        return "a /CIDToGIDMap that is neither a stream nor /Identity"
    return None


def cmap_not_embedded(use):
    if use.info.subtype != "Type0" or isinstance(use.info.encoding, pikepdf.Stream):
        return None
    name = use.info.encoding_name
    return None if name in PREDEFINED_CMAPS else f"CMap /{name or '(none)'} is neither predefined nor embedded"


def cid_system_info(use):
    """ISO 19005-2 6.2.11.3.1: with an embedded CMap, CIDSystemInfo must agree."""
    encoding = use.info.encoding
    if use.info.subtype != "Type0" or not isinstance(encoding, pikepdf.Stream):
        return None
    a, b = use.info.cid_font.get("/CIDSystemInfo"), encoding.get("/CIDSystemInfo")
    if not (isinstance(a, pikepdf.Dictionary) and isinstance(b, pikepdf.Dictionary)):
        return "CIDSystemInfo missing from the CIDFont or the CMap"
    if str(a.get("/Registry")) != str(b.get("/Registry")) or str(a.get("/Ordering")) != str(b.get("/Ordering")):
        return "CIDSystemInfo Registry/Ordering differ between the CIDFont and its CMap"
    if int(a.get("/Supplement", 0)) < int(b.get("/Supplement", 0)):
        return "the CIDFont's CIDSystemInfo Supplement is below its CMap's"
    return None


def font_dictionary(use):
    """ISO 19005-2 6.2.11.2: the font dictionary's required entries (ISO 32000-1 9.6, 9.7)."""
    font = use.info.obj
    if name_of(font.get("/Type")) != "Font":
        return "/Type is not /Font"
    if use.info.subtype not in ("Type0", "Type1", "MMType1", "TrueType", "Type3"):
        return f"/Subtype /{use.info.subtype} is not a font type"
    if use.info.subtype != "Type3" and not use.info.base_font:
        return "no /BaseFont"
    if use.info.subtype in ("Type1", "MMType1", "TrueType", "Type3") and use.info.embedded_stream()[1] is not None:
        widths, first, last = font.get("/Widths"), font.get("/FirstChar"), font.get("/LastChar")
        if not (isinstance(widths, pikepdf.Array) and isinstance(first, int) and isinstance(last, int)
                and len(widths) == int(last) - int(first) + 1):
            return "/Widths, /FirstChar and /LastChar missing or inconsistent"
    return None


_UA_FONT = "ISO 14289-1 7.21"
_RULES = [
    # (UA-1 id, PDF/A-2 id and its profiles, PDF/A clause, title, rule)
    ("MH-31-009", "A2-6.2.11.4-1", A2, "6.2.11.4.1", "font programs embedded", not_embedded),
    ("MH-10-001", "A2-6.2.11.7-1", A2U, "6.2.11.7", "every code shown maps to Unicode", unmapped),
    ("MH-31-028", None, A2U, "6.2.11.7", "no code shown maps to U+0000", mapped_to_zero),
    ("MH-31-029", None, A2U, "6.2.11.7", "no code shown maps to U+FEFF/U+FFFE", mapped_to_bom),
    ("MH-31-030", "A2-6.2.11.8-1", A2, "6.2.11.8", "no code shown selects .notdef", notdef),
    ("MH-31-011", "A2-6.2.11.4-2", A2, "6.2.11.4.1", "every glyph shown is in the embedded program",
     glyph_missing),
    ("MH-31-016", "A2-6.2.11.5-1", A2, "6.2.11.5", "widths in the font dictionary match the program",
     widths_inconsistent),
    ("MH-31-005", "A2-6.2.11.3-2", A2, "6.2.11.3.2", "Type 2 CIDFonts have a CIDToGIDMap", cid_to_gid),
    ("MH-31-006", "A2-6.2.11.3-3", A2, "6.2.11.3.3", "CMaps predefined or embedded", cmap_not_embedded),
]


def _register(id, profiles, clause, title, rule):
    check(id, profiles, clause, title)(lambda doc, fail: _report(doc, fail, rule))


for _ua, _a2, _a2_profiles, _a2_clause, _title, _rule in _RULES:
    _register(_ua, UA1, _UA_FONT, _title, _rule)
    if _a2:
        _register(_a2, _a2_profiles, f"ISO 19005-2 {_a2_clause}", _title, _rule)
_register("A2-6.2.11.7-2", A2U, "ISO 19005-2 6.2.11.7", "no code shown maps to U+0000, U+FEFF or U+FFFE",
          lambda use: mapped_to_zero(use) or mapped_to_bom(use))
_register("A2-6.2.11.3-1", A2, "ISO 19005-2 6.2.11.3.1", "CIDSystemInfo of CIDFont and CMap agree", cid_system_info)
_register("A2-6.2.11.2", A2, "ISO 19005-2 6.2.11.2", "font dictionaries complete", font_dictionary)
