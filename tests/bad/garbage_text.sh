#!/usr/bin/env bash
# Posts that are not text, or text no one expects: binary garbage named .md, invalid UTF-8
# (stray bytes, overlongs, surrogates, a cut sequence), NUL bytes, RTL and zero-width characters
# (bidi overrides, joiners, a BOM in the middle, combining marks). (The 10 MB line: long_line.sh.)
# postpress must report the bad bytes at their line, keep the readable text, and write a valid
# PDF and EPUB, within time and memory limits.
source "$(dirname "$0")/bad-lib.bash"
SITE="$WORK/site"
jekyll_site "$SITE" "Garbage Text"

python3 - "$SITE/_posts" <<'PY'
import random, sys
posts = sys.argv[1]
rng = random.Random(8)
# Binary garbage: random bytes, no front matter, NULs and every byte value.
open(f"{posts}/2025-01-02-garbage.md", "wb").write(bytes(rng.randrange(256) for _ in range(64 << 10)))
# A post saved as UTF-16 (Windows Notepad's "Unicode").
open(f"{posts}/2025-01-08-utf16.md", "wb").write("---\ntitle: UTF-16\n---\n\nText.\n".encode("utf-16"))
# A PNG saved as a post.
open(f"{posts}/2025-01-03-png-named-md.md", "wb").write(
    b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR" + bytes(rng.randrange(256) for _ in range(4096)))
# Invalid UTF-8 in front matter and body, at known lines.
open(f"{posts}/2025-01-04-bad-utf8.md", "wb").write(
    b"---\ntitle: \"Bad \xff bytes\"\ndate: 2025-01-04\ntags: [ok, \"t\xc3\"]\n---\n\n"
    b"Line seven has a stray byte \x80 here.\n\n"
    b"Overlong slash \xc0\xaf, surrogate \xed\xa0\x80, above U+10FFFF \xf4\x90\x80\x80.\n\n"
    b"Cut at the end of a line \xe2\x82\n\n"
    b"NUL byte \x00 in a sentence, and a bell \x07 and escape \x1b[31m too.\n\n"
    b"| a\xff | b |\n|---|---|\n| \xfe | \x00 |\n\n"
    b"```\ncode \xff\xfe\x00 block\n```\n\n"
    b"Readable closing sentence survives.\n")
# RTL and zero-width characters.
text = (
    "---\ntitle: \"\u05e9\u05dc\u05d5\u05dd \u202eevil\u202c \u200bzero\u200dwidth\"\ndate: 2025-01-05\n"
    "tags: [\"\u0627\u0644\u0639\u0631\u0628\u064a\u0629\", \"\u200b\", \"\ufeff\"]\n---\n\n"
    "Hebrew \u05e2\u05d1\u05e8\u05d9\u05ea and Arabic \u0645\u0631\u062d\u0628\u0627 \u0628\u0627\u0644\u0639\u0627\u0644\u0645 mixed with English.\n\n"
    "Bidi override \u202ereversed text\u202c, isolate \u2067\u05d0\u05d1\u2069, marks \u200e\u200f.\n\n"
    "Zero\u200bwidth\u200cnon\u200djoiner\u2060word\ufeffjoiner and soft\u00adhyphen.\n\n"
    "Combining a\u0301\u0301\u0301\u0301\u0301\u0301\u0301\u0301 z\u0336\u0336\u0336 and Zalgo "
    + "e" + "\u0300\u0301\u0302\u0303\u0304" * 200 + ".\n\n"
    "# \u202e\u200b\n\n"
    "Variation selectors \u2764\ufe0f, tags \U000E0067\U000E0062, private use \ue000\U000F0000.\n\n"
    "Line and paragraph separators \u2028 and \u2029 inside.\n\n"
    "- \u200b\n- \u202e\n\n"
    "[\u200b](https://example.org/\u202e) and ![\u200f](/img/\u200b.png)\n\n"
    "RTL closing sentence survives.\n")
open(f"{posts}/2025-01-05-rtl-zero-width.md", "w", encoding="utf-8").write(text)
PY

run_pp 60 1500 build --site "$SITE" -o "$WORK/out" --cache "$WORK/cache" -j 2
# Files that are not text are left out with one clear error each (not typeset as pages of
# mojibake with hundreds of missing-glyph warnings); the build still writes the rest.
expect_status 1
expect_diag '2025-01-02-garbage\.md(:0)*: error: not a text file .*\[post-binary\]' "garbage post"
expect_diag '2025-01-03-png-named-md\.md(:0)*: error: not a text file .*\[post-binary\]' "PNG named .md"
expect_diag '2025-01-08-utf16\.md(:0)*: error: the file is UTF-16 text.*save it as UTF-8.*\[post-binary\]' "UTF-16 post"
no_diag 'garbage\.md.*missing-glyph' "garbage typeset"
expect_diag '2025-01-04-bad-utf8\.md:2:[0-9]+: warning: .*\[utf8-invalid\]' "first bad byte at line 2"
valid_outputs "$WORK/out" "A Good Post" "Readable closing sentence survives." "RTL closing sentence survives."
# No replacement-less invalid UTF-8 reached the EPUB's XHTML (EPUBCheck would reject it, but
# check directly too).
python3 - "$WORK/out.epub" <<'PY' || fail "invalid UTF-8 in the EPUB"
import sys, zipfile
z = zipfile.ZipFile(sys.argv[1])
for n in z.namelist():
    if n.endswith((".xhtml", ".opf", ".ncx")):
        z.read(n).decode("utf-8")  # raises on invalid UTF-8
        if b"\x00" in z.read(n): sys.exit(f"NUL byte in {n}")
PY
echo "bad/garbage_text: ok (peak ${peak_mb} MB)"
