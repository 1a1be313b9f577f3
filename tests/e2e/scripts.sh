#!/usr/bin/env bash
# Every script (issue 19): the site tests/fixtures/scripts has a post in each of Arabic, Hebrew,
# Persian, Hindi, Bengali, Tamil, Thai, Japanese, Chinese, Korean, Russian, Ukrainian and Greek,
# each with a heading, a list, a table, code, a link and a Latin product name. It builds with
# no missing glyph; pdftotext gives each post's sentence back in logical order (right-to-left
# runs included: the PDF's glyphs are in visual order, its ToUnicode and ActualText give the
# text; words mixing levels, "(2025)", "2025-12-07", "v1.2-بتا", a URL, in the Persian post), a
# right-to-left list's numbers, and its Links list's, before their items although drawn right
# to left (".1"); Hebrew words with digits in a Greek paragraph in logical order (-raw);
# both files pass the validators; in the EPUB each post's document carries its lang, and
# dir="rtl" when right to left; two pages look like their reference images at 100 dpi (joined
# Arabic right-aligned, Devanagari conjuncts, Thai marks, no boxes).
# ctest-cost: 16
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$PP_SOURCE_DIR/tests/fixtures/scripts"

# Titles the validators look for. A right-to-left title with a Latin word inside is left out:
# pdftotext gives each of its runs in logical order but orders the runs of a right-aligned
# mixed line by the direction of most of the page's text (poppler's guess, one per page): on a
# page of mostly left-to-right text (the contents, a short Hebrew post) they come left to right.
# Nothing in the PDF changes that without lying to other readers: poppler (TextOutputDev's
# reorderText) takes a line's runs in the order of their positions, and reverses an ActualText's
# right-to-left runs placed in logical order (tried: the title's logical text as one ActualText
# reads "قالطإ Kubernetes ..."). Their logical order is checked below in the content's own order
# (pdftotext -raw).
titles "$SITE" | python3 -c '
import re, sys
for t in sys.stdin:
    if not (re.search("[\u0590-\u08ff]", t) and re.search("[A-Za-z]", t)):
        sys.stdout.write(t)' > "$WORK/scripts.titles"
pp build --site "$SITE" -o "$WORK/scripts" --title scripts || { tail -20 "$WORK/stderr"; fail "build failed"; }
grep -E ": error: " "$WORK/stderr" && fail "errors while building"
grep -q "missing-glyph" "$WORK/stderr" && { grep "missing-glyph" "$WORK/stderr"; fail "a character no font has"; }
check_pdf_once "$WORK/scripts.pdf" "$WORK/scripts.titles"
check_epub_once "$WORK/scripts.epub" "$WORK/scripts.titles"

pdftotext "$WORK/scripts.pdf" "$WORK/scripts.txt"
python3 - "$WORK/scripts.txt" "$SITE/sentences.tsv" <<'PY' || fail "a post's sentence is not in the text in logical order"
import re, sys
# Whitespace (lines break anywhere), the bidi marks pdftotext adds around right-to-left text,
# and sentence punctuation (a right-to-left line's final full stop is drawn at its left end).
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e.,،।。]", "", s)
text = strip(open(sys.argv[1], encoding="utf-8").read())
bad = 0
for line in open(sys.argv[2], encoding="utf-8"):
    if line.startswith("#") or not line.strip():
        continue
    lang, sentence = line.rstrip("\n").split("\t")
    if strip(sentence) not in text:
        print(f"{lang}: not found in logical order: {sentence}")
        bad += 1
sys.exit(1 if bad else 0)
PY

# Titles and headings in logical order where they are printed (the contents, the brief, the
# post's heading, running heads): a line's runs are written in the order of its text, however
# the bidi algorithm placed them ("إطلاق Kubernetes الجديد..." is drawn with the Latin word
# between the Arabic ones). Every title at least three times (contents, brief, heading), every
# heading of a post at least once.
pdftotext -raw "$WORK/scripts.pdf" "$WORK/scripts.raw.txt"
titles "$SITE" > "$WORK/all.titles"
python3 - "$WORK/scripts.raw.txt" "$WORK/all.titles" "$SITE/_posts" <<'PY' || fail "a title or heading is not in logical order"
import os, re, sys
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e.,،।。]", "", s)
text = strip(open(sys.argv[1], encoding="utf-8").read())
bad = 0
for title in open(sys.argv[2], encoding="utf-8").read().splitlines():
    if title.strip() and text.count(strip(title)) < 3:
        print(f"title in logical order {text.count(strip(title))} times, expected 3 or more: {title}")
        bad += 1
