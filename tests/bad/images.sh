#!/usr/bin/env bash
# Hostile images in a real build: path escapes, file: URLs, symlinks leaving the site and
# looping, a FIFO, a PNG whose header claims 100,000 x 100,000 pixels, truncated JPEG/WebP,
# HTML saved as .png, SVG billion laughs and external entities. postpress must finish, write a
# valid PDF and EPUB, report each image with the post's file and line, and read nothing
# outside the site (no line of /etc/passwd may reach an output).
source "$(dirname "$0")/../tools/e2e-lib.sh"
SITE="$WORK/site"
OUTSIDE="$WORK/outside"
mkdir -p "$SITE/_posts" "$SITE/img" "$OUTSIDE"
printf 'title: Hostile images\nurl: "https://example.org"\n' > "$SITE/_config.yml"

python3 - "$SITE/img" "$OUTSIDE" <<'PY'
import struct, sys, zlib
img, outside = sys.argv[1], sys.argv[2]
def chunk(t, d):
    return struct.pack(">I", len(d)) + t + d + struct.pack(">I", zlib.crc32(t + d) & 0xFFFFFFFF)
def png(w, h):
    raw = b"".join(b"\0" + b"\xff\x00\x00" * min(w, 4) for _ in range(min(h, 4)))
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", struct.pack(">IIBBBBB", w, h, 8, 2, 0, 0, 0)) + \
        chunk(b"IDAT", zlib.compress(raw)) + chunk(b"IEND", b"")
open(f"{img}/bomb.png", "wb").write(png(100000, 100000))
open(f"{outside}/secret.png", "wb").write(png(4, 4))
open(f"{img}/ok.png", "wb").write(png(4, 4))
open(f"{img}/page.png", "w").write("<!DOCTYPE html><html><body>404</body></html>")
# A JPEG cut in half: SOI + headers, no end.
open(f"{img}/cut.jpg", "wb").write(b"\xff\xd8\xff\xe0\x00\x10JFIF\x00\x01\x01\x00\x00\x01\x00\x01\x00\x00\xff\xdb\x00\x43\x00" + bytes(64))
open(f"{img}/cut.webp", "wb").write(b"RIFF\x00\x10\x00\x00WEBPVP8 \x00\x10\x00\x00" + bytes(30))
lol = "".join(f"<!ENTITY l{i} '" + f"&l{i-1};" * 10 + "'>" for i in range(1, 10))
open(f"{img}/laughs.svg", "w").write(
    f"<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY l0 'lol'>{lol}]>"
    "<svg xmlns='http://www.w3.org/2000/svg' width='10' height='10'><text>&l9;</text></svg>")
open(f"{img}/xxe.svg", "w").write(
    "<?xml version='1.0'?><!DOCTYPE svg [<!ENTITY x SYSTEM 'file:///etc/passwd'>]>"
    "<svg xmlns='http://www.w3.org/2000/svg' width='200' height='20'><text y='15'>&x;</text></svg>")
open(f"{img}/ref.svg", "w").write(
    "<svg xmlns='http://www.w3.org/2000/svg' xmlns:xi='http://www.w3.org/2001/XInclude' width='200' height='20'>"
    "<text y='15'><xi:include href='/etc/passwd' parse='text'/></text>"
    f"<image href='file://{outside}/secret.png' width='10' height='10'/></svg>")
PY
ln -s "$OUTSIDE/secret.png" "$SITE/img/escape.png"
ln -s "$OUTSIDE" "$SITE/img/outdir"
ln -s loop2.png "$SITE/img/loop1.png"
ln -s loop1.png "$SITE/img/loop2.png"
mkfifo "$SITE/img/fifo.png"

cat > "$SITE/_posts/2025-01-01-hostile.md" <<'MD'
---
title: Hostile images
date: 2025-01-01
tags: [test]
---

First line of prose so the post has text.

![a](../../../../../../../../../../etc/passwd)
![b](/etc/hostname)
![c](file:///etc/passwd)
![d](/img/escape.png)
![e](/img/outdir/secret.png)
![f](/img/loop1.png)
![g](/img/fifo.png)
![h](/img/bomb.png)
![i](/img/cut.jpg)
![j](/img/cut.webp)
![k](/img/page.png)
![l](/img/laughs.svg)
![m](/img/xxe.svg)
![n](/img/ref.svg)
![o](/img/ok.png)
MD

status=0
timeout 120 "$POSTPRESS" build --site "$SITE" -o "$WORK/out" --title "Hostile" --cache "$WORK/cache" 2> "$WORK/stderr" || status=$?
[ "$status" -lt 124 ] || { cat "$WORK/stderr"; fail "postpress crashed or hung (exit $status)"; }
[ -s "$WORK/out.pdf" ] || { cat "$WORK/stderr"; fail "no PDF written"; }
[ -s "$WORK/out.epub" ] || { cat "$WORK/stderr"; fail "no EPUB written"; }
qpdf --check "$WORK/out.pdf" >/dev/null || fail "qpdf rejects the PDF"

# Every hostile reference is reported at its own line of the post (body lines 9..22). What
# leads outside the root, loops or is no regular file reads as missing, so that no message
# tells which files exist outside the site; a file: URL is refused for its scheme.
for line in 9 10 12 13 14 15; do
  grep -q "_posts/2025-01-01-hostile.md:$line:[0-9]*: warning: image not found: .*\[image-missing\]" "$WORK/stderr" ||
    { cat "$WORK/stderr"; fail "no image-missing diagnostic for line $line"; }
done
grep -q "_posts/2025-01-01-hostile.md:11:[0-9]*: warning: .*\[image-refused\]" "$WORK/stderr" ||
  { cat "$WORK/stderr"; fail "the file: URL is not refused"; }
grep -q "hostile.md:10:.*image not found: '/etc/hostname'.*\[image-missing\]" "$WORK/stderr" || fail "/etc/hostname not reported as not found"
grep -q "hostile.md:16:.*\[image-too-large\]" "$WORK/stderr" || fail "bomb not reported as too large"
for line in 17 18 19; do
  grep -q "hostile.md:$line:.*\[image-corrupt\]" "$WORK/stderr" || fail "line $line not reported as corrupt"
done
grep -q "hostile.md:20:.*\[image-refused\]" "$WORK/stderr" || fail "billion laughs not refused"
grep -q "hostile.md:21:.*\[image-refused\]" "$WORK/stderr" || fail "external entity not refused"

# Nothing from outside the site reached the outputs.
pdftotext "$WORK/out.pdf" - 2>/dev/null | grep -c "root:" > /dev/null && fail "/etc/passwd content in the PDF"
unzip -p "$WORK/out.epub" 2>/dev/null | grep -ac "root:x:0" > /dev/null && fail "/etc/passwd content in the EPUB"
echo "bad/images: ok"
