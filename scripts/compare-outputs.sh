#!/usr/bin/env bash
# Builds a fixed set of digests (samples/ and the corpora in ../shared/corpus) with one postpress
# binary, or compares two such sets byte for byte. A change that only moves code (a refactoring)
# must leave every PDF and EPUB identical:
#
#   scripts/compare-outputs.sh make BINARY DIR      # build the set into DIR
#   scripts/compare-outputs.sh diff DIR_A DIR_B     # exit 1 when any file differs
#   scripts/compare-outputs.sh check REF_DIR [BINARY]
#       build with BINARY (default build/postpress) into a temporary folder and compare with
#       REF_DIR, made earlier by `make` from the commit before the change.
#
# SOURCE_DATE_EPOCH is fixed so that the dates agree; the image cache is a folder of the set's
# own (a cached and a fresh build give the same bytes, which the e2e tests check).
set -euo pipefail
cd "$(dirname "$0")/.."
export SOURCE_DATE_EPOCH=1764460800
corpus="$(cd .. && pwd)/shared/corpus"

make_set() {
  local bin="$1" out="$2"
  mkdir -p "$out"
  local cache="$out/.cache" log="$out/build.log"
  : > "$log"
  run() {  # NAME ARGS...: one digest, NAME.pdf and NAME.epub; a failed build is recorded, not fatal
    local name="$1"; shift
    local code=0
    "$bin" build "$@" --cache "$cache" --quiet -o "$out/$name" --title "$name" >> "$log" 2>&1 || code=$?
    [ "$code" = 0 ] || echo "$name: build failed (exit $code)" >> "$out/failures"
  }
  run samples --site samples
  run samples-brief-a4 --site samples --style brief --paper a4
  # The config writes into samples/out/, which may hold files of an earlier run: only what this
  # build wrote (newer than the stamp) is taken, so that a failed build is seen as missing files.
  local stamp="$out/.config-stamp" code=0
  touch "$stamp"; sleep 1
  "$bin" build -c samples/postpress.yaml --cache "$cache" --quiet >> "$log" 2>&1 || code=$?
  [ "$code" = 0 ] || echo "config: build failed (exit $code)" >> "$out/failures"
  for f in samples/out/*.pdf samples/out/*.epub; do
    [ "$f" -nt "$stamp" ] && cp "$f" "$out/config-$(basename "$f")"
  done
  rm -f "$stamp"
  for c in terrytangyuan kubeflow fluxcd otel; do
    [ -d "$corpus/$c" ] || { echo "skipped: corpus $c absent" >> "$log"; continue; }
    run "$c" --site "$corpus/$c"
  done
  if [ -d "$corpus/terrytangyuan" ]; then
    run kubecon --site "$corpus/terrytangyuan" --posts _posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md --style brief --paper a4
    run terry-grouped --site "$corpus/terrytangyuan" --group-by tag --link-notes footnotes
  fi
  if [ -d "$corpus/otel" ]; then
    run otel-ja --site "$corpus/otel" --lang ja
  fi
  echo "made: $(ls "$out" | grep -cE '\.(pdf|epub)$') files in $out"
}

diff_sets() {
  local a="$1" b="$2" bad=0
  for f in "$a"/*.pdf "$a"/*.epub; do
    local n; n=$(basename "$f")
    if [ ! -f "$b/$n" ]; then echo "missing in $b: $n"; bad=1
    elif ! cmp -s "$f" "$b/$n"; then echo "differs: $n ($(stat -c %s "$f") vs $(stat -c %s "$b/$n") bytes)"; bad=1
    fi
  done
  for f in "$b"/*.pdf "$b"/*.epub; do
    [ -f "$a/$(basename "$f")" ] || { echo "new in $b: $(basename "$f")"; bad=1; }
  done
  if [ "$bad" = 0 ]; then echo "identical: $(ls "$a" | grep -cE '\.(pdf|epub)$') files"; fi
  return "$bad"
}

case "${1:-}" in
  make) make_set "$(realpath "$2")" "$3" ;;
  diff) diff_sets "$2" "$3" ;;
  check)
    ref="$2"; bin="$(realpath "${3:-build/postpress}")"
    tmp="$(mktemp -d "${TMPDIR:-/tmp}/pp-compare.XXXXXX")"
    make_set "$bin" "$tmp"
    diff_sets "$ref" "$tmp" && rm -rf "$tmp" || { echo "outputs kept in $tmp"; exit 1; } ;;
  *) sed -n '2,13p' "$0" | sed 's/^# \{0,1\}//'; exit 2 ;;
esac
