#!/usr/bin/env bash
# Outputs an attacker may aim (issue 25, items 7-9): a --report or an output that names an
# input, a config whose digest name or output climbs out of its folder, a 240-character output
# name, two builds writing one output at once, one output failing while the other is fine,
# and temporaries left by builds that died.
# ctest-cost: 45
source "$(dirname "$0")/bad-lib.bash"
SITE="$PP_SOURCE_DIR/samples"
OUT="$WORK/out"
mkdir -p "$OUT"

# --report naming a post: refused, the post untouched, the build fails.
jekyll_site "$WORK/site" "Report Site"
post="$WORK/site/_posts/2025-01-01-good.md"
cp "$post" "$WORK/post.expected"
run_pp 120 1500 build --site "$WORK/site" -o "$OUT/r" --report "$post" --cache "$CACHE" -q
expect_status 1
expect_diag "2025-01-01-good\.md: error: report not written: .*which the build reads \[output-refused\]" "report over a post"
cmp -s "$post" "$WORK/post.expected" || fail "--report replaced the post"
# ... also through a symbolic link to the post.
ln -s "$post" "$WORK/report-link.json"
run_pp 120 1500 build --site "$WORK/site" -o "$OUT/r" --report "$WORK/report-link.json" --cache "$CACHE" -q
expect_status 1
cmp -s "$post" "$WORK/post.expected" || fail "--report replaced the post through a link"
# A config's digest named ../.. (the output defaults to out/NAME) or an output climbing out
# of the config's folder is refused; given on the command line, the same path is allowed.
mkdir -p "$WORK/cfg/deep"
cat > "$WORK/cfg/deep/postpress.yaml" <<YAML
site: $SITE
digests:
  - name: ../../../escaped
  - output: ../../escaped-too
    name: second
YAML
run_pp 180 1500 build -c "$WORK/cfg/deep/postpress.yaml" --cache "$CACHE" -q
expect_status 1
expect_diag "escaped\.pdf: error: not written: the output is outside the folder of the configuration" "digest name ../.."
expect_diag "escaped-too\.pdf: error: not written: the output is outside" "output ../.."
[ ! -e "$WORK/escaped.pdf" ] && [ ! -e "$WORK/cfg/escaped-too.pdf" ] || fail "a config wrote outside its folder"
# (-o does not override a config's outputs; a build from the command line writes anywhere.)
run_pp 180 1500 build --site "$SITE" -o "$WORK/cfg/deep/../../escaped-cli" --cache "$CACHE" -q
expect_status 0
[ -s "$WORK/escaped-cli.pdf" ] || fail "an output given with -o outside the current folder was not written"

# A 240-character output name (each temporary's name must stay within 255 bytes).
long="$(printf 'd%.0s' $(seq 1 235))"
run_pp 180 1500 build --site "$SITE" -o "$OUT/$long" --cache "$CACHE" -q
expect_status 0
[ -s "$OUT/$long.pdf" ] && [ -s "$OUT/$long.epub" ] || fail "a 240-character output name was not written"
no_temporaries "$OUT"

# The larger output fails (a file-size limit between the two sizes) while the smaller one is
# fine: neither replaces the previous pair. (Which is larger depends on the fonts and pictures.)
run_pp 180 1500 build --site "$SITE" -o "$OUT/pair" --cache "$CACHE" -q
expect_status 0
pdf_kb=$(( $(stat -c %s "$OUT/pair.pdf") / 1024 )); epub_kb=$(( $(stat -c %s "$OUT/pair.epub") / 1024 ))
if [ "$pdf_kb" -gt "$epub_kb" ]; then big=pdf BIG=PDF small=epub; else big=epub BIG=EPUB small=pdf; fi
[ "$pdf_kb" != "$epub_kb" ] || fail "the test needs a PDF and an EPUB of different sizes ($pdf_kb KB each)"
sentinel "$OUT/pair.pdf"
sentinel "$OUT/pair.epub"
status=0
( trap '' XFSZ; ulimit -f $(( (epub_kb + pdf_kb) / 2 )); exec "$POSTPRESS" build --site "$SITE" -o "$OUT/pair" --cache "$CACHE" -q ) \
  > "$WORK/stdout" 2> "$WORK/stderr" || status=$?