for post in sorted(os.listdir(sys.argv[3])):
    for heading in re.findall(r"^#+ (.+)$", open(os.path.join(sys.argv[3], post), encoding="utf-8").read(), re.M):
        if strip(heading) not in text:
            print(f"{post}: heading not in logical order: {heading}")
            bad += 1
sys.exit(1 if bad else 0)
PY

# Ordered lists of right-to-left posts: the number reads before its item, "1." (not ".1", nor
# after a Latin word the item starts with: "Kubernetes 1."), in pdftotext's reading of the
# page and in the order of its content (pdftotext -raw), although it is drawn right to left
# (".1", the full stop on the side of the text, as browsers draw the EPUB's markers).
python3 - "$WORK/scripts.txt" "$WORK/scripts.raw.txt" <<'PY' || fail "a right-to-left list's number does not read before its item"
import re, sys
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", s)
bad = 0
hebrew = ("1. Kubernetes רץ על כמה צמתים", "2. התקינו את הגרסה החדשה")
# The Arabic items' first words carry a shadda: pdftotext read them reversed ("1. تّبث") while
# the mark shared its letter's cluster. (pdftotext -raw takes a right-to-left word's glyphs in
# the order drawn, and cannot put a mark between them back in its place.)
arabic = ("1. ثبّت الإصدار الجديد", "2. شغّل الاختبارات")
for path, items in ((sys.argv[1], hebrew + arabic), (sys.argv[2], hebrew)):
    text = strip(open(path, encoding="utf-8").read())
    for item in items:
        if strip(item) not in text:
            print(f"{path}: not read so: {item}")
            bad += 1
sys.exit(1 if bad else 0)
PY

# A right-to-left post's blocks are mirrored (pdftotext -bbox, on the Arabic post's first
# page): list markers, bullets and numbers, hang at the right of their items; the table's first
# column is at the right; the quote is indented from the right (its bar, and the note's, are
# checked below); the caption that starts with a
# Latin word has it at the right; the code block stays left to right at the left edge.
pdftotext -bbox "$WORK/scripts.pdf" "$WORK/scripts.bbox.html"
python3 - "$WORK/scripts.bbox.html" <<'PY' || fail "the Arabic post's blocks are not mirrored"
import re, sys
pages = re.findall(r"<page [^>]*>(.*?)</page>", open(sys.argv[1], encoding="utf-8").read(), re.S)
word_re = r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)</word>'
page = next(p for p in pages if "kubectl" in p and "\u0644" in p)
words = [(float(a), float(b), float(c), float(d), w) for a, b, c, d, w in re.findall(word_re, page)]
# pdftotext gives a right-to-left word's characters as drawn, left to right (a list number as
# it reads, after a right-to-left mark).
find = lambda w: [x for x in words if x[4].lstrip("\u200f") in (w, w[::-1])]
same_line = lambda a: [x for x in words if x is not a and abs((x[1] + x[3]) - (a[1] + a[3])) < 4]
left_edge, right_edge = min(x[0] for x in words), max(x[2] for x in words)
bad = []
markers = find("\u2022") + find("1.") + find("2.")
if len(markers) < 4:
    bad.append(f"{len(markers)} list markers found, expected 4")
for m in markers:
    if any(x[2] > m[0] for x in same_line(m)):
        bad.append(f"list marker {m[4]!r} is not at the right of its item")
first, second = find("الميزة"), find("الحالة")
if not first or not second or first[0][0] < second[0][2]:
    bad.append("the table's first column is not at the right of the second")
quote = find("يقول")
if not quote or quote[0][2] > right_edge - 10:
    bad.append("the block quote is not indented from the right")
caption = [w for w in find("Kubernetes") if len(same_line(w)) >= 3 and "عقد"[::-1] in [x[4] for x in same_line(w)]]
if not caption or any(x[2] > caption[0][0] for x in same_line(caption[0])):
    bad.append("the caption's first word (Kubernetes) is not at the right")
