#!/usr/bin/env bash
# SVGs that ask librsvg for minutes or gigabytes (issue 25, item 6): 500 chained
# feGaussianBlur in 18 KB, and 12 MB of <text>. Both are refused as too costly, promptly.
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "SVG Budget"
mkdir -p "$SITE/img"
{
  printf "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='800'><filter id='f'>"
  for i in $(seq 500); do printf "<feGaussianBlur stdDeviation='40'/>"; done
  printf "</filter><rect width='800' height='800' fill='red' filter='url(#f)'/></svg>"
} > "$SITE/img/blur.svg"
{
  printf "<svg xmlns='http://www.w3.org/2000/svg' width='800' height='800'><text x='0' y='20'>"
  head -c 12000000 /dev/zero | tr '\0' 'W'
  printf "</text></svg>"
} > "$SITE/img/text.svg"
printf -- '---\ntitle: Costly Drawings\ndate: 2025-03-01\n---\n\n![blur](/img/blur.svg)\n\n![text](/img/text.svg)\n' \
  > "$SITE/_posts/2025-03-01-svg.md"
run_pp 60 1500 build --site "$SITE" -o "$WORK/out" --cache "$CACHE"
[ "$status" -le 1 ] || fail "exit status $status"
valid_outputs "$WORK/out" "A Good Post"
expect_diag "svg\.md:6:.*filter effects.*\[image-too-large\]" "the blur chain is refused"
expect_diag "svg\.md:8:.*bytes of text.*\[image-too-large\]" "the huge text is refused"
echo "bad/svg_budget: ok"
