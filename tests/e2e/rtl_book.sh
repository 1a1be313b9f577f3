#!/usr/bin/env bash
# A right-to-left book (issue 19): tests/fixtures/rtl_book built from its postpress.yaml, whose
# `language: fa` makes the digest Persian. The book's own parts run from the right (contents:
# titles at the right edge, page numbers at the left, leaders between; running heads with the
# digest's title at the right), its pages face right to left (/Direction /R2L); its labels,
# dates and page numbers are Persian (۱۲); a left-to-right post keeps its own pages left to
# right and its title its own order; the Persian post's Links list numbers are drawn ".۱۲"
# (the Persian digits and the full stop from two fonts) and read "۱۲."; the EPUB turns its
# pages right to left. Both files pass the validators.
# ctest-cost: 6
source "$(dirname "$0")/../tools/e2e-lib.sh"
cp -r "$PP_SOURCE_DIR/tests/fixtures/rtl_book" "$WORK/site"
SITE="$WORK/site"
PDF="$SITE/out/rtl-book.pdf"
EPUB="$SITE/out/rtl-book.epub"

# label KEY: the text of a label in lang/fa.yaml.
label() { sed -n "s/^$1: \"\(.*\)\"$/\1/p" "$PP_SOURCE_DIR/lang/fa.yaml"; }

pp build -c "$SITE/postpress.yaml" || { cat "$WORK/stderr"; fail "build failed"; }
grep -E ": (error|warning): " "$WORK/stderr" && fail "errors or warnings while building"

# Titles for the validators: those mixing a right-to-left script with Latin words are checked
# below in the content's order (see scripts.sh: poppler orders such a line's runs by its guess
# of the page's direction).
titles "$SITE" | python3 -c '
import re, sys
for t in sys.stdin:
    if not (re.search("[\u0590-\u08ff]", t) and re.search("[A-Za-z]", t)):
        sys.stdout.write(t)' > "$WORK/titles"
check_pdf_once "$PDF" "$WORK/titles"
check_epub_once "$EPUB" "$WORK/titles"

# The book's layout (tests/tools/rtl_book_props.py).
/usr/bin/python3 "$TOOLS/rtl_book_props.py" "$PDF" --contents "$(label contents)" --head "گزیده سکوی ابری" ||
  fail "the Persian digest is not laid out as a right-to-left book"

# Every title in logical order where it is printed (contents, brief, cover, heading: three times
# at least), in the order of the page's content (pdftotext -raw); the labels in Persian.
pdftotext -raw "$PDF" "$WORK/raw.txt"
titles "$SITE" > "$WORK/all.titles"
python3 - "$WORK/raw.txt" "$WORK/all.titles" "$(label contents)" "$(label at_a_glance)" <<'PY' || fail "a title is not in logical order, or a label not in Persian"
import re, sys
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e\u2066-\u2069]", "", s)
text = strip(open(sys.argv[1], encoding="utf-8").read())
bad = [f"{text.count(strip(t))} times: {t}" for t in open(sys.argv[2], encoding="utf-8").read().splitlines()
       if t.strip() and text.count(strip(t)) < 3]
bad += [f"no label {l}" for l in sys.argv[3:] if strip(l) not in text]
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# Page numbers in Persian digits; the Persian post's Links list: its twelfth number drawn
# ".۱۲" (the full stop left of the digits, the digits left to right; MuPDF gives the glyphs as
# drawn) and read "۱۲." before its entry (pdftotext).
pdftotext "$PDF" "$WORK/text.txt"
/usr/bin/python3 - "$PDF" "$WORK/text.txt" <<'PY' || fail "the Persian Links list's numbers are not set right to left"
import re, sys
import fitz
bad = []
doc = fitz.open(sys.argv[1])
drawn = []
for page in doc:
    chars = [c for b in page.get_text("rawdict")["blocks"] for l in b.get("lines", []) for s in l["spans"] for c in s["chars"]]
    for c in chars:
        if c["c"] == "\u06f2":
            line = sorted((d for d in chars if abs(d["origin"][1] - c["origin"][1]) < 1 and d["c"].strip()), key=lambda d: d["bbox"][0])
            drawn.append("".join(d["c"] for d in line))
if not any(".\u06f1\u06f2" in t and "fa/12" in t for t in drawn):
    bad.append(f"not drawn '.۱۲': {[t for t in drawn if 'fa/12' in t]}")
text = re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", open(sys.argv[2], encoding="utf-8").read())
if "\u06f1\u06f2.پیوند" not in text:
    bad.append("the twelfth link is not read '۱۲.' before its entry")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# The EPUB: its spine turns right to left, the book's own documents are Persian and right to
# left, each post's in its language (the English and Russian ones left to right).
python3 "$TOOLS/epub_langs.py" "$EPUB" > "$WORK/langs.tsv" || fail "lang and xml:lang differ"
for want in $'content.opf\tfa\trtl' $'nav.xhtml\tfa\trtl' $'p001.xhtml\tfa\trtl' $'p002.xhtml\ten\t-' $'p004.xhtml\tru\t-'; do
  grep -qxF "$want" "$WORK/langs.tsv" || { cat "$WORK/langs.tsv"; fail "the EPUB lacks: $want"; }
done

echo "rtl_book: the Persian digest is a right-to-left book"
