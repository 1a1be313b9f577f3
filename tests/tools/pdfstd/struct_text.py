"""The structure tree read aloud: every element in reading order with the text of the marked
content it refers to, as assistive technology gets it (ActualText replaces what it covers, soft
hyphens are dropped, nothing is guessed from glyph positions: a missing space stays missing).

An element with no block-level element below it prints on one line with all its text (a
paragraph with its links and spans); one with block-level descendants prints its own direct
text, then its children, one level deeper. Figures and formulas show their Alt."""
from .structure import Elem, INLINE

INDENT = "  "


def _mcid_text(doc, page, mcid):
    scans = doc.scans
    return "".join(scans[page].mcid_text.get(mcid, [])) if page < len(scans) else ""


def _clean(text):
    return " ".join(text.replace("\u00ad", "").split()) if text.strip() else ""


def full_text(doc, elem):
    actual = elem.obj.get("/ActualText")
    if actual is not None:
        return str(actual)
    parts = []
    for kid in elem.kids:
        if isinstance(kid, Elem):
            parts.append(full_text(doc, kid))
        elif kid[0] == "mcid":
            parts.append(_mcid_text(doc, kid[1], kid[2]))
    return "".join(parts)


def _own_text(doc, elem):
    return "".join(_mcid_text(doc, k[1], k[2]) for k in elem.kids if not isinstance(k, Elem) and k[0] == "mcid")


def _has_block(elem):
    return any(k.type not in INLINE or _has_block(k) for k in elem.elements())


def _label(elem):
    label = elem.raw_type or "(no /S)"
    if elem.type and elem.type != elem.raw_type:
        label += f" ({elem.type})"
    alt = elem.obj.get("/Alt")
    if alt is not None:
        label += f" [Alt: {_clean(str(alt))}]"
    return label


def lines(doc):
    out = []

    def emit(elem, depth):
        prefix = INDENT * depth + _label(elem)
        if _has_block(elem) and elem.obj.get("/ActualText") is None:
            own = _clean(_own_text(doc, elem))
            out.append(f"{prefix}: {own}" if own else prefix)
            for kid in elem.elements():
                emit(kid, depth + 1)
        else:
            text = _clean(full_text(doc, elem))
            out.append(f"{prefix}: {text}" if text else prefix)

    for top in doc.struct.top:
        emit(top, 0)
    return out
