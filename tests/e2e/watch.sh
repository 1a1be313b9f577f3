#!/usr/bin/env bash
# postpress watch: the first build, then a build after each change that matters: an edited post
# (its new title in the PDF), a new post, a broken post (an error printed, the watch goes on),
# the fix; the digest written inside the site never starts a build of its own, nor do editors'
# scratch files or a .git folder; a signal ends it with no temporary file left. build --watch is
# the same command.
source "$(dirname "$0")/../tools/e2e-lib.sh"

SITE="$WORK/site"
mkdir -p "$SITE/_posts" "$SITE/.git"
post() {  # post FILE TITLE
  printf -- '---\ntitle: "%s"\ndate: 2025-10-0%s\ntags: [demo]\n---\n\nA paragraph of %s, long enough to be a post.\n' \
    "$2" "${3:-1}" "$2" > "$SITE/_posts/$1"
}
post 2025-10-01-first.md "First light" 1
post 2025-10-02-second.md "Second wind" 2

LOG="$WORK/watch.log"
# A "watching" line ends each build, whether it wrote the digest or not.
builds() { grep -c "^watching .* folders" "$LOG" || true; }
# wait_for COUNT: until COUNT builds have ended (30 s at most).
wait_for() {
  local i
  for i in $(seq 1 150); do
    [ "$(builds)" -ge "$1" ] && return 0
    kill -0 "$WATCH" 2> /dev/null || { cat "$LOG" >&2; fail "watch ended before build $1"; }
    sleep 0.2
  done
  cat "$LOG" >&2
  fail "no build $1 within 30 s"
}
# The outputs go inside the site: their own writing must not start a build.
"$POSTPRESS" watch --site "$SITE" -o "$SITE/out/digest" --format pdf --cache "$CACHE" --jobs 1 > "$LOG" 2>&1 &
WATCH=$!
trap 'kill -TERM "$WATCH" 2> /dev/null || true; rm -rf "$WORK"' EXIT

wait_for 1
sleep 1.5
[ "$(builds)" -eq 1 ] || { cat "$LOG" >&2; fail "the digest's own output started another build"; }
grep -q "wrote .*digest.pdf" "$LOG" || fail "no summary of the first build"

# Changes that are not the author's start nothing.
echo scratch > "$SITE/_posts/.2025-10-01-first.md.swp"
echo scratch > "$SITE/_posts/2025-10-01-first.md~"
echo ref > "$SITE/.git/HEAD"
sleep 1.5
[ "$(builds)" -eq 1 ] || { cat "$LOG" >&2; fail "a scratch file or .git started a build"; }

post 2025-10-01-first.md "First light, edited" 1
wait_for 2
pdftotext "$SITE/out/digest.pdf" - | grep "First light, edited" > /dev/null || fail "the edited title is not in the rebuilt PDF"

post 2025-10-03-third.md "Third time lucky" 3
wait_for 3
pdftotext "$SITE/out/digest.pdf" - | grep "Third time lucky" > /dev/null || fail "the new post is not in the rebuilt PDF"

# A broken post: the build reports it and the watch goes on.
printf -- '---\ntitle: [unclosed\ndate: 2025-10-04\n---\n\nBody.\n' > "$SITE/_posts/2025-10-04-broken.md"
wait_for 4
grep -q "2025-10-04-broken.md:.*error" "$LOG" || { cat "$LOG" >&2; fail "the broken post's error was not printed"; }
post 2025-10-04-broken.md "Fourth, mended" 4
wait_for 5
pdftotext "$SITE/out/digest.pdf" - | grep "Fourth, mended" > /dev/null || fail "the mended post is not in the PDF"

# SIGTERM, not SIGINT: a background job of a script starts with SIGINT ignored, and a signal
# ignored at start stays ignored (as for any program); Ctrl-C on a terminal is handled alike.
kill -TERM "$WATCH"
status=0
wait "$WATCH" || status=$?
[ "$status" -eq 143 ] || fail "SIGTERM should end the watch with the signal's status (143), got $status"
leftovers=$(find "$SITE/out" -name '.*tmp-*' | wc -l)
[ "$leftovers" -eq 0 ] || fail "temporary files left: $(find "$SITE/out" -name '.*tmp-*')"

# build --watch is the same loop; -o - is refused (a watch writes files).
"$POSTPRESS" build --watch --site "$SITE" -o "$WORK/again/digest" --format pdf --cache "$CACHE" > "$WORK/again.log" 2>&1 &
WATCH=$!
for i in $(seq 1 150); do grep -q "watching" "$WORK/again.log" && break; sleep 0.2; done
grep -q "watching" "$WORK/again.log" || { cat "$WORK/again.log" >&2; fail "build --watch did not watch"; }
[ -s "$WORK/again/digest.pdf" ] || fail "build --watch wrote no PDF"
kill -TERM "$WATCH"; wait "$WATCH" || true
set +e
"$POSTPRESS" watch --site "$SITE" -o - --format pdf > /dev/null 2> "$WORK/stdout.err"
code=$?
set -e
[ "$code" -eq 2 ] || fail "watch -o - should be a usage error (exit 2), got $code"
echo "watch: ok"
