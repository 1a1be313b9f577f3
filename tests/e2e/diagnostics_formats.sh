#!/usr/bin/env bash
# Diagnostics where CI reads them: each --diagnostics-format (text, json, github, sarif) on a
# site in a subfolder names files that exist from the current folder; -W no-CODE, --deny CODE
# and postpress.yaml's diagnostics: change which count; every --report validates against
# docs/report.schema.json.
source "$(dirname "$0")/../tools/e2e-lib.sh"
python3 -c "import jsonschema" 2> /dev/null || skip "python3-jsonschema absent (scripts/install-deps.sh installs it)"
SCHEMA="$PP_SOURCE_DIR/docs/report.schema.json"

# A repository with its blog in blog/: one post whose file name and front matter disagree on
# the date (date-mismatch) and whose picture is missing (image-missing).
REPO="$WORK/repo"
mkdir -p "$REPO/blog/_posts"
printf 'title: Subfolder blog\n' > "$REPO/blog/_config.yml"
cat > "$REPO/blog/_posts/2025-03-01-hello.md" <<'MD'
---
title: Hello from a subfolder
date: 2025-03-05
tags: [news]
---
The first paragraph of the post.

![A picture that is not there](/assets/missing.png)
MD
cd "$REPO"

run() {  # run CODE FILE-FOR-STDOUT ARGS...: the exit code must be CODE
  local want="$1" out="$2"; shift 2
  set +e; "$POSTPRESS" "$@" > "$out" 2> "$WORK/err"; local got=$?; set -e
  [ "$got" = "$want" ] || { cat "$WORK/err" >&2; fail "exit $got, wanted $want: $*"; }
}
validate_report() {
  python3 - "$SCHEMA" "$1" <<'PY' || fail "the report $1 does not match docs/report.schema.json"
import json, sys, jsonschema
schema, report = (json.load(open(p)) for p in sys.argv[1:3])
jsonschema.Draft202012Validator.check_schema(schema)
jsonschema.validate(report, schema, cls=jsonschema.Draft202012Validator)
PY
}
BUILD=(build --site blog -o "$WORK/out/digest" --format epub --cache "$CACHE")

# text: compiler-style lines whose paths exist from here; the report validates.
run 0 "$WORK/text.out" "${BUILD[@]}" --report "$WORK/text.json"
grep -q "^blog/_posts/2025-03-01-hello.md:[0-9]*:[0-9]*: warning: .*\[date-mismatch\]" "$WORK/err" ||
  fail "text: no date-mismatch warning naming blog/_posts/...: $(cat "$WORK/err")"
validate_report "$WORK/text.json"
python3 - "$WORK/text.json" <<'PY' || fail "the report's site_root or diagnostic paths"
import json, os, sys
r = json.load(open(sys.argv[1]))
assert r["schema_version"] == 2
d = r["digests"][0]
assert d["site_root"] == "blog", d["site_root"]
paths = [x["path"] for x in d["diagnostics"] if x["path"]]
assert paths and all(os.path.exists(p) for p in paths), paths
PY

# json: one object a line on stdout (nothing else there), paths that exist.
run 0 "$WORK/json.out" "${BUILD[@]}" --diagnostics-format json
python3 - "$WORK/json.out" <<'PY' || fail "json: $(cat "$WORK/json.out")"
import json, os, sys
lines = [json.loads(l) for l in open(sys.argv[1]) if l.strip()]
codes = {d["code"] for d in lines}
assert {"date-mismatch", "image-missing"} <= codes, codes
for d in lines:
    assert d["severity"] in ("note", "warning", "error") and isinstance(d["line"], int)
    assert not d["path"] or os.path.exists(d["path"]), d["path"]
PY
grep -q "wrote" "$WORK/err" || fail "json: the summary belongs on stderr when stdout carries diagnostics"

