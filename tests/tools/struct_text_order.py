#!/usr/bin/python3
"""Checks that a tagged PDF's structure tree reads each post's text in source order, against
the digest's own EPUB (which sets every post from the same Document, in source order).

For every post of the EPUB (a <section class="post">, in spine order) it takes the text of
each block (headings, paragraphs, list items, table cells, captions, code; a footnote right
after the block that first marks it, where the printed Note is), and finds the longest run of
them that occur one after another in the text of the PDF's matching <Part> element (the Part
whose <H1> is the post's title). White space is compared as one space; a printed line-end
hyphen is a soft hyphen and reads as nothing. Neither case (kickers are upper case), digits
(link note marks in the printed text: "releases3"), invisible characters nor what each book
labels its own way (a missing picture, an embed's kind) count. A block left out of the run is
either printed differently ("not printed so") or out of order (its text is in the Part
elsewhere); too many left out, a post without its Part or Parts out of order is a failure.

  struct_text_order.py DIGEST.pdf DIGEST.epub [--min-found 0.9] [--verbose]

Exit 0 when every post reads in order, 1 with one line per problem, 2 on bad usage.
"""
import argparse
import bisect
import os
import re
import sys
import unicodedata

try:
    import pikepdf  # noqa: F401
except ImportError:
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("struct_text_order.py: needs pikepdf (python3-pikepdf)", file=sys.stderr)
    sys.exit(2)

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from pdfstd.document import Doc  # noqa: E402
from pdfstd.struct_text import full_text  # noqa: E402

from epub_sections import XHTML, post_sections  # noqa: E402
BLOCKS = {f"{XHTML}{t}" for t in ("h2", "h3", "h4", "h5", "h6", "p", "li", "td", "th", "figcaption", "pre", "dt", "dd")}


def norm(text):
    text = unicodedata.normalize("NFKC", text or "").casefold()
    # What each side draws its own way: code lines' continuation marks, task boxes, soft
    # hyphens, zero-width characters and variation selectors (nothing to print of their own),
    # and digits (the printed book's link note marks follow the linked words).
    text = re.sub(r"[\d\u00ad\u200b-\u200d\u2060\ufe0e\ufe0f\ufeff\u21aa\u2610\u2611\u2612]+", "", text)
    return " ".join(text.split())


def epub_posts(path):
    """[(title, [block text])] for every post, in spine order."""
    return [(title, [text for text, _ in blocks_of(section)]) for title, section in post_sections(path)]


def blocks_of(section):
    """The innermost blocks' texts: a list item holding paragraphs gives the paragraphs. The
    post's header (byline, tags, address) is left out: the printed opening sets it its own way.
    A footnote comes right after the block that first marks it, where the printed page's Note
    is (the EPUB gathers them under "Notes" at the post's end)."""
    notes = {}
    for aside in section.iter(f"{XHTML}aside"):
        if "footnote" in (aside.get("class") or "").split() and aside.get("id"):
            notes[aside.get("id")] = list(innermost(aside, set()))
    skipped = {id(d) for h in section.iter(f"{XHTML}header") for d in h.iter()}
    skipped |= {id(d) for s in section.iter(f"{XHTML}section") if "footnotes" in (s.get("class") or "").split()
                for d in s.iter()}
    for text, el in innermost(section, skipped):
        yield text, el
        for a in el.iter(f"{XHTML}a"):
            if "noteref" in (a.get("class") or "").split():
                yield from notes.pop((a.get("href") or "").lstrip("#"), [])


def innermost(root, skipped):
    """(normalised text, element) of the blocks below root that hold no other block."""
    for el in root.iter():
        if el.tag not in BLOCKS or id(el) in skipped:
            continue
        if any(d.tag in BLOCKS for d in el.iter() if d is not el):
            continue
        text = norm(block_text(el))
        if text:
            yield text, el