code, get = find("kubectl"), find("get")
if not code or not get or code[0][0] > left_edge + 12 or get[0][0] < code[0][2]:
    bad.append("the code block is not left to right at the left edge")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# The bars of the Arabic post's quote and note (filled rectangles a few points wide) are at the
# right edge of the text, where its lines start.
/usr/bin/python3 - "$WORK/scripts.pdf" <<'PY' || fail "the Arabic post's quote and note bars are not at the right"
import sys
import fitz
doc = fitz.open(sys.argv[1])
page = next(p for p in doc if "kubectl" in p.get_text() and "\u0644" in p.get_text())
right = max(w[2] for w in page.get_text("words"))
bars = [d["rect"] for d in page.get_drawings() if d.get("fill") and d["rect"].width < 4 and d["rect"].height > 8]
misplaced = [b for b in bars if b.x0 < right - 6]
print(f"{len(bars)} bars, {len(misplaced)} not at the right edge ({right:.1f}): {misplaced}" if len(bars) < 2 or misplaced else "")
sys.exit(1 if len(bars) < 2 or misplaced else 0)
PY

# The Arabic post's numbers are drawn right to left: the full stop left of the digit (MuPDF
# gives the glyphs as drawn, not the text they read as); the Persian post's, from 12, with
# their digits left to right (".12"), read "12." before their items.
/usr/bin/python3 - "$WORK/scripts.pdf" "$WORK/scripts.txt" <<'PY' || fail "a right-to-left list's number is not drawn right to left"
import re, sys
import fitz
doc = fitz.open(sys.argv[1])
def spans(letter):
    page = next(p for p in doc if "kubectl" in p.get_text() and letter in p.get_text())
    return {"".join(c["c"] for c in s["chars"]).strip()
            for b in page.get_text("rawdict")["blocks"] for l in b.get("lines", []) for s in l["spans"]}
bad = []
for letter, want in (("\u0644", {".1", ".2"}), ("\u06a9", {".12", ".13"})):
    drawn = spans(letter)
    if not want <= drawn:
        bad.append(f"drawn: {sorted(x for x in drawn if len(x) < 4)}, expected {sorted(want)}")
