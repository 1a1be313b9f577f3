#!/usr/bin/python3
"""Tests of pdf_standard_check.py: a tagged PDF/UA-1 + PDF/A-2u fixture (pdf_standard_fixture.py)
passes every check, and each change that breaks one condition makes exactly the checks that
guard it fail (no more: a check that fires on a good file is as wrong as one that never fires).

Run by ctest as tools.pdf_standard_check, or directly: tests/tools/test_pdf_standard_check.py
"""
import os
import subprocess
import sys
import tempfile
import unittest
from pathlib import Path

try:
    import pikepdf
except ImportError:  # Debian's pikepdf is visible to Debian's interpreter only
    if os.path.realpath(sys.executable) != os.path.realpath("/usr/bin/python3") and os.path.exists("/usr/bin/python3"):
        os.execv("/usr/bin/python3", ["/usr/bin/python3", *sys.argv])
    raise

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

import pdf_standard_check  # noqa: E402,F401  (registers the checks)
from pdf_standard_fixture import Tagged, icc_header, xmp_packet  # noqa: E402
from pdfstd import struct_text  # noqa: E402
from pdfstd.document import Doc  # noqa: E402
from pdfstd.registry import REGISTRY, Report  # noqa: E402

ALL = ("ua1", "a2b", "a2u")
CHECKER = HERE / "pdf_standard_check.py"


class CheckerTest(unittest.TestCase):
    def setUp(self):
        self.tmp = tempfile.TemporaryDirectory()
        self.addCleanup(self.tmp.cleanup)
        self.count = 0

    def save(self, doc, **options):
        self.count += 1
        return doc.save(os.path.join(self.tmp.name, f"{self.id().split('.')[-1]}-{self.count}.pdf"), **options)

    def failed(self, path, profiles=ALL):
        doc = Doc(path)
        doc.profiles = list(profiles)
        report = Report(sys.maxsize)
        report.run(doc, [c for c in REGISTRY if c.profiles & set(profiles)])
        self.assertEqual(report.crashed, {}, "a check crashed")
        return {c.id for c in report.failed()}, report

    def expect(self, doc, expected, profiles=ALL, **save_options):
        """The checks that fail on `doc` under `profiles` are exactly `expected`."""
        failed, report = self.failed(self.save(doc, **save_options), profiles)
        self.assertEqual(failed, set(expected), "\n" + "\n".join(report.lines()))
        return report


def drop(obj, key):
    del obj[key]


def put(obj, key, value):
    obj[key] = value


def append(doc, *chunks):
    doc.content.extend(chunks)


def new_elements(doc, kind, count):
    """`count` empty elements of `kind` added at the end of the Document."""
    made = [doc._elem(f"{kind}{i}", kind, doc.elems["document"], pikepdf.Array()) for i in range(count)]
    doc.elems["document"].K.extend(made)
    return made


def with_state(doc, state):
    doc.page.Resources.ExtGState = pikepdf.Dictionary(GS1=pikepdf.Dictionary(state))
    append(doc, "/Artifact BMC /GS1 gs EMC")


def with_smask(doc):
    drop(doc.catalog, "/OutputIntents")
    doc.image.SMask = doc.pdf.make_stream(b"\x80", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image, Width=1,
                                          Height=1, ColorSpace=pikepdf.Name.DeviceGray, BitsPerComponent=8)


Name = pikepdf.Name
JS = pikepdf.Dictionary(S=Name.JavaScript, JS=pikepdf.String("app.alert(1)"))

