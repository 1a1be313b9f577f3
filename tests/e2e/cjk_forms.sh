#!/usr/bin/env bash
# CJK glyph forms by language (issue 19): Japanese, Chinese (Simplified, Traditional, Hong Kong)
# and Korean share the code points of Han characters but not their shapes. The site
# tests/fixtures/cjk_forms has a post in each language with the same characters (骨, 直); each
# post's characters come from its region's face of Noto CJK (JP, SC, TC, HK, KR): Noto Serif
# CJK in the serif body text, Noto Sans CJK in the sans headings; so do the post titles in the
# (English) contents, and everything else set outside the posts (the brief's entries, the
# cover's list, running heads): no CJK text falls to Droid Sans Fallback; the
# faces draw them differently (compared as rendered), and the PDF embeds a small subset of
# each face used, not the 20 MB collection.
# ctest-cost: 3
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$PP_SOURCE_DIR/tests/fixtures/cjk_forms"
[ -f /usr/share/fonts/opentype/noto/NotoSansCJK-Regular.ttc ] || skip "fonts-noto-cjk is not installed"

pp build --site "$SITE" -o "$WORK/forms" --title forms --format pdf || { tail -20 "$WORK/stderr"; fail "build failed"; }
grep -E ": error: " "$WORK/stderr" && fail "errors while building"
grep -q "missing-glyph" "$WORK/stderr" && { grep "missing-glyph" "$WORK/stderr"; fail "a character no font has"; }
check_pdf_standard "$WORK/forms.pdf"

/usr/bin/python3 - "$WORK/forms.pdf" <<'PY' || fail "a post's Han characters are not in its language's forms"
import re, sys
import fitz

doc = fitz.open(sys.argv[1])
want = {"ja": "jp", "zh-CN": "sc", "zh-TW": "tc", "zh-HK": "hk", "ko": "kr"}
found = {}  # language -> (font, page, bbox of its first 骨)
for page in doc:
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(c["c"] for s in line["spans"] for c in s["chars"])
            m = re.match(r"Forms (\S+): ", text)
            if not m:
                continue
            for span in line["spans"]:
                bone = [c for c in span["chars"] if c["c"] == "骨"]
                if bone:
                    found[m.group(1)] = (span["font"], page.number, fitz.Rect(bone[0]["bbox"]))
                    break
bad = 0
for lang, region in want.items():
    font = found.get(lang, ("none",))[0]
    if not re.search(f"NotoSerifCJK{region}-", font):
        print(f"{lang}: 骨 set in {font}, expected Noto Serif CJK {region.upper()} (serif body text)")
        bad += 1
# The post's heading "骨直" (sans) in Noto Sans CJK of the post's region.
headings = {}
for page in doc:
    for block in page.get_text("rawdict")["blocks"]:
        for line in block.get("lines", []):
            text = "".join(c["c"] for s in line["spans"] for c in s["chars"])
            if text.strip() == "骨直":
                headings.setdefault(page.number, line["spans"][0]["font"])
for font in headings.values():
    if not re.search(r"NotoSansCJK(jp|sc|tc|hk|kr)-", font):
        print(f"a heading 骨直 set in {font}, expected Noto Sans CJK")
        bad += 1
if len(headings) != 5:
    print(f"{len(headings)} headings 骨直 found, expected 5")
    bad += 1
# Nothing outside the posts falls back to a font without the language's forms.
for page in doc:
    for f in page.get_fonts():
        if "DroidSansFallback" in f[3] or "Nanum" in f[3]:
            print(f"page {page.number + 1} draws with {f[3]}: text set outside its post's language")
            bad += 1
# The contents, in English, list each post's title in its own language's forms.
titles = {"ja": "日本語", "zh-CN": "简体中文", "zh-TW": "繁體中文", "zh-HK": "繁體中文（香港）", "ko": "한국어"}
contents = next(p for p in doc if p.get_text().lstrip().startswith("Contents"))
lines = [l for b in contents.get_text("rawdict")["blocks"] for l in b.get("lines", [])]
for lang, region in want.items():
    spans = [s for l in lines for s in l["spans"]
             if "".join(c["c"] for c in s["chars"]).startswith(titles[lang]) and
             (lang != "zh-TW" or "台" in "".join(c["c"] for s2 in l["spans"] for c in s2["chars"]))]
    if not spans or not re.search(f"NotoS(ans|erif)CJK{region}-", spans[0]["font"]):
        print(f"{lang}: the contents set its title in {spans[0]['font'] if spans else 'nothing'}, expected Noto CJK {region.upper()}")
        bad += 1
if bad:
    sys.exit(1)

# Drawn, the forms differ: 骨 of Japan against mainland China, mainland China against Taiwan.
def picture(lang):
    _, page, box = found[lang]
    clip = fitz.Rect(box.x0, box.y0, box.x0 + 12, box.y0 + 14)
    return doc[page].get_pixmap(clip=clip, dpi=300, colorspace=fitz.csGRAY).samples
for a, b in (("ja", "zh-CN"), ("zh-CN", "zh-TW")):
    pa, pb = picture(a), picture(b)
    differing = sum(1 for x, y in zip(pa, pb) if abs(x - y) > 96)
    if len(pa) != len(pb) or differing < len(pa) // 50:
        print(f"骨 looks the same in {a} and {b} ({differing} of {len(pa)} pixels differ)")
        bad += 1

# Subsets: each CJK face embedded holds a few glyphs, not the collection.
for xref in range(1, doc.xref_length()):
    if "/FontFile3" not in (doc.xref_object(xref) or ""):
        continue
    name, ext, kind, program = doc.extract_font(xref)
    if "CJK" in name and len(program) > 40000:
        print(f"{name}: {len(program)} bytes embedded for a few glyphs")
        bad += 1
sys.exit(1 if bad else 0)
PY
echo "cjk_forms: each language's Han forms from its own face, drawn differently, subset"
