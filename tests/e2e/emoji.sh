#!/usr/bin/env bash
# Colour emoji (issue 19): the site tests/fixtures/emoji has emoji alone, a ZWJ sequence, a
# flag, skin tones (one on a sign whose default is text: ✌🏽) and a heart with VS16. With Noto
# Color Emoji (fonts-noto-color-emoji) each is drawn as a picture: an image XObject per distinct
# emoji and size (the rocket, used four times at body size, is stored once), painted over text
# that paints nothing and gives the emoji back to copy and search (pdftotext returns each
# sequence whole); no missing glyph; the file passes the PDF/UA checks. A style whose fallbacks
# leave the colour font out sets the same emoji monochrome, from Symbola, and draws no picture:
# each sequence drawn as its emoji, its tones and joiners read all the same. In both, the
# structure tree reads every sequence whole.
# ctest-cost: 3
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$PP_SOURCE_DIR/tests/fixtures/emoji"
[ -f /usr/share/fonts/truetype/noto/NotoColorEmoji.ttf ] || skip "fonts-noto-color-emoji is not installed"
[ -f /usr/share/fonts/truetype/ancient-scripts/Symbola_hint.ttf ] || skip "fonts-symbola is not installed"

pp build --site "$SITE" -o "$WORK/colour" --title emoji || { tail -20 "$WORK/stderr"; fail "build failed"; }
grep -E ": error: " "$WORK/stderr" && fail "errors while building"
grep -q "missing-glyph" "$WORK/stderr" && { grep "missing-glyph" "$WORK/stderr"; fail "a character no font has"; }
check_pdf_standard "$WORK/colour.pdf"

# Readers draw the emoji font (its outlines are empty, its pictures are XObjects): no complaint.
pdftoppm -r 20 -png "$WORK/colour.pdf" "$WORK/page" 2> "$WORK/render.err" || fail "pdftoppm failed"
grep -v "begincidrange" "$WORK/render.err" | grep . && fail "poppler complains drawing the PDF"

pdftotext "$WORK/colour.pdf" "$WORK/colour.txt" 2>/dev/null
SEQUENCES=("day 🚀 went" "developer 👩‍💻 shipped" "Tokyo 🇯🇵 with" "thumbs up 👍🏽 and" "love ❤️ for" \
           "peace ✌🏽 to" "Party 🎉 time" "cake 🎂 for" "family 👨‍👩‍👧 photo")
for want in "${SEQUENCES[@]}"; do
  grep -qF "$want" "$WORK/colour.txt" || fail "pdftotext does not give '$want' back"
done

# struct_reads PDF: the structure tree's text (what assistive technology reads) has every
# sequence whole: skin tones, joiners and selectors included.
struct_reads() {
  PYTHONPATH="$TOOLS" /usr/bin/python3 - "$1" "${SEQUENCES[@]}" <<'PY' || fail "the structure tree of $1 does not read every emoji sequence whole"
import sys
from pdfstd.document import Doc
from pdfstd.struct_text import lines
text = "\n".join(lines(Doc(sys.argv[1])))
absent = [want for want in sys.argv[2:] if want not in text]
print("\n".join(f"not read whole: {ascii(want)}" for want in absent))
sys.exit(1 if absent else 0)
PY
}
struct_reads "$WORK/colour.pdf"

# ✌ has a text default: with its skin tone it is an emoji (UTS #51), drawn by the colour font.
/usr/bin/python3 - "$WORK/colour.pdf" <<'PY' || fail "✌🏽 is not drawn by the colour font"
import sys
import fitz
fonts = {s["font"] for p in fitz.open(sys.argv[1]) for b in p.get_text("rawdict")["blocks"] for l in b.get("lines", [])
         for s in l["spans"] if any(c["c"] == "\u270c" for c in s["chars"])}
print(fonts)
sys.exit(0 if fonts and all("ColorEmoji" in f for f in fonts) else 1)
PY

/usr/bin/python3 - "$WORK/colour.pdf" <<'PY' || fail "the emoji are not pictures stored once each"
import sys
import fitz

doc = fitz.open(sys.argv[1])
images = smasks = 0
for x in range(1, doc.xref_length()):
    if doc.xref_get_key(x, "Subtype")[1] == "/Image":
        if doc.xref_get_key(x, "SMask")[0] != "null":
            images += 1
        else:
            smasks += 1
# Distinct emoji at body size: rocket, technologist, flag, thumbs up, heart, cake, family; the
# party popper in the heading; the rocket again in the title's sizes (post opening, contents,
# running head, outline-free places): at least 8, and fewer than the 13 emoji drawn in the body.
pictures = sum(1 for p in doc for i in p.get_images(full=True))
if images < 8:
    sys.exit(f"{images} emoji pictures, expected at least 8")
if images >= pictures:
    sys.exit(f"{images} pictures stored for {pictures} drawn: stored once per use")
if smasks < images:
    sys.exit("a picture without its transparency")
PY

# Without the colour font, Symbola draws them (monochrome text, no pictures), still no box.
pp build --site "$SITE" --style "$SITE/mono-emoji.yaml" -o "$WORK/mono" --title emoji --format pdf ||
  { tail -20 "$WORK/stderr"; fail "build with the monochrome style failed"; }
grep -q "missing-glyph" "$WORK/stderr" && { grep "missing-glyph" "$WORK/stderr"; fail "a character no font has (monochrome)"; }
pdffonts "$WORK/mono.pdf" 2>/dev/null | grep -q "Symbola" || fail "the monochrome style does not draw emoji with Symbola"
pdffonts "$WORK/mono.pdf" 2>/dev/null | grep -q "NotoColorEmoji" && fail "the monochrome style still uses the colour font"
[ "$(pdfimages -list "$WORK/mono.pdf" 2>/dev/null | tail -n +3 | wc -l)" -eq 0 ] || fail "the monochrome style draws pictures"
pdftotext "$WORK/mono.pdf" - 2>/dev/null | tr -s ' \n' '  ' > "$WORK/mono.txt"  # lines break elsewhere
for want in "${SEQUENCES[@]}"; do
  grep -qF "$want" "$WORK/mono.txt" || fail "pdftotext does not give '$want' back (monochrome)"
done
struct_reads "$WORK/mono.pdf"
echo "ok"
