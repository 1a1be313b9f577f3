#!/usr/bin/env bash
# The real fluxcd blog (../shared/corpus/fluxcd): the whole blog, a tag and a quarter selection each
# build to a PDF and an EPUB that pass every check, with every post title present.
source "$(dirname "$0")/../tools/e2e-lib.sh"
need_corpus fluxcd
SITE="$CORPUS/fluxcd"

build_and_check() {  # build_and_check NAME [selection...]
  local name="$1"; shift
  titles "$SITE" "$@" > "$WORK/$name.titles"
  set +e; pp build --site "$SITE" "$@" -o "$WORK/$name" --title "fluxcd $name"; local code=$?; set -e
  # Real blogs have missing and remote images (warnings); errors would mean we failed a post.
  grep -E ": error: " "$WORK/stderr" && fail "$name: errors while building"
  [ "$code" = 0 ] || { tail -20 "$WORK/stderr"; fail "$name: exit code $code"; }
  check_pdf "$WORK/$name.pdf" "$WORK/$name.titles"
  check_epub "$WORK/$name.epub" "$WORK/$name.titles"
}

build_and_check whole
build_and_check tag --tag "security"
build_and_check quarter --quarter 2025Q2
echo "corpus_fluxcd: ok"
