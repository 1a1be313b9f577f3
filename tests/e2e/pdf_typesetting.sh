#!/usr/bin/env bash
# The PDF typesetting (issue 3) end to end, on samples/ (always here) and, when the corpus is
# present, on the KubeCon NA 2025 post: both bundled styles and A4 pass every check; the same
# input gives byte-identical files; the outline holds posts and headings; links have no
# border; front pages are numbered i, ii... by page labels; document dates come from
# SOURCE_DATE_EPOCH; report-style paragraphs are justified and hyphenated.
# ctest-cost: 40
source "$(dirname "$0")/../tools/e2e-lib.sh"
SAMPLES="$PP_SOURCE_DIR/samples"
[ -d "$SAMPLES/_posts" ] || skip "samples/ absent"

titles "$SAMPLES" > "$WORK/samples.titles"
posts=$(wc -l < "$WORK/samples.titles")

for style in report brief; do
  pp build --site "$SAMPLES" --format pdf --style "$style" -o "$WORK/$style.pdf" ||
    { tail -20 "$WORK/stderr"; fail "samples ($style): build failed"; }
  grep -E ": error: " "$WORK/stderr" && fail "samples ($style): errors while building"
  check_pdf "$WORK/$style.pdf" "$WORK/samples.titles"
done
pp build --site "$SAMPLES" --format pdf --paper a4 -o "$WORK/a4.pdf" || fail "A4 build failed"
check_pdf "$WORK/a4.pdf" "$WORK/samples.titles"
pdfinfo "$WORK/a4.pdf" > "$WORK/a4.info" 2>/dev/null
grep -q "595.28 x 841.89 pts" "$WORK/a4.info" || fail "A4 paper size not applied"

# Identical input, identical bytes.
pp build --site "$SAMPLES" --format pdf --style report -o "$WORK/again.pdf" || fail "second build failed"
cmp -s "$WORK/report.pdf" "$WORK/again.pdf" || fail "two builds of the same input differ"

# Outline: every post, and headings nested below them.
entries=$(qpdf --json --json-key=outlines "$WORK/report.pdf" | python3 -c '
import json, sys
def walk(items): return sum(1 + walk(i.get("kids", [])) for i in items)
print(walk(json.load(sys.stdin)["outlines"]))')
[ "$entries" -gt "$posts" ] || fail "outline has $entries entries for $posts posts: headings missing"

# Links without borders; front matter numbered in roman by page labels; info dates.
qpdf --qdf --object-streams=disable "$WORK/report.pdf" "$WORK/report.qdf.pdf"
python3 - "$WORK/report.qdf.pdf" <<'PY' || fail "link borders, page labels or dates"
import re, sys, datetime, os
pdf = open(sys.argv[1], "rb").read().decode("latin-1")
flat = re.sub(r"\s+", " ", pdf)
links = re.findall(r"/Subtype /Link", flat)
borders = re.findall(r"/Border \[ ([0-9. ]+) \]", flat)
assert links, "no link annotations"
assert len(borders) >= len(links) and all(set(b.split()) <= {"0"} for b in borders), f"visible link borders: {borders[:3]}"
assert "/PageLabels" in flat and "/S /r" in flat and "/S /D" in flat, "page labels i, ii... then 1, 2..."
epoch = int(os.environ["SOURCE_DATE_EPOCH"])
stamp = datetime.datetime.fromtimestamp(epoch, datetime.timezone.utc).strftime("D:%Y%m%d%H%M%S")
assert stamp in flat, f"creation date {stamp} (SOURCE_DATE_EPOCH) not in the info dictionary"
PY

# Justified: in the report style many lines (all but last lines, lists, code, tables) end at
# the same x, the right edge of the text block.
pdftotext -bbox "$WORK/report.pdf" "$WORK/report.html" 2>/dev/null
python3 - "$WORK/report.html" <<'PY' || fail "report body text is not justified"
import re, sys, collections
html = open(sys.argv[1], encoding="utf-8").read()
right = collections.Counter()
lines = collections.defaultdict(float)
for page in html.split("<page ")[1:]:
    for m in re.finditer(r'<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)"', page):
        key = round(float(m.group(2)))
        lines[(id(page), key)] = max(lines[(id(page), key)], float(m.group(3)))
    for (pid, y), x in list(lines.items()):
        right[round(x)] += 1
    lines.clear()
edge, count = right.most_common(1)[0]
total = sum(right.values())
print(f"{count} of {total} lines end at x={edge}")
sys.exit(0 if count > total * 0.3 else 1)
PY

# The KubeCon post, when the corpus is here: both styles, all 17 images, all checks.
if [ -f "$CORPUS/terrytangyuan/_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md" ]; then
  SITE="$CORPUS/terrytangyuan"
  SEL=(--posts "_posts/2025-11-18-kubecon-na-2025-model-serving-highlights.md")
  titles "$SITE" "${SEL[@]}" > "$WORK/kubecon.titles"
  for style in report brief; do
    pp build --site "$SITE" "${SEL[@]}" --format pdf --style "$style" -o "$WORK/kubecon-$style.pdf" ||
      { tail -20 "$WORK/stderr"; fail "KubeCon ($style): build failed"; }
    check_pdf "$WORK/kubecon-$style.pdf" "$WORK/kubecon.titles"
    images=$(pdfimages -list "$WORK/kubecon-$style.pdf" 2>/dev/null | awk 'NR>2 && $3=="image"' | wc -l)
    [ "$images" -eq 17 ] || fail "KubeCon ($style): $images images, wanted 17"
  done
  # Hyphenation with real patterns: some justified lines of the report end in a hyphen.
  pdftotext -layout "$WORK/kubecon-report.pdf" "$WORK/kubecon-report.txt" 2>/dev/null
  grep -qE "[a-z]-$" "$WORK/kubecon-report.txt" || fail "KubeCon (report): no hyphenated line end"
fi
echo "pdf_typesetting: ok ($posts sample posts)"
