#!/usr/bin/python3
"""Checks that a digest's PDF keeps each post's story in order, against its own EPUB.

The EPUB sets every post in source order (nothing floats there), so it is the reference for
which heading each picture belongs under. For every post of the EPUB this reads, from the PDF
(with PyMuPDF, Debian's python3-fitz):
  * the post's pages (from the outline: the post's entry to the next top-level entry) and the
    headings inside it (outline entries below the post, with their page and top);
  * every picture drawn on those pages, with its page and top;
and checks:
  1. pictures: the PDF has the post's pictures in the same order (aspect ratios agree), and each
     sits under the same heading as in the source (the last heading above it in reading order);
  2. fill: every page of the post but its last is filled to at least --min-fill (default 0.6) of
     the text block's height (running heads and folios excluded).

  story_order.py DIGEST.pdf DIGEST.epub [--post TITLE]... [--min-fill 0.6] [--verbose]

Exit 0 when every check passes, 1 with one line per problem, 2 on bad usage or unreadable files.
Written for tests: run it on image-heavy posts of any blog.
"""
import argparse
import re
import sys
import unicodedata

try:
    import fitz  # PyMuPDF
except ImportError:  # pragma: no cover
    print("story_order.py: needs PyMuPDF (Debian package python3-fitz) under /usr/bin/python3", file=sys.stderr)
    sys.exit(2)

from epub_sections import XHTML, post_sections  # noqa: E402
HEADINGS = {f"{XHTML}h{i}" for i in range(2, 7)}
ASPECT_TOLERANCE = 0.06  # a rendition rounds sizes to whole pixels; a crop or swap is far more


def norm(text):
    """Headings compared as words: case, spacing, punctuation and ellipses do not matter."""
    text = unicodedata.normalize("NFKC", text or "").lower()
    return " ".join(re.findall(r"\w+", text))


# ---------------------------------------------------------------------------------------------
# The source order, from the EPUB.

def epub_posts(path):
    """[(title, [(heading, aspect)])] for every post chapter, in spine order."""
    return [(title, list(walk_pictures(section))) for title, section in post_sections(path)]


def walk_pictures(section):
    heading = ""
    for el in section.iter():
        if el.tag in HEADINGS:
            heading = "".join(el.itertext())
        elif el.tag == f"{XHTML}img":
            if "hero" in (el.get("class") or "").split():
                continue  # the post's lead picture is set by its opening, not in the story
            try:
                w, h = float(el.get("width")), float(el.get("height"))
            except (TypeError, ValueError):
                continue  # an image of unknown size (an SVG): not matched by aspect
            if w > 0 and h > 0:
                yield heading, w / h


# ---------------------------------------------------------------------------------------------
# What the PDF shows.

def dest_top(doc, entry):
    """(page index, top in points from the page top) of an outline entry. PyMuPDF gives
    destinations in its own top-down coordinates, as "page=N&view=FitH,TOP" or as a point."""
    page = entry[2] - 1
    top = 0.0
    if len(entry) > 3 and isinstance(entry[3], dict):
        m = re.search(r"FitH,([-0-9.]+)", entry[3].get("name", "") or "")
        if m:
            top = float(m.group(1))
        elif entry[3].get("to") is not None:
            top = entry[3]["to"].y
    return page, top


def pdf_posts(doc):
    """{normalised title: (title, first page, end page (exclusive), start top, end top, [(page, top, heading)])}"""
    toc = doc.get_toc(simple=False)
    posts = {}
    tops = [(i, e) for i, e in enumerate(toc) if e[0] == 1]
    for n, (i, entry) in enumerate(tops):
        start = dest_top(doc, entry)
        if n + 1 < len(tops):
            end = dest_top(doc, tops[n + 1][1])
        else:
            end = (doc.page_count, 0.0)
        headings = []
        j = i + 1
        while j < len(toc) and toc[j][0] > 1:
            p, t = dest_top(doc, toc[j])
            headings.append((p, t, toc[j][1]))
            j += 1
        posts[norm(entry[1])] = (entry[1], start, end, headings)
    return posts


class PageReader:
    """Each page's text blocks and pictures, read once: PyMuPDF builds a whole text page for
    each request, and the furniture, the extents and the pictures ask for the same pages (a
    whole blog's brief: 2.9 of 4.3 CPU s were the text pages, each page's built four times)."""

    def __init__(self, doc):
        self.doc = doc
        self.page_count = doc.page_count
        self._pages, self._blocks, self._images = {}, {}, {}

    def page(self, pno):
        if pno not in self._pages:
            self._pages[pno] = self.doc[pno]
        return self._pages[pno]

    def blocks(self, pno):
        if pno not in self._blocks:
            self._blocks[pno] = self.page(pno).get_text("dict")["blocks"]
        return self._blocks[pno]

    def images(self, pno):
        if pno not in self._images:
            self._images[pno] = self.page(pno).get_image_info()
        return self._images[pno]


def pictures_between(pages, start, end, min_side):
    """[(page, top, aspect)] of pictures drawn from `start` to `end` (page, top), reading order."""
    found = []
    last_page = min(end[0], pages.page_count - 1)
    for pno in range(start[0], last_page + 1):
        for info in pages.images(pno):
            x0, y0, x1, y1 = info["bbox"]
            if max(x1 - x0, y1 - y0) < min_side:
                continue  # logos and icons, not pictures of the story
            if (pno, y0) < (start[0], start[1] - 1) or (pno, y0) >= end:
                continue
            found.append((pno, y0, (x1 - x0) / (y1 - y0)))
    found.sort()
    return found