# One change each to the fixture, and exactly the checks it must make fail (all profiles).
ONE_CHANGE = [
    # marked content
    ("untagged text run", lambda d: append(d, d.text("", "", "loose words", 72, 300)), {"MH-01-005"}),
    ("untagged path and image", lambda d: append(d, "72 200 m 100 200 l S", "q 10 0 0 10 72 100 cm /Im1 Do Q"),
     {"MH-01-005"}),
    ("MCID missing from the ParentTree", lambda d: put(d.mcid_owners, 3, None), {"MH-01-005"}),
    ("ParentTree names an element that does not reference the MCID",
     lambda d: put(d.mcid_owners, 3, d.elems["h2"]), {"MH-01-005"}),
    ("Artifact inside tagged content",
     lambda d: put(d.content, 1, d.content[1].replace("BDC", "BDC /Artifact BMC", 1) + " EMC"), {"MH-01-003"}),
    ("tagged content inside an Artifact", lambda d: put(d.content, 1, f"/Artifact BMC {d.content[1]} EMC"),
     {"MH-01-004"}),
    ("MCID opened twice", lambda d: append(d, d.text("/Span", "<</MCID 0>>", "again", 72, 300)), {"UA1-mcid-refs"}),
    ("element references an MCID the page lacks", lambda d: put(d.elems["h2"], "/K", pikepdf.Array([8, 9])),
     {"UA1-mcid-refs"}),
    ("EMC without BMC", lambda d: append(d, "EMC"), {"UA1-mcid-refs"}),
    # structure tree
    ("no structure tree", lambda d: drop(d.catalog, "/StructTreeRoot"), {"UA1-struct-root", "MH-01-005", "MH-28-011"}),
    ("no ParentTree", lambda d: drop(d.root, "/ParentTree"), {"UA1-parent-tree", "MH-01-005", "MH-28-011"}),
    ("page without StructParents", lambda d: drop(d.page, "/StructParents"), {"UA1-parent-tree", "MH-01-005"}),
    ("element whose /P is wrong", lambda d: put(d.elems["h2"], "/P", d.elems["p"]), {"UA1-struct-root"}),
    ("unmapped non-standard type", lambda d: put(d.elems["p"], "/S", Name("/Para")), {"MH-02-001"}),
    ("role-mapped non-standard type", lambda d: (put(d.elems["p"], "/S", Name("/Para")),
                                                 put(d.root, "/RoleMap", pikepdf.Dictionary(Para=Name.P))), set()),
    ("standard type remapped", lambda d: put(d.root, "/RoleMap", pikepdf.Dictionary(P=Name.Span)), {"MH-02-004"}),
    ("circular role map", lambda d: (put(d.elems["p"], "/S", Name("/Para")), put(
        d.root, "/RoleMap", pikepdf.Dictionary(Para=Name("/Body"), Body=Name("/Para")))), {"MH-02-003"}),
    ("skipped heading level", lambda d: put(d.elems["h2"], "/S", Name.H3), {"MH-14-003"}),
    ("first heading not H1", lambda d: put(d.elems["h1"], "/S", Name.H2), {"MH-14-002"}),
    ("H and numbered headings", lambda d: put(d.elems["h2"], "/S", Name.H), {"MH-14-007"}),
    ("Figure without Alt", lambda d: drop(d.elems["figure"], "/Alt"), {"MH-13-004"}),
    ("TH without Scope", lambda d: drop(d.elems["th"], "/A"), {"MH-15-003"}),
    ("table without header cells", lambda d: put(d.elems["th"], "/S", Name.TD), {"PP-table-th"}),
    ("table rows outside TR", lambda d: put(d.elems["tr"], "/S", Name.TBody), {"MH-09-004"}),
    ("list item that is not LI", lambda d: put(d.elems["li"], "/S", Name.P), {"MH-09-005"}),
    ("TOCI outside a TOC", lambda d: new_elements(d, "TOCI", 1), {"MH-09-006"}),
    ("Notes without ID or with one ID twice",
     lambda d: [put(n, "/ID", pikepdf.String("fn-1")) for n in new_elements(d, "Note", 3)[1:]],
     {"MH-19-003", "MH-19-004"}),
    # catalog and metadata
    ("no /Lang", lambda d: drop(d.catalog, "/Lang"), {"MH-11-001"}),
    ("/Lang that is not a language tag", lambda d: put(d.elems["p"], "/Lang", pikepdf.String("english please")),
     {"MH-11-001"}),
    ("no ViewerPreferences", lambda d: drop(d.catalog, "/ViewerPreferences"), {"MH-07-001"}),
    ("DisplayDocTitle false", lambda d: put(d.catalog.ViewerPreferences, "/DisplayDocTitle", False), {"MH-07-002"}),
    ("MarkInfo Marked false", lambda d: put(d.catalog.MarkInfo, "/Marked", False), {"UA1-markinfo"}),
    ("MarkInfo Suspects true", lambda d: put(d.catalog.MarkInfo, "/Suspects", True), {"MH-01-007"}),
    ("no XMP", lambda d: setattr(d, "xmp", None),
     {"MH-06-001", "MH-06-002", "MH-06-003", "PP-info-xmp", "A2-6.6.2.1-1", "A2-6.6.4"}),
    ("no pdfuaid", lambda d: setattr(d, "xmp", xmp_packet(ua_part=None)), {"MH-06-002"}),
    ("no dc:title", lambda d: setattr(d, "xmp", xmp_packet(title=None)), {"MH-06-003", "PP-info-xmp"}),
    ("Info /Title differs from the XMP", lambda d: put(d.info, "/Title", "Another title"), {"PP-info-xmp"}),
    ("pdfaid:part 1", lambda d: setattr(d, "xmp", xmp_packet(a_part="1")), {"A2-6.6.4"}),
    ("xpacket bytes attribute", lambda d: setattr(d, "xmp", xmp_packet(header_extra=' bytes="2048"')),
     {"A2-6.6.2.1-2"}),
    ("malformed XMP", lambda d: setattr(d, "xmp", xmp_packet().replace(b"</rdf:RDF>", b"")),
     {"A2-6.6.2.1-4", "A2-6.6.4", "MH-06-001", "MH-06-002", "MH-06-003", "PP-info-xmp"}),
    # annotations and actions
    ("link annotation outside the structure", lambda d: drop(d.annot, "/StructParent"), {"MH-28-011"}),
    ("Link element without OBJR", lambda d: drop(d.elems["link"].K, -1), {"MH-28-011"}),
    ("link without /Contents", lambda d: drop(d.annot, "/Contents"), {"MH-28-012"}),
    ("page with annotations and no /Tabs", lambda d: drop(d.page, "/Tabs"), {"MH-28-008"}),
    ("/Tabs /R", lambda d: put(d.page, "/Tabs", Name.R), {"MH-28-009"}),
    ("annotation without /F", lambda d: drop(d.annot, "/F"), {"A2-6.3.2-1"}),
    ("hidden annotation", lambda d: put(d.annot, "/F", 6), {"A2-6.3.2-2"}),
    ("JavaScript action", lambda d: put(d.catalog, "/OpenAction", JS), {"A2-6.5.1-1"}),
    # fonts
    ("font not embedded", lambda d: drop(d.descriptor, "/FontFile2"), {"MH-31-009", "A2-6.2.11.4-1"}),
    ("no ToUnicode", lambda d: setattr(d, "with_tounicode", False), {"MH-10-001", "A2-6.2.11.7-1"}),
    ("code mapped to U+0000", lambda d: put(d.unicode, "A", "\x00"), {"MH-31-028", "A2-6.2.11.7-2"}),
    ("code mapped to U+FEFF", lambda d: put(d.unicode, "A", "\ufeff"), {"MH-31-029", "A2-6.2.11.7-2"}),
    ("width differs from the program", lambda d: put(d.widths, "A", 900), {"MH-31-016", "A2-6.2.11.5-1"}),
    ("code selects .notdef", lambda d: put(d.glyphs, "A", 0), {"MH-31-030", "A2-6.2.11.8-1"}),
    ("glyph beyond the program", lambda d: put(d.glyphs, "A", 60000), {"MH-31-011", "A2-6.2.11.4-2"}),
    # PDF/A file structure and graphics
    ("LZW and external streams", lambda d: (
        put(d.page.Resources.XObject, "/X9", d.pdf.make_stream(b"\x80\x0b\x60\x50", Filter=Name.LZWDecode)),
        put(d.page.Resources.XObject, "/X8", d.pdf.make_stream(b"", F=pikepdf.String("outside.bin")))),
     {"A2-6.1.7-3", "A2-6.1.7-4"}),
    ("q nested 30 deep", lambda d: append(d, "/Artifact BMC " + "q " * 30 + "Q " * 30 + "EMC"), {"A2-6.1.13"}),
    ("name longer than 127 bytes", lambda d: put(d.catalog, "/PieceInfo", d.ind({"/V": Name("/" + "n" * 128)})),
     {"A2-6.1.13"}),
    ("integer above 2^31-1", lambda d: put(d.catalog, "/PieceInfo", d.ind({"/V": 2 ** 31})), {"A2-6.1.13"}),
    ("integer below -2^31", lambda d: put(d.catalog, "/PieceInfo", d.ind({"/V": -2 ** 31 - 1})), {"A2-6.1.13"}),
    ("name and integer at the limits", lambda d: put(d.catalog, "/PieceInfo", d.ind(
        {"/V": Name("/" + "n" * 127), "/W": 2 ** 31 - 1, "/X": -2 ** 31})), set()),
    ("undefined operator", lambda d: append(d, "/Artifact BMC 1 2 frobnicate EMC"), {"A2-6.2.2-1"}),
    ("resource named but missing", lambda d: append(d, "/Artifact BMC q /Im7 Do Q EMC"), {"A2-6.2.2-2"}),
    ("no output intent", lambda d: drop(d.catalog, "/OutputIntents"), {"PP-output-intent", "A2-6.2.4.3"}),
    ("output profile of the scanner class",
     lambda d: d.catalog.OutputIntents[0].DestOutputProfile.write(icc_header(device_class=b"scnr")), {"A2-6.2.3-1"}),
    ("output profile of ICC version 5",
     lambda d: d.catalog.OutputIntents[0].DestOutputProfile.write(icc_header(version=0x05000000)), {"A2-6.2.3-1"}),
    ("CMYK image under an RGB intent", lambda d: (put(d.image, "/ColorSpace", Name.DeviceCMYK),
                                                  d.image.write(b"\x00\x10\x20\x30")), {"A2-6.2.4.3"}),
    ("interpolated image", lambda d: put(d.image, "/Interpolate", True), {"A2-6.2.8"}),
    ("blend mode outside ISO 32000-1", lambda d: with_state(d, {"/BM": Name("/Frobnicate")}), {"A2-6.2.10-1"}),
    ("transfer function", lambda d: with_state(d, {"/TR": Name.Identity}), {"A2-6.2.5"}),
    ("rendering intent outside ISO 32000-1", lambda d: with_state(d, {"/RI": Name("/Vivid")}), {"A2-6.2.6-1"}),
    ("soft mask without an output intent or a page group colour space", with_smask,
     {"PP-output-intent", "A2-6.2.4.3", "A2-6.2.10-2"}),
]

