#!/usr/bin/env python3
"""Finds source syntax a reader must never see in a digest: the generator's markup printed as text.

usage: source_syntax.py FILE... [--allow TEXT]...

FILE is a PDF, an EPUB, or a digest's base path DIGEST (DIGEST.pdf and DIGEST.epub, whichever exist).

Prints one line per hit (the file, the EPUB document and post title or the PDF page, the pattern,
and a snippet) and exits 1 when there is any. The patterns:
  import      an MDX/ES `import x from '...'` line
  export      an MDX `export const x =` / `export default {` line
  jsx-tag     a capitalised tag `<Gallery`, `</Gallery>`, a fragment `<>` `</>`, or a `/>` ending
  jsx-prop    a `name={` prop, or a `{/* */}` JSX comment
  shortcode   a Hugo shortcode opener `{{<` or `{{%`
  liquid      a Liquid tag `{%`
  template    a template expression `{{ ... }}`
  admonition  a `:::` fence (Docusaurus, MkDocs, Pandoc)
  html        a raw HTML tag `<div ...>`, `</p>`, `<br/>`, `<!--`

Where code is legitimate: what a post sets as code (a fenced block, an inline `code span`) may hold
any of these, and is skipped in both outputs. The EPUB is scanned as prose only: the text of its
content documents outside <pre>, <code>, <kbd> and <samp>. In the PDF, code has no tag a text
extractor gives back, but it is always set in the style's monospaced font and prose never is: the
PDF is read with pdftohtml -xml, which gives every text run its font, and runs in a monospaced font
(JetBrains Mono, or any family named mono/code/courier/...) are cut out before the scan (a pattern
cannot match across the cut). So each output is checked on its own: the PDF scan finds what only
the PDF prints (running heads, the brief's summaries, link notes, captions set differently).
Comparing the PDF's text with the EPUB's code was the other way: it fails on a short hit (`/>` is in
any JSX code) and hides a leak whose text happens to be in some code block.

--allow TEXT drops the hits whose snippet contains TEXT (a post that truly writes such syntax as
prose: each use must say why where it is passed).
"""
import argparse
import html
import os
import re
import subprocess
import sys
import zipfile
from html.parser import HTMLParser

HTML_ELEMENTS = (
    "a|abbr|address|article|aside|audio|b|big|blockquote|body|br|button|caption|center|cite|col|"
    "colgroup|dd|del|details|dfn|div|dl|dt|em|embed|figcaption|figure|font|footer|form|h[1-6]|head|"
    "header|hr|html|i|iframe|img|input|ins|kbd|label|li|link|main|mark|meta|nav|noscript|object|ol|"
    "p|param|picture|pre|q|s|samp|script|section|select|small|source|span|strike|strong|style|sub|"
    "summary|sup|svg|table|tbody|td|textarea|tfoot|th|thead|time|tr|tt|u|ul|var|video|wbr")

PATTERNS = [
    ("import", re.compile(r"\bimport\s+(?:[\w$]+|\{[^{}]{0,200}\}|\*\s+as\s+[\w$]+)"
                          r"(?:\s*,\s*\{[^{}]{0,200}\})?\s+from\s+['\"\u2018\u2019\u201c\u201d]")),
    ("export", re.compile(r"\bexport\s+(?:(?:const|let|var)\s+[\w$]+\s*=|default\s+[{(\[]|"
                          r"function\s+[\w$]+\s*\()")),
    # A capitalised name that is not an HTML element in capitals (old HTML's <IMG>), with its
    # attributes up to the tag's end when that is near.
    ("jsx-tag", re.compile(r"</?(?!(?:" + HTML_ELEMENTS.upper() + r")\b)[A-Z]\w*(?:\.[A-Za-z]\w*)*"
                           r"(?=[\s/>]|$)(?:[^<>]{0,300}?/?>)?|</?>|/>")),
    ("jsx-prop", re.compile(r"\b[A-Za-z_][\w-]*=\{|\{/\*")),
    ("shortcode", re.compile(r"\{\{[<%]")),
    ("liquid", re.compile(r"\{%")),
    ("template", re.compile(r"\{\{(?![<%])[^{}\n]{0,200}\}\}")),
    ("admonition", re.compile(r"(?:^|(?<=\s)):::")),
    # HTML is written in small letters, or in capitals: <Meta> is a component.
    ("html", re.compile(r"</?(?:" + HTML_ELEMENTS + "|" + HTML_ELEMENTS.upper() + r")(?:\s[^<>]{0,300})?/?>|<!--")),
]

CODE_ELEMENTS = {"pre", "code", "kbd", "samp", "script", "style"}
SNIPPET = 50
CODE_RUN = "\x00"  # where code was cut out of prose: no pattern matches across it


def hits_in(text):
    """(pattern name, start, end) of the patterns' matches in `text`, in order; where matches
    overlap (`{{%` is a shortcode and holds a Liquid `{%`) the first and longest is the one hit."""
    matches = sorted(((m.start(), -m.end(), name) for name, pattern in PATTERNS for m in pattern.finditer(text)))
    end = -1
    for start, negative_end, name in matches:
        if start >= end:
            end = -negative_end
            yield name, start, end


def snippet(text, start, end):
    before = text[max(0, start - SNIPPET):start]
    after = text[end:end + SNIPPET]
    return " ".join((before + text[start:end] + after).split())


