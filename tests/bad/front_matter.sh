#!/usr/bin/env bash
# Malformed front matter and configuration, as people really break them: unclosed YAML
# brackets and quotes, tabs, a mapping where a list belongs, YAML alias bombs, TOML with
# syntax errors, front matter never closed, dates that are not dates, gigantic front matter,
# and broken site and digest configs. Each broken post is one error at its file and line; the
# other posts still build into a valid PDF and EPUB; exit status 1. A broken site config is an
# error naming the file, never a crash.
# ctest-cost: 16
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Broken Front Matter"
P="$SITE/_posts"

post() { printf '%b' "$2" > "$P/$1"; }
post 2025-03-01-unclosed-list.md '---\ntitle: Unclosed List\ntags: [a, b\ndate: 2025-03-01\n---\n\nBody.\n'
post 2025-03-02-unclosed-quote.md '---\ntitle: "Unclosed Quote\ndate: 2025-03-02\n---\n\nBody.\n'
post 2025-03-03-tabs.md '---\ntitle: Tabs\n\tdate: 2025-03-03\n---\n\nBody.\n'
post 2025-03-04-never-closed.md '---\ntitle: Never Closed\ndate: 2025-03-04\n\nThe body starts without the closing line.\n'
post 2025-03-05-bad-date.md '---\ntitle: Bad Date Survives\ndate: the day after tomorrow\n---\n\nText of the bad date post.\n'
post 2025-03-06-wrong-types.md '---\ntitle: [not, a, string]\ntags: {a: 1}\nauthor: {name: {deep: [1, 2]}}\ndate: 2025-03-06\n---\n\nText of the wrong types post.\n'
post 2025-03-07-toml.md '+++\ntitle = "TOML Broken\ndate = 2025-03-07\n+++\n\nBody.\n'
post 2025-03-08-toml-types.md '+++\ntitle = "TOML Types Survive"\ndate = 2025-03-08T10:00:00Z\ntags = "not-a-list"\n[params]\nx = [1, [2, [3]]]\n+++\n\nText of the TOML types post.\n'
post 2025-03-09-duplicate.md '---\ntitle: First\ntitle: Second\ndate: 2025-03-09\n---\n\nText of the duplicate keys post.\n'
post 2025-03-10-only-dashes.md '---\n---\n---\n'
post 2025-03-11-empty.md ''
# A YAML alias bomb ("billion laughs" for YAML): 9 levels of 9 aliases each.
python3 - "$P/2025-03-12-alias-bomb.md" <<'PY'
import sys
lines = ["---", "title: Alias Bomb", "date: 2025-03-12", 'a0: &a0 ["lol"]']
for i in range(1, 10):
    lines.append(f"a{i}: &a{i} [" + ", ".join([f"*a{i-1}"] * 9) + "]")
lines.append("tags: *a9")
lines += ["---", "", "Text of the alias bomb post."]
open(sys.argv[1], "w").write("\n".join(lines) + "\n")
PY
# 5 MB of front matter (a pasted data dump).
python3 - "$P/2025-03-13-huge.md" <<'PY'
import sys
with open(sys.argv[1], "w") as f:
    f.write("---\ntitle: Huge Front Matter\ndate: 2025-03-13\ndata:\n")
    for i in range(120000):
        f.write(f"  - key{i}: value number {i} with some words\n")
    f.write("---\n\nText of the huge front matter post.\n")
PY
# Deeply nested flow collections in YAML and arrays in TOML (parsers recurse).
python3 - "$P" <<'PY'
import sys
d = sys.argv[1]
open(f"{d}/2025-03-14-deep-yaml.md", "w").write("---\ntitle: Deep YAML\ndate: 2025-03-14\nx: " + "[" * 10000 + "]" * 10000 + "\n---\n\nText of the deep YAML post.\n")
open(f"{d}/2025-03-15-deep-toml.md", "w").write("+++\ntitle = \"Deep TOML\"\ndate = 2025-03-15\nx = " + "[" * 10000 + "]" * 10000 + "\n+++\n\nText of the deep TOML post.\n")
PY

run_pp 180 1500 build --site "$SITE" -o "$WORK/out" --cache "$CACHE"
expect_status 1
for f in unclosed-list unclosed-quote tabs toml; do
  expect_diag "_posts/2025-03-0[0-9]-$f\.md:[0-9]+(:[0-9]+)?: error: " "$f"
done
expect_diag "never-closed\.md:1(:[0-9]+)?: (error|warning): " "front matter never closed"
expect_diag "bad-date\.md:3(:[0-9]+)?: (error|warning): .*date" "a date that is not a date"
valid_outputs "$WORK/out" "A Good Post" "Text of the bad date post." "Text of the TOML types post."
grep -c ': error: ' "$WORK/stderr" | { read -r n; [ "$n" -le 40 ] || fail "$n errors: one per broken post expected"; }

# Broken site configs: an error with the file's name, exit 2 (nothing could be read), no crash.
for cfg in '_config.yml:title: [unclosed\nurl: x\n' '_config.yml:\t- tab\n: :\n'; do
  rm -rf "$WORK/s2"; mkdir -p "$WORK/s2/_posts"
  cp "$P/../_posts/2025-01-01-good.md" "$WORK/s2/_posts/"
  printf '%b' "${cfg#*:}" > "$WORK/s2/${cfg%%:*}"
  run_pp 60 1000 build --site "$WORK/s2" -o "$WORK/s2out" --cache "$CACHE"
  [ "$status" -ge 1 ] && [ "$status" -le 2 ] || fail "broken _config.yml: exit $status"
  expect_diag "_config\.yml:[0-9]+(:[0-9]+)?: (error|warning): " "site config position"
done
rm -rf "$WORK/s3"; mkdir -p "$WORK/s3/content/posts"
printf 'title = "Broken\nbaseURL = \n' > "$WORK/s3/hugo.toml"
printf -- '---\ntitle: Hugo Post\ndate: 2025-01-02\n---\n\nHugo text.\n' > "$WORK/s3/content/posts/a.md"
run_pp 60 1000 build --site "$WORK/s3" -o "$WORK/s3out" --cache "$CACHE"
[ "$status" -ge 1 ] && [ "$status" -le 2 ] || fail "broken hugo.toml: exit $status"
expect_diag "hugo\.toml:[0-9]+(:[0-9]+)?: (error|warning): " "hugo config position"

# Broken digest configs (postpress.yaml): error at line:col, exit 1 or 2, nothing written.
printf 'site: %s\ndigests:\n  - name: a\n    select: {tags: [x\n' "$SITE" > "$WORK/bad1.yaml"
printf 'site: %s\ndigests: 7\n' "$SITE" > "$WORK/bad2.yaml"
printf 'site: %s\nselect:\n  since: yesterday\n' "$SITE" > "$WORK/bad3.yaml"
for c in bad1 bad2 bad3; do
  run_pp 60 1000 build -c "$WORK/$c.yaml" --cache "$CACHE"
  [ "$status" -ge 1 ] && [ "$status" -le 2 ] || fail "$c.yaml: exit $status"
  expect_diag "$c\.yaml:[0-9]+:[0-9]+: error: " "$c.yaml position"
done
echo "bad/front_matter: ok"
