#!/usr/bin/python3
"""Tests of pdf_props.py's placement checks: the collision sweep finds the same overlapping
words as comparing every pair, and the whole checker fails on a page with words drawn over
each other or too near an edge, and passes the same page without them; --text checks the text
alone; a pass is recorded (PP_CHECK_CACHE) for the same bytes and options only, a failure never.

Run by ctest as tools.pdf_props, or directly: tests/tools/test_pdf_props.py
"""
import os
import random
import subprocess
import sys
import tempfile

from pdf_of_objects import pdf_of_objects
import unittest

HERE = os.path.dirname(os.path.abspath(__file__))
sys.path.insert(0, HERE)
from pdf_props import collisions  # noqa: E402


def every_pair(boxes):
    """The definition collisions() sweeps for: every pair of words, compared."""
    found = set()
    for i, a in enumerate(boxes):
        for b in boxes[i + 1:]:
            dx = min(a[2], b[2]) - max(a[0], b[0])
            dy = min(a[3], b[3]) - max(a[1], b[1])
            smaller = min((a[2] - a[0]) * (a[3] - a[1]), (b[2] - b[0]) * (b[3] - b[1]))
            if dx > 0 and dy > 0 and smaller > 0 and dx * dy > smaller / 4:
                found.add(frozenset((a[4], b[4])))
    return found


def one_page_pdf(words):
    """A one-page US Letter PDF showing each (x, y, size, text) in Helvetica (not embedded: the
    placement checks read pdftotext's word boxes only)."""
    content = "".join(f"BT /F1 {size} Tf {x} {y} Td ({text}) Tj ET\n" for x, y, size, text in words).encode()
    objects = [b"<< /Type /Catalog /Pages 2 0 R >>",
               b"<< /Type /Pages /Kids [3 0 R] /Count 1 >>",
               b"<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 4 0 R"
               b" /Resources << /Font << /F1 5 0 R >> >> >>",
               b"<< /Length %d >>\nstream\n" % len(content) + content + b"endstream",
               b"<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica /Encoding /WinAnsiEncoding >>"]
    return pdf_of_objects(objects)


def run_props(path, *options, cache=None):
    env = {k: v for k, v in os.environ.items() if k != "PP_CHECK_CACHE"}
    if cache:
        env["PP_CHECK_CACHE"] = cache
    return subprocess.run([sys.executable, os.path.join(HERE, "pdf_props.py"), path, *options],
                          stdout=subprocess.PIPE, text=True, env=env)


def props(words, *options):
    """{check: passed} from pdf_props.py on a page of `words`."""
    with tempfile.TemporaryDirectory() as tmp:
        path = os.path.join(tmp, "page.pdf")
        with open(path, "wb") as f:
            f.write(one_page_pdf(words))
        done = run_props(path, *options)
    return {line.split()[1]: line.split()[0] == "pass" for line in done.stdout.splitlines()
            if line.startswith(("pass ", "FAIL "))}


CLEAN = [(72, 700, 12, "Clean"), (120, 700, 12, "words"), (72, 680, 12, "apart")]


class SweepTest(unittest.TestCase):
    def test_the_sweep_finds_what_comparing_every_pair_finds(self):
        rng = random.Random(7)
        for _ in range(2000):
            boxes = []
            for n in range(rng.randint(0, 40)):
                x, y = rng.uniform(0, 100), rng.uniform(0, 100)
                # Some boxes have no area or are upside down: neither may collide.
                boxes.append((x, y, x + rng.uniform(-1, 30), y + rng.uniform(-1, 15), f"w{n}"))
            self.assertEqual({frozenset((a[4], b[4])) for a, b in collisions(boxes)}, every_pair(boxes))

    def test_lines_set_close_enough_to_touch_are_swept_together(self):
        # The second line's word starts inside the first line's height, under its first word.
        boxes = [(0, 0, 10, 10, "a"), (20, 0, 30, 10, "b"), (0, 5, 10, 15, "c")]
        self.assertEqual({frozenset((a[4], b[4])) for a, b in collisions(boxes)}, {frozenset(("a", "c"))})


class CheckerTest(unittest.TestCase):
    def test_a_clean_page_passes_the_placement_checks(self):
        result = props(CLEAN)
        self.assertTrue(result["collide"], result)
        self.assertTrue(result["edges"], result)

    def test_words_drawn_over_each_other_fail(self):
        result = props(CLEAN + [(73, 701, 12, "Over")])
        self.assertFalse(result["collide"], result)
        self.assertTrue(result["edges"], result)

    def test_a_word_near_an_edge_fails(self):
        result = props(CLEAN + [(300, 780, 12, "Edge")])
        self.assertFalse(result["edges"], result)
        self.assertTrue(result["collide"], result)

    def test_text_checks_the_text_only_and_fails_on_absent_text(self):
        # --text: beside the shared pdfcheck, which checks the placement itself.
        self.assertEqual(props(CLEAN + [(73, 701, 12, "Over")], "--text", "--expect", "apart"),
                         {"expect": True, "poppler": True})
        self.assertFalse(props(CLEAN, "--text", "--expect", "Absent")["expect"])


class RecordedPassTest(unittest.TestCase):
    RECORDED = "a pass of the same checks on the same bytes"

    def test_a_pass_is_recorded_for_the_same_bytes_and_checks_only(self):
        # --text: the fixture's font is not embedded, which the whole check fails on.
        with tempfile.TemporaryDirectory() as tmp:
            cache = os.path.join(tmp, "cache")
            first, second, other = (os.path.join(tmp, name) for name in ("a.pdf", "b.pdf", "c.pdf"))
            for path, words in ((first, CLEAN), (second, CLEAN), (other, CLEAN + [(72, 660, 12, "More")])):
                with open(path, "wb") as f:
                    f.write(one_page_pdf(words))
            done = run_props(first, "--text", "--expect", "apart", cache=cache)
            self.assertEqual(done.returncode, 0, done.stdout)
            self.assertNotIn(self.RECORDED, done.stdout)
            # The same bytes under another name: the recorded pass.
            done = run_props(second, "--text", "--expect", "apart", cache=cache)
            self.assertEqual(done.returncode, 0, done.stdout)
            self.assertIn(self.RECORDED, done.stdout)
            # Other bytes or other options: checked again.
            done = run_props(other, "--text", "--expect", "apart", cache=cache)
            self.assertEqual(done.returncode, 0, done.stdout)
            self.assertNotIn(self.RECORDED, done.stdout)
            self.assertNotIn(self.RECORDED, run_props(second, "--text", "--expect", "Clean", cache=cache).stdout)
            # A failure is never recorded.
            for _ in range(2):
                done = run_props(second, "--text", "--expect", "absent", cache=cache)
                self.assertEqual(done.returncode, 1, done.stdout)
                self.assertNotIn(self.RECORDED, done.stdout)

if __name__ == "__main__":
    unittest.main()
