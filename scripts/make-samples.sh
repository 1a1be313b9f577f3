#!/usr/bin/env bash
# Regenerates the images of the bundled sample site (samples/img/) from tools/make_sample_images.cpp.
# The generated images are committed, so running this is only needed after changing the drawings.
#
#   scripts/make-samples.sh            # builds in ./build (or $BUILD_DIR) and rewrites samples/img/
#   BUILD_DIR=build-x scripts/make-samples.sh
set -euo pipefail

root="$(cd "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
build="${BUILD_DIR:-$root/build}"
jobs="${JOBS:-2}"

if [[ ! -f "$build/CMakeCache.txt" ]]; then
  generator=()
  command -v ninja >/dev/null 2>&1 && generator=(-G Ninja)
  cmake -S "$root" -B "$build" "${generator[@]}"
fi
cmake --build "$build" --target make_sample_images -j"$jobs"

# The drawings use the bundled fonts of this checkout, wherever the build folder points.
POSTPRESS_DATA_DIR="$root" "$build/make_sample_images" "$root/samples/img"
