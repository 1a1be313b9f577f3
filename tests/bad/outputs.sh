#!/usr/bin/env bash
# Where the output goes can fail too: an output folder that cannot be created or written, a
# full disk (/dev/full, and a regular file hitting a file-size limit mid-write), SIGINT and
# SIGTERM in the middle of a build. Each gives a clear diagnostic and a non-zero exit, leaves no
# temporary file behind, and leaves a previous output of the same name byte for byte as it was.
# ctest-cost: 110
source "$(dirname "$0")/bad-lib.bash"
SITE="$PP_SOURCE_DIR/samples"
OUT="$WORK/out"
mkdir -p "$OUT"

# The parent of the output is a regular file: the folder cannot be created.
touch "$WORK/plain-file"
run_pp 120 1500 build --site "$SITE" -o "$WORK/plain-file/digest" --cache "$CACHE" -q
expect_status 1
expect_diag "plain-file/digest\.(pdf|epub).*error: cannot create the output folder" "folder that cannot exist"

# A folder the user cannot write (only meaningful when not root: root writes anywhere).
if [ "$(id -u)" != 0 ]; then
  mkdir -p "$WORK/readonly"
  sentinel "$WORK/readonly/digest.pdf"
  chmod 555 "$WORK/readonly"
  run_pp 120 1500 build --site "$SITE" -o "$WORK/readonly/digest" --cache "$CACHE" -q
  chmod 755 "$WORK/readonly"
  expect_status 1
  expect_diag "error: .*(Permission denied|cannot)" "unwritable folder"
  unchanged "$WORK/readonly/digest.pdf"
  no_temporaries "$WORK/readonly"
else
  echo "running as root: the read-only folder case is covered by /proc below"
fi
# A folder on a file system that refuses new files.
run_pp 120 1500 build --site "$SITE" -o "/proc/self/postpress-digest" --format pdf --cache "$CACHE" -q
expect_status 1
expect_diag "error: " "unwritable /proc"

# /dev/full: every write fails with ENOSPC. Reached through a symbolic link (as a user points
# an output at /dev/stdout); devices are written in place, never removed or replaced.
if [ -w /dev/full ] && [ -c /dev/full ]; then
  for fmt in pdf epub; do
    ln -sf /dev/full "$OUT/devfull.$fmt"
    run_pp 120 1500 build --site "$SITE" -o "$OUT/devfull.$fmt" --cache "$CACHE" -q
    expect_status 1
    expect_diag "devfull\.$fmt: error: cannot write the (PDF|EPUB): No space left on device" "full disk ($fmt)"
    [ -c /dev/full ] || fail "/dev/full is no longer a character device"
    [ -L "$OUT/devfull.$fmt" ] || fail "the symbolic link to /dev/full was replaced"
  done
fi
# An output that is a symbolic link to a regular file: the file is replaced, the link stays.
ln -sf "$OUT/real-target.pdf" "$OUT/link.pdf"
run_pp 120 1500 build --site "$SITE" -o "$OUT/link.pdf" --cache "$CACHE" -q
expect_status 0
[ -L "$OUT/link.pdf" ] && [ -s "$OUT/real-target.pdf" ] || fail "writing through a symbolic link replaced the link"

# A regular file that cannot grow past 64 KB (file-size limit, SIGXFSZ ignored: writes fail
# with EFBIG part-way, as on a disk that fills up during the write).
sentinel "$OUT/full.pdf"
sentinel "$OUT/full.epub"
status=0
( trap '' XFSZ; ulimit -f 64; exec "$POSTPRESS" build --site "$SITE" -o "$OUT/full" --cache "$CACHE" -q ) \
  > "$WORK/stdout" 2> "$WORK/stderr" || status=$?
expect_status 1
expect_diag "full\.(pdf|epub).*error: " "write failing part-way"
unchanged "$OUT/full.pdf"
unchanged "$OUT/full.epub"
no_temporaries "$OUT"

# A named pipe, which cannot seek back: the EPUB is put together in memory and streamed into
# it, the same bytes as the file a regular output gets (libzip writes that one in place).
run_pp 120 1500 build --site "$SITE" -o "$OUT/as-file" --format epub --cache "$CACHE" -q
expect_status 0
mkfifo "$OUT/pipe.epub"
timeout 120 cat "$OUT/pipe.epub" > "$WORK/from-pipe.epub" &  # bounded: never left waiting for a writer
reader=$!
run_pp 120 1500 build --site "$SITE" -o "$OUT/pipe.epub" --cache "$CACHE" -q
expect_status 0
wait "$reader"
cmp -s "$WORK/from-pipe.epub" "$OUT/as-file.epub" || fail "the EPUB written into a pipe differs from the file"
[ -p "$OUT/pipe.epub" ] || fail "the named pipe was replaced"
rm -f "$OUT/pipe.epub"

