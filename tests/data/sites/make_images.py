#!/usr/bin/env python3
"""Writes the small PNG images the generator fixtures reference (each a flat colour taken from a
hash of its path, so that no two are the same file and image deduplication cannot hide a wrong
lookup). Run from this folder to regenerate; the outputs are committed."""
import hashlib
import struct
import zlib

IMAGES = [
    "gatsby/content/blog/hello-world/salty-egg.png",
    "gatsby/content/blog/second-post/cover.png",
    "gatsby/static/img/banner.png",
    "astro/src/assets/blog-placeholder.png",
    "astro/public/images/diagram.png",
    "eleventy/content/blog/fourthpost/possum.png",
    "eleventy/public/img/shared.png",
    "mkdocs/docs/blog/posts/images/chart.png",
    "mkdocs/docs/assets/logo.png",
    "zola/content/blog/with-assets/photo.png",
    "zola/static/img/site.png",
    "pelican/content/images/han.png",
    "pelican/content/articles/attached.png",
    "quarto/posts/welcome/thumbnail.png",
    "quarto/posts/post-with-code/image.png",
    "hugo-i18n/content/en/blog/2025/otel-diagram/diagram.png",
    "hugo-i18n/content/en/blog/2025/otel-diagram/featured.png",
    "hugo-i18n/static/img/common.png",
    "hugo-i18n/static_ja/img/localized.png",
    "docusaurus-i18n/blog/2024-01-15-welcome/hero.png",
    "docusaurus-i18n/docs/resources/architecture.png",
]


def chunk(kind, data):
    c = struct.pack(">I", len(data)) + kind + data
    return c + struct.pack(">I", zlib.crc32(kind + data) & 0xFFFFFFFF)


def png(path, width=64, height=40):
    r, g, b = hashlib.sha256(path.encode()).digest()[:3]
    row = b"\x00" + bytes((r, g, b)) * width
    head = struct.pack(">IIBBBBB", width, height, 8, 2, 0, 0, 0)
    return (b"\x89PNG\r\n\x1a\n" + chunk(b"IHDR", head) + chunk(b"IDAT", zlib.compress(row * height, 9))
            + chunk(b"IEND", b""))


if __name__ == "__main__":
    import os
    for path in IMAGES:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(png(path))
