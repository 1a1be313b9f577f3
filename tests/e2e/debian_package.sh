#!/usr/bin/env bash
# The Debian package (scripts/package.sh): its Depends line names the package of every library
# the binary links (computed by dpkg-shlibdeps) plus the fonts and hyphenation patterns the
# default style uses; extracted into a temporary folder (dpkg-deb -x), its binary builds the
# samples with POSTPRESS_DATA_DIR unset, finding its data in <root>/usr/share/postpress. The
# Dockerfile's runtime stage installs exactly the package's Depends and Recommends. (The
# outputs are validated by e2e.install, which runs the same program.)
source "$(dirname "$0")/../tools/e2e-lib.sh"
: "${PP_BUILD_DIR:?run through ctest}"
[ -d "$PP_SOURCE_DIR/samples/_posts" ] || skip "samples/ absent"
for tool in cpack dpkg-shlibdeps dpkg-deb; do
  command -v "$tool" > /dev/null || fail "$tool is missing (scripts/install-deps.sh installs it)"
done

bash "$PP_SOURCE_DIR/scripts/package.sh" --build-dir "$PP_BUILD_DIR" --out "$WORK/package" > "$WORK/package.log" 2>&1 ||
  { cat "$WORK/package.log"; fail "scripts/package.sh"; }
debs=("$WORK"/package/postpress_*.deb)
[ ${#debs[@]} = 1 ] && [ -f "${debs[0]}" ] || fail "expected one .deb, found: ${debs[*]}"
deb="${debs[0]}"
dpkg-deb -I "$deb" > "$WORK/info"
grep -q "^ Package: postpress$" "$WORK/info" || fail "not the postpress package: $(cat "$WORK/info")"
depends=$(sed -n 's/^ Depends: //p' "$WORK/info")
[ -n "$depends" ] || fail "no Depends line: $(cat "$WORK/info")"
# names DEPENDS-LINE: the package names of a Depends/Recommends line, one a line, sorted.
names() { tr ',' '\n' <<< "$1" | sed -e 's/([^)]*)//' -e 's/|.*//' -e 's/[[:space:]]//g' | grep -v '^$' | sort -u; }
names "$depends" > "$WORK/depends"

dpkg-deb -x "$deb" "$WORK/root"
bin="$WORK/root/usr/bin/postpress"
[ -x "$bin" ] || fail "no usr/bin/postpress in the package"
[ -f "$WORK/root/usr/share/postpress/fonts/CharisSIL-Regular.ttf" ] || fail "no fonts in usr/share/postpress"
[ -f "$WORK/root/usr/share/postpress/styles/report.yaml" ] || fail "no styles in usr/share/postpress"
[ -f "$WORK/root/usr/share/postpress/lang/de.yaml" ] || fail "no languages in usr/share/postpress"
[ -n "$(ls "$WORK/root/usr/share/postpress/fonts/licenses")" ] || fail "no font licences in the package"

# owner_of PATH: the package that installed a library; dpkg knows it under one of its names
# (as ldconfig gives it, symlinks resolved, with or without /usr: Debian's merged /usr).
owner_of() {
  local real out p; real=$(readlink -f "$1")
  for p in "$1" "$real" "${1#/usr}" "/usr${1#/usr}" "${real#/usr}"; do
    out=$(dpkg -S "$p" 2> /dev/null) || continue
    out="${out%%$'\n'*}"  # first line: "libc6:amd64: /lib/x86_64-linux-gnu/libc.so.6"
    echo "${out%%:*}"
    return 0
  done
}
# Every shared library the binary needs comes from a package named in Depends.
objdump -p "$bin" | awk '$1 == "NEEDED" {print $2}' > "$WORK/needed"
[ -s "$WORK/needed" ] || fail "objdump found no NEEDED entry"
while read -r soname; do
  # awk reads all of ldconfig's output (no early exit: a closed pipe would fail the pipeline).
  path=$(ldconfig -p | awk -v so="$soname" '$1 == so && !found {found = $NF} END {print found}')
  [ -n "$path" ] || fail "cannot resolve $soname"
  owner=$(owner_of "$path")
  [ -n "$owner" ] || fail "no installed package owns $path ($soname)"
  grep -qx "$owner" "$WORK/depends" || fail "$soname ($owner) is not in Depends: $depends"
done < "$WORK/needed"
for data in fonts-droid-fallback fonts-nanum fonts-noto-core fonts-symbola hyphen-en-us icc-profiles-free; do
  grep -qx "$data" "$WORK/depends" || fail "$data is not in Depends: $depends"
done
echo "Depends: $depends"

# The extracted binary builds the samples on its own data.
cp -r "$PP_SOURCE_DIR/samples" "$WORK/samples"
(cd "$WORK" && env -u POSTPRESS_DATA_DIR "$bin" build --site samples --title "CloudSummit 2025" \
  -o out/cloudsummit --cache "$WORK/cache" 2> "$WORK/stderr") ||
  { cat "$WORK/stderr"; fail "the packaged binary could not build the samples"; }
grep -E ": error: " "$WORK/stderr" && fail "errors while building the samples"
# The outputs' validity is e2e.install's to prove (the same program); here, that the packaged
# data was found and used: the bundled Charis SIL in the PDF, and an EPUB whose archive is whole.
pdffonts "$WORK/out/cloudsummit.pdf" 2> /dev/null | grep -q CharisSIL || fail "the PDF does not use the bundled Charis SIL"
python3 -c 'import sys, zipfile; sys.exit(zipfile.ZipFile(sys.argv[1]).testzip() is not None)' \
  "$WORK/out/cloudsummit.epub" || fail "the EPUB archive is broken"

# The Dockerfile's runtime stage: the package's Depends and Recommends, no more, no less.
recommends=$(sed -n 's/^ Recommends: //p' "$WORK/info")
{ cat "$WORK/depends"; names "$recommends"; } | sort -u > "$WORK/wanted"
sed -n '/^# BEGIN runtime packages/,/^# END runtime packages/p' "$PP_SOURCE_DIR/Dockerfile" |
  grep -E '^[[:space:]]+[a-z0-9][a-z0-9.+-]+ \\$' | awk '{print $1}' | sort -u > "$WORK/docker"
[ -s "$WORK/docker" ] || fail "no runtime package list between the Dockerfile's BEGIN/END markers"
diff "$WORK/wanted" "$WORK/docker" > "$WORK/docker.diff" ||
  fail "the Dockerfile's runtime packages (>) differ from the .deb's Depends and Recommends (<): $(cat "$WORK/docker.diff")"
echo "debian_package: ok ($(basename "$deb"), $(wc -l < "$WORK/depends") dependencies)"