# One change whose verdict depends on the profile: {profile: the checks that fail}.
BY_PROFILE = [
    ("pdfaid:conformance B", lambda d: setattr(d, "xmp", xmp_packet(conformance="B")),
     {"a2b": set(), "a2u": {"A2-6.6.4"}}),
    ("pdfuaid without a PDF/A extension schema", lambda d: setattr(d, "xmp", xmp_packet(extension=False)),
     {"ua1": set(), "a2b": {"A2-6.6.2.3-7"}}),
    ("no ToUnicode", lambda d: setattr(d, "with_tounicode", False),
     {"ua1": {"MH-10-001"}, "a2b": set(), "a2u": {"A2-6.2.11.7-1"}}),
]


def _drop_trailer_id(data):
    at = data.rindex(b"/ID [")
    end = data.index(b"]", at) + 1
    return data[:at] + b" " * (end - at) + data[end:]


class FixtureTest(CheckerTest):
    def test_the_fixture_passes_every_check(self):
        _, report = self.failed(self.save(Tagged()))
        self.assertEqual(len(report.ran), len(REGISTRY))
        self.assertEqual(report.failed(), [], "\n" + "\n".join(report.lines()))

    def test_each_change_fails_exactly_its_checks(self):
        for what, change, expected in ONE_CHANGE:
            with self.subTest(what):
                doc = Tagged()
                change(doc)
                self.expect(doc, expected)

    def test_each_change_by_profile(self):
        for what, change, verdicts in BY_PROFILE:
            doc = Tagged()
            change(doc)
            path = self.save(doc)
            for profile, expected in verdicts.items():
                with self.subTest(what, profile=profile):
                    self.assertEqual(self.failed(path, [profile])[0], expected)

    def test_an_inline_image_is_read_by_either_parse(self):
        # Checked for PDF/UA alone, the page is parsed filtered (its inline image arrives as
        # EI); with PDF/A, whole, once for both scans ("INLINE IMAGE"): untagged either way.
        doc = Tagged()
        append(doc, "q 10 0 0 10 72 100 cm BI /W 1 /H 1 /CS /G /BPC 8 /Interpolate true ID A EI Q")
        path = self.save(doc)
        self.assertEqual(self.failed(path, ["ua1"])[0], {"MH-01-005"})
        self.assertEqual(self.failed(path, ALL)[0], {"MH-01-005", "A2-6.2.8"})

    def test_changes_to_the_written_file(self):
        edits = {"A2-6.1.3-1": _drop_trailer_id,  # no trailer /ID
                 "A2-6.1.3-3": lambda data: data + b"trailing garbage\n",
                 "A2-6.1.2-2": lambda data: data[:9] + b"%abcd" + data[14:]}  # no binary comment
        for check, edit in edits.items():
            with self.subTest(check):
                self.expect(Tagged(), {check}, raw_edit=edit)

    def test_pdf_14_header_fails_ua_only(self):
        self.expect(Tagged(), {"UA1-version"}, version="1.4")

    def test_encrypted_without_accessibility_permission(self):
        # R 3: qpdf sets the accessibility bit itself from R 4 on.
        locked = pikepdf.Encryption(owner="owner", user="", R=3, aes=False, metadata=False,
                                    allow=pikepdf.Permissions(accessibility=False))
        self.expect(Tagged(), {"MH-26-002", "A2-6.1.3-2"}, encryption=locked)

    def test_a_finding_names_what_and_where(self):
        doc = Tagged()
        append(doc, "72 200 m 100 200 l S", "q 10 0 0 10 72 100 cm /Im1 Do Q")
        doc.widths["A"] = 900
        lines = "\n".join(self.expect(doc, {"MH-01-005", "MH-31-016", "A2-6.2.11.5-1"}).lines())
        self.assertIn("FAIL MH-01-005 [ISO 14289-1 7.1] page 1: 1 image, 1 path painting operators", lines)
        self.assertRegex(lines, r"FAIL MH-31-016 \[ISO 14289-1 7.21\] page 1, obj \d+ 0 R: font JetBrainsMono-Regular: "
                                r"1 glyphs' widths differ .* 0x0041: 900 in /W")


