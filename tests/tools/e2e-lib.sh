# Shared helpers for the end-to-end tests (sourced). Each test runs the real postpress binary
# ($POSTPRESS) on real sites and validates the outputs with real checkers: our own property
# checks (tests/tools/*_props.py) always, and ../shared/tools/{pdfcheck,epubcheck} when present.
set -euo pipefail

: "${POSTPRESS:?run through ctest (POSTPRESS is the built binary)}"
: "${PP_SOURCE_DIR:?run through ctest}"
export SOURCE_DATE_EPOCH="${SOURCE_DATE_EPOCH:-1764460800}"
# EPUBCheck (Java, run by our checkers and the shared one) is a short program that a whole JIT
# and a parallel collector only slow down: the client compiler and the serial collector halve
# its CPU time (bench/results.md, "The test suite"). JDK_JAVA_OPTIONS reaches every `java` run.
export JDK_JAVA_OPTIONS="${JDK_JAVA_OPTIONS:--XX:TieredStopAtLevel=1 -XX:+UseSerialGC}"

TOOLS="$PP_SOURCE_DIR/tests/tools"
SHARED="$(cd "$PP_SOURCE_DIR/.." && pwd)/shared"
CORPUS="$SHARED/corpus"
WORK="$(mktemp -d "${TMPDIR:-/tmp}/pp-e2e.XXXXXX")"
trap 'rm -rf "$WORK"' EXIT
# Debian's python3 runs every Python program of the tests (the shared tools' too) when another
# comes first on PATH: scripts/install-deps.sh installs the checkers' packages (pikepdf, PyMuPDF,
# jsonschema) for it, and pyenv's shim, found first on some machines, costs about 0.1 CPU s a
# start (some 300 starts a run) before running a Python without them.
if [ -x /usr/bin/python3 ] && [ "$(command -v python3)" != /usr/bin/python3 ]; then
  mkdir "$WORK/bin" && ln -s /usr/bin/python3 "$WORK/bin/python3" && PATH="$WORK/bin:$PATH"
fi
# One image cache per test binary directory: warm across tests, never the user's own cache.
CACHE="${PP_BUILD_DIR:-$WORK}/test-cache"

fail() { echo "FAIL: $*" >&2; exit 1; }
skip() { echo "SKIP: $*"; exit 77; }
need_corpus() { [ -d "$CORPUS/$1" ] || skip "corpus $1 absent ($CORPUS/$1): test skipped"; }

# pp ARGS...: runs postpress with the test cache; keeps stderr in $WORK/stderr.
pp() { "$POSTPRESS" "$@" --cache "$CACHE" 2> "$WORK/stderr"; }

# titles SITE [selection...]: every selected post title, one per line.
titles() {
  local site="$1"; shift
  "$POSTPRESS" list --site "$site" "$@" --json | python3 -c '
import json, sys
for post in json.load(sys.stdin):
    print(post["title"])'
}

# expect_args FILE: "--expect LINE" for each non-empty line of FILE, one word per output line
# (callers read them with mapfile).
expect_args() {
  local line
  while IFS= read -r line; do [ -n "$line" ] && printf -- '--expect\n%s\n' "$line"; done < "$1"
  return 0
}

# check_pdf_standard FILE: every check of PDF/UA-1 (issue 23: pdf_standard_check.py), the
# structure tree's and the metadata's. With STRUCT_ORDER set, also that the structure tree reads
# every post of the EPUB beside FILE in source order (tests/tools/struct_text_order.py, run on
# the PDF the same process has read and scanned for the standard's checks).
check_pdf_standard() {
  local order=()
  [ -z "${STRUCT_ORDER:-}" ] || order=(--struct-order "${1%.pdf}.epub")
  python3 "$TOOLS/pdf_standard_check.py" "$1" --profile ua1 --max-lines 5 "${order[@]}" \
    > "$WORK/pdf_standard.out" 2>&1 || { cat "$WORK/pdf_standard.out"; fail "pdf_standard_check on $1"; }
}