# SIGINT / SIGTERM during a build: killed by the signal (status 128+N), no temporary file left,
# the previous outputs intact. A generated blog of long posts on one worker builds for long
# enough to be caught; the signal is sent once the build has used a share of the CPU time a
# whole build takes (measured first), so that it lands at the same point of the work however
# loaded the machine is: half-way (typesetting) and near the end (writing the outputs).
BIG="$WORK/big-site"
mkdir -p "$BIG/_posts"
printf 'title: Many Posts\n' > "$BIG/_config.yml"
posts=150
sanitized && posts=30  # as long to build under the sanitizers
python3 - "$BIG/_posts" "$posts" <<'PY'
import random, sys
random.seed(1)
words = "lorem ipsum dolor sit amet consectetur adipiscing elit sed do eiusmod tempor".split()
for i in range(int(sys.argv[2])):
    with open(f"{sys.argv[1]}/2025-01-{i % 28 + 1:02d}-post-{i}.md", "w") as f:
        f.write(f"---\ntitle: Post {i}\n---\n\n")
        for _ in range(30):
            f.write(" ".join(random.choice(words) for _ in range(60)) + ".\n\n")
PY
big_build() { exec "$POSTPRESS" build --site "$BIG" -o "$OUT/sig" --cache "$CACHE" -q --jobs 1; }
# cpu_ticks PID: user + system time the process has used, in clock ticks.
cpu_ticks() { awk '{print $14 + $15}' "/proc/$1/stat" 2>/dev/null || echo -1; }
# Measured on a second build: the first fills the cache (shapes, font subsets) and takes more
# CPU than the builds interrupted below, which find it full (a share of the first's time could
# lie past their end).
"$POSTPRESS" build --site "$BIG" -o "$OUT/sig" --cache "$CACHE" -q --jobs 1 > /dev/null 2>&1 || fail "the first build failed"
big_build > "$WORK/stdout" 2> "$WORK/stderr" & pid=$!
whole=0
while kill -0 "$pid" 2> /dev/null; do t=$(cpu_ticks "$pid"); [ "$t" -lt 0 ] || whole=$t; sleep 0.01; done
wait "$pid" || fail "the uninterrupted build failed"
[ "$whole" -ge 10 ] || fail "the build took only $whole ticks: too short to interrupt"
qpdf --check "$OUT/sig.pdf" > /dev/null 2>&1 || fail "the uninterrupted PDF fails qpdf --check"
interrupted=0
for attempt in "INT 50" "TERM 80" "INT 65" "TERM 35"; do
  read -r sig percent <<< "$attempt"
  rm -f "$OUT"/sig.*
  sentinel "$OUT/sig.pdf"
  sentinel "$OUT/sig.epub"
  big_build > "$WORK/stdout" 2> "$WORK/stderr" & pid=$!
  while kill -0 "$pid" 2> /dev/null && [ "$(cpu_ticks "$pid")" -lt $((whole * percent / 100)) ]; do sleep 0.005; done
  kill -s "$sig" "$pid" 2>/dev/null || true
  status=0
  wait "$pid" || status=$?
  no_temporaries "$OUT"
  [ "$status" -ne 0 ] || continue  # finished first: the next attempt lands elsewhere
  want=130; [ "$sig" = TERM ] && want=143
  [ "$status" -eq "$want" ] || { tail -20 "$WORK/stderr" >&2; fail "SIG$sig: exit $status, wanted $want"; }
  # Each output is either the previous one or a complete new one, never a torn file.
  for f in "$OUT/sig.pdf" "$OUT/sig.epub"; do
    if ! cmp -s "$f" "$f.expected"; then
      case "$f" in
        *.pdf) qpdf --check "$f" > /dev/null 2>&1 || fail "torn PDF after SIG$sig" ;;
        *.epub) python3 "$TOOLS/epub_props.py" "$f" --quick > /dev/null || fail "torn EPUB after SIG$sig" ;;
      esac
    fi
  done
  echo "SIG$sig at $percent% of the build's CPU time: exit $status, outputs intact"
  interrupted=$((interrupted + 1))
  [ "$interrupted" -lt 2 ] || break
done
[ "$interrupted" -ge 2 ] || fail "only $interrupted of the signals landed mid-build"
echo "bad/outputs: ok ($interrupted interrupted builds)"
