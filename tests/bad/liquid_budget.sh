#!/usr/bin/env bash
# Liquid that would run for minutes or take gigabytes (issue 25, item 5): each post's
# templates stop at their budget with a [liquid-budget] warning, promptly and in little
# memory, and the rest of the digest is built.
# ctest-cost: 30
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Budgets"
post() {  # post NAME BODY
  printf -- '---\ntitle: %s\ndate: 2025-03-01\n---\n\nText of %s.\n\n%s\n' "$1" "$1" "$2" > "$SITE/_posts/2025-03-01-$1.md"
}
post loops '{% for a in (1..1000) %}{% for b in (1..1000) %}{% for c in (1..1000) %}{% endfor %}{% endfor %}{% endfor %}'
post doubling "{% assign a = 'x' %}$(for i in $(seq 40); do printf '{%% assign a = a | append: a %%}'; done){{ a | size }}"
post replacing "{% assign a = 'aaaa' %}$(for i in $(seq 30); do printf "{%% assign a = a | replace: 'a', 'aa' %%}"; done){{ a | size }}"
post output '{% for a in (1..1000) %}{% for b in (1..1000) %}{{ "output again and again and again" }}{% endfor %}{% endfor %}'
run_pp 60 1500 build --site "$SITE" -o "$WORK/out" --cache "$CACHE"
[ "$status" -le 1 ] || fail "exit status $status"
# Thousands of pages of the same few words: where each word sits is what every other test
# checks; here it is that both files are whole and hold every post's text.
valid_outputs --quick "$WORK/out" "A Good Post" "Text of loops." "Text of doubling." "Text of replacing." "Text of output."
for name in loops doubling replacing output; do
  expect_diag "2025-03-01-$name\.md:[0-9]+:[0-9]+: warning: .*\[liquid-budget\]" "the $name post stops at its budget"
done
echo "bad/liquid_budget: ok"
