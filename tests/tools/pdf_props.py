#!/usr/bin/env python3
"""Checks the properties every postpress PDF must have, with poppler-utils and qpdf.

usage: pdf_props.py FILE.pdf [--expect TEXT]... [--edge PT] [--max-ppi N] [--outline] [--quick | --text]

Prints one line per property and exits 1 when any fails:
  qpdf      the structure checks clean (qpdf --check)
  fonts     at least one font, every font embedded (pdffonts)
  expect    every --expect text occurs in the extracted text (whitespace-insensitive)
  poppler   poppler reads the file without a syntax error or warning (a bad CMap, a broken
            stream: what other readers may choke on)
  edges     no word closer than --edge points to a page edge (pdftotext -bbox)
  collide   no two words on a page overlap by more than a quarter of the smaller one
  ppi       no image drawn above --max-ppi (pdfimages -list)
  outline   bookmarks exist (only checked with --outline)
--quick checks the file and its text only (qpdf, fonts, expect, poppler), not the placement of
every word: for a caller whose same output is checked in full elsewhere.
--text checks the text only (expect, poppler): for a caller that runs ../shared/tools/pdfcheck
on the same file, which checks the rest the same way (qpdf --check, pdffonts' emb column, the
words' boxes against the same edge and a quarter of the smaller word, pdfimages' ppi, qpdf's
outline), and reads the text with -layout rather than as here.
With PP_CHECK_CACHE set, a pass of the same checks on the same bytes (this file, its options,
qpdf's and poppler's versions) recorded there is printed again instead (verdict_cache.py).
"""
import argparse
import html
import json
import os
import re
import subprocess
import sys
from concurrent.futures import ThreadPoolExecutor

from verdict_cache import key, record_pass, recorded_pass


