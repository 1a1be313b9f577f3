#!/usr/bin/env python3
"""Compares a rendered page with its reference image, with a tolerance (anti-aliasing and
rasteriser versions move edges by a pixel). Both are 8-bit greyscale PNGs as
`pdftoppm -r 100 -gray -png` writes them; read here with zlib alone (no imaging library).

usage: page_diff.py RENDERED.png REFERENCE.png [--max-changed 0.01]
Fails when the sizes differ or more than --max-changed of the pixels differ by more than 96
levels (of 255): moved, missing or extra glyphs change thousands of pixels; a shifted edge a
few."""
import argparse
import struct
import sys
import zlib


def read_gray_png(path):
    data = open(path, "rb").read()
    if data[:8] != b"\x89PNG\r\n\x1a\n":
        raise SystemExit(f"{path}: not a PNG")
    pos, idat, width = 8, b"", None
    while pos < len(data):
        length, kind = struct.unpack(">I4s", data[pos:pos + 8])
        body = data[pos + 8:pos + 8 + length]
        pos += 12 + length
        if kind == b"IHDR":
            width, height, depth, color, _, _, interlace = struct.unpack(">IIBBBBB", body)
            if depth != 8 or color not in (0, 2) or interlace:
                raise SystemExit(f"{path}: not an 8-bit greyscale or RGB PNG")
            bpp = 1 if color == 0 else 3
        elif kind == b"IDAT":
            idat += body
    raw = zlib.decompress(idat)
    rows, n = [], width * bpp
    prev, stride = bytearray(n), n + 1
    for y in range(height):
        line = raw[y * stride:(y + 1) * stride]
        ftype, cur = line[0], bytearray(line[1:])
        for x in range(n):
            a = cur[x - bpp] if x >= bpp else 0
            b = prev[x]
            c = prev[x - bpp] if x >= bpp else 0
            if ftype == 1:
                cur[x] = (cur[x] + a) & 0xFF
            elif ftype == 2:
                cur[x] = (cur[x] + b) & 0xFF
            elif ftype == 3:
                cur[x] = (cur[x] + (a + b) // 2) & 0xFF
            elif ftype == 4:
                p = a + b - c
                pa, pb, pc = abs(p - a), abs(p - b), abs(p - c)
                cur[x] = (cur[x] + (a if pa <= pb and pa <= pc else b if pb <= pc else c)) & 0xFF
        rows.append(cur if bpp == 1 else bytearray(sum(cur[i:i + 3]) // 3 for i in range(0, n, 3)))
        prev = cur
    return width, height, rows


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("rendered")
    ap.add_argument("reference")
    ap.add_argument("--max-changed", type=float, default=0.01)
    args = ap.parse_args()
    w1, h1, a = read_gray_png(args.rendered)
    w2, h2, b = read_gray_png(args.reference)
    if (w1, h1) != (w2, h2):
        print(f"size {w1}x{h1}, reference {w2}x{h2}")
        return 1
    changed = sum(1 for ra, rb in zip(a, b) for pa, pb in zip(ra, rb) if abs(pa - pb) > 96)
    share = changed / (w1 * h1)
    print(f"{changed} pixels changed ({share:.4%}, at most {args.max_changed:.2%} allowed)")
    return 0 if share <= args.max_changed else 1


if __name__ == "__main__":
    sys.exit(main())