# What each book labels its own way: a picture that is not available (the EPUB "[Image: alt —
# address]", the PDF a box or the alt text in brackets), an embed's kind (the PDF's kicker).
OWN_WAY = {"missing-image", "embed-kind"}


def block_text(el):
    """An element's text with a line break (<br/>) read as the space it makes, without what
    each book labels its own way (OWN_WAY)."""
    parts = [el.text or ""]
    for kid in el:
        if kid.tag == f"{XHTML}br":
            parts.append(" ")
        elif OWN_WAY & set((kid.get("class") or "").split()):
            pass
        else:
            parts.append(block_text(kid))
        parts.append(kid.tail or "")
    return "".join(parts)


def unmatched(text, blocks):
    """The indexes of the blocks left out of the longest run of blocks found one after another
    in `text` (each occurrence counts, each block's text ends before the next one's begins). A
    block the PDF does not print that happens to occur much later ("details" inside
    "details-on-demand") then costs that one block, not every block up to that place."""
    # best[k]: the smallest end of a run of k+1 blocks found in order; chain[k]: that run's
    # last link (block index, previous link). Ends grow with k, so a bisection finds the run
    # an occurrence extends.
    best, chain = [], []
    for i, block in enumerate(blocks):
        updates = []
        hit = text.find(block)
        while hit >= 0:
            k = bisect.bisect_right(best, hit)
            updates.append((k, hit + len(block), (i, chain[k - 1] if k else None)))
            hit = text.find(block, hit + 1)
        for k, end, link in updates:  # after the search: a block is used once in a run
            if k == len(best):
                best.append(end)
                chain.append(link)
            elif end < best[k]:
                best[k], chain[k] = end, link
    used, link = set(), chain[-1] if chain else None
    while link is not None:
        used.add(link[0])
        link = link[1]
    return [i for i in range(len(blocks)) if i not in used]


def pdf_parts(doc):
    """[(H1 text, whole text)] of the Parts, in tree order."""
    parts = []

    def visit(elem):
        if elem.type == "Part":
            title = next((full_text(doc, k) for k in elem.elements() if k.type == "H1"), "")
            parts.append((norm(title), norm(full_text(doc, elem))))
            return
        for kid in elem.elements():
            visit(kid)

    for top in doc.struct.top:
        visit(top)
    return parts


def problems(doc, epub, min_found=0.9, verbose=False):
    """One line per problem of `doc`'s structure tree against the EPUB at `epub` (printing each
    post's blocks with `verbose`); pdf_standard_check.py --struct-order calls it on the Doc its
    checks have read."""
    if doc.struct.root is None:
        return [f"{doc.path}: no structure tree"]
    parts = pdf_parts(doc)
    found_problems = []
    at = 0
    for title, blocks in epub_posts(epub):
        key = norm(title)
        index = next((i for i in range(at, len(parts)) if parts[i][0] == key), None)
        if index is None:
            late = any(p[0] == key for p in parts[:at])
            found_problems.append(f"post {title!r}: {'its Part comes before the previous post' if late else 'no Part with this H1'}")
            continue
        at = index + 1
        text = parts[index][1]
        missing = [blocks[i] for i in unmatched(text, blocks)]
        found = len(blocks) - len(missing)
        share = found / len(blocks) if blocks else 1.0
        if verbose:
            print(f"{title}: {found}/{len(blocks)} blocks in order")
            for m in missing:
                print(f"  {'out of order' if m in text else 'not printed so'}: {m[:100]}")
        if share < min_found:
            found_problems.append(f"post {title!r}: only {found} of {len(blocks)} blocks read in order "
                                  f"(first missing: {missing[0][:80]!r})")
    return found_problems


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("pdf")
    parser.add_argument("epub")
    parser.add_argument("--min-found", type=float, default=0.9)
    parser.add_argument("--verbose", action="store_true")
    args = parser.parse_args(argv)
    found = problems(Doc(args.pdf), args.epub, args.min_found, args.verbose)
    for p in found:
        print(p)
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
