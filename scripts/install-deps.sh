#!/usr/bin/env bash
# Installs every Debian 12 package postpress needs to build, run and test. Idempotent: installs
# only what is missing, and runs `apt-get update` only when it has to.
#   scripts/install-deps.sh               build + run + test
#   scripts/install-deps.sh --build-only  only what building the program needs (Dockerfile)
#   scripts/install-deps.sh --bench       also pandoc and xelatex (bench/run compares against them)
#   scripts/install-deps.sh --fuzz        also clang and libFuzzer (fuzz/run)
set -euo pipefail

build_packages=(
  # build (doctest-dev too: CMake configures the tests along with the program)
  build-essential cmake ninja-build pkg-config doctest-dev
  # a faster linker (CMakeLists.txt uses it when present)
  lld
  # libraries
  libhpdf-dev libcmark-gfm-dev libcmark-gfm-extensions-dev libyaml-cpp-dev libtomlplusplus-dev
  libstb-dev libwebp-dev libzip-dev libhyphen-dev libqrencode-dev librsvg2-dev
  zlib1g-dev libcurl4-openssl-dev libcli11-dev libxxhash-dev libgif-dev libturbojpeg0-dev libspng-dev libdeflate-dev
  nlohmann-json3-dev libmimalloc-dev
  # syntax highlighting (Kate's definitions; brings Qt 5 Core and Gui)
  libkf5syntaxhighlighting-dev
  # languages: ICU (dates, numbers, plural rules in src/locale; UAX #14 line breaking in src/support)
  libicu-dev
  # shaping (HarfBuzz, its subsetter for the PDF's fonts) and the bidi algorithm (FriBiDi)
  libharfbuzz-dev libfribidi-dev
  # diagrams (src/diagrams): Graphviz's libraries and plugins (libgvc6, with pango and cairo)
  libgraphviz-dev
  # data: GitHub emoji shortcode table (read at configure time by src/markdown/emoji_table.cmake)
  golang-github-yuin-goldmark-emoji-dev
)
packages=(
  "${build_packages[@]}"
  # hyphenation patterns, read at run time for each post's language (English; the other
  # languages Debian has: none exist for Chinese, Japanese, Korean, Arabic or Hebrew, which
  # are not hyphenated)
  hyphen-en-us
  hyphen-en-gb hyphen-de hyphen-fr hyphen-es hyphen-pt-pt hyphen-pt-br hyphen-it hyphen-ru hyphen-uk
  hyphen-el hyphen-hi hyphen-bn hyphen-ta
  # fallback fonts for characters the bundled fonts lack (CJK, emoji and symbols; Arabic,
  # Hebrew, the Indic scripts, Thai and the other scripts of Noto; Korean)
  fonts-droid-fallback fonts-symbola fonts-noto-core fonts-nanum fonts-noto-color-emoji
  # Chinese (Simplified, Traditional, Hong Kong), Japanese and Korean glyph forms by language
  fonts-noto-cjk
  # the sRGB ICC profile of PDF/A's output intent (--pdf-standard a-2b, a-2u)
  icc-profiles-free
  # tests
  qpdf poppler-utils epubcheck default-jre-headless zbar-tools python3 libxml2-utils
  # tests: one EPUBCheck process for the whole run, started from Java source
  # (tests/tools/EpubCheckServer.java; without a JDK each check starts its own Java)
  default-jdk-headless
  # tests of the install, the Debian package and the GitHub Action (tests/e2e/install.sh,
  # debian_package.sh, github_action.sh)
  strace dpkg-dev file python3-yaml
  # tests: the PDF/UA and PDF/A checker (tests/tools/pdf_standard_check.py)
  python3-pikepdf
  # tests: --report against docs/report.schema.json, SARIF output (tests/e2e/diagnostics_formats.sh)
  python3-jsonschema
  # tests: pictures under their headings and full pages, read with positions (tests/tools/story_order.py)
  python3-fitz
)
for arg in "$@"; do
  case "$arg" in
    --build-only) packages=("${build_packages[@]}") ;;
    --bench) packages+=(pandoc texlive-xetex texlive-latex-recommended texlive-fonts-recommended lmodern hyperfine valgrind time webp) ;;
    --fuzz) packages+=(clang libclang-rt-14-dev libfuzzer-14-dev) ;;
    *) echo "usage: $0 [--build-only] [--bench] [--fuzz]" >&2; exit 2 ;;
  esac
done

missing=()
for p in "${packages[@]}"; do
  status=$(dpkg-query -W -f='${Status}' "$p" 2>/dev/null || true)
  [[ "$status" == "install ok installed" ]] || missing+=("$p")
done
if [ ${#missing[@]} -eq 0 ]; then
  echo "install-deps: all ${#packages[@]} packages present"
  exit 0
fi

sudo=""
if [ "$(id -u)" -ne 0 ]; then sudo="sudo"; fi
export DEBIAN_FRONTEND=noninteractive
echo "install-deps: installing ${missing[*]}"
# Package lists are missing on a fresh machine: update once, then retry once if the lists
# turn out to be stale.
if [ -z "$(ls -A /var/lib/apt/lists 2>/dev/null | grep -v -e lock -e partial)" ]; then
  $sudo apt-get update -qq
fi
if ! $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"; then
  $sudo apt-get update -qq
  $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}"
fi
