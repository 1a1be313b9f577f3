#!/usr/bin/env bash
# The real OpenTelemetry blog (../shared/corpus/otel: Hugo/Docsy, configuration in
# config/_default/, six languages under content/<lang>/, page bundles, authors written as Markdown,
# comment shortcodes). Three digests, chosen for cost (the whole blog in every language would take
# minutes): the default language whole (256 posts, 1180 pages), the Japanese blog as a Japanese
# digest (96 posts, translated bundles naming images only the English bundle holds), and the
# smallest language, Ukrainian, with the full PDF and EPUB checks. The two large digests' PDFs go
# through the project's property checker (tests/tools/pdf_props.py: every word inside the
# margins, no two words overlapping, images, fonts, outline, every title; the properties of the
# shared pdfcheck in about a third of its time, some 20 s of CPU each), their EPUBs through the
# cheap checks only. Each prints no source syntax.
# ctest-cost: 130
source "$(dirname "$0")/../tools/e2e-lib.sh"
need_corpus otel
SITE="$CORPUS/otel"

# A 2026 KubeCon post lists a talk titled "The < Meta /> Trick" in English and Japanese: a '<'
# before a space opens no tag (CommonMark, and Hugo prints it as written), so it is the title's
# own text, and the digest must print it.
TALK=(--allow "The < Meta /> Trick")

# epub_text NAME: the EPUB's content documents as text, tags dropped, one space for any run of
# white space.
epub_text() {
  python3 - "$WORK/$1.epub" <<'PY'
import html, re, sys, zipfile
book = zipfile.ZipFile(sys.argv[1])
for name in book.namelist():
    if name.endswith(".xhtml"):
        print(" ".join(html.unescape(re.sub(r"<[^>]*>", " ", book.read(name).decode())).split()))
PY
}

# all_titles NAME: every selected post's title is in the EPUB's text (the cheap part of
# check_epub_once, for a digest too large to validate whole in this test's time).
all_titles() {
  local title absent=0
  while IFS= read -r title; do
    title="$(echo "$title" | tr -s '[:space:]' ' ')"
    grep -F -q -- "$title" "$WORK/$1.txt" || { echo "absent: $title"; absent=1; }
  done < "$WORK/$1.titles"
  [ "$absent" = 0 ] || fail "$1: post titles absent from the EPUB"
}

# pdf_props NAME: the PDF property checks on $WORK/NAME.pdf, every post title expected.
pdf_props() {
  local args=()
  mapfile -t args < <(expect_args "$WORK/$1.titles")
  python3 "$TOOLS/pdf_props.py" "$WORK/$1.pdf" --outline "${args[@]}" > "$WORK/$1.props" 2>&1 ||
    { cat "$WORK/$1.props"; fail "$1: pdf_props"; }
}

# no_markdown_authors SELECTION...: every author of the selection is a name, without the link
# syntax and affiliations the front matter writes them with ('[Jane](https://...) (Acme)').
no_markdown_authors() {
  "$POSTPRESS" list --site "$SITE" "$@" --json | python3 -c '
import json, re, sys
bad = sorted({a for post in json.load(sys.stdin) for a in post["authors"] if re.search(r"[\[\]]|\]\(|https?:", a)})
print("\n".join(bad))
sys.exit(1 if bad else 0)' || fail "authors written as Markdown in $*"
}

build_only "$SITE" en --lang en
pdf_props en
no_source_syntax en "${TALK[@]}"
epub_text en > "$WORK/en.txt"
all_titles en
# Text the authors hid with {{< comment >}} (kubecon-eu 2026, otel-day 2025) stays hidden.
for hidden in "Community Awards TODO" "cSpell:disable"; do
  grep -F -q "$hidden" "$WORK/en.txt" && fail "en: hidden text printed: $hidden"
done
no_markdown_authors --lang en
echo "en: ok ($(wc -l < "$WORK/en.titles") posts)"

# --lang alone makes the digest Japanese: every post it keeps is.
build_only "$SITE" ja --lang ja
pdf_props ja
no_source_syntax ja "${TALK[@]}"
# Translated bundles find the images only the English bundle of the same path holds, as Hugo
# does: no Japanese post misses an image.
epub_text ja > "$WORK/ja.txt"
all_titles ja
grep -F "[image-missing]" "$WORK/ja.stderr" && fail "ja: images missing"
grep -F -q '<dc:language>ja</dc:language>' <(unzip -p "$WORK/ja.epub" '*.opf') || fail "ja: the EPUB is not in Japanese"
echo "ja: ok ($(wc -l < "$WORK/ja.titles") posts)"

build_and_check "$SITE" uk --lang uk -- --language uk
no_source_syntax uk
echo "corpus_otel: ok"
