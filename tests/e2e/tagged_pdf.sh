#!/usr/bin/env bash
# The tagged PDF (issue 23 item 1) on samples/: the structure checks of PDF/UA-1 pass; walking
# the structure tree in order reads each post's text in source order (against the EPUB, set
# from the same Documents); the tree holds what the layout tags (a Part per post, headings from
# H1 without skipped levels, lists, tables with column headers, figures with Alt, notes with
# IDs, links with their annotations); running heads and folios are artifacts.
# ctest-cost: 20
source "$(dirname "$0")/../tools/e2e-lib.sh"
SAMPLES="$PP_SOURCE_DIR/samples"
[ -d "$SAMPLES/_posts" ] || skip "samples/ absent"

titles "$SAMPLES" > "$WORK/samples.titles"
pp build --site "$SAMPLES" -o "$WORK/samples" --title "Samples" || { tail -20 "$WORK/stderr"; fail "samples: build failed"; }
grep -E ": error: " "$WORK/stderr" && fail "samples: errors while building"

check_pdf_standard "$WORK/samples.pdf"
python3 "$TOOLS/struct_text_order.py" "$WORK/samples.pdf" "$WORK/samples.epub" ||
  fail "the structure tree does not read the posts in source order"

python3 "$TOOLS/pdf_standard_check.py" "$WORK/samples.pdf" --struct-text > "$WORK/tree.txt" || fail "no structure tree"
posts=$(wc -l < "$WORK/samples.titles")
parts=$(grep -c '^  Part' "$WORK/tree.txt" || true)
[ "$parts" = "$posts" ] || fail "$parts Parts for $posts posts"
for type in H1 H2 L LI Lbl LBody Table TR TH TD Figure Caption Note Reference Link TOC TOCI Code BlockQuote; do
  grep -qE "^ *$type( |:|$)" "$WORK/tree.txt" || fail "no <$type> in the structure tree"
done
grep -qE '^ *Figure \[Alt: [^]]+\]' "$WORK/tree.txt" || fail "figures without Alt"

# Running heads and folios are artifacts; page contents say so.
/usr/bin/python3 - "$WORK/samples.pdf" <<'PY' || fail "running heads or folios not marked as artifacts"
import sys, pikepdf
pdf = pikepdf.open(sys.argv[1])
heads = feet = 0
for page in pdf.pages:
    data = b"".join(c.read_bytes() for c in (page.obj.Contents if isinstance(page.obj.Contents, pikepdf.Array) else [page.obj.Contents]))
    heads += data.count(b"/Subtype/Header")
    feet += data.count(b"/Subtype/Footer")
if heads == 0 or feet == 0:
    sys.exit(f"header artifacts: {heads}, footer artifacts: {feet}")
PY

echo "tagged_pdf: ok ($parts parts)"
