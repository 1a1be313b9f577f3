#!/usr/bin/env bash
# A 10 MB single line, twice: words (1.7 million of them in one paragraph) and one token with no
# space at all. Both must be typeset in full (thousands of pages), in bounded time and memory:
# the token once took over 20 GB, as every character of it copied the whole token.
# Under the sanitizers the lines are 1 MB (ASan's own memory would dwarf the measurement).
# ctest-cost: 65
source "$(dirname "$0")/bad-lib.bash"
MB=10
sanitized && MB=1
for kind in words token; do
  SITE="$WORK/site-$kind"
  mkdir -p "$SITE/_posts"
  printf 'title: Long Line\n' > "$SITE/_config.yml"
  python3 - "$SITE/_posts/2025-01-06-long-line.md" "$kind" "$MB" <<'PY'
import sys
path, kind, mb = sys.argv[1], sys.argv[2], int(sys.argv[3])
unit = "lorem ipsum dolor sit amet consectetur " if kind == "words" else "abcdefghij"
with open(path, "w") as f:
    f.write("---\ntitle: One Long Line\ndate: 2025-01-06\n---\n\nThe line starts here ")
    f.write(unit * ((mb << 20) // len(unit)))
    f.write(" and ends here.\n")
PY
  # The bounds are several times what each build takes (bench/results.md, "The test suite").
  run_pp 240 2500 build --site "$SITE" -o "$WORK/out-$kind" --cache "$WORK/cache" -j 2
  expect_status 0
  pages=$(pdfinfo "$WORK/out-$kind.pdf" 2>/dev/null | awk '/^Pages:/ {print $2}')
  [ "${pages:-0}" -ge $((MB * 250)) ] || fail "$kind: $MB MB should fill at least $((MB * 250)) pages, got ${pages:-0}"
  qpdf --check "$WORK/out-$kind.pdf" > /dev/null 2>&1 || fail "$kind: qpdf rejects the PDF"
  # All of it is there: the end of the line is on the last page of the post.
  pdftotext -f $((pages - 2)) "$WORK/out-$kind.pdf" - 2>/dev/null | grep -c "ends here" > /dev/null || fail "$kind: the end of the line is missing"
  python3 "$TOOLS/epub_props.py" "$WORK/out-$kind.epub" --expect "The line starts here" --expect "ends here" \
    > "$WORK/props" 2>&1 || { cat "$WORK/props" >&2; fail "$kind: epub_props"; }
  echo "long_line $kind: $pages pages, peak ${peak_mb} MB"
done
echo "bad/long_line: ok"
