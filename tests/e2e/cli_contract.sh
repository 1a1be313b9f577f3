#!/usr/bin/env bash
# The command line is a contract users' scripts and CI jobs depend on: exit codes, help,
# version, output naming, list --json fields, check writing nothing, --strict, config errors.
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$PP_SOURCE_DIR/samples"

expect_code() {  # expect_code CODE CMD...
  local want="$1"; shift
  set +e; "$@" > "$WORK/out" 2> "$WORK/err"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$WORK/err" >&2; fail "exit $got, wanted $want: $*"; }
}

expect_code 0 "$POSTPRESS" --version
grep -q "^postpress [0-9]" "$WORK/out" || fail "--version output"
# ...and the libraries it was built with, each with a version (none left empty by CMake).
for lib in libharu cmark-gfm HarfBuzz ICU libzip KSyntaxHighlighting Graphviz; do
  grep -Eq "(with |, )$lib [0-9]" "$WORK/out" || fail "--version does not name $lib with its version"
done
grep -Eq ' (,|$)' "$WORK/out" && fail "--version names a library without a version: $(cat "$WORK/out")"
for cmd in list build check; do
  expect_code 0 "$POSTPRESS" $cmd --help
  grep -q -- "--since" "$WORK/out" || fail "$cmd --help lacks --since"
done
expect_code 2 "$POSTPRESS"
expect_code 2 "$POSTPRESS" frobnicate
expect_code 2 "$POSTPRESS" list --site "$SITE" --no-such-flag
expect_code 2 "$POSTPRESS" list --site "$SITE" --since 2025-13-40
grep -q "since" "$WORK/err" || fail "bad --since names the option"
expect_code 2 "$POSTPRESS" list --site "$SITE" --quarter 2025Q9
expect_code 2 "$POSTPRESS" list --site "$WORK/does-not-exist"
expect_code 2 "$POSTPRESS" build --site "$SITE" -o "$WORK/x.pdf" --format epub

# An empty selection is exit 1 and names the filter that emptied it.
expect_code 1 "$POSTPRESS" list --site "$SITE" --tag no-such-tag-anywhere
grep -q "no-such-tag-anywhere" "$WORK/err" || fail "empty selection does not name the tag"
expect_code 1 "$POSTPRESS" build --site "$SITE" --quarter 1999Q1 -o "$WORK/none" --cache "$CACHE"
[ ! -e "$WORK/none.pdf" ] || fail "an empty selection wrote a PDF"

# list --json: the documented fields, relative paths, YYYY-MM-DD dates; tag matching is loose.
expect_code 0 "$POSTPRESS" list --site "$SITE" --json --tag MACHINE_learning
python3 - "$WORK/out" <<'PY'
import json, re, sys
posts = json.load(open(sys.argv[1]))
assert posts, "no posts for machine learning"
for p in posts:
    for key in ("path", "title", "date", "authors", "tags", "url", "summary"):
        assert key in p, key
    assert not p["path"].startswith("/"), p["path"]
    assert re.fullmatch(r"\d{4}-\d\d-\d\d", p["date"]), p["date"]
    assert any(t.lower().replace("-", " ") == "machine learning" for t in p["tags"]), p["tags"]
dates = [p["date"] for p in posts]
assert dates == sorted(dates), "oldest first"
PY
expect_code 0 "$POSTPRESS" list --site "$SITE" --json --newest-first --limit 2
python3 -c 'import json,sys; p=json.load(open(sys.argv[1])); assert len(p)==2 and p[0]["date"]>=p[1]["date"], p' "$WORK/out"

# -o PATH.pdf implies the PDF only; -o base writes both.
expect_code 0 "$POSTPRESS" build --site "$SITE" --quarter 2025Q3 -o "$WORK/only.pdf" --cache "$CACHE" -q
[ -s "$WORK/only.pdf" ] && [ ! -e "$WORK/only.epub" ] || fail "-o x.pdf must write only the PDF"
expect_code 0 "$POSTPRESS" build --site "$SITE" --quarter 2025Q3 -o "$WORK/both" --cache "$CACHE" --report "$WORK/r.json"
[ -s "$WORK/both.pdf" ] && [ -s "$WORK/both.epub" ] || fail "-o base must write both"
grep -q "both.pdf" "$WORK/out" || fail "summary line names the output"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); d=r["digests"][0]; assert d["ok"] and len(d["outputs"])==2, d' "$WORK/r.json"
# Phase timings: in the report always, on stderr with --timings.
python3 -c 'import json,sys; d=json.load(open(sys.argv[1]))["digests"][0]; p=d["phases"]; assert {"reading site","parsing posts","composing","images","pdf layout","pdf paint+save","epub"} <= set(p) and all(v >= 0 for v in p.values()) and sum(p.values()) > 0, p' "$WORK/r.json"
expect_code 0 "$POSTPRESS" build --site "$SITE" --quarter 2025Q3 -o "$WORK/both" --cache "$CACHE" -q --timings
grep -qE "^timings: reading site [0-9.]+ s, .*pdf layout [0-9.]+ s.*; total [0-9.]+ s$" "$WORK/err" || { cat "$WORK/err"; fail "--timings line"; }

