#!/usr/bin/env bash
# Markdown that cmark-gfm parses in a fraction of a second must not take postpress's own passes
# minutes or gigabytes (issue 25, item 6): a 400 KB autolinked `www.` token, `a` followed by
# 80,000 setext `=` lines, and 80,000 reference links. Each is built as a PDF and an EPUB:
# the token once took 80 s and wrote 600 MB of PDF (every line of the link carried the whole
# address: now a link that long is printed, not clickable, with a warning), the references
# 175 s (link note marks inserted one by one into a paragraph of 80,000 links).
# ctest-cost: 20
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Linear"
P="$SITE/_posts"
# Under the sanitizers, a quarter of the references: the normal tree's run proves the time
# bound, this one looks for memory errors on the way (run_pp).
N=80000
sanitized && N=20000
{ printf -- '---\ntitle: Long Token\ndate: 2025-03-01\n---\n\nSee www.'; head -c 400000 /dev/zero | tr '\0' 'a'; printf '.com now.\n'; } > "$P/2025-03-01-token.md"
{ printf -- '---\ntitle: Setext Lines\ndate: 2025-03-02\n---\n\na\n'; seq 80000 | sed 's/.*/=/'; } > "$P/2025-03-02-setext.md"
{ printf -- '---\ntitle: Reference Links\ndate: 2025-03-03\n---\n\n'
  seq "$N" | sed 's/.*/[link &][r&]/'; printf '\n'; seq "$N" | sed 's|.*|[r&]: https://example.org/&|'; } > "$P/2025-03-03-refs.md"
# Budgets: about four times what each takes on 2 busy cores (token 1 s, setext 2 s, refs 25 s).
# The tagged PDF of the 80,000 references is 123 MB (60 MB untagged): 300,000 structure
# elements and a described, tagged annotation per link and link note.
declare -A seconds=([token]=20 [setext]=20 [refs]=100) megabytes=([token]=5 [setext]=100 [refs]=160)
for name in token setext refs; do
  run_pp "${seconds[$name]}" 1500 build --site "$SITE" --posts "_posts/*$name.md" -o "$WORK/$name" --cache "$CACHE"
  [ "$status" -le 1 ] || fail "$name: exit status $status"
  [ -s "$WORK/$name.epub" ] || fail "$name: no EPUB"
  [ -s "$WORK/$name.pdf" ] || fail "$name: no PDF"
  size=$(stat -c %s "$WORK/$name.pdf")
  [ "$size" -le $((megabytes[$name] * 1024 * 1024)) ] || fail "$name: the PDF is $size bytes"
  if [ "$name" = token ]; then
    grep -q "link-too-long" "$WORK/stderr" || fail "token: no warning for the link address too long to be clickable"
  fi
  echo "$name: peak ${peak_mb} MB, PDF $size bytes"
done
echo "bad/markdown_linear: ok"
