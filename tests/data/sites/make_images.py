#!/usr/bin/env python3
"""Writes the small PNG images the generator fixtures reference (each a flat colour taken from a
hash of its path, so that no two are the same file and image deduplication cannot hide a wrong
lookup), and the photographs of the picture-story fixture (flat too, but at a camera's or a
screenshot's pixel sizes, so that they are set large). Run from this folder to regenerate; the
outputs are committed."""
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

# (path, width, height): pictures big enough to fill half a page or more, in the aspect ratios
# of photographs, screenshots and charts (tests/e2e/picture_story.sh matches them by aspect).
PICTURE_STORY = [
    ("picture-story/img/venue.png", 1600, 900),
    ("picture-story/img/booth.png", 900, 1200),
    ("picture-story/img/team.png", 1400, 1050),
    ("picture-story/img/crowd.png", 1200, 800),
    ("picture-story/img/keynote-stage.png", 1600, 1000),
    ("picture-story/img/keynote-speakers.png", 1000, 1300),
    ("picture-story/img/routing.png", 1500, 1000),
    ("picture-story/img/benchmark.png", 900, 1400),
    ("picture-story/img/dashboard.png", 1800, 1100),
    ("picture-story/img/hallway.png", 1300, 1300),
    ("picture-story/img/closing.png", 1600, 700),
    ("picture-story/img/chart-one.png", 1200, 750),
    ("picture-story/img/chart-two.png", 1000, 1000),
    ("picture-story/img/chart-three.png", 1400, 800),
    ("picture-story/img/chart-four.png", 800, 1100),
    ("picture-story/img/submit-flow.png", 1920, 1421),
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
    for path, *size in [(p,) for p in IMAGES] + PICTURE_STORY:
        os.makedirs(os.path.dirname(path), exist_ok=True)
        with open(path, "wb") as out:
            out.write(png(path, *size))
