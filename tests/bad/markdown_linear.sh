#!/usr/bin/env bash
# Markdown that cmark-gfm parses in a fraction of a second must not take postpress's own passes
# minutes or gigabytes (issue 25, item 6): a 400 KB autolinked `www.` token, `a` followed by
# 80,000 setext `=` lines, and 80,000 reference links. Read, parsed and written as an EPUB
# here; the PDF's own passes on these posts (line breaking of the long token in src/layout,
# link marks in src/print) are checked where those stages are made linear.
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Linear"
P="$SITE/_posts"
{ printf -- '---\ntitle: Long Token\ndate: 2025-03-01\n---\n\nSee www.'; head -c 400000 /dev/zero | tr '\0' 'a'; printf '.com now.\n'; } > "$P/2025-03-01-token.md"
{ printf -- '---\ntitle: Setext Lines\ndate: 2025-03-02\n---\n\na\n'; seq 80000 | sed 's/.*/=/'; } > "$P/2025-03-02-setext.md"
{ printf -- '---\ntitle: Reference Links\ndate: 2025-03-03\n---\n\n'
  seq 80000 | sed 's/.*/[link &][r&]/'; printf '\n'; seq 80000 | sed 's|.*|[r&]: https://example.org/&|'; } > "$P/2025-03-03-refs.md"
for name in token setext refs; do
  run_pp 20 1000 build --site "$SITE" --posts "_posts/*$name.md" --format epub -o "$WORK/$name" --cache "$CACHE"
  [ "$status" -le 1 ] || fail "$name: exit status $status"
  [ -s "$WORK/$name.epub" ] || fail "$name: no EPUB"
done
echo "bad/markdown_linear: ok"
