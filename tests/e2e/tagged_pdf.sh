#!/usr/bin/env bash
# The tagged PDF (issue 23 item 1) on samples/: the structure checks of PDF/UA-1 pass; walking
# the structure tree in order reads each post's text in source order (against the EPUB, set
# from the same Documents); the tree holds what the layout tags (a Part per post, headings from
# H1 without skipped levels, lists, tables with column headers, figures with Alt, notes with
# IDs, links with their annotations); running heads and folios are artifacts; a character no
# font has reads as itself.
# ctest-cost: 32
source "$(dirname "$0")/../tools/e2e-lib.sh"
SAMPLES="$PP_SOURCE_DIR/samples"
[ -d "$SAMPLES/_posts" ] || skip "samples/ absent"

titles "$SAMPLES" > "$WORK/samples.titles"
pp build --site "$SAMPLES" -o "$WORK/samples" --title "Samples" || { tail -20 "$WORK/stderr"; fail "samples: build failed"; }
grep -E ": error: " "$WORK/stderr" && fail "samples: errors while building"

STRUCT_ORDER=1 check_pdf_standard "$WORK/samples.pdf"

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

# Text is in the elements that say what it is: none directly in a grouping element (a cover's
# or brief's text loose in its Sect, a group label in a TOC or a Part), every Note its number's
# Lbl then its P (footnotes and link notes alike), the indexes contents (TOC) as the table of
# contents is, the cover's title its H1.
structure_shape() {  # PDF: prints one line per problem
  /usr/bin/python3 - "$1" "$TOOLS" <<'PY'
import sys
sys.path.insert(0, sys.argv[2])
from pdfstd.document import Doc
from pdfstd.struct_text import full_text
doc = Doc(sys.argv[1])
GROUPS = {"Document", "Part", "Sect", "Div", "TOC", "L", "Table", "TR", "Note", "TOCI", "LI"}
problems, notes, toc_after_index, h1_in_first_sect = [], 0, 0, False
elems = doc.struct.elements
for e in elems:
    own = [k for k in e.kids if not hasattr(k, "kids") and k[0] == "mcid"]
    if e.type in GROUPS and own:
        problems.append(f"{e.type} holds text of its own: {full_text(doc, e)[:60]!r}")
    if e.type == "Note":
        notes += 1
        kids = [k.type for k in e.elements()]
        if kids[:2] != ["Lbl", "P"]:
            problems.append(f"a Note holds {kids}, not Lbl, P")
    if e.type == "Sect":
        kids = e.elements()
        heads = [i for i, k in enumerate(kids) if k.type == "H1" and full_text(doc, k).startswith("Index")]
        if heads and any(k.type == "TOC" for k in kids[heads[0] + 1:]):
            toc_after_index += 1
first_sect = next((e for e in doc.struct.top[0].elements() if e.type == "Sect"), None) if doc.struct.top else None
if first_sect is not None and any(k.type == "H1" for k in first_sect.elements()):
    h1_in_first_sect = True
if notes == 0:
    problems.append("no Note at all")
if toc_after_index == 0:
    problems.append("no index set as a TOC after its heading")
if not h1_in_first_sect:
    problems.append("the cover's Sect has no H1")
for p in problems[:10]:
    print(p)
PY
}
structure_shape "$WORK/samples.pdf" > "$WORK/shape.txt" || fail "structure shape check crashed"
[ -s "$WORK/shape.txt" ] && { cat "$WORK/shape.txt"; fail "the structure tree misplaces text"; }

# Grouped by tag: the brief's groups are sections headed by their label (H1 > H2 > H3, no
# level skipped), the contents' groups contents of their own inside an item.
pp build --site "$SAMPLES" -o "$WORK/grouped" --title "Samples" --group-by tag || { tail -20 "$WORK/stderr"; fail "grouped build failed"; }
check_pdf_standard "$WORK/grouped.pdf"
python3 "$TOOLS/pdf_standard_check.py" "$WORK/grouped.pdf" --struct-text > "$WORK/grouped.txt" || fail "no structure tree"
grep -qE '^    Sect$' "$WORK/grouped.txt" && grep -qE '^      H2: ' "$WORK/grouped.txt" && grep -qE '^      H3: ' "$WORK/grouped.txt" ||
  fail "the brief's tag groups are not sections headed H2 with entries H3"
grep -qE '^        TOC' "$WORK/grouped.txt" || fail "the contents' groups hold no contents of their own"
structure_shape "$WORK/grouped.pdf" > "$WORK/shape.txt" || fail "structure shape check crashed"
[ -s "$WORK/shape.txt" ] && { cat "$WORK/shape.txt"; fail "the grouped structure tree misplaces text"; }

# A character no font has is drawn as a box with its code point written in it (a warning says
# so); the box reads as the character (ActualText over the digits), in the structure tree and
# in what a reader copies, with the word spaces around it.
NOGLYPH="$WORK/noglyph"
mkdir -p "$NOGLYPH/_posts"
printf 'title: "No glyph"\nurl: "https://example.org"\n' > "$NOGLYPH/_config.yml"
printf -- '---\ntitle: Boxes\ndate: 2025-01-01\n---\n\nA private \xee\x80\x80 sign and \xf4\x8f\xbf\xbd here.\n' \
  > "$NOGLYPH/_posts/2025-01-01-boxes.md"
pp build --site "$NOGLYPH" -o "$WORK/noglyph" --title "No glyph" || { tail -20 "$WORK/stderr"; fail "noglyph: build failed"; }
grep -q "missing-glyph" "$WORK/stderr" || fail "noglyph: a font has the characters meant to have none"
check_pdf_standard "$WORK/noglyph.pdf"
python3 "$TOOLS/pdf_standard_check.py" "$WORK/noglyph.pdf" --struct-text > "$WORK/noglyph.txt" || fail "noglyph: no structure tree"
expected=$(printf 'A private \xee\x80\x80 sign and \xf4\x8f\xbf\xbd here.')
grep -qF "P: $expected" "$WORK/noglyph.txt" || { grep -F "private" "$WORK/noglyph.txt"; fail "a missing glyph's box does not read as its character"; }
pdftotext "$WORK/noglyph.pdf" - 2>/dev/null | tr -s ' \n' ' ' | grep -F "$expected" > /dev/null || fail "a missing glyph's box does not copy as its character"

echo "tagged_pdf: ok ($parts parts)"