# check writes nothing, reports, exits 0 on a clean site.
expect_code 0 "$POSTPRESS" check --site "$SITE" --report "$WORK/check.json" --cache "$CACHE"
python3 -c 'import json,sys; r=json.load(open(sys.argv[1])); assert r["command"]=="check" and r["digests"][0]["outputs"]==[]' "$WORK/check.json"

# A post with a warning: exit 0 normally, 1 with --strict; the diagnostic has path:line:col.
mkdir -p "$WORK/site/_posts"
cp "$SITE/_config.yml" "$WORK/site/"
printf -- '---\ntitle: Mismatch\ndate: 2025-05-02\ntags: [x]\n---\n\nBody text here.\n' > "$WORK/site/_posts/2025-05-01-mismatch.md"
expect_code 0 "$POSTPRESS" check --site "$WORK/site" --cache "$CACHE"
grep -qE "_posts/2025-05-01-mismatch.md:[0-9]+(:[0-9]+)?: warning: " "$WORK/err" || { cat "$WORK/err"; fail "warning format"; }
expect_code 1 "$POSTPRESS" check --site "$WORK/site" --strict --cache "$CACHE"

# Malformed front matter in one post: error at its line, the other post still builds, exit 1.
printf -- '---\ntitle: Broken\ndate: 2025-05-03\ntags: [unclosed\n---\n\nText.\n' > "$WORK/site/_posts/2025-05-03-broken.md"
expect_code 1 "$POSTPRESS" build --site "$WORK/site" -o "$WORK/partial" --cache "$CACHE"
grep -qE "_posts/2025-05-03-broken.md:[0-9]+(:[0-9]+)?: error: " "$WORK/err" || { cat "$WORK/err"; fail "front matter error format"; }
[ -s "$WORK/partial.pdf" ] || fail "the rest of the digest must still build"

# Config errors carry the line; selection flags cannot be mixed with -c.
printf 'title: T\ndigests:\n  - name: a\n    bogus_key: 1\n' > "$WORK/bad.yaml"
expect_code 1 "$POSTPRESS" build -c "$WORK/bad.yaml"
grep -q "bad.yaml:4:5: error: " "$WORK/err" || { cat "$WORK/err"; fail "config error position"; }
expect_code 2 "$POSTPRESS" build -c "$PP_SOURCE_DIR/samples/postpress.yaml" --tag x

# One option table: --help shows each range and default, and the command line and postpress.yaml
# refuse the same values in the same words.
expect_code 0 "$POSTPRESS" build --help
range=$(grep -oE -- "--dpi N +Image resolution for print \(([0-9]+) to ([0-9]+); default: the style's, [0-9]+\)" "$WORK/out" \
  | grep -oE "[0-9]+ to [0-9]+") || { cat "$WORK/out"; fail "--dpi's help shows no range and default"; }
too_high=$(( ${range##* } + 1 ))
expect_code 2 "$POSTPRESS" build --site "$SITE" --dpi "$too_high" -o "$WORK/dpi"
words="must be a whole number from $range, not '$too_high'"
grep -qF -- "--dpi $words" "$WORK/err" || { cat "$WORK/err"; fail "--dpi out of range"; }
printf 'site: %s\ndpi: %s\n' "$SITE" "$too_high" > "$WORK/dpi.yaml"
expect_code 1 "$POSTPRESS" build -c "$WORK/dpi.yaml"
grep -qF "dpi.yaml:2:6: error: 'dpi' $words" "$WORK/err" || { cat "$WORK/err"; fail "config dpi out of range"; }
[ ! -e "$WORK/dpi.pdf" ] || fail "a refused --dpi still built"
expect_code 2 "$POSTPRESS" list --site "$SITE" --dpi 300  # list takes no --dpi
expect_code 2 "$POSTPRESS" build -c "$PP_SOURCE_DIR/samples/postpress.yaml" --drafts

# A failed build leaves an earlier output untouched.
cp "$WORK/both.pdf" "$WORK/keep.pdf"
cp "$WORK/both.pdf" "$WORK/keep-orig.pdf"
expect_code 1 "$POSTPRESS" build --site "$SITE" --tag no-such-tag -o "$WORK/keep.pdf" --cache "$CACHE"
cmp -s "$WORK/keep.pdf" "$WORK/keep-orig.pdf" || fail "a failed build changed an earlier output"
echo "cli_contract: ok"