# github: workflow commands on stdout with file, line, col and the code as title.
run 0 "$WORK/gh.out" "${BUILD[@]}" --diagnostics-format github
grep -q "^::warning file=blog/_posts/2025-03-01-hello.md,line=[0-9]*,col=[0-9]*,title=date-mismatch::" "$WORK/gh.out" ||
  fail "github: $(cat "$WORK/gh.out")"
python3 - "$WORK/gh.out" <<'PY' || fail "github: a file= that does not exist"
import os, re, sys
for line in open(sys.argv[1]):
    m = re.match(r"::(warning|error|notice) file=([^,:]*)", line)
    if m: assert os.path.exists(m.group(2).replace("%2C", ",").replace("%3A", ":").replace("%25", "%")), line
PY

# sarif: one SARIF 2.1.0 log, results with rule ids and existing artifact URIs.
run 0 "$WORK/log.sarif" "${BUILD[@]}" --diagnostics-format sarif
python3 - "$WORK/log.sarif" <<'PY' || fail "sarif: $(head -c 600 "$WORK/log.sarif")"
import json, os, sys, urllib.parse
log = json.load(open(sys.argv[1]))
assert log["version"] == "2.1.0"
run = log["runs"][0]
assert run["tool"]["driver"]["name"] == "postpress"
rules = [r["id"] for r in run["tool"]["driver"]["rules"]]
results = run["results"]
assert {"date-mismatch", "image-missing"} <= {r["ruleId"] for r in results}
for r in results:
    assert rules[r["ruleIndex"]] == r["ruleId"] and r["level"] in ("note", "warning", "error")
    for loc in r.get("locations", []):
        uri = loc["physicalLocation"]["artifactLocation"]["uri"]
        assert os.path.exists(urllib.parse.unquote(uri)), uri
PY

# -W no-CODE silences a code; --deny makes a code's warnings errors (exit 1); errors stay.
run 0 "$WORK/quiet.out" "${BUILD[@]}" -W no-date-mismatch --strict -W no-image-missing
! grep -q "date-mismatch\|image-missing" "$WORK/err" || fail "-W no-CODE did not silence: $(cat "$WORK/err")"
run 1 "$WORK/deny.out" "${BUILD[@]}" --deny date-mismatch --report "$WORK/deny.json"
grep -q "error: .*\[date-mismatch\]" "$WORK/err" || fail "--deny did not make an error: $(cat "$WORK/err")"
validate_report "$WORK/deny.json"

# postpress.yaml's diagnostics: ignore and deny; the command line's -W CODE undoes an ignore.
cat > "$REPO/postpress.yaml" <<'YAML'
site: blog
formats: [epub]
diagnostics:
  ignore: [date-mismatch]
  deny: image-missing
YAML
run 1 "$WORK/cfg.out" build -c postpress.yaml --cache "$CACHE"
! grep -q "date-mismatch" "$WORK/err" || fail "config ignore: $(cat "$WORK/err")"
grep -q "error: .*\[image-missing\]" "$WORK/err" || fail "config deny: $(cat "$WORK/err")"
run 0 "$WORK/cfg2.out" build -c postpress.yaml --cache "$CACHE" -W date-mismatch -W no-image-missing
grep -q "warning: .*\[date-mismatch\]" "$WORK/err" || fail "-W CODE did not undo the config's ignore: $(cat "$WORK/err")"
printf 'site: blog\ndiagnostics:\n  silence: [x]\n' > "$REPO/bad.yaml"
run 1 "$WORK/bad.out" build -c bad.yaml --cache "$CACHE"
grep -q "bad.yaml:3:3: error: unknown key 'silence' in diagnostics" "$WORK/err" || fail "unknown diagnostics key: $(cat "$WORK/err")"

# check finds what build finds, in every format.
run 0 "$WORK/check.out" check --site blog --diagnostics-format json --cache "$CACHE"
grep -q '"code":"date-mismatch"' "$WORK/check.out" && grep -q '"code":"image-missing"' "$WORK/check.out" ||
  fail "check did not report what build reports: $(cat "$WORK/check.out")"
