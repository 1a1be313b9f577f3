#!/usr/bin/python3
"""Checks a PDF against the machine-checkable conditions of PDF/UA-1 (the Matterhorn Protocol)
and PDF/A-2 (ISO 19005-2, levels B and U) that apply to a digest like postpress's. It is what
`postpress --pdf-standard ua-1|a-2b|a-2u` promises (issue 23); veraPDF, the reference validator,
is not packaged for this machine.

usage: pdf_standard_check.py FILE.pdf [--profile ua1|a2b|a2u]... [--only IDS] [--max-lines N]
                             [--struct-order DIGEST.epub]
       pdf_standard_check.py FILE.pdf --struct-text
       pdf_standard_check.py --list

  --profile     ua1 (default), a2b, a2u; repeat or separate with commas to combine
                (ua-1, a-2b, a-2u as postpress spells them are accepted too)
  --only        run only these checks of the selected profiles: ids or id prefixes, separated
                by commas ("MH-01,UA1-struct-root"); repeatable
  --skip        leave out these checks (ids or id prefixes, as --only)
  --max-lines   failure lines printed per check (default 10; 0 prints all)
  --struct-order  also check that the structure tree reads every post of the digest's EPUB in
                source order (struct_text_order.py, on the file these checks have read: a
                whole blog's PDF is read and its content scanned once, not twice); each
                problem prints as "FAIL struct-order: ..." and fails the run
  --struct-text print the structure tree in reading order with each element's text instead
                of checking (exit 1 when there is no structure tree)
  --list        print every check: id, profiles, clause, what it asks

Prints one line per failure, "FAIL <check> [<clause>] page P, obj N 0 R: what", then a summary
line; exit 0 when every check of the selected profiles passes, 1 when one fails (or the file
cannot be read as a PDF), 2 on a usage error.
"""
import argparse
import os
import sys

try:
    import pikepdf  # noqa: F401  (Debian's python3-pikepdf)
except ImportError:
    # Debian's pikepdf is importable only from Debian's interpreter; a python3 from elsewhere
    # (pyenv) may come first on PATH.
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    print("pdf_standard_check: needs pikepdf (Debian package python3-pikepdf; scripts/install-deps.sh)",
          file=sys.stderr)
    sys.exit(2)

from pdfstd import checks_ua, checks_tree, checks_fonts, checks_pdfa_file, checks_pdfa_graphics  # noqa: F401,E402
from pdfstd import struct_text  # noqa: E402
from pdfstd.document import Doc  # noqa: E402
from pdfstd.registry import PROFILES, REGISTRY, Report  # noqa: E402

ALIASES = {"ua-1": "ua1", "a-2b": "a2b", "a-2u": "a2u"}


def profiles_of(values):
    chosen = []
    for value in values or ["ua1"]:
        for item in value.split(","):
            item = ALIASES.get(item.strip().lower(), item.strip().lower())
            if item not in PROFILES:
                raise argparse.ArgumentTypeError(f"unknown profile {item!r} (choose from {', '.join(PROFILES)})")
            if item not in chosen:
                chosen.append(item)
    return chosen


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0],
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("pdf", nargs="?")
    parser.add_argument("--profile", action="append")
    parser.add_argument("--only", action="append")
    parser.add_argument("--skip", action="append")
    parser.add_argument("--max-lines", type=int, default=10)
    parser.add_argument("--struct-order", metavar="EPUB")
    parser.add_argument("--struct-text", action="store_true")
    parser.add_argument("--list", action="store_true")
    args = parser.parse_args(argv)
    try:
        profiles = profiles_of(args.profile)
    except argparse.ArgumentTypeError as e:
        parser.error(str(e))
    if args.list:
        for c in REGISTRY:
            print(f"{c.id:16} {','.join(p for p in PROFILES if p in c.profiles):12} {c.clause}: {c.title}")
        return 0
    if not args.pdf:
        parser.error("a PDF file is needed")
    if not os.path.isfile(args.pdf):
        parser.error(f"no such file: {args.pdf}")
    try:
        doc = Doc(args.pdf)
    except pikepdf.PdfError as e:
        print(f"FAIL {args.pdf}: not readable as a PDF: {e}")
        return 1
    doc.profiles = profiles
    if args.struct_text:
        if doc.struct.root is None:
            print(f"{args.pdf}: no structure tree (the PDF is not tagged)")
            return 1
        for line in struct_text.lines(doc):
            print(line)
        return 0
    report = Report(args.max_lines if args.max_lines > 0 else sys.maxsize)
    chosen = [c for c in REGISTRY if c.profiles & set(profiles)]
    for option, keep in ((args.only, True), (args.skip, False)):
        if not option:
            continue
        named = [w.strip() for value in option for w in value.split(",") if w.strip()]
        unknown = [w for w in named if not any(c.id.startswith(w) for c in REGISTRY)]
        if unknown:
            parser.error(f"no check matches {', '.join(unknown)} (--list prints them)")
        chosen = [c for c in chosen if any(c.id.startswith(w) for w in named) == keep]
    report.run(doc, chosen)
    for line in report.lines():
        print(line)
    print(report.summary(args.pdf, profiles))
    disordered = []
    if args.struct_order:
        import struct_text_order  # noqa: E402  (only here: it reads the EPUB's XHTML)
        disordered = struct_text_order.problems(doc, args.struct_order)
        for problem in disordered:
            print(f"FAIL struct-order: {problem}")
        print(f"{'FAIL' if disordered else 'PASS'} {args.pdf}: struct-order against {args.struct_order}, "
              f"{len(disordered)} problems")
    return 1 if report.failed() or disordered else 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
