#!/usr/bin/env python3
"""Checks the properties every postpress EPUB must have.

usage: epub_props.py FILE.epub [--expect TEXT]... [--max-px N] [--quick]

Prints one line per property and exits 1 when any fails:
  epubcheck  W3C EPUBCheck reports no fatal error, error or warning (skipped, and reported as
             such, when java or the epubcheck jar is missing, or with --quick: for a caller that
             runs EPUBCheck on the same file itself, as ../shared/tools/epubcheck does, or whose
             same output is checked in full elsewhere). With PP_EPUBCHECK_SPOOL set, one
             EPUBCheck process serves every check (epubcheck_service.py)
  mimetype   the first entry is `mimetype`, stored, saying application/epub+zip
  nav        the navigation document has a toc with entries
  expect     every --expect text occurs in the content documents
  images     every image fits --max-px on its longest side (header sizes)
"""
import argparse
import html
import re
import struct
import sys
import zipfile

from epubcheck_service import run_epubcheck


def png_or_jpeg_size(data):
    if data.startswith(b"\x89PNG\r\n\x1a\n"):
        return struct.unpack(">II", data[16:24])
    if data.startswith(b"\xff\xd8"):
        pos = 2
        while pos + 4 <= len(data):
            if data[pos] != 0xFF:
                pos += 1
                continue
            marker = data[pos + 1]
            if 0xC0 <= marker <= 0xCF and marker not in (0xC4, 0xC8, 0xCC):
                height, width = struct.unpack(">HH", data[pos + 5:pos + 9])
                return width, height
            if marker == 0xD8 or 0xD0 <= marker <= 0xD7 or marker == 0x01:
                pos += 2
            else:
                pos += 2 + struct.unpack(">H", data[pos + 2:pos + 4])[0]
    return None


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("epub")
    parser.add_argument("--expect", action="append", default=[])
    parser.add_argument("--max-px", type=int, default=1600)
    parser.add_argument("--quick", action="store_true")
    args = parser.parse_args()

    if args.quick:
        results = {"epubcheck": (True, "skipped: --quick")}
    else:
        results = {"epubcheck": run_epubcheck(args.epub)}
    book = zipfile.ZipFile(args.epub)
    first = book.infolist()[0]
    results["mimetype"] = (first.filename == "mimetype" and first.compress_type == zipfile.ZIP_STORED
                           and book.read(first) == b"application/epub+zip", first.filename)

    texts, toc_entries, oversize, images = [], 0, [], 0
    for info in book.infolist():
        name = info.filename.lower()
        data = book.read(info)
        if name.endswith((".xhtml", ".html")):
            page = data.decode("utf-8", "replace")
            toc = re.search(r'<nav[^>]*epub:type="toc".*?</nav>', page, re.S)
            if toc:
                toc_entries += toc.group(0).count("<li")
            texts.append(html.unescape(re.sub(r"<[^>]*>", " ", page)))
        elif name.endswith((".png", ".jpg", ".jpeg")):
            size = png_or_jpeg_size(data)
            images += 1
            if size is None or max(size) > args.max_px:
                oversize.append(f"{info.filename} {size}")
    text = " ".join(" ".join(texts).split())
    absent = [e for e in args.expect if " ".join(e.split()) not in text]
    results["nav"] = (toc_entries > 0, f"{toc_entries} toc entries")
    results["expect"] = (bool(text) and not absent, f"{len(text)} chars, absent: {absent[:5]}")
    results["images"] = (not oversize, f"{images} images, over {args.max_px}px: {oversize[:4]}")

    failed = [name for name, (ok, _) in results.items() if not ok]
    for name, (ok, detail) in results.items():
        print(f"{'pass' if ok else 'FAIL'} {name:9} {detail}")
    print(f"epub_props: {len(results) - len(failed)} passed, {len(failed)} failed")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
