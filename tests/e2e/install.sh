#!/usr/bin/env bash
# cmake --install: the binary, the fonts with their licences and the styles land under the
# prefix's GNUInstallDirs folders; after the prefix is moved, with the source and build trees
# hidden (an empty tmpfs mounted over them where a mount namespace is allowed) and every file
# access traced, the installed binary builds the samples into a valid PDF and EPUB without
# touching either tree; run through a symbolic link it still finds its data. A binary without
# its data (copied alone, or pointed by POSTPRESS_DATA_DIR at an empty folder) fails with exit
# 1 and a clear error, and writes no file; one without its highlighting module, or with another
# build's, makes the digest with its code plain and a warning.
# ctest-cost: 30
source "$(dirname "$0")/../tools/e2e-lib.sh"
: "${PP_BUILD_DIR:?run through ctest}"
[ -d "$PP_SOURCE_DIR/samples/_posts" ] || skip "samples/ absent"
command -v strace > /dev/null || fail "strace is missing (scripts/install-deps.sh installs it)"

src="$(cd "$PP_SOURCE_DIR" && pwd -P)"
bld="$(cd "$PP_BUILD_DIR" && pwd -P)"
case "$WORK/" in "$src/"* | "$bld/"*) skip "the temporary folder $WORK is inside the tree" ;; esac

# 1. Install and look at what was installed.
cmake --install "$PP_BUILD_DIR" --prefix "$WORK/stage" > "$WORK/install.log" ||
  { cat "$WORK/install.log"; fail "cmake --install"; }
