#!/usr/bin/env bash
# The real fluxcd blog (../shared/corpus/fluxcd): the whole blog (contents grouped by tag, which
# reorders the book), a tag selection, and a quarter grouped by month each build to a PDF and an
# EPUB that pass every check (../shared/tools/pdfcheck and epubcheck when present, else the
# project's own property checkers), with every post title present. Real blogs have missing and
# remote images (warnings); an error would mean a post was failed.
source "$(dirname "$0")/../tools/e2e-lib.sh"
need_corpus fluxcd
SITE="$CORPUS/fluxcd"

build_and_check() {  # build_and_check NAME [selection...] [-- build-only options...]
  local name="$1"; shift
  local selection=() extra=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do selection+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; extra=("$@"); }
  titles "$SITE" "${selection[@]}" > "$WORK/$name.titles"
  set +e; pp build --site "$SITE" "${selection[@]}" "${extra[@]}" -o "$WORK/$name" --title "fluxcd $name"; local code=$?; set -e
  grep -E ": error: " "$WORK/stderr" && fail "$name: errors while building"
  [ "$code" = 0 ] || { tail -20 "$WORK/stderr"; fail "$name: exit code $code"; }
  check_pdf_once "$WORK/$name.pdf" "$WORK/$name.titles"
  check_epub_once "$WORK/$name.epub" "$WORK/$name.titles"
  echo "$name: ok ($(wc -l < "$WORK/$name.titles") posts)"
}

build_and_check whole -- --group-by tag
build_and_check tag --tag "security"
build_and_check quarter --quarter 2022Q4 -- --group-by month
echo "corpus_fluxcd: ok"