class StructTextTest(CheckerTest):
    def test_reading_order_with_text(self):
        doc = Doc(self.save(Tagged()))
        self.assertEqual(struct_text.lines(doc), [
            "Document",
            "  H1: A heading",
            "  P: Read the docs",
            "  Figure [Alt: A blue square]",
            "  Table",
            "    TR",
            "      TH: Name",
            "      TD: Value",
            "  L",
            "    LI",
            "      Lbl: 1.",
            "      LBody: First item",
            "  H2: A section",
        ])

    def test_a_tj_array_reads_as_its_strings(self):
        # Kerning numbers between the strings; qpdf writes them back as hex, with or without
        # white space and with an odd digit count in the source (a final 0 implied).
        doc = Tagged()
        doc.content[2] = ("/P <</MCID 1>> BDC BT /F1 11 Tf 72 720 Td "
                          "[<0052 0065> -120 <00610064> 250 <0020007400680065002>] TJ ET EMC")
        self.assertIn("  P: Read the docs", struct_text.lines(Doc(self.save(doc))))

    def test_actual_text_replaces_the_glyphs_and_soft_hyphens_go(self):
        doc = Tagged()
        doc.content[2] = doc.text("/P", "<</MCID 1>>", "Read the\u00ad", 72, 720)
        doc.content[9] = doc.content[9].replace("BDC", "BDC /Span <</ActualText (Section one)>> BDC", 1) + " EMC"
        lines = struct_text.lines(Doc(self.save(doc)))
        self.assertIn("  P: Read thedocs", lines)
        self.assertIn("  H2: Section one", lines)


