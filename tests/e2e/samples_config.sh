#!/usr/bin/env bash
# The bundled samples/ site through its own postpress.yaml (two digests, batch build): both
# digests build, exit 0, outputs pass every PDF and EPUB check, the report lists them.
# ctest-cost: 55
source "$(dirname "$0")/../tools/e2e-lib.sh"

cp -r "$PP_SOURCE_DIR/samples" "$WORK/samples"
rm -rf "$WORK/samples/out"
pp build -c "$WORK/samples/postpress.yaml" --report "$WORK/report.json" || { cat "$WORK/stderr"; fail "build exit code $?"; }

for digest in cloudsummit-2025q4 security-brief; do
  [ -s "$WORK/samples/out/$digest.pdf" ] || fail "$digest.pdf missing"
  [ -s "$WORK/samples/out/$digest.epub" ] || fail "$digest.epub missing"
done

titles "$WORK/samples" --quarter 2025Q4 > "$WORK/q4.txt"
[ "$(wc -l < "$WORK/q4.txt")" -ge 3 ] || fail "expected several Q4 posts"
check_pdf "$WORK/samples/out/cloudsummit-2025q4.pdf" "$WORK/q4.txt"
check_epub "$WORK/samples/out/cloudsummit-2025q4.epub" "$WORK/q4.txt"
titles "$WORK/samples" --tag security > "$WORK/sec.txt"
check_pdf "$WORK/samples/out/security-brief.pdf" "$WORK/sec.txt"
check_epub "$WORK/samples/out/security-brief.epub" "$WORK/sec.txt"

python3 - "$WORK/report.json" <<'PY'
import json, sys
report = json.load(open(sys.argv[1]))
assert report["command"] == "build", report["command"]
names = [d["name"] for d in report["digests"]]
assert names == ["q4-2025", "security-brief"], names
for d in report["digests"]:
    assert d["ok"], (d["name"], d["diagnostics"][:3])
    assert d["posts"], d["name"]
    formats = {o["format"]: o for o in d["outputs"]}
    assert set(formats) == {"pdf", "epub"}, formats
    assert all(o["written"] and o["bytes"] > 1000 for o in formats.values()), formats
    assert formats["pdf"]["pages"] > 1
PY
echo "samples_config: ok"
