# Helpers for the EPUB end-to-end tests (sourced by tests/e2e/epub_*.sh; not a test itself).
# Builds EPUB-only digests and checks them with the shared acceptance wrapper when present,
# else with the project's own property checker (which runs EPUBCheck when installed).
source "$(dirname "${BASH_SOURCE[0]}")/../tools/e2e-lib.sh"

# epub_build_and_check SITE NAME [build and selection options...]
epub_build_and_check() {
  local site="$1" name="$2"; shift 2
  local selection=() a
  for a in "$@"; do case "$a" in --group-by|--no-*|none|month|tag) ;; *) selection+=("$a") ;; esac; done
  titles "$site" "${selection[@]}" > "$WORK/$name.titles"
  set +e; pp build --site "$site" --format epub "$@" -o "$WORK/$name.epub"; local code=$?; set -e
  grep -E ": error: " "$WORK/stderr" && fail "$name: errors while building"
  [ "$code" = 0 ] || { tail -20 "$WORK/stderr"; fail "$name: exit code $code"; }
  [ -f "$WORK/$name.epub" ] || fail "$name: no EPUB written"
  [ ! -e "$WORK/$name.pdf" ] || fail "$name: --format epub wrote a PDF"
  check_epub_once "$WORK/$name.epub" "$WORK/$name.titles"
  echo "$name: ok ($(wc -l < "$WORK/$name.titles") posts)"
}
