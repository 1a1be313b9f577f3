#!/usr/bin/env bash
# Colour emoji (issue 19): the site tests/fixtures/emoji has emoji alone, a ZWJ sequence, a
# flag, skin tones (one on a sign whose default is text: ✌🏽) and a heart with VS16. With Noto
# Color Emoji (fonts-noto-color-emoji) each is drawn as a picture: an image XObject per distinct
# emoji and size (the rocket, used four times at body size, is stored once), painted over text
# that paints nothing and gives the emoji back to copy and search (pdftotext returns each
# sequence whole); no missing glyph; the file passes the PDF/UA checks. A style whose fallbacks
# leave the colour font out sets the same emoji monochrome, from Symbola, and draws no picture:
# each sequence drawn as its emoji, its tones and joiners read all the same. In both, the
# structure tree reads every sequence whole. The same inside right-to-left text (a Hebrew post):
# each sequence read whole by pdftotext, at a line's start, middle and end, and in the title on
# pages of left-to-right text.
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

# Inside right-to-left text (the Hebrew post): each sequence read whole, in the text's order
# (spaces and the marks pdftotext adds around right-to-left text aside), at a line's start and
# end, and in the title on pages of left-to-right text (the contents). The runs are drawn
# right to left; their glyphs alone read a sequence turned around, its skin tone before its
# thumb, or without it when the glyph also draws the thumb alone (a monochrome font).
RTL_SEQUENCES=("יום ההשקה 👍🏽" "👍🏽 תודה לצוות" "ו-❤️ לכולם" "המשפחה 👨‍👩‍👧 שולחת" "שלום ✌🏽 ו-👍 לכל" "שעזר 👍🏽" \
               "עוגה 🎂 לכולם 👍🏽")
rtl_reads() {  # PDF TEXT: pdftotext's text of PDF has every right-to-left sequence whole
  /usr/bin/python3 - "$2" "${RTL_SEQUENCES[@]}" <<'PY' || fail "pdftotext of $1 does not read every emoji sequence in right-to-left text whole"
import re, sys
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", s)
text = strip(open(sys.argv[1], encoding="utf-8").read())
absent = [want for want in sys.argv[2:] if strip(want) not in text]
print("\n".join(f"not read whole: {ascii(want)}" for want in absent))
sys.exit(1 if absent else 0)
PY
  [ "$(strip_count "$2" "יום ההשקה 👍🏽")" -ge 3 ] || fail "the Hebrew title is not read whole where it is printed (contents, brief, heading)"
}
strip_count() {  # TEXT WANT: how often WANT is in TEXT, spaces and bidi marks aside
  /usr/bin/python3 -c '
import re, sys
strip = lambda s: re.sub(r"[\s\u200e\u200f\u202a-\u202e]", "", s)
print(strip(open(sys.argv[1], encoding="utf-8").read()).count(strip(sys.argv[2])))' "$1" "$2"
}
rtl_reads "$WORK/colour.pdf" "$WORK/colour.txt"

# struct_reads PDF: the structure tree's text (what assistive technology reads) has every
# sequence whole: skin tones, joiners and selectors included.
# Right to left, a run reads in the order drawn, as the glyphs of its letters do (a reader
# turns right-to-left text around): a sequence there reads whole turned around.
struct_reads() {
  PYTHONPATH="$TOOLS" /usr/bin/python3 - "$1" "${#SEQUENCES[@]}" "${SEQUENCES[@]}" "${RTL_SEQUENCES[@]}" <<'PY' || fail "the structure tree of $1 does not read every emoji sequence whole"
import re, sys
from pdfstd.document import Doc
from pdfstd.struct_text import lines
text = "\n".join(lines(Doc(sys.argv[1])))
n = int(sys.argv[2])
ltr, rtl = sys.argv[3:3 + n], sys.argv[3 + n:]
emoji = lambda s: re.sub(r"[^\U0001F000-\U0001FFFF\u2600-\u27BF\u200d\ufe0f]+", " ", s).split()
absent = [want for want in ltr if want not in text]
absent += [seq for want in rtl for seq in emoji(want) if seq[::-1] not in text]
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
pdftotext "$WORK/mono.pdf" "$WORK/mono-rtl.txt" 2>/dev/null
rtl_reads "$WORK/mono.pdf" "$WORK/mono-rtl.txt"
struct_reads "$WORK/mono.pdf"
echo "ok"
