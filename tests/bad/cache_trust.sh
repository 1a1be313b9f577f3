#!/usr/bin/env bash
# The image cache as an attacker (or a failing disk) leaves it (issue 25, item 10): flipped
# and truncated renditions, shaped words, highlighted code, emoji pictures and QR codes, a cache
# folder another user could write, a cache that cannot be written. Every build still ships the right pictures.
source "$(dirname "$0")/bad-lib.bash"
SITE="$PP_SOURCE_DIR/samples"
OUT="$WORK/out"
mkdir -p "$OUT"

# The reference: a cold build into a cache of its own.
run_pp 180 1500 build --site "$SITE" -o "$OUT/ref" --cache "$WORK/ref-cache" -q
expect_status 0

# Damage every rendition in a copy of the cache: flip a byte in half of them, truncate the
# others. The next build notices, makes them again, and ships the same outputs.
cp -a "$WORK/ref-cache" "$WORK/bad-cache"
n=0
for f in "$WORK/bad-cache"/images/*; do
  [ -f "$f" ] || continue
  size=$(stat -c %s "$f")
  if [ $((n % 2)) -eq 0 ]; then
    at=$((size / 2))
    byte=$(dd if="$f" bs=1 skip="$at" count=1 2>/dev/null | od -An -tu1 | tr -d ' ')
    printf "$(printf '\\%03o' $(( (byte ^ 0x55) & 255 )))" | dd of="$f" bs=1 seek="$at" conv=notrunc 2>/dev/null
  else
    truncate -s $((size / 2)) "$f"
  fi
  n=$((n + 1))
done
[ "$n" -ge 4 ] || fail "the samples made only $n cached renditions"
# The words the fonts shaped (shapes/): one file flipped, the others cut short or emptied. The
# build shapes them again and sets the same pages.
n=0
for f in "$WORK/bad-cache"/shapes/*.shapes; do
  [ -f "$f" ] || continue
  size=$(stat -c %s "$f")
  case $((n % 3)) in
    0) printf 'Z' | dd of="$f" bs=1 seek=$((size / 3)) conv=notrunc 2>/dev/null ;;
    1) truncate -s $((size - 1)) "$f" ;;
    2) : > "$f" ;;
  esac
  n=$((n + 1))
done
[ "$n" -ge 2 ] || fail "the samples' build kept the shapes of only $n fonts"
# The highlighted code blocks (highlight/): one flipped, one cut short, one emptied, one holding
# another block's entry. The build highlights those blocks again and prints the same colours.
# (Another block's spans seldom fit these blocks at all; that such an entry is refused by its
# key is tests/unit/highlight/cache_test.cpp's to show.)
n=0
set -- "$WORK/bad-cache"/highlight/*.spans
[ "$#" -ge 4 ] || fail "the samples' build kept only $# highlighted blocks"
cp "$1" "$WORK/valid-entry"
for f in "$@"; do
  size=$(stat -c %s "$f")
  case $((n % 4)) in
    0) printf 'Z' | dd of="$f" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null ;;
    1) truncate -s $((size - 1)) "$f" ;;
    2) : > "$f" ;;
    3) cp "$WORK/valid-entry" "$f" ;;
  esac
  n=$((n + 1))
done
# The emoji's pictures (glyphs/): one flipped, the other holding the first one's entry.
set -- "$WORK/bad-cache"/glyphs/*.picture
[ "$#" -ge 2 ] || fail "the samples' build kept only $# emoji pictures"
cp "$1" "$2"
size=$(stat -c %s "$1")
printf 'Z' | dd of="$1" bs=1 seek=$((size / 2)) conv=notrunc 2>/dev/null
# The QR codes' modules (qr/): one cut short, another holding the first one's entry.
set -- "$WORK/bad-cache"/qr/*.modules
[ "$#" -ge 2 ] || fail "the samples' build kept only $# QR codes"
cp "$1" "$2"
truncate -s $(( $(stat -c %s "$1") - 5 )) "$1"
run_pp 180 1500 build --site "$SITE" -o "$OUT/damaged" --cache "$WORK/bad-cache" -q
expect_status 0
cmp -s "$OUT/ref.epub" "$OUT/damaged.epub" || fail "an EPUB built from a damaged cache differs from a clean build"
cmp -s "$OUT/ref.pdf" "$OUT/damaged.pdf" || fail "a PDF built from a damaged cache differs from a clean build"
# ... and the damaged files were written again: a third build matches too, from the cache.
run_pp 180 1500 build --site "$SITE" -o "$OUT/again" --cache "$WORK/bad-cache" -q
cmp -s "$OUT/ref.epub" "$OUT/again.epub" || fail "the damaged cache was not repaired"
cmp -s "$OUT/ref.pdf" "$OUT/again.pdf" || fail "a PDF set from the shapes kept in the cache differs from a clean build"

# A cache the build cannot write into (its images/ leads where no file can be made): a
# warning, and the pictures are embedded all the same.
mkdir -m 700 "$WORK/stuck-cache"
ln -s /proc/self/fdinfo "$WORK/stuck-cache/images"
run_pp 180 1500 build --site "$SITE" -o "$OUT/stuck" --cache "$WORK/stuck-cache" -q
expect_status 0
expect_diag "warning: .*\[image-cache\]" "a cache that cannot be written"
cmp -s "$OUT/ref.epub" "$OUT/stuck.epub" || fail "a cache that cannot be written changed the EPUB (placeholders?)"

# A cache folder that others may write into (a shared /tmp folder someone created first) is
# not used: its planted content never reaches the outputs.
cp -a "$WORK/ref-cache" "$WORK/shared-cache"
chmod 777 "$WORK/shared-cache"
for f in "$WORK/shared-cache"/images/*.png; do cp "$PP_SOURCE_DIR/samples/img/posts/keynote/stage.jpg" "$f"; done
run_pp 180 1500 build --site "$SITE" -o "$OUT/shared" --cache "$WORK/shared-cache" -q
expect_status 0
expect_diag "warning: the image cache .*shared-cache is not used \(other users may write into it\)" "world-writable cache"
cmp -s "$OUT/ref.epub" "$OUT/shared.epub" || fail "a world-writable cache's content reached the EPUB"

# Without HOME (and XDG_CACHE_HOME), no cache goes to a shared temporary folder.
mkdir -p "$WORK/tmp"
status=0
env -u HOME -u XDG_CACHE_HOME TMPDIR="$WORK/tmp" "$POSTPRESS" build --site "$SITE" -o "$OUT/nohome" --format epub -q \
  > "$WORK/stdout" 2> "$WORK/stderr" || status=$?
expect_status 0
left=$(find "$WORK/tmp" -mindepth 1 -maxdepth 1 | head -3)
[ -z "$left" ] || fail "a build without HOME left a cache in the shared temporary folder: $left"
echo "bad/cache_trust: ok"
