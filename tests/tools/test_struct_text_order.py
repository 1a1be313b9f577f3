#!/usr/bin/python3
"""Tests of struct_text_order.py's comparison: which blocks of a post's EPUB text it expects, in
which order, and which of them it finds in order in the text of the post's PDF Part.

Run by ctest as tools.struct_text_order, or directly: tests/tools/test_struct_text_order.py
"""
import os
import sys
import unittest
import xml.etree.ElementTree as ET

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
# (struct_text_order.py runs again under Debian's interpreter when this one lacks pikepdf.)
from struct_text_order import blocks_of, norm, unmatched  # noqa: E402


def section(body):
    """A post's <section> of an EPUB chapter, from its XHTML."""
    return ET.fromstring(f'<section xmlns="http://www.w3.org/1999/xhtml" xmlns:epub="http://www.idpf.org/2007/ops" '
                         f'class="post">{body}</section>')


def texts(body):
    return [text for text, _ in blocks_of(section(body))]


class MatchingTest(unittest.TestCase):
    def test_blocks_in_order_all_found(self):
        self.assertEqual(unmatched("alpha beta gamma", ["alpha", "beta", "gamma"]), [])

    def test_a_block_out_of_order_is_reported(self):
        self.assertEqual(len(unmatched("alpha gamma beta", ["alpha", "beta", "gamma"])), 1)
        self.assertEqual(len(unmatched("gamma beta alpha delta", ["alpha", "beta", "gamma", "delta"])), 2)

    def test_an_unprinted_block_found_far_later_costs_only_itself(self):
        # The EPUB's "details" label is not printed; "details" occurs later in the code text.
        text = "code one. code two. code three. details-on-demand"
        blocks = ["details", "code one.", "code two.", "code three."]
        self.assertEqual(unmatched(text, blocks), [0])

    def test_each_block_needs_its_own_text(self):
        # One occurrence cannot stand for two blocks, and blocks do not overlap.
        self.assertEqual(unmatched("note", ["note", "note"]), [1])
        self.assertEqual(unmatched("abcd", ["abc", "bcd"]), [1])


class EpubBlocksTest(unittest.TestCase):
    def test_a_footnote_follows_the_block_that_first_marks_it(self):
        body = ('<p>First<sup><a class="noteref" href="#fn-1">1</a></sup> paragraph.</p>'
                '<p>Second, again<sup><a class="noteref" href="#fn-1">1</a></sup>.</p>'
                '<section class="footnotes"><h2 class="footnotes-title">Notes</h2>'
                '<aside class="footnote" id="fn-1"><p><a class="footnote-label">1.</a> The note.</p></aside>'
                '</section>')
        self.assertEqual(texts(body), ["first paragraph.", ". the note.", "second, again."])

    def test_what_each_book_labels_its_own_way_is_left_out(self):
        body = ('<p><span class="missing-image">[Image: a chart — https://x.org/a.png]</span><em>A chart</em></p>'
                '<div class="embed"><p><span class="embed-kind">▶ YouTube:</span> <a href="u">A talk</a></p></div>')
        self.assertEqual(texts(body), ["a chart", "a talk"])

    def test_the_header_is_left_out(self):
        self.assertEqual(texts('<header><h1>Title</h1><p class="byline">Ann</p></header><p>Body.</p>'), ["body."])

    def test_invisible_characters_do_not_count(self):
        self.assertEqual(norm("vari\u00e1veis \u200b\u200bde \u26a0\ufe0f Note 12"), "variáveis de ⚠ note")


if __name__ == "__main__":
    unittest.main()
