#!/usr/bin/python3
"""Checks that a PDF is laid out as a right-to-left book (issue 19): its pages face right to
left, its contents run from the right, its running heads are mirrored. Glyph positions are
MuPDF's (PyMuPDF), which gives each glyph where it is drawn.

usage: rtl_book_props.py FILE.pdf --contents LABEL [--head DIGEST_TITLE] [--ltr]

Prints one line per property and exits 1 when any fails:
  direction  the catalog's /ViewerPreferences say /Direction /R2L (none with --ltr)
  contents   on the page the outline entry LABEL leads to, every line with dot leaders has its
             page number at the left edge of the text and its title ending at the right edge,
             the leaders between them (with --ltr: the title at the left, the number at the right)
  heads      on every page whose running head holds DIGEST_TITLE, the digest's title ends at the
             right edge of the head line and the post's title starts at its left edge
"""
import argparse
import sys
import unicodedata

import fitz

EDGE = 1.5  # pt: how far from an edge still counts as at it


def lines_of(page):
    """The page's glyphs by baseline (rounded to the point), each line left to right."""
    chars = [c for b in page.get_text("rawdict")["blocks"] for l in b.get("lines", []) for s in l["spans"]
             for c in s["chars"] if c["c"].strip()]
    lines = {}
    for c in chars:
        lines.setdefault(round(c["origin"][1]), []).append(c)
    return {y: sorted(l, key=lambda c: c["bbox"][0]) for y, l in lines.items()}


def is_digit(ch):
    return unicodedata.category(ch) == "Nd"


def check_direction(doc, ltr):
    prefs = doc.xref_get_key(doc.pdf_catalog(), "ViewerPreferences")[1]
    r2l = "/Direction/R2L" in prefs.replace(" ", "")
    ok = r2l != ltr
    return ok, f"/ViewerPreferences {prefs}"


def check_contents(doc, label, ltr):
    page_no = next((p for level, title, p in doc.get_toc() if title == label), None)
    if page_no is None:
        return False, f"no outline entry {label!r}"
    page = doc[page_no - 1]
    lines = lines_of(page)
    left = min(c["bbox"][0] for l in lines.values() for c in l)
    right = max(c["bbox"][2] for l in lines.values() for c in l)
    dots = [d["rect"] for d in page.get_drawings() if d["rect"].width < 1.5 and d["rect"].height < 1.5]
    entries, bad = 0, []
    for y, line in lines.items():
        leaders = [r for r in dots if abs(r.y1 - y) < 2]
        if len(leaders) < 3:
            continue
        entries += 1
        number, end = (line[-1], line[0]) if ltr else (line[0], line[-1])
        title_edge = end["bbox"][0] if ltr else end["bbox"][2]
        text = "".join(c["c"] for c in line)
        if not is_digit(number["c"]):
            bad.append(f"{text!r}: no page number at the {'right' if ltr else 'left'}")
        if abs(title_edge - (left if ltr else right)) > EDGE:
            bad.append(f"{text!r}: the title does not reach the {'left' if ltr else 'right'} edge ({title_edge:.1f})")
        if abs((number["bbox"][2] if ltr else number["bbox"][0]) - (right if ltr else left)) > EDGE:
            bad.append(f"{text!r}: the page number is not at the {'right' if ltr else 'left'} edge")
        lo, hi = min(r.x0 for r in leaders), max(r.x1 for r in leaders)
        inside = [c for c in line if lo < (c["bbox"][0] + c["bbox"][2]) / 2 < hi]
        if inside:
            bad.append(f"{text!r}: leaders drawn over {''.join(c['c'] for c in inside)!r}")
    if entries == 0:
        return False, f"page {page_no}: no contents line with leaders"
    return not bad, f"page {page_no}: {entries} entries" + ("; " + "; ".join(bad) if bad else "")


def check_heads(doc, title):
    pages, bad = 0, []
    for page in doc:
        lines = lines_of(page)
        if not lines:
            continue
        top = min(lines)
        head = lines[top]
        text = "".join(c["c"] for c in head)
        if title.replace(" ", "") not in text and title.replace(" ", "")[::-1] not in text:
            continue
        pages += 1
        # The head line's two titles: the widest gap between glyphs parts them.
        gaps = [(head[k + 1]["bbox"][0] - head[k]["bbox"][2], k) for k in range(len(head) - 1)]
        if not gaps:
            continue
        _, k = max(gaps)
        left_part = "".join(c["c"] for c in head[:k + 1])
        right_part = "".join(c["c"] for c in head[k + 1:])
        if not (title.replace(" ", "") in right_part or title.replace(" ", "")[::-1] in right_part):
            bad.append(f"page {page.number + 1}: the digest's title is not at the right: {left_part!r} | {right_part!r}")
    if pages == 0:
        return False, f"no running head holds {title!r}"
    return not bad, f"{pages} pages with running heads" + ("; " + "; ".join(bad) if bad else "")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("pdf")
    ap.add_argument("--contents", required=True)
    ap.add_argument("--head")
    ap.add_argument("--ltr", action="store_true")
    args = ap.parse_args()
    doc = fitz.open(args.pdf)
    results = [("direction", *check_direction(doc, args.ltr)), ("contents", *check_contents(doc, args.contents, args.ltr))]
    if args.head:
        results.append(("heads", *check_heads(doc, args.head)))
    for name, ok, what in results:
        print(f"{'pass' if ok else 'FAIL'} {name:10} {what}")
    return 0 if all(ok for _, ok, _ in results) else 1


if __name__ == "__main__":
    sys.exit(main())