text = re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", open(sys.argv[2], encoding="utf-8").read())
for item in ("12.نسخهجدیدرانصبکنید", "13.همهآزمونرااجراکنید"):
    if item not in text:
        bad.append(f"not read so: {item}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# The Links list (the post's link targets at its end) numbers its entries as the post's lists
# do: in a right-to-left post drawn ".1" (MuPDF gives the glyphs as drawn) and read "1." before
# the entry (pdftotext); in a left-to-right post drawn and read "1.".
/usr/bin/python3 - "$WORK/scripts.pdf" "$WORK/scripts.txt" <<'PY' || fail "a Links list's number is not set as the post's lists are"
import re, sys
import fitz
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", s)
doc = fitz.open(sys.argv[1])
bad = []
for page in doc:
    spans = [s for b in page.get_text("rawdict")["blocks"] for l in b.get("lines", []) for s in l["spans"]]
    text = lambda s: "".join(c["c"] for c in s["chars"]).strip()
    heading = [s for s in spans if text(s) == "LINKS"]
    if not heading:
        continue
    below = [text(s) for s in spans if s["bbox"][1] > heading[0]["bbox"][3]]
    rtl = any(re.search("[\u0590-\u08ff]", t) for t in below)  # the entries' texts
    want = ".1" if rtl else "1."
    if not any(t.startswith(want) for t in below):
        bad.append(f"page {page.number + 1}: the Links list's number is not drawn {want!r}: {below[:4]}")
read = strip(open(sys.argv[2], encoding="utf-8").read())
for entry in ("1.الموقعالرسمي", "1.האתרהרשמי", "1.وبگاهرسمی"):
    if entry not in read:
        bad.append(f"not read so: {entry}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# Right-to-left words with digits inside a left-to-right paragraph (the Greek post) read in
# logical order in the order of the content (pdftotext -raw; pdftotext's own reading of the
# page takes the digits in the order drawn, left of the Hebrew word).
python3 - "$WORK/scripts.raw.txt" <<'PY' || fail "Hebrew words with digits in a Greek paragraph do not read in logical order"
import re, sys
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", s)
want = strip("λέγεται גרסה2025 και ο χαιρετισμός שלום 123 (בדיקה-2).")
sys.exit(0 if want in strip(open(sys.argv[1], encoding="utf-8").read()) else 1)
PY

# Bidi controls in the Hebrew post are read by the bidi algorithm and drawn as nothing: the
# isolate keeps "C++" whole ("ב-\u2066C++\u2069" drawn "C++-ב", not "++C-ב"), the left-to-right
# mark after "C#" keeps its "#" at its right (MuPDF gives the glyphs as drawn). (The Persian
# post's zero width non-joiners read in their words, "نسخه‌ی": the sentences above.)
/usr/bin/python3 - "$WORK/scripts.pdf" <<'PY' || fail "the Hebrew post's bidi controls are not followed"
import sys
import fitz
doc = fitz.open(sys.argv[1])
def drawn_lines(word):
    for page in doc:
        chars = [c for b in page.get_text("rawdict")["blocks"] for l in b.get("lines", []) for s in l["spans"] for c in s["chars"]]
        lines = {}
        for c in chars:
            lines.setdefault(round(c["origin"][1]), []).append(c)
        for l in lines.values():
            text = "".join(c["c"] for c in sorted(l, key=lambda c: c["bbox"][0]) if c["c"] != " ")
            if word in text:
                yield text
bad = []
hebrew = list(drawn_lines("Linux"))
if not any("C++-\u05d1" in t and "C#" in t for t in hebrew):
    bad.append(f"the Hebrew line is not drawn with 'C++-\u05d1' and 'C#': {hebrew}")
print("\n".join(bad))
sys.exit(1 if bad else 0)
PY

# The EPUB: each post's document in its language (front matter `lang`), dir="rtl" for Arabic,
# Hebrew and Persian; the digest's own pages in English, its spine left to right.
python3 "$TOOLS/epub_langs.py" "$WORK/scripts.epub" > "$WORK/langs.tsv" || fail "lang and xml:lang differ"
python3 - "$WORK/langs.tsv" "$SITE/_posts" <<'PY' || fail "a post's lang or dir is wrong in the EPUB"
import os, re, sys
docs = {}
for line in open(sys.argv[1], encoding="utf-8"):
    name, lang, direction = line.rstrip("\n").split("\t")
    docs[name] = (lang, direction)
bad = 0
posts = sorted(os.listdir(sys.argv[2]))
for i, post in enumerate(posts):
    want = re.search(r"^lang: (\S+)", open(os.path.join(sys.argv[2], post), encoding="utf-8").read(), re.M).group(1)
    lang, direction = docs.get(f"p{i + 1:03d}.xhtml", ("?", "?"))
    rtl = want in ("ar", "he", "fa")
    if lang.split("-")[0] != want or direction != ("rtl" if rtl else "-"):
        print(f"{post}: lang={lang} dir={direction}, expected {want}{' rtl' if rtl else ''}")
        bad += 1
for name in ("nav.xhtml", "title.xhtml", "content.opf"):
    if docs.get(name) != ("en", "-"):
        print(f"{name}: {docs.get(name)}, expected English, left to right")
        bad += 1
sys.exit(1 if bad else 0)
PY

# The EPUB keeps the joiners and controls the posts have: it is their text.
unzip -p "$WORK/scripts.epub" 'OEBPS/p003.xhtml' | grep $'\u0646\u0633\u062e\u0647\u200c\u06cc' > /dev/null ||
  fail "the Persian post's EPUB document lost its zero width non-joiner"
unzip -p "$WORK/scripts.epub" 'OEBPS/p002.xhtml' | grep $'\u2066C++\u2069' > /dev/null ||
  fail "the Hebrew post's EPUB document lost its isolate around C++"

# Reference pages: the first page of the Arabic post and of the Hindi post.
for ref in "$SITE"/reference/*.png; do
  name=$(basename "$ref" .png)        # page-N
  page=${name#page-}
  pdftoppm -r 100 -gray -png -f "$page" -l "$page" -singlefile "$WORK/scripts.pdf" "$WORK/$name"
  python3 "$TOOLS/page_diff.py" "$WORK/$name.png" "$ref" || fail "page $page differs from $ref"
done
echo "scripts: every post's sentence in logical order, reference pages match"