# check_pdf FILE TITLES_FILE: our checks, plus the shared pdfcheck when present (which then
# checks the structure, fonts, words' placement, images and outline as ours would: ours check
# the text, read the other way, and poppler's complaints).
check_pdf() {
  local pdf="$1" titles="$2" args=() once=()
  check_pdf_standard "$pdf"
  mapfile -t args < <(expect_args "$titles")
  if [ -x "$SHARED/tools/pdfcheck" ]; then once=(--text); fi
  python3 "$TOOLS/pdf_props.py" "$pdf" --outline "${once[@]}" "${args[@]}" || fail "pdf_props on $pdf"
  if [ -x "$SHARED/tools/pdfcheck" ]; then
    "$SHARED/tools/pdfcheck" "$pdf" --need-outline "${args[@]}" 2>/dev/null || fail "pdfcheck on $pdf"
  fi
}

# shared_epubcheck ARGS...: ../shared/tools/epubcheck, whose EPUBCheck run goes to the test run's
# one EPUBCheck process (tests/tools/epubcheck_via_server/java: the same report, about five CPU
# seconds less than a Java start of its own); the tool's own checks and verdict as they are.
shared_epubcheck() { PATH="$TOOLS/epubcheck_via_server:$PATH" "$SHARED/tools/epubcheck" "$@"; }

# check_epub FILE TITLES_FILE: our checks, plus the shared epubcheck when present (which then
# runs EPUBCheck, with the same verdict as ours: one validation, not two).
check_epub() {
  local epub="$1" titles="$2" args=() once=()
  mapfile -t args < <(expect_args "$titles")
  if [ -x "$SHARED/tools/epubcheck" ]; then once=(--quick); fi
  python3 "$TOOLS/epub_props.py" "$epub" --max-px 1600 "${once[@]}" "${args[@]}" || fail "epub_props on $epub"
  if [ -x "$SHARED/tools/epubcheck" ]; then
    shared_epubcheck "$epub" --max-px 1600 "${args[@]}" || fail "epubcheck on $epub"
  fi
}

# check_pdf_once FILE TITLES_FILE [--own]: one validation run of a PDF (slow on a whole blog):
# the shared acceptance tool when present, else (or with --own) the project's property checker.
# check_epub_once FILE TITLES_FILE [--shared]: one validation run of an EPUB: the project's
# checker, or with --shared the shared acceptance tool when present (both have EPUBCheck run
# by the test run's one Java process).
check_pdf_once() {
  local pdf="$1" titles="$2" own="${3:-}" args=()
  check_pdf_standard "$pdf"
  mapfile -t args < <(expect_args "$titles")
  if [ -x "$SHARED/tools/pdfcheck" ] && [ "$own" != --own ]; then
    "$SHARED/tools/pdfcheck" "$pdf" --need-outline "${args[@]}" > "$WORK/pdfcheck.out" 2>/dev/null ||
      { cat "$WORK/pdfcheck.out"; fail "pdfcheck on $pdf"; }
  else
    python3 "$TOOLS/pdf_props.py" "$pdf" --outline "${args[@]}" 2>/dev/null || fail "pdf_props on $pdf"
  fi
}
check_epub_once() {
  local epub="$1" titles="$2" shared="${3:-}" args=()
  mapfile -t args < <(expect_args "$titles")
  if [ -x "$SHARED/tools/epubcheck" ] && [ "$shared" = --shared ]; then
    shared_epubcheck "$epub" --max-px 1600 "${args[@]}" > "$WORK/epubcheck.out" 2>&1 ||
      { cat "$WORK/epubcheck.out"; fail "epubcheck on $epub"; }
  else
    python3 "$TOOLS/epub_props.py" "$epub" --max-px 1600 "${args[@]}" || fail "epub_props on $epub"
  fi
}

