#!/usr/bin/env python3
"""The languages an EPUB declares: one line per content document, `FILE<TAB>LANG<TAB>DIR`
(its <html>'s lang, and dir or "-"; xml:lang must equal lang), then
`content.opf<TAB>DC_LANGUAGE<TAB>PAGE_PROGRESSION` (the spine's, or "-").

    epub_langs.py book.epub
"""
import re
import sys
import zipfile


def attrs(tag):
    return dict(re.findall(r'([\w:-]+)="([^"]*)"', tag))


def main():
    bad = 0
    with zipfile.ZipFile(sys.argv[1]) as z:
        for name in sorted(z.namelist()):
            if not name.endswith(".xhtml"):
                continue
            text = z.read(name).decode("utf-8")
            html = attrs(re.search(r"<html\b[^>]*>", text).group(0))
            if html.get("lang") != html.get("xml:lang"):
                print(f"{name}: lang {html.get('lang')} but xml:lang {html.get('xml:lang')}", file=sys.stderr)
                bad += 1
            print(f"{name.rsplit('/', 1)[-1]}\t{html.get('lang', '-')}\t{html.get('dir', '-')}")
        opf_name = next(n for n in z.namelist() if n.endswith(".opf"))
        opf = z.read(opf_name).decode("utf-8")
        language = re.search(r"<dc:language>([^<]*)</dc:language>", opf).group(1)
        spine = attrs(re.search(r"<spine\b[^>]*>", opf).group(0))
        print(f"content.opf\t{language}\t{spine.get('page-progression-direction', '-')}")
    sys.exit(1 if bad else 0)


if __name__ == "__main__":
    main()
