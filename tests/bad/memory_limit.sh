#!/usr/bin/env bash
# Memory runs out (an address-space limit far below what a long post's layout needs): the
# digest fails with an [out-of-memory] error, exit status 1, and no output file is written or
# left half written - never a silent abort (Debian's mimalloc, built as C, once called abort()
# from operator new without a word), and never std::terminate. The limits are the process's
# own (ulimit -v), so the result does not depend on the machine.
# ctest-cost: 8
source "$(dirname "$0")/bad-lib.bash"
sanitized && skip "ASan reserves terabytes of shadow address space: no address-space limit under the sanitizers"
SITE="$WORK/site"
jekyll_site "$SITE" "Memory"
python3 - "$SITE/_posts/2025-01-06-long.md" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\ntitle: A Long Post\ndate: 2025-01-06\n---\n\n")
    f.write("lorem ipsum dolor sit amet consectetur " * 100000 + "\n")
PY
# limited MEGABYTES ARGS...: postpress under an address-space limit; sets $status.
limited() {
  local mb="$1"; shift
  status=0
  ( ulimit -v $((mb * 1024)); exec timeout -k 5 120 "$POSTPRESS" "$@" ) > "$WORK/stdout" 2> "$WORK/stderr" || status=$?
}
# Two limits, both far below what the layout of the 4 MB paragraph needs. Two workers, so that
# the threads' stacks (address space too) take the same share on a machine with many cores.
for mb in 700 420; do
  rm -f "$WORK/out.pdf" "$WORK/out.epub"
  limited "$mb" build --site "$SITE" -o "$WORK/out" --cache "$WORK/cache-$mb" --jobs 2
  [ "$status" = 1 ] || { tail -5 "$WORK/stderr" >&2; fail "$mb MB: exit status $status, expected 1 (a failed digest)"; }
  grep -q '\[out-of-memory\]' "$WORK/stderr" || { tail -5 "$WORK/stderr" >&2; fail "$mb MB: no [out-of-memory] error"; }
  grep -qE 'terminate called|Aborted|Sanitizer' "$WORK/stderr" && fail "$mb MB: an abort, not a diagnostic"
  for f in "$WORK"/out.pdf "$WORK"/out.epub "$WORK"/.out*; do
    [ -e "$f" ] && fail "$mb MB: $(basename "$f") was written"
  done
  echo "memory_limit: $mb MB: $(grep -o 'error: out of memory[^[]*' "$WORK/stderr" | head -1)"
done
# The same build with room enough succeeds (the limit, not the post, made it fail).
limited 4000 build --site "$SITE" -o "$WORK/out" --cache "$WORK/cache-ok"
[ "$status" = 0 ] || { tail -5 "$WORK/stderr" >&2; fail "4000 MB: exit status $status"; }
echo "bad/memory_limit: ok"