# same_on_one_thread SITE NAME [selection...] [-- extra...]: the build named NAME (made by
# build_and_check with the default worker count) made again with --jobs 1 gives the same PDF
# and EPUB bytes. Work split across threads must not change the output (a race in cmark-gfm once
# dropped bare URLs from some posts, only with two workers).
same_on_one_thread() {
  local site="$1" name="$2"; shift 2
  local selection=() extra=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do selection+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; extra=("$@"); }
  pp build --site "$site" "${selection[@]}" "${extra[@]}" -o "$WORK/$name-j1" --title "$name" --jobs 1 ||
    fail "$name: --jobs 1 build failed"
  cmp -s "$WORK/$name.pdf" "$WORK/$name-j1.pdf" || fail "$name: the PDF differs between --jobs 1 and the default"
  cmp -s "$WORK/$name.epub" "$WORK/$name-j1.epub" || fail "$name: the EPUB differs between --jobs 1 and the default"
  echo "$name: same bytes on one thread"
}

# build_only SITE NAME [selection...] [-- build-only options...]: builds the selection to
# $WORK/NAME.pdf and .epub and its titles to $WORK/NAME.titles; fails on any error diagnostic or
# non-zero exit. Real blogs have missing and remote images (warnings); an error would mean a post
# was failed.
build_only() {
  local site="$1" name="$2"; shift 2
  local selection=() extra=()
  while [ $# -gt 0 ] && [ "$1" != "--" ]; do selection+=("$1"); shift; done
  [ $# -gt 0 ] && { shift; extra=("$@"); }
  titles "$site" "${selection[@]}" > "$WORK/$name.titles"
  # More texts both outputs must hold, from the caller: checked in the same validator runs.
  [ -z "${ALSO_EXPECT:-}" ] || cat "$ALSO_EXPECT" >> "$WORK/$name.titles"
  set +e; pp build --site "$site" "${selection[@]}" "${extra[@]}" -o "$WORK/$name" --title "$name"; local code=$?; set -e
  cp "$WORK/stderr" "$WORK/$name.stderr"
  grep -E ": error: " "$WORK/stderr" && fail "$name: errors while building"
  [ "$code" = 0 ] || { tail -20 "$WORK/stderr"; fail "$name: exit code $code"; }
  return 0
}

# build_and_check SITE NAME [selection...] [-- build-only options...]: build_only, then both
# outputs validated with every selected post title expected (and every line of the file
# $ALSO_EXPECT, when set): the PDF by the shared pdfcheck when present, the EPUB by the
# project's checker. Real blogs have missing and remote images (warnings); an error would mean
# a post was failed.
# build_and_check_whole: the same for a whole blog, whose parts the same test checks with
# build_and_check_part: the whole digest's PDF goes through the project's own checker (the same
# properties as the shared pdfcheck in a third of its time, which on a whole blog is a minute
# and more); the whole digest's EPUB through the shared epubcheck.
# build_and_check_part: build_and_check for a part of a blog (a tag, a quarter) whose whole the
# same test checks: its PDF through the project's checker too (the shared one took twice to
# three times as long on the corpora's parts: its sweep along x meets every line's first word
# on a page of code). The shared pdfcheck still checks a real blog's digest (corpus_otel's
# Ukrainian one), the fixtures and the samples.
build_and_check() { checked_build "" "" "$@"; }
build_and_check_whole() { checked_build --own --shared "$@"; }
build_and_check_part() { checked_build --own "" "$@"; }
checked_build() {
  local pdf_checker="$1" epub_checker="$2" name="$4"
  shift 2
  build_only "$@"
  check_pdf_once "$WORK/$name.pdf" "$WORK/$name.titles" $pdf_checker
  check_epub_once "$WORK/$name.epub" "$WORK/$name.titles" $epub_checker
  echo "$name: ok ($(wc -l < "$WORK/$name.titles") posts)"
}

# no_source_syntax NAME [--allow TEXT]...: the PDF and EPUB of NAME print none of the generator's
# markup as text (tests/tools/source_syntax.py: imports, JSX, shortcodes, Liquid, fences, HTML
# tags outside code). Each --allow names a hit that is the author's own prose, and says why.
no_source_syntax() {
  local name="$1"; shift
  python3 "$TOOLS/source_syntax.py" "$WORK/$name" "$@" > "$WORK/source_syntax.out" ||
    { cat "$WORK/source_syntax.out"; fail "$name: source syntax printed as text"; }
  echo "$name: no source syntax"
}
