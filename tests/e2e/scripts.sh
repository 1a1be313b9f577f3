#!/usr/bin/env bash
# Every script (issue 19): the site tests/fixtures/scripts has a post in each of Arabic, Hebrew,
# Persian, Hindi, Bengali, Tamil, Thai, Japanese, Chinese, Korean, Russian, Ukrainian and Greek,
# each with a heading, a list, a table, code, a link and a Latin product name. It builds with
# no missing glyph; pdftotext gives each post's sentence back in logical order (right-to-left
# runs included: the PDF's glyphs are in visual order, its ToUnicode and ActualText give the
# text); both files pass the validators; in the EPUB each post's document carries its lang, and
# dir="rtl" when right to left; two pages look like their reference images at 100 dpi (joined
# Arabic right-aligned, Devanagari conjuncts, Thai marks, no boxes).
# ctest-cost: 16
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$PP_SOURCE_DIR/tests/fixtures/scripts"

# Titles the validators look for. A right-to-left title with a Latin word inside is left out:
# pdftotext gives each of its runs in logical order but orders the runs of a right-aligned
# mixed line left to right (poppler's line-direction guess); the sentences below are checked.
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

# Reference pages: the first page of the Arabic post and of the Hindi post.
for ref in "$SITE"/reference/*.png; do
  name=$(basename "$ref" .png)        # page-N
  page=${name#page-}
  pdftoppm -r 100 -gray -png -f "$page" -l "$page" -singlefile "$WORK/scripts.pdf" "$WORK/$name"
  python3 "$TOOLS/page_diff.py" "$WORK/$name.png" "$ref" || fail "page $page differs from $ref"
done
echo "scripts: every post's sentence in logical order, reference pages match"
