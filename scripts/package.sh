#!/usr/bin/env bash
# Builds the Debian package: postpress_<version>_<arch>.deb, made by CPack from the install
# rules (cmake/install.cmake, cmake/package.cmake), its Depends computed by dpkg-shlibdeps.
#   scripts/package.sh                      configures and builds build-package/, writes the .deb there
#   scripts/package.sh --build-dir DIR      uses (and builds) an existing build tree instead
#   scripts/package.sh --out DIR            writes the .deb into DIR
# Then: sudo apt install ./build-package/postpress_*.deb
set -euo pipefail
root="$(cd "$(dirname "$0")/.." && pwd)"
build="$root/build-package"
out=""
while [ $# -gt 0 ]; do
  case "$1" in
    --build-dir) build="$2"; shift 2 ;;
    --out) out="$2"; shift 2 ;;
    *) echo "usage: $0 [--build-dir DIR] [--out DIR]" >&2; exit 2 ;;
  esac
done
out="${out:-$build}"
for tool in cpack dpkg-shlibdeps dpkg-deb; do
  command -v "$tool" > /dev/null || { echo "package.sh: $tool is missing (scripts/install-deps.sh installs it)" >&2; exit 1; }
done

# Configure only a tree that has not been: re-running it on a tree whose tests are running
# would regenerate files under them.
if [ ! -f "$build/CMakeCache.txt" ]; then
  cmake -S "$root" -B "$build" -G Ninja -DCMAKE_BUILD_TYPE=RelWithDebInfo > /dev/null
fi
cmake --build "$build" --target postpress
mkdir -p "$out"
out="$(cd "$out" && pwd)"
(cd "$build" && cpack -G DEB -B "$out" > "$out/cpack.log") ||
  { cat "$out/cpack.log" >&2; echo "package.sh: cpack failed" >&2; exit 1; }
rm -rf "$out/_CPack_Packages"
deb=$(sed -n 's/^CPack: - package: \(.*\) generated\.$/\1/p' "$out/cpack.log")
[ -f "$deb" ] || { cat "$out/cpack.log" >&2; echo "package.sh: no package in cpack's output" >&2; exit 1; }
echo "package.sh: wrote $deb"
dpkg-deb -f "$deb" Depends Recommends
