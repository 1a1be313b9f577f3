# Shared helpers for the hostile-input tests (sourced by tests/bad/*.sh; not a test itself).
#
# Every run of postpress goes through `run_pp`, which enforces what issue 8 asks of bad input:
# no crash (signal, sanitizer report), no hang (a timeout), no unbounded memory (an address
# space limit; under ASan, which needs terabytes of address space, a peak-RSS check instead).
source "$(dirname "${BASH_SOURCE[0]}")/../tools/e2e-lib.sh"
# PP_KEEP_WORK=1 keeps the work folder for a look after a failure.
if [ -n "${PP_KEEP_WORK:-}" ]; then trap - EXIT; echo "work folder kept: $WORK" >&2; fi

# True when postpress was built with the sanitizers (scripts/test.sh's build-asan/).
# (Not `ldd | grep -q`: under pipefail, grep quitting early makes ldd die of SIGPIPE at random.)
sanitized() { local libs; libs=$(ldd "$POSTPRESS" 2>/dev/null || true); [[ "$libs" == *libasan* || "$libs" == *libubsan* ]]; }

# run_pp SECONDS MEGABYTES ARGS...: runs postpress on ARGS with a wall-clock limit and a memory
# limit. Sets $status (the exit status) and $peak_mb; stderr is in $WORK/stderr, stdout in
# $WORK/stdout. Fails the test on a crash, a hang, a sanitizer report or too much memory.
run_pp() {
  local seconds="$1" mb="$2"; shift 2
  local limit_kb=$((mb * 1024)) rss_kb
  if sanitized; then
    # ASan and UBSan slow everything down, the more so at the sanitizer tree's -O1: the time
    # bound itself is proven by the normal tree's run of the same test, this one looks for
    # memory and undefined-behaviour errors on the way.
    seconds=$((seconds * 6))
    limit_kb=$((limit_kb * 3)) # ... and add shadow memory and quarantine
  fi
  status=0
  # The bound is on memory used (peak RSS, checked below). The address-space limit is only a
  # net against a runaway build taking the machine's memory: address space is not memory
  # (mimalloc maps its segments with room to align them, each thread reserves a stack), and
  # a build at 1.2 GB of RSS reached a 1.5 GB address-space limit.
  (
    sanitized || ulimit -v $((limit_kb * 2))
    exec /usr/bin/time -f '%M' -o "$WORK/rss" timeout -k 5 "$seconds" "$POSTPRESS" "$@"
  ) > "$WORK/stdout" 2> "$WORK/stderr" || status=$?
  rss_kb=$(tail -1 "$WORK/rss" 2>/dev/null | tr -dc 0-9)
  peak_mb=$(( ${rss_kb:-0} / 1024 ))
  if grep -qE 'ERROR: (Address|Leak)Sanitizer|runtime error:|Sanitizer:DEADLYSIGNAL' "$WORK/stderr"; then
    head -60 "$WORK/stderr" >&2
    fail "sanitizer report (postpress $*)"
  fi
  if grep -qE 'Command (terminated by signal|exited with non-zero status 12[4-9])' "$WORK/rss" 2>/dev/null ||
     [ "$status" -ge 124 ]; then
    tail -20 "$WORK/stderr" >&2
    fail "postpress crashed, hung or was killed (exit $status, peak ${peak_mb} MB, limit ${seconds}s/$((limit_kb / 1024)) MB): $*"
  fi
  if grep -q 'std::bad_alloc\|terminate called\|\[out-of-memory\]' "$WORK/stderr"; then
    tail -20 "$WORK/stderr" >&2
    fail "postpress ran out of memory or aborted (limit $((limit_kb / 1024)) MB): $*"
  fi
  [ "$peak_mb" -le $((limit_kb / 1024)) ] || fail "peak memory ${peak_mb} MB over $((limit_kb / 1024)) MB: $*"
}

# expect_status N: the last run_pp ended with exit status N.
expect_status() {
  [ "$status" -eq "$1" ] || { tail -30 "$WORK/stderr" >&2; fail "exit status $status, expected $1"; }
}

# expect_diag REGEX [WHY]: stderr of the last run has a line matching REGEX (grep -E).
expect_diag() {
  grep -qE -- "$1" "$WORK/stderr" || { tail -40 "$WORK/stderr" >&2; fail "no diagnostic matching /$1/${2:+ ($2)}"; }
}

# no_diag REGEX [WHY]
no_diag() {
  if grep -qE -- "$1" "$WORK/stderr"; then grep -E -- "$1" "$WORK/stderr" | head -5 >&2; fail "unexpected /$1/${2:+ ($2)}"; fi
}

# valid_outputs [--quick] BASE [TEXT...]: BASE.pdf and BASE.epub exist and pass our property
# checks (qpdf --check, embedded fonts, no collisions; EPUBCheck, mimetype, nav), and contain
# TEXTs. --quick: the files and their text only (pdf_props.py and epub_props.py --quick).
# Under the sanitizers the checks of placement and EPUBCheck are left out: the normal tree's
# run of the same test makes the same digest from the same input and checks it in full, and
# this run is there for memory and undefined-behaviour errors (the checkers, not postpress,
# took most of its time).
valid_outputs() {
  local args=() t
  if [ "$1" = --quick ]; then args+=(--quick); shift; elif sanitized; then args+=(--quick); fi
  local base="$1"; shift
  for t in "$@"; do args+=(--expect "$t"); done
  [ -s "$base.pdf" ] || { tail -30 "$WORK/stderr" >&2; fail "no PDF at $base.pdf"; }
  [ -s "$base.epub" ] || { tail -30 "$WORK/stderr" >&2; fail "no EPUB at $base.epub"; }
  python3 "$TOOLS/pdf_props.py" "$base.pdf" "${args[@]}" > "$WORK/props" 2>&1 || { cat "$WORK/props" >&2; fail "pdf_props: $base.pdf"; }
  python3 "$TOOLS/epub_props.py" "$base.epub" "${args[@]}" > "$WORK/props" 2>&1 || { cat "$WORK/props" >&2; fail "epub_props: $base.epub"; }
}

# no_temporaries DIR: no `.NAME.tmp-PID-N` file of an interrupted or failed write is left.
no_temporaries() {
  local left
  left=$(find "$1" -name '.*.tmp-*' 2>/dev/null | head -5)
  [ -z "$left" ] || fail "temporary files left behind: $left"
}

# sentinel FILE / unchanged FILE: a previous output that a failed build must leave untouched.
sentinel() { printf 'previous output of %s, must survive\n' "$(basename "$1")" > "$1"; cp "$1" "$1.expected"; }
unchanged() { cmp -s "$1" "$1.expected" || fail "previous output $1 was changed by a failed build"; }

# jekyll_site DIR [TITLE]: an empty Jekyll site with one good post (so a build has something).
jekyll_site() {
  mkdir -p "$1/_posts"
  printf 'title: "%s"\nurl: "https://example.org"\n' "${2:-Bad Input}" > "$1/_config.yml"
  cat > "$1/_posts/2025-01-01-good.md" <<'MD'
---
title: A Good Post
date: 2025-01-01
tags: [good]
---

This post is fine. Its sentence is here so that every digest has some readable text.
MD
}