expect_status 1
expect_diag "pair\.$big: error: cannot write the $BIG" "$BIG over the size limit"
expect_diag "pair\.$small: error: not replaced: another output of this digest failed" "$small held back"
unchanged "$OUT/pair.pdf"
unchanged "$OUT/pair.epub"
no_temporaries "$OUT"

# Two builds writing the same output at once: the PDF and the EPUB always come from one build.
jekyll_site "$WORK/site-a" "Alpha Digest Site"
jekyll_site "$WORK/site-b" "Bravo Digest Site"
title_of_pdf() { pdfinfo "$1" 2>/dev/null | sed -n 's/^Title: *//p'; }
title_of_epub() { unzip -p "$1" '*.opf' 2>/dev/null | sed -n 's/.*<dc:title id="title">\([^<]*\)<.*/\1/p'; }
# Ten rounds in the normal tree; under the sanitizers, which look for memory errors on the way
# rather than for the race itself, three.
rounds=10; if sanitized; then rounds=3; fi
for round in $(seq 1 "$rounds"); do
  "$POSTPRESS" build --site "$WORK/site-a" -o "$OUT/race" --cache "$CACHE" -q --jobs 1 2> "$WORK/race-a" &
  a=$!
  "$POSTPRESS" build --site "$WORK/site-b" -o "$OUT/race" --cache "$CACHE" -q --jobs 1 2> "$WORK/race-b" &
  b=$!
  wait "$a" || fail "build A failed in round $round: $(cat "$WORK/race-a")"
  wait "$b" || fail "build B failed in round $round: $(cat "$WORK/race-b")"
  pt=$(title_of_pdf "$OUT/race.pdf"); et=$(title_of_epub "$OUT/race.epub")
  [ -n "$pt" ] && [ -n "$et" ] || fail "no title read back (pdf '$pt', epub '$et')"
  case "$pt" in *Alpha*) want=Alpha ;; *) want=Bravo ;; esac
  [[ "$et" == *"$want"* ]] || fail "round $round: PDF of one build ($pt), EPUB of another ($et)"
done
no_temporaries "$OUT"

# Temporaries of builds that died (SIGKILL, a crash) are removed by the next build of the same
# output; one whose owner is alive (it holds the lock) is kept.
printf 'half a PDF' > "$OUT/.stale.pdf.tmp-AbC123"
mkdir "$OUT/.stale.epub.tmp-zz9ZZ9" && printf 'half' > "$OUT/.stale.epub.tmp-zz9ZZ9/stale.epub"
dead=99999; while kill -0 "$dead" 2>/dev/null; do dead=$((dead + 1)); done
printf 'old version' > "$OUT/.stale.pdf.tmp-$dead-0"
printf 'live' > "$OUT/.stale.pdf.tmp-L1veOn"
# The holder is one process (the subshell becomes the sleep, keeping the locked descriptor), so
# that killing it ends the lock and nothing is left holding the test's output open: ctest waits
# for every process that has it, and a stray `sleep 60` kept a test slot idle for a minute.
( exec 9>> "$OUT/.stale.pdf.tmp-L1veOn"; flock 9; exec sleep 60 ) > /dev/null 2>&1 &
holder=$!
sleep 0.3
run_pp 180 1500 build --site "$SITE" -o "$OUT/stale" --cache "$CACHE" -q
expect_status 0
for f in ".stale.pdf.tmp-AbC123" ".stale.epub.tmp-zz9ZZ9" ".stale.pdf.tmp-$dead-0"; do
  [ ! -e "$OUT/$f" ] || fail "stale temporary $f was not removed"
done
[ -e "$OUT/.stale.pdf.tmp-L1veOn" ] || fail "a live build's temporary was removed"
kill "$holder" 2>/dev/null || true; wait "$holder" 2>/dev/null || true
rm -f "$OUT/.stale.pdf.tmp-L1veOn"

# A build killed with SIGKILL at some point, then built again: nothing of it is left.
for delay in 0.2 0.5 1; do
  "$POSTPRESS" build --site "$SITE" -o "$OUT/killed" --cache "$WORK/cold-$delay" -q --jobs 1 > /dev/null 2>&1 &
  pid=$!
  sleep "$delay"; kill -KILL "$pid" 2>/dev/null || true; wait "$pid" 2>/dev/null || true
  run_pp 180 1500 build --site "$SITE" -o "$OUT/killed" --cache "$CACHE" -q
  expect_status 0
  no_temporaries "$OUT"
done
echo "bad/output_trust: ok"
