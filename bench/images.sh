#!/usr/bin/env bash
# Image pipeline benchmark over the three corpora: cold (empty cache) with 1 and 2 jobs, warm
# rebuild, peak RSS (GNU time), and the size of the KubeCon post's PDF renditions.
#   bench/images.sh [BUILD_DIR]      (default: build-bench next to the sources)
set -euo pipefail
SRC="$(cd "$(dirname "$0")/.." && pwd)"
BUILD="${1:-$SRC/build-bench}"
CORPUS="$SRC/../shared/corpus"
[ -d "$CORPUS" ] || { echo "corpus not found at $CORPUS: nothing to measure"; exit 0; }

cmake -S "$SRC" -B "$BUILD" -G Ninja -DCMAKE_BUILD_TYPE=Release >/dev/null
cmake --build "$BUILD" --target images_bench -j2 >/dev/null
BENCH="$BUILD/bench/images_bench"

TIME=/usr/bin/time
run() {  # label, args...
  local label="$1"; shift
  local cache; cache="$(mktemp -d)"
  echo "== $label"
  if [ -x "$TIME" ]; then
    "$TIME" -f "  peak RSS %M KB, wall %e s" "$BENCH" "$@" --cache "$cache" --runs 2
  else
    "$BENCH" "$@" --cache "$cache" --runs 2
  fi
  rm -rf "$cache"
}

# Figures recorded on the shared 2-core machine are in bench/images-results.md.
run "KubeCon NA 2025 post, 1 job" "$CORPUS/terrytangyuan" --post kubecon-na-2025 --jobs 1
run "terrytangyuan, 1 job" "$CORPUS/terrytangyuan" --jobs 1
run "terrytangyuan, 2 jobs" "$CORPUS/terrytangyuan" --jobs 2
run "kubeflow, 2 jobs" "$CORPUS/kubeflow" --jobs 2
run "fluxcd, 2 jobs" "$CORPUS/fluxcd" --jobs 2