def tool(*argv):
    done = subprocess.run(list(argv), stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    return done.returncode, done.stdout.decode("utf-8", "replace"), done.stderr.decode("utf-8", "replace")


def squash(text):
    return " ".join(text.split())


def check_qpdf(pdf):
    code, out, err = tool("qpdf", "--check", pdf)
    problems = [line for line in (out + err).splitlines()
                if re.search(r"(?i)\b(warning|error|damaged)\b", line)
                and "No syntax or stream encoding errors" not in line
                and "errors that qpdf cannot detect" not in line]
    return code == 0 and not problems, problems[:3]


def check_fonts(pdf):
    code, out, _ = tool("pdffonts", pdf)
    lines = out.splitlines()
    if code != 0 or len(lines) < 3:
        return False, "no fonts listed"
    header = lines[0]
    emb_at = header.index("emb")
    missing = [row.split()[0] for row in lines[2:] if row[emb_at:emb_at + 3] != "yes"]
    return not missing, f"{len(lines) - 2} fonts, not embedded: {missing[:3]}"


def check_expect(pdf, expected):
    """The expected texts, and poppler's complaints while it extracted them."""
    code, out, err = tool("pdftotext", pdf, "-")
    text = squash(out)
    absent = [e for e in expected if squash(e) not in text]
    complaints = sorted({line.strip() for line in err.splitlines() if line.startswith("Syntax ")})
    return ((code == 0 and text and not absent, f"{len(text)} chars, absent: {absent[:5]}"),
            (not complaints, f"{len(complaints)} distinct complaints {complaints[:3]}"))


# pdftotext -bbox's XHTML read with one regular expression rather than an XML parser (a
# thousand-page digest: 0.4 s instead of 1.7); every <word> must match it, or the page is refused.
_PAGE_OR_WORD = re.compile(r'<page width="([^"]*)" height="([^"]*)">'
                           r'|<word xMin="([^"]*)" yMin="([^"]*)" xMax="([^"]*)" yMax="([^"]*)">([^<]*)</word>')


def page_words(pdf):
    code, out, err = tool("pdftotext", "-bbox", pdf, "-")
    if code != 0:
        raise RuntimeError(err)
    pages, words = [], 0
    for m in _PAGE_OR_WORD.finditer(out):
        if m.group(1) is not None:
            boxes = []
            pages.append((float(m.group(1)), float(m.group(2)), boxes))
        elif pages:
            boxes.append((float(m.group(3)), float(m.group(4)), float(m.group(5)), float(m.group(6)),
                          html.unescape(m.group(7))))
            words += 1
    if words != out.count("<word ") or len(pages) != out.count("<page "):
        raise RuntimeError(f"pdftotext -bbox wrote {out.count('<word ')} words on {out.count('<page ')} pages, "
                           f"{words} on {len(pages)} read")
    return pages


def collisions(boxes):
    """The pairs of words whose boxes overlap by more than a quarter of the smaller one. Two
    boxes overlap only where their heights do: the words are cut into runs whose heights chain
    together (a line, or lines set close enough to touch), and each run is swept along x, where
    a word meets only the next few of its line (a sweep of the page along y met every later
    word of the line: 1.8 s of a thousand-page digest, now under 1)."""
    found, run, reach = [], [], 0.0
    for box in sorted(boxes, key=lambda b: b[1]):
        if run and box[1] >= reach:
            _sweep_run(run, found)
            run = []
        reach = box[3] if not run or box[3] > reach else reach
        run.append(box)
    _sweep_run(run, found)
    return found


def _sweep_run(run, found):
    """Comparisons written out rather than min() and max(): a run of lines set close enough to
    touch meets several words of the other lines per word, and those calls were most of this
    checker's own time on a thousand-page digest."""
    run.sort(key=lambda b: b[0])
    count = len(run)
    for i, a in enumerate(run):
        ax0, ay0, ax1, ay1 = a[0], a[1], a[2], a[3]
        for k in range(i + 1, count):  # not run[i + 1:]: a copy of the rest per word
            b = run[k]
            bx0 = b[0]
            if bx0 >= ax1:
                break
            by0, bx1, by1 = b[1], b[2], b[3]
            dy = (ay1 if ay1 < by1 else by1) - (ay0 if ay0 > by0 else by0)
            if dy <= 0:
                continue
            dx = (ax1 if ax1 < bx1 else bx1) - bx0
            if dx <= 0:
                continue
            area_a = (ax1 - ax0) * (ay1 - ay0)
            area_b = (bx1 - bx0) * (by1 - by0)
            smaller = area_a if area_a < area_b else area_b
            if smaller > 0 and dx * dy > smaller / 4:
                found.append((a, b))


def check_edges_and_collisions(pdf, edge):
    outside, collided = [], []
    for number, (width, height, boxes) in enumerate(page_words(pdf), 1):
        for x0, y0, x1, y1, text in boxes:
            if min(x0, y0) < edge - 0.5 or x1 > width - edge + 0.5 or y1 > height - edge + 0.5:
                outside.append(f"p{number} {text[:30]!r}")
        collided.extend(f"p{number} {a[4][:20]!r}/{b[4][:20]!r}" for a, b in collisions(boxes))
    return (not outside, f"{len(outside)} outside {outside[:4]}"), \
           (not collided, f"{len(collided)} collisions {collided[:4]}")


def check_ppi(pdf, limit):
    _, out, _ = tool("pdfimages", "-list", pdf)
    worst, over = 0.0, []
    for line in out.splitlines()[2:]:
        cols = line.split()
        if len(cols) > 13 and cols[2] == "image":
            try:
                ppi = max(float(cols[12]), float(cols[13]))
            except ValueError:
                continue
            worst = max(worst, ppi)
            if ppi > limit:
                over.append(f"p{cols[0]}#{cols[1]} {ppi:.0f}")
    return not over, f"max {worst:.0f} ppi, over: {over[:4]}"


def count_outline(pdf):
    _, out, _ = tool("qpdf", "--json", "--json-key=outlines", pdf)
    try:
        items = json.loads(out).get("outlines", [])
    except ValueError:
        return 0
    stack, n = list(items), 0
    while stack:
        item = stack.pop()
        n += 1
        stack.extend(item.get("kids", []))
    return n


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf")
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--edge", type=float, default=18.0)
    parser.add_argument("--max-ppi", type=float, default=400.0)
    parser.add_argument("--outline", action="store_true")
    parser.add_argument("--quick", action="store_true")
    parser.add_argument("--text", action="store_true")
    args = parser.parse_args()
    if args.quick and args.text:
        parser.error("--quick or --text, not both")
    cache, digest = os.environ.get("PP_CHECK_CACHE"), None
    if cache:
        options = [f"edge={args.edge!r}", f"max-ppi={args.max_ppi!r}", f"outline={args.outline}",
                   f"quick={args.quick}", f"text={args.text}", *(f"expect={e}" for e in args.expect)]
        digest = key(os.path.abspath(__file__), options, [args.pdf], [["qpdf", "--version"], ["pdftotext", "-v"]])
        output = recorded_pass(cache, digest)
        if output is not None:
            print(output, end="")
            print(f"pdf_props: a pass of the same checks on the same bytes, recorded in {cache}")
            return 0
    output, failed = check(args)
    print(output, end="")
    if digest and not failed:
        record_pass(cache, digest, output)
    return 1 if failed else 0


def check(args):
    """(the report's lines, the names of the failed checks)."""
    # The tools run side by side (each reads the file on its own; a whole blog's PDF of a
    # thousand pages took 40 s one after another, qpdf --check a third of it), the words'
    # placement is checked here meanwhile.
    whole = not (args.quick or args.text)
    with ThreadPoolExecutor(max_workers=4) as pool:
        if not args.text:
            qpdf = pool.submit(check_qpdf, args.pdf)
            fonts = pool.submit(check_fonts, args.pdf)
        expect = pool.submit(check_expect, args.pdf, args.expect)
        if whole:
            ppi = pool.submit(check_ppi, args.pdf, args.max_ppi)
            outline = pool.submit(count_outline, args.pdf)
            placement = check_edges_and_collisions(args.pdf, args.edge)
        results = {} if args.text else {"qpdf": qpdf.result(), "fonts": fonts.result()}
        results["expect"], results["poppler"] = expect.result()
        if whole:
            results["edges"], results["collide"] = placement
            results["ppi"] = ppi.result()
            entries = outline.result()
            results["outline"] = (entries > 0 or not args.outline, f"{entries} entries")

    failed = [name for name, (ok, _) in results.items() if not ok]
    lines = [f"{'pass' if ok else 'FAIL'} {name:8} {detail}" for name, (ok, detail) in results.items()]
    lines.append(f"pdf_props: {len(results) - len(failed)} passed, {len(failed)} failed")
    return "".join(line + "\n" for line in lines), failed


if __name__ == "__main__":
    sys.exit(main())