data="$WORK/stage/share/postpress"
[ -x "$WORK/stage/bin/postpress" ] || fail "no bin/postpress"
for f in "$PP_SOURCE_DIR"/fonts/*.ttf "$PP_SOURCE_DIR"/fonts/licenses/* "$PP_SOURCE_DIR"/styles/*.yaml "$PP_SOURCE_DIR"/lang/*.yaml "$PP_SOURCE_DIR"/syntax/*.xml; do
  rel="${f#"$PP_SOURCE_DIR"/}"
  cmp -s "$f" "$data/$rel" || fail "share/postpress/$rel not installed (or differs)"
done
[ -f "$WORK/stage/share/doc/postpress/README.md" ] || fail "no share/doc/postpress/README.md"
# Nothing but bin/, lib/ and share/: no headers, static libraries, test programs or tools; in
# lib/ only the modules the program opens on first use.
unexpected=$(cd "$WORK/stage" && find . -mindepth 1 -maxdepth 1 ! -name bin ! -name lib ! -name share)
[ -z "$unexpected" ] || fail "unexpected top-level entries in the prefix: $unexpected"
[ "$(ls "$WORK/stage/bin")" = postpress ] || fail "bin/ holds more than postpress: $(ls "$WORK/stage/bin")"
modules=$(cd "$WORK/stage" && find lib -type f | sort)
[ "$modules" = "lib/postpress/pp_kate.so" ] || fail "lib/ should hold lib/postpress/pp_kate.so alone: $modules"
# The program itself does not link Kate's Qt: only the module does (loaded when code is highlighted).
objdump -p "$WORK/stage/bin/postpress" | grep -E "NEEDED.*(Qt5|KF5)" && fail "bin/postpress links Qt or KF5 itself"

# 2. Move the prefix, hide the trees, trace every file access, build the samples.
mv "$WORK/stage" "$WORK/moved"
cp -r "$PP_SOURCE_DIR/samples" "$WORK/samples"
cat > "$WORK/hidden-build.sh" <<'EOF'
set -euo pipefail
src="$1" bld="$2" work="$3" hide="$4"
if [ "$hide" = 1 ]; then
  mount -t tmpfs -o size=1m,mode=0755 postpress-hidden "$src"
  # A build tree inside the source tree is hidden with it; one elsewhere gets its own mount.
  if [ -d "$bld" ]; then mount -t tmpfs -o size=1m,mode=0755 postpress-hidden "$bld"; fi
  [ -z "$(ls -A "$src")" ] || { echo "the source tree is still visible" >&2; exit 1; }
fi
cd "$work"
env -u POSTPRESS_DATA_DIR strace -f -qq -e trace=%file -o "$work/trace" \
  "$work/moved/bin/postpress" build --site samples --title "CloudSummit 2025" -o out/cloudsummit \
  --cache "$work/cache" 2> "$work/stderr"
EOF
hide=0
if [ "$(id -u)" = 0 ] && unshare --mount --propagation private true 2> /dev/null; then hide=1; fi
if [ "$hide" = 1 ]; then
  unshare --mount --propagation private bash "$WORK/hidden-build.sh" "$src" "$bld" "$WORK" 1 ||
    { cat "$WORK/stderr"; fail "the moved install could not build the samples with the trees hidden"; }
else
  echo "note: no mount namespace here: the trees stay visible, the trace alone shows they are unused"
  bash "$WORK/hidden-build.sh" "$src" "$bld" "$WORK" 0 ||
    { cat "$WORK/stderr"; fail "the moved install could not build the samples"; }
fi
grep -E ": error: " "$WORK/stderr" && fail "errors while building the samples"
touched=$(grep -F -e "\"$src/" -e "\"$src\"" -e "\"$bld/" -e "\"$bld\"" "$WORK/trace" | head -5 || true)
[ -z "$touched" ] || fail "the installed binary looked into the source or build tree: $touched"
grep -qF "\"$WORK/moved/share/postpress/fonts/CharisSIL-Regular.ttf\"" "$WORK/trace" ||
  fail "the trace shows no font read from the moved prefix"
grep -qF "\"$WORK/moved/lib/postpress/pp_kate.so\"" "$WORK/trace" ||
  fail "the trace shows no highlighting module opened from the moved prefix"
grep -F "code-not-highlighted" "$WORK/stderr" && fail "code left plain by the installed program"
titles "$WORK/samples" > "$WORK/titles"
check_pdf_once "$WORK/out/cloudsummit.pdf" "$WORK/titles"
check_epub_once "$WORK/out/cloudsummit.epub" "$WORK/titles"
pdffonts "$WORK/out/cloudsummit.pdf" 2> /dev/null | grep -q CharisSIL || fail "the PDF does not use the bundled Charis SIL"

# 3. Through a symbolic link elsewhere (as /usr/local/bin/postpress -> /opt/...): same data.
mkdir -p "$WORK/links"
ln -s "$WORK/moved/bin/postpress" "$WORK/links/postpress"
(cd "$WORK" && env -u POSTPRESS_DATA_DIR links/postpress build --site samples --style brief \
  --format pdf -o out/via-link.pdf --cache "$WORK/cache" 2> "$WORK/stderr") ||
  { cat "$WORK/stderr"; fail "the installed binary, run through a symbolic link, failed"; }
[ -s "$WORK/out/via-link.pdf" ] || fail "no PDF through the symbolic link"

# 4. Without its data: exit 1, a clear error, no file written.
expect_no_data() {  # NAME PROGRAM [env assignments...]
  local name="$1" program="$2"; shift 2
  mkdir -p "$WORK/$name"
  set +e
  (cd "$WORK/$name" && env -u POSTPRESS_DATA_DIR "$@" "$program" build --site "$WORK/samples" \
    --title T -o out/digest --cache "$WORK/cache" 2> "$WORK/$name.stderr")
  local code=$?
  set -e
  [ "$code" = 1 ] || { cat "$WORK/$name.stderr"; fail "$name: exit code $code, expected 1"; }
  grep -q "error: .*fonts.*styles.*\[data-missing\]" "$WORK/$name.stderr" ||
    { cat "$WORK/$name.stderr"; fail "$name: no clear data-missing error"; }
  [ -z "$(find "$WORK/$name" -type f)" ] || fail "$name: wrote $(find "$WORK/$name" -type f)"
}
mkdir -p "$WORK/alone/bin"
cp "$WORK/moved/bin/postpress" "$WORK/alone/bin/postpress"
expect_no_data copied-alone "$WORK/alone/bin/postpress"
grep -qF "$WORK/alone/share/postpress" "$WORK/copied-alone.stderr" || fail "the error does not say where it looked"
mkdir -p "$WORK/empty-data"
expect_no_data empty-variable "$WORK/moved/bin/postpress" POSTPRESS_DATA_DIR="$WORK/empty-data"
grep -qF "POSTPRESS_DATA_DIR=$WORK/empty-data" "$WORK/empty-variable.stderr" || fail "the error does not name POSTPRESS_DATA_DIR"
# 5. With its data but without its modules (copied alone, data named): the digest is still made,
# its code plain, with one warning a post saying what is missing. A module left from another
# build (a table of another shape) is refused the same way, not called.
plain_code() {  # NAME PROGRAM EXPECTED-TEXT
  local name="$1" program="$2" expected="$3"
  mkdir -p "$WORK/$name"
  (cd "$WORK/$name" && env POSTPRESS_DATA_DIR="$WORK/moved/share/postpress" "$program" build \
    --site "$WORK/samples" --title T -o out/digest --cache "$WORK/$name/cache" 2> "$WORK/$name.stderr") ||
    { cat "$WORK/$name.stderr"; fail "$name: the digest was not made"; }
  [ -s "$WORK/$name/out/digest.pdf" ] && [ -s "$WORK/$name/out/digest.epub" ] || fail "$name: outputs missing"
  grep -q "warning: code not highlighted (.*$expected.*); printed plain \[code-not-highlighted\]" "$WORK/$name.stderr" ||
    { cat "$WORK/$name.stderr"; fail "$name: no warning that code is plain ($expected)"; }
  # Once a post: three sample posts have code that names its language.
  local posts
  posts=$(grep -c "code not highlighted" "$WORK/$name.stderr")
  [ "$posts" -le 3 ] || fail "$name: $posts warnings for three posts"
}
plain_code no-module "$WORK/alone/bin/postpress" "cannot find pp_kate.so (looked in $WORK/alone/"
mkdir -p "$WORK/other/bin" "$WORK/other/lib/postpress"
cp "$WORK/moved/bin/postpress" "$WORK/other/bin/postpress"
printf 'int pp_kate_module_version(void) { return 999; }\nvoid* pp_kate_engine_new(const char* d) { (void)d; return (void*)1; }\n' > "$WORK/other.c"
cc -shared -fPIC -o "$WORK/other/lib/postpress/pp_kate.so" "$WORK/other.c" || fail "cannot compile the stand-in module"
plain_code other-build "$WORK/other/bin/postpress" "is another build's module"
echo "install: ok (trees hidden: $([ "$hide" = 1 ] && echo yes || echo no))"
