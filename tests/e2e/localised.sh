#!/usr/bin/env bash
# Localised digests (issue 19 items 5 and 6): with --language, the words the digest prints
# around the posts (contents, dates, reading times) are in that language, the EPUB says so
# (dc:language, the digest's own pages' lang) while each post's document keeps the post's
# language, and an Arabic or Hebrew digest is a right-to-left book. Two posts per digest keep it
# short; the Arabic EPUB passes EPUBCheck (tests/e2e/scripts.sh checks the thirteen languages).
source "$(dirname "$0")/../tools/e2e-lib.sh"
SAMPLES="$PP_SOURCE_DIR/samples"
SCRIPTS="$PP_SOURCE_DIR/tests/fixtures/scripts"

# label LANG KEY: the text of a label in lang/LANG.yaml.
label() { sed -n "s/^$2: \"\(.*\)\"$/\1/p" "$PP_SOURCE_DIR/lang/$1.yaml"; }

# langs EPUB: each document's lang and dir, and the package's (tests/tools/epub_langs.py).
langs() { python3 "$TOOLS/epub_langs.py" "$1" > "$WORK/langs.tsv" || fail "lang and xml:lang differ in $1"; }
has() { grep -qxF "$1" "$WORK/langs.tsv" || { cat "$WORK/langs.tsv"; fail "$2"; }; }

# German: "Inhalt", a German date and reading time; the posts stay English in the EPUB.
pp build --site "$SAMPLES" --limit 2 --language de -o "$WORK/de" || { cat "$WORK/stderr"; fail "German build failed"; }
grep -E ": (error|warning): " "$WORK/stderr" && fail "diagnostics in the German build"
pdftotext "$WORK/de.pdf" "$WORK/de.txt"
grep -q "^$(label de contents)$" "$WORK/de.txt" || fail "the German contents is not headed $(label de contents)"
grep -q "15\. Juli 2025" "$WORK/de.txt" || fail "no German date (15. Juli 2025) in the German PDF"
grep -q "Min\. Lesezeit" "$WORK/de.txt" || fail "no German reading time in the German PDF"
grep -q "min read" "$WORK/de.txt" && fail "English reading time left in the German PDF"
langs "$WORK/de.epub"
has $'content.opf\tde\t-' "the German EPUB's dc:language is not de"
has $'nav.xhtml\tde\t-' "the German EPUB's navigation is not lang=de"
has $'p001.xhtml\ten\t-' "an English post of the German EPUB is not lang=en"

# Japanese: its contents label and a Japanese date.
pp build --site "$SAMPLES" --limit 2 --language ja -o "$WORK/ja" || { cat "$WORK/stderr"; fail "Japanese build failed"; }
pdftotext "$WORK/ja.pdf" "$WORK/ja.txt"
grep -q "^$(label ja contents)$" "$WORK/ja.txt" || fail "the Japanese contents is not headed $(label ja contents)"
grep -q "2025年7月15日" "$WORK/ja.txt" || fail "no Japanese date (2025年7月15日) in the Japanese PDF"
langs "$WORK/ja.epub"
has $'content.opf\tja\t-' "the Japanese EPUB's dc:language is not ja"

# Arabic: the spine turns right to left; the Arabic and Hebrew posts are right to left.
pp build --site "$SCRIPTS" --limit 2 --language ar -o "$WORK/ar" || { cat "$WORK/stderr"; fail "Arabic build failed"; }
langs "$WORK/ar.epub"
has $'content.opf\tar\trtl' "the Arabic EPUB's spine is not page-progression-direction=rtl"
has $'nav.xhtml\tar\trtl' "the Arabic EPUB's navigation is not lang=ar dir=rtl"
has $'p002.xhtml\the\trtl' "the Hebrew post is not lang=he dir=rtl"
pdftotext "$WORK/ar.pdf" "$WORK/ar.txt"
grep -q "$(label ar contents)" "$WORK/ar.txt" || fail "the Arabic contents is not headed $(label ar contents)"
titles "$SCRIPTS" --limit 2 > "$WORK/ar.titles"
check_epub_once "$WORK/ar.epub" "$WORK/ar.titles"
# ...and the book is right to left: its contents from the right, its pages facing right to left
# (tests/e2e/rtl_book.sh checks a whole Persian book); the German one stays left to right.
/usr/bin/python3 "$TOOLS/rtl_book_props.py" "$WORK/ar.pdf" --contents "$(label ar contents)" ||
  fail "the Arabic digest is not a right-to-left book"
/usr/bin/python3 "$TOOLS/rtl_book_props.py" "$WORK/de.pdf" --contents "$(label de contents)" --ltr ||
  fail "the German digest is not a left-to-right book"

# Hebrew: a right-to-left book too, its spine right to left.
pp build --site "$SCRIPTS" --limit 4 --language he -o "$WORK/he" || { cat "$WORK/stderr"; fail "Hebrew build failed"; }
/usr/bin/python3 "$TOOLS/rtl_book_props.py" "$WORK/he.pdf" --contents "$(label he contents)" ||
  fail "the Hebrew digest is not a right-to-left book"
langs "$WORK/he.epub"
has $'content.opf\the\trtl' "the Hebrew EPUB's spine is not page-progression-direction=rtl"
echo "localised: German, Japanese, Arabic and Hebrew digests"
