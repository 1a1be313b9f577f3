#!/usr/bin/env python3
"""Writes the PNG fixtures that stb_image_write cannot make (interlaced, 16-bit, palette with
tRNS). Each is 24x16 with a known pattern: left half red, right half blue, and (where there is
alpha) the bottom row transparent. Run again only to regenerate; the outputs are committed."""
import struct
import zlib

W, H = 24, 16


def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(ihdr, raw_rows_fn, extra=b"", interlace=0):
    width, height, depth, ctype = ihdr
    if interlace:
        passes = [(0, 0, 8, 8), (4, 0, 8, 8), (0, 4, 4, 8), (2, 0, 4, 4), (0, 2, 2, 4), (1, 0, 2, 2), (0, 1, 1, 2)]
        data = b""
        for x0, y0, dx, dy in passes:
            xs = list(range(x0, width, dx))
            ys = list(range(y0, height, dy))
            if not xs or not ys:
                continue
            for y in ys:
                data += b"\x00" + b"".join(raw_rows_fn(x, y) for x in xs)
    else:
        data = b"".join(b"\x00" + b"".join(raw_rows_fn(x, y) for x in range(width)) for y in range(height))
    head = struct.pack(">IIBBBBB", width, height, depth, ctype, 0, 0, interlace)
    return b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + extra + chunk(b"IDAT", zlib.compress(data, 9)) + chunk(b"IEND", b"")


def rgba8(x, y):
    r, g, b = (255, 0, 0) if x < W // 2 else (0, 0, 255)
    a = 0 if y == H - 1 else 255
    return bytes((r, g, b, a))


def rgb16(x, y):
    r, g, b = (65535, 0, 0) if x < W // 2 else (0, 0, 65535)
    return struct.pack(">HHH", r, g, b)


def pal(x, y):
    return bytes((2 if y == H - 1 else (0 if x < W // 2 else 1),))


open("interlaced-rgba.png", "wb").write(png((W, H, 8, 6), rgba8, interlace=1))
open("rgb16.png", "wb").write(png((W, H, 16, 2), rgb16))
plte = chunk(b"PLTE", bytes((255, 0, 0, 0, 0, 255, 0, 255, 0)))
trns = chunk(b"tRNS", bytes((255, 255, 0)))
open("palette-trns.png", "wb").write(png((W, H, 8, 3), pal, extra=plte + trns))