def heading_above(headings, page, top):
    title = ""
    for hp, ht, text in headings:
        if (hp, ht) <= (page, top + 1):
            title = text
    return title


def furniture_positions(reader, pages):
    """Rounded tops of lines that recur on most pages near the edges: running heads, folios."""
    counts = {}
    for pno in pages:
        page = reader.page(pno)
        seen = set()
        for block in reader.blocks(pno):
            if block.get("type") != 0:
                continue
            for line in block["lines"]:
                y = round(line["bbox"][1])
                if y < page.rect.height * 0.12 or y > page.rect.height * 0.88:
                    seen.add(y)
        for y in seen:
            counts[y] = counts.get(y, 0) + 1
    return {y for y, c in counts.items() if c >= max(2, len(pages) // 2)}


def content_extent(reader, pno, furniture):
    page = reader.page(pno)
    top, bottom = None, None
    for block in reader.blocks(pno):
        if block.get("type") == 0:
            for line in block["lines"]:
                if round(line["bbox"][1]) in furniture or not "".join(s["text"] for s in line["spans"]).strip():
                    continue
                top = line["bbox"][1] if top is None else min(top, line["bbox"][1])
                bottom = line["bbox"][3] if bottom is None else max(bottom, line["bbox"][3])
    for info in reader.images(pno):
        top = info["bbox"][1] if top is None else min(top, info["bbox"][1])
        bottom = info["bbox"][3] if bottom is None else max(bottom, info["bbox"][3])
    for d in page.get_drawings():  # code backgrounds, rules, QR codes
        r = d["rect"]
        if r.y0 < page.rect.height * 0.06 or r.y1 > page.rect.height * 0.94:
            continue
        top = r.y0 if top is None else min(top, r.y0)
        bottom = r.y1 if bottom is None else max(bottom, r.y1)
    return top, bottom


# ---------------------------------------------------------------------------------------------

def main():
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("pdf")
    ap.add_argument("epub")
    ap.add_argument("--post", action="append", default=[], help="check only these titles")
    ap.add_argument("--min-fill", type=float, default=0.6)
    ap.add_argument("--min-side", type=float, default=40, help="pictures smaller than this (pt) are ignored")
    ap.add_argument("--verbose", action="store_true")
    args = ap.parse_args()
    try:
        doc = fitz.open(args.pdf)
        source = epub_posts(args.epub)
    except Exception as e:  # unreadable input is a usage problem, not a failed check
        print(f"story_order.py: {e}", file=sys.stderr)
        return 2
    laid = pdf_posts(doc)
    wanted = {norm(t) for t in args.post}
    problems, checked = [], 0

    body_pages = sorted({p for _, s, e, _ in laid.values() for p in range(s[0], min(e[0] + 1, doc.page_count))})
    reader = PageReader(doc)
    furniture = furniture_positions(reader, body_pages)
    extents = {p: content_extent(reader, p, furniture) for p in body_pages}
    block_top = min((t for t, _ in extents.values() if t is not None), default=0)
    block_bottom = max((b for _, b in extents.values() if b is not None), default=1)

    for title, pics in source:
        key = norm(title)
        if wanted and key not in wanted:
            continue
        if key not in laid:
            problems.append(f"{title}: not in the PDF's outline")
            continue
        checked += 1
        _, start, end, headings = laid[key]
        shown = pictures_between(reader, start, end, args.min_side)
        if len(shown) == len(pics) + 1 and shown and shown[0][0] == start[0]:
            shown = shown[1:]  # the opening's lead picture (hero), which the EPUB marks apart
        if len(shown) != len(pics):
            problems.append(f"{title}: {len(pics)} pictures in the source, {len(shown)} in the PDF")
        for n, ((src_heading, src_aspect), (page, top, aspect)) in enumerate(zip(pics, shown), 1):
            if abs(aspect - src_aspect) > ASPECT_TOLERANCE * src_aspect:
                problems.append(f"{title}: picture {n} on page {page + 1}: aspect {aspect:.2f}, "
                                f"source's picture {n} has {src_aspect:.2f} (order differs)")
                break
            pdf_heading = heading_above(headings, page, top)
            if norm(pdf_heading) != norm(src_heading):
                problems.append(f"{title}: picture {n} (page {page + 1}) sits under "
                                f"'{pdf_heading or '(post start)'}', in the source under "
                                f"'{src_heading or '(post start)'}'")
            elif args.verbose:
                print(f"ok: {title}: picture {n} page {page + 1} under '{pdf_heading}'")
        # The post's last page is exempt: the page the next part starts on, unless that part
        # starts at the top of a fresh page (then the page before it).
        last_page = end[0] - 1 if end[1] <= block_top + 40 else end[0]
        for pno in range(start[0], min(last_page, doc.page_count)):
            top, bottom = extents.get(pno, (None, None))
            if bottom is None:
                problems.append(f"{title}: page {pno + 1} is empty")
                continue
            fill = (bottom - block_top) / max(1.0, block_bottom - block_top)
            if args.verbose:
                print(f"fill: {title}: page {pno + 1}: {fill:.0%}")
            if fill < args.min_fill:
                problems.append(f"{title}: page {pno + 1} ends at {fill:.0%} of the text block "
                                f"(not the post's last page)")
    for p in problems:
        print(p)
    print(f"story_order: {checked} posts checked, {len(problems)} problems")
    return 1 if problems else 0


if __name__ == "__main__":
    sys.exit(main())