class ProseSplitter(HTMLParser):
    """Splits one XHTML document into prose blocks, code cut out of them as in the PDF; keeps the
    document's first <h1>, the title of the post it holds."""

    BLOCKS = {"p", "li", "dt", "dd", "td", "th", "figcaption", "blockquote", "div", "section",
              "h1", "h2", "h3", "h4", "h5", "h6", "aside", "header", "footer", "nav", "br", "title"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.code_depth = 0
        self.title = None
        self.title_text = None  # collecting the first <h1>
        self.blocks = []
        self.current = []

    def flush(self):
        text = "".join(self.current)
        if text.strip(CODE_RUN + " \n\t"):
            self.blocks.append(text)
        self.current = []

    def handle_starttag(self, tag, attrs):
        if tag in CODE_ELEMENTS:
            if not self.code_depth:
                self.current.append(CODE_RUN)
            self.code_depth += 1
        elif not self.code_depth:
            if tag in self.BLOCKS:
                self.flush()
            if tag == "h1" and self.title is None:
                self.title_text = []

    def handle_startendtag(self, tag, attrs):
        if tag in self.BLOCKS and not self.code_depth:
            self.flush()

    def handle_endtag(self, tag):
        if tag in CODE_ELEMENTS:
            self.code_depth = max(0, self.code_depth - 1)
        elif not self.code_depth:
            if tag == "h1" and self.title_text is not None:
                self.title = " ".join("".join(self.title_text).split())
                self.title_text = None
            if tag in self.BLOCKS:
                self.flush()

    def handle_data(self, data):
        if self.code_depth:
            return
        self.current.append(data)
        if self.title_text is not None:
            self.title_text.append(data)


def read_epub(path):
    """[(document, heading, prose text)] of the book's content documents."""
    prose = []
    with zipfile.ZipFile(path) as book:
        for info in book.infolist():
            if not info.filename.endswith((".xhtml", ".html", ".htm")):
                continue
            splitter = ProseSplitter()
            splitter.feed(book.read(info).decode("utf-8", "replace"))
            splitter.close()
            splitter.flush()
            name = os.path.basename(info.filename)
            prose += [(name, splitter.title, text) for text in splitter.blocks]
    return prose


MONOSPACED = re.compile(r"mono|code|courier|consol|menlo|monaco|inconsolata|hack", re.IGNORECASE)
FONTSPEC = re.compile(r'<fontspec id="(\d+)"[^>]*family="([^"]*)"')
PAGE = re.compile(r"<page number=\"(\d+)\"(.*?)</page>", re.DOTALL)
TEXT = re.compile(r'<text top="(-?\d+)"[^>]*font="(\d+)"[^>]*>(.*?)</text>', re.DOTALL)


def read_pdf_pages(path):
    """[(page number, prose text)]: the page's text runs in order, a run set in a monospaced font
    replaced by a NUL (so no pattern matches across it), runs on one line joined by a space."""
    done = subprocess.run(["pdftohtml", "-xml", "-i", "-q", "-stdout", path], stdout=subprocess.PIPE,
                          stderr=subprocess.PIPE)
    if done.returncode != 0:
        raise SystemExit(f"source_syntax: pdftohtml failed on {path}: {done.stderr.decode(errors='replace')}")
    xml = done.stdout.decode("utf-8", "replace")
    mono = {fid for fid, family in FONTSPEC.findall(xml) if MONOSPACED.search(family)}
    pages = []
    for number, body in PAGE.findall(xml):
        text, last_top = [], None
        for top, font, run in TEXT.findall(body):
            if last_top is not None:
                text.append(" " if abs(int(top) - last_top) <= 4 else "\n")
            last_top = int(top)
            text.append(CODE_RUN if font in mono else html.unescape(re.sub(r"<[^>]*>", "", run)))
        pages.append((int(number), "".join(text)))
    return pages


def allowed(text, allow):
    return any(a in text for a in allow)


def scan_epub(path, allow):
    prose = read_epub(path)
    found = []
    for document, heading, text in prose:
        for name, start, end in hits_in(text):
            shown = snippet(text, start, end).replace(CODE_RUN, " [code] ")
            if not allowed(shown, allow):
                where = f"{document}" + (f" ({heading})" if heading else "")
                found.append(f"{path}: {where}: {name}: {shown}")
    return found


def scan_pdf(path, allow):
    found = []
    for number, page in read_pdf_pages(path):
        for name, start, end in hits_in(page):
            shown = snippet(page, start, end).replace(CODE_RUN, " [code] ")
            if not allowed(shown, allow):
                found.append(f"{path}: page {number}: {name}: {shown}")
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("files", nargs="+", help="DIGEST.pdf, DIGEST.epub, or the base path DIGEST")
    parser.add_argument("--allow", action="append", default=[])
    args = parser.parse_args()

    files = []
    for name in args.files:
        if name.endswith((".pdf", ".epub")):
            files.append(name)
        else:
            files += [name + ext for ext in (".pdf", ".epub") if os.path.exists(name + ext)]
    missing = [name for name in files if not os.path.exists(name)]
    if missing or not files:
        parser.error(f"no such file: {', '.join(missing) or args.files[0]}")

    found = []
    for name in files:
        found += scan_pdf(name, args.allow) if name.endswith(".pdf") else scan_epub(name, args.allow)
    for line in found:
        print(line)
    print(f"source_syntax: {len(found)} hits in {' and '.join(files)}")
    return 1 if found else 0


if __name__ == "__main__":
    sys.exit(main())