class CommandLineTest(CheckerTest):
    def run_checker(self, *args):
        return subprocess.run([sys.executable, str(CHECKER), *args], capture_output=True, text=True)

    def test_exit_codes_and_output(self):
        good = self.save(Tagged())
        done = self.run_checker(good, "--profile", "ua1", "--profile", "a-2b,a2u")
        self.assertEqual(done.returncode, 0, done.stdout + done.stderr)
        self.assertRegex(done.stdout, r"^PASS .* \(ua1, a2b, a2u\): \d+ checks passed, 0 failed\n$")
        doc = Tagged()
        del doc.catalog.Lang
        bad = self.save(doc)
        done = self.run_checker(bad)
        self.assertEqual(done.returncode, 1)
        self.assertEqual(done.stdout.splitlines()[0],
                         "FAIL MH-11-001 [ISO 14289-1 7.2]: the catalog has no /Lang")
        self.assertRegex(done.stdout.splitlines()[-1], r"^FAIL .*: \d+ checks passed, 1 failed: MH-11-001$")
        self.assertEqual(self.run_checker(good, "--profile", "a3u").returncode, 2)
        self.assertEqual(self.run_checker(os.path.join(self.tmp.name, "absent.pdf")).returncode, 2)

    def test_lines_per_check_are_capped(self):
        doc = Tagged()
        doc.content += [doc.text("", "", f"loose {i}", 72, 300) for i in range(3)]
        for _ in range(3):
            doc.pdf.add_blank_page(page_size=(595, 842))
            doc.pdf.pages[-1].obj.Contents = doc.pdf.make_stream(b"0 0 1 1 re f")
        done = self.run_checker(self.save(doc), "--max-lines", "2")
        lines = [line for line in done.stdout.splitlines() if line.startswith("FAIL MH-01-005")]
        self.assertEqual(len(lines), 3)
        self.assertTrue(lines[-1].endswith("... and 2 more like these"))

    def test_struct_text_of_an_untagged_file(self):
        doc = Tagged()
        del doc.catalog.StructTreeRoot
        done = self.run_checker(self.save(doc), "--struct-text")
        self.assertEqual(done.returncode, 1)
        self.assertIn("no structure tree", done.stdout)


if __name__ == "__main__":
    unittest.main(verbosity=1)
