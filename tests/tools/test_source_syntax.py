#!/usr/bin/python3
"""Tests of source_syntax.py on small synthetic digests: an EPUB written with zipfile, a PDF written
by hand with two standard fonts (Helvetica for prose, Courier for code, as a digest sets code in a
monospaced font). Each pattern is found in prose and only there: the same text as code passes, and
so do the look-alikes prose does hold (comparisons, sets, IPv6 addresses).

Run by ctest as tools.source_syntax, or directly: tests/tools/test_source_syntax.py
"""
import os
import subprocess
import sys
import tempfile
import unittest
import zipfile
from html import escape
from pathlib import Path

from pdf_of_objects import pdf_of_objects

HERE = Path(__file__).resolve().parent
CHECKER = HERE / "source_syntax.py"

# One leak of each pattern, as a reader would see it printed, with the pattern's name.
LEAKS = [
    ("import", "import coverImg from './cover.png'"),
    ("import", "import { Gallery, Figure } from \"@site/src/components\""),
    ("import", "import img1 from \u2018./img1.png\u2019"),  # as smart punctuation sets its quotes
    ("export", "export const meta = { title: 'x' }"),
    ("jsx-tag", "<ImageGallery images=[...] />"),
    ("jsx-tag", "</Tabs>"),
    ("jsx-tag", "a fragment <> inside"),
    ("jsx-prop", "images={[ { src: img1, alt: '' } ]}"),
    ("jsx-prop", "{/* a JSX comment */}"),
    ("shortcode", "{{< figure src=\"a.png\" >}}"),
    ("shortcode", "{{% comment %}}"),
    ("liquid", "{% include image.html %}"),
    ("liquid", "{%- endif -%}"),
    ("template", "{{ site.baseurl }}/img/a.png"),
    ("admonition", ":::note Title"),
    ("admonition", "text then ::: tip"),
    ("html", "<div class=\"banner\">"),
    ("html", "a line<br/>break"),
    ("html", "</p>"),
    ("html", "<!-- hidden -->"),
    ("html", "<IMG SRC=\"x.png\">"),
]

# Prose that looks a little like source syntax and must pass.
PROSE = [
    "If a < b and c > d, then a set {a, b} is not empty.",
    "The loopback address is ::1 and std::vector is a type.",
    "Exports grew; we import from abroad, as in x = {1} or f(x) => y.",
    "Stars: 3/5 and a path a/b/c; the arrow -> and <= and >= signs.",
    "Talk: The <3 of OpenTelemetry, 2 < 3.",
]


def run(*argv):
    done = subprocess.run([sys.executable, str(CHECKER), *map(str, argv)], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE, text=True)
    return done.returncode, done.stdout, done.stderr


def write_epub(path, documents):
    """documents: {name: body XHTML}; each gets an <h1> title of its name."""
    with zipfile.ZipFile(path, "w") as book:
        book.writestr(zipfile.ZipInfo("mimetype"), "application/epub+zip")
        for name, body in documents.items():
            book.writestr(f"OEBPS/{name}.xhtml",
                          '<?xml version="1.0" encoding="UTF-8"?>\n<html xmlns="http://www.w3.org/1999/xhtml">'
                          f"<head><title>{name}</title></head><body><section><h1>Post {name}</h1>{body}"
                          "</section></body></html>")


def pdf_string(text):
    return "(" + text.replace("\\", "\\\\").replace("(", "\\(").replace(")", "\\)") + ")"


def write_pdf(path, lines):
    """lines: one page, each line a list of (font, text) runs, font "prose" (Helvetica) or "code"
    (Courier), set left to right."""
    content = ["BT"]
    y = 760
    for runs in lines:
        x = 72
        for font, text in runs:
            content.append(f"/{'F1' if font == 'prose' else 'F2'} 11 Tf 1 0 0 1 {x} {y} Tm {pdf_string(text)} Tj")
            x += 6.6 * len(text) + 4
        y -= 20
    content.append("ET")
    stream = "\n".join(content).encode("cp1252")  # what /WinAnsiEncoding reads
    objects = [
        b"<< /Type /Catalog /Pages 2 0 R >>",
        b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
        b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R "
        b"/Resources << /Font << /F1 5 0 R /F2 6 0 R >> >> >>",
        b"<< /Length %d >>\nstream\n" % len(stream) + stream + b"\nendstream",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>",
        b"<< /Type /Font /Subtype /Type1 /BaseFont /Courier /Encoding /WinAnsiEncoding >>",
    ]
    Path(path).write_bytes(pdf_of_objects(objects))


class SourceSyntaxTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)

    def path(self, name):
        return os.path.join(self.tmp.name, name)

    def epub(self, **documents):
        path = self.path("digest.epub")
        write_epub(path, documents)
        return path

    def pdf(self, lines):
        path = self.path("digest.pdf")
        write_pdf(path, lines)
        return path

    def assertHits(self, argv, expected_names):
        code, out, err = run(*argv)
        hits = [line for line in out.splitlines() if not line.startswith("source_syntax:")]
        names = [line.split(": ")[2] for line in hits]
        self.assertEqual(names, expected_names, out + err)
        self.assertEqual(code, 1 if expected_names else 0, out + err)
        return hits

    def test_each_leak_in_epub_prose_is_found(self):
        body = "".join(f"<p>Before. {escape(leak)} After.</p>" for _, leak in LEAKS)
        hits = self.assertHits([self.epub(p001=body)], [name for name, _ in LEAKS])
        for hit, (_, leak) in zip(hits, LEAKS):
            self.assertIn("digest.epub: p001.xhtml (Post p001): ", hit)
            self.assertIn(leak.split()[0], hit)

    def test_leaks_in_epub_code_pass(self):
        body = "".join(f"<pre><code>{escape(leak)}\n</code></pre><p>See <code>{escape(leak)}</code>.</p>"
                       for _, leak in LEAKS)
        self.assertHits([self.epub(p001=body + "<p>Fine <kbd>{{&lt; x &gt;}}</kbd> <samp>&lt;/p&gt;</samp>.</p>")], [])

    def test_prose_look_alikes_pass(self):
        body = "".join(f"<p>{escape(text)}</p>" for text in PROSE)
        self.assertHits([self.epub(p001=body, nav=f"<ol><li>{escape(PROSE[0])}</li></ol>")], [])

    def test_a_pattern_never_matches_across_code(self):
        # `images=` then a code span `{x}`: the prop is split by code, as a reader sees it.
        self.assertHits([self.epub(p001="<p>Set images=<code>{[x]}</code> and {{<code>&lt; y</code>.</p>")], [])

    def test_markup_the_epub_renders_is_not_text(self):
        # Real elements are what the EPUB renders: only tags printed as text are leaks.
        self.assertHits([self.epub(p001='<div class="x"><p>A <em>b</em><br/>c</p></div>')], [])

    def test_every_document_is_scanned_and_named(self):
        hits = self.assertHits([self.epub(p001="<p>fine</p>", p002="<p>{% raw %}</p>", nav="<p>:::</p>")],
                               ["liquid", "admonition"])
        self.assertIn("p002.xhtml (Post p002)", hits[0])
        self.assertIn("nav.xhtml", hits[1])

    def test_each_leak_in_pdf_prose_is_found(self):
        hits = self.assertHits([self.pdf([[("prose", "Before."), ("prose", leak)] for _, leak in LEAKS])],
                               [name for name, _ in LEAKS])
        for hit, (_, leak) in zip(hits, LEAKS):
            self.assertIn("digest.pdf: page 1: ", hit)
            self.assertIn(leak.split()[0], hit)

    def test_leaks_in_pdf_code_pass(self):
        lines = [[("code", leak)] for _, leak in LEAKS]
        lines += [[("prose", "Write"), ("code", leak), ("prose", "in a post.")] for _, leak in LEAKS]
        lines += [[("prose", text)] for text in PROSE]
        self.assertHits([self.pdf(lines)], [])

    def test_pdf_pattern_never_matches_across_code(self):
        self.assertHits([self.pdf([[("prose", "Set images="), ("code", "{[x]}"), ("prose", "now.")]])], [])

    def test_base_path_checks_both_outputs(self):
        self.pdf([[("prose", "{{< youtube abc >}}")]])
        self.epub(p001="<p>{{&lt; youtube abc &gt;}}</p>")
        hits = self.assertHits([self.path("digest")], ["shortcode", "shortcode"])
        self.assertTrue(hits[0].startswith(self.path("digest.pdf")), hits)
        self.assertTrue(hits[1].startswith(self.path("digest.epub")), hits)

    def test_allow_drops_only_the_named_hit(self):
        epub = self.epub(p001="<p>Talk: The &lt; Meta /&gt; Trick.</p><p>&lt;Meta /&gt;</p>")
        self.assertHits([epub, "--allow", "The < Meta /> Trick"], ["jsx-tag"])

    def test_missing_file_is_a_usage_error(self):
        code, _, err = run(self.path("absent.epub"))
        self.assertEqual(code, 2)
        self.assertIn("no such file", err)


if __name__ == "__main__":
    unittest.main()
