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


class FixtureTest(CheckerTest):
    def test_the_fixture_passes_every_check(self):
        self.expect(Tagged(), set())

    def test_every_check_ran(self):
        _, report = self.failed(self.save(Tagged()))
        self.assertEqual(len(report.ran), len(REGISTRY))


class MarkedContentTest(CheckerTest):
    def test_untagged_text_run(self):
        doc = Tagged()
        doc.content.append(doc.text("", "", "loose words", 72, 300))
        self.expect(doc, {"MH-01-005"})

    def test_untagged_path_and_image(self):
        doc = Tagged()
        doc.content += ["72 200 m 100 200 l S", "q 10 0 0 10 72 100 cm /Im1 Do Q"]
        report = self.expect(doc, {"MH-01-005"})
        self.assertIn("1 image, 1 path painting operators", "\n".join(report.lines()))

    def test_mcid_missing_from_the_parent_tree(self):
        doc = Tagged()
        doc.mcid_owners[3] = None
        self.expect(doc, {"MH-01-005"})

    def test_parent_tree_names_an_element_that_does_not_reference_the_mcid(self):
        doc = Tagged()
        doc.mcid_owners[3] = doc.elems["h2"]
        self.expect(doc, {"MH-01-005"})

    def test_artifact_inside_tagged_content(self):
        doc = Tagged()
        doc.content[1] = doc.content[1].replace("BDC", "BDC /Artifact BMC", 1) + " EMC"
        self.expect(doc, {"MH-01-003"})

    def test_tagged_content_inside_an_artifact(self):
        doc = Tagged()
        doc.content[1] = "/Artifact BMC " + doc.content[1] + " EMC"
        self.expect(doc, {"MH-01-004"})

    def test_mcid_opened_twice(self):
        doc = Tagged()
        doc.content.append(doc.text("/Span", "<</MCID 0>>", "again", 72, 300))
        self.expect(doc, {"UA1-mcid-refs"})

    def test_element_references_an_mcid_the_page_lacks(self):
        doc = Tagged()
        doc.elems["h2"].K = pikepdf.Array([8, 9])
        self.expect(doc, {"UA1-mcid-refs"})

    def test_unbalanced_emc(self):
        doc = Tagged()
        doc.content.append("EMC")
        self.expect(doc, {"UA1-mcid-refs"})


class StructureTreeTest(CheckerTest):
    def test_no_structure_tree(self):
        doc = Tagged()
        del doc.catalog.StructTreeRoot
        self.expect(doc, {"UA1-struct-root", "MH-01-005", "MH-28-011"})

    def test_no_parent_tree(self):
        doc = Tagged()
        del doc.root.ParentTree
        self.expect(doc, {"UA1-parent-tree", "MH-01-005", "MH-28-011"})

    def test_page_without_struct_parents(self):
        doc = Tagged()
        del doc.page.StructParents
        self.expect(doc, {"UA1-parent-tree", "MH-01-005"})

    def test_element_whose_parent_pointer_is_wrong(self):
        doc = Tagged()
        doc.elems["h2"].P = doc.elems["p"]
        self.expect(doc, {"UA1-struct-root"})

    def test_unmapped_non_standard_type(self):
        doc = Tagged()
        doc.elems["p"].S = pikepdf.Name("/Para")
        self.expect(doc, {"MH-02-001"})

    def test_role_mapped_non_standard_type_passes(self):
        doc = Tagged()
        doc.elems["p"].S = pikepdf.Name("/Para")
        doc.root.RoleMap = pikepdf.Dictionary(Para=pikepdf.Name.P)
        self.expect(doc, set())

    def test_standard_type_remapped(self):
        doc = Tagged()
        doc.root.RoleMap = pikepdf.Dictionary(P=pikepdf.Name.Span)
        self.expect(doc, {"MH-02-004"})

    def test_circular_role_map(self):
        doc = Tagged()
        doc.elems["p"].S = pikepdf.Name("/Para")
        doc.root.RoleMap = pikepdf.Dictionary(Para=pikepdf.Name("/Body"), Body=pikepdf.Name("/Para"))
        self.expect(doc, {"MH-02-003"})

    def test_skipped_heading_level(self):
        doc = Tagged()
        doc.elems["h2"].S = pikepdf.Name.H3
        self.expect(doc, {"MH-14-003"})

    def test_first_heading_not_h1(self):
        doc = Tagged()
        doc.elems["h1"].S = pikepdf.Name.H2
        self.expect(doc, {"MH-14-002"})

    def test_h_and_numbered_headings(self):
        doc = Tagged()
        doc.elems["h2"].S = pikepdf.Name.H
        self.expect(doc, {"MH-14-007"})

    def test_figure_without_alt(self):
        doc = Tagged()
        del doc.elems["figure"].Alt
        self.expect(doc, {"MH-13-004"})

    def test_th_without_scope(self):
        doc = Tagged()
        del doc.elems["th"].A
        self.expect(doc, {"MH-15-003"})

    def test_table_without_header_cells(self):
        doc = Tagged()
        doc.elems["th"].S = pikepdf.Name.TD
        self.expect(doc, {"PP-table-th"})

    def test_table_rows_outside_tr(self):
        doc = Tagged()
        doc.elems["tr"].S = pikepdf.Name.TBody
        self.expect(doc, {"MH-09-004"})

    def test_list_item_that_is_not_li(self):
        doc = Tagged()
        doc.elems["li"].S = pikepdf.Name.P
        self.expect(doc, {"MH-09-005"})

    def test_toci_outside_toc(self):
        doc = Tagged()
        toci = doc._elem("toci", "TOCI", doc.elems["document"], pikepdf.Array())
        doc.elems["document"].K.append(toci)
        self.expect(doc, {"MH-09-006"})

    def test_notes_need_unique_ids(self):
        doc = Tagged()
        notes = [doc._elem(f"note{i}", "Note", doc.elems["document"], pikepdf.Array()) for i in range(3)]
        doc.elems["document"].K.extend(notes)
        notes[1].ID = notes[2].ID = pikepdf.String("fn-1")
        report = self.expect(doc, {"MH-19-003", "MH-19-004"})
        self.assertEqual(len(report.findings["MH-19-003"]), 1)


class DocumentTest(CheckerTest):
    def test_no_lang(self):
        doc = Tagged()
        del doc.catalog.Lang
        self.expect(doc, {"MH-11-001"})

    def test_lang_that_is_not_a_language_tag(self):
        doc = Tagged()
        doc.elems["p"].Lang = pikepdf.String("english please")
        self.expect(doc, {"MH-11-001"})

    def test_display_doc_title_missing_or_false(self):
        doc = Tagged()
        del doc.catalog.ViewerPreferences
        self.expect(doc, {"MH-07-001"})
        doc = Tagged()
        doc.catalog.ViewerPreferences.DisplayDocTitle = False
        self.expect(doc, {"MH-07-002"})

    def test_mark_info(self):
        doc = Tagged()
        doc.catalog.MarkInfo.Marked = False
        self.expect(doc, {"UA1-markinfo"})
        doc = Tagged()
        doc.catalog.MarkInfo.Suspects = True
        self.expect(doc, {"MH-01-007"})

    def test_pdf_14_header_fails_ua_only(self):
        doc = Tagged()
        self.expect(doc, {"UA1-version"}, version="1.4")

    def test_no_xmp(self):
        doc = Tagged()
        doc.xmp = None
        self.expect(doc, {"MH-06-001", "MH-06-002", "MH-06-003", "PP-info-xmp", "A2-6.6.2.1-1", "A2-6.6.4"})

    def test_no_pdfua_identification(self):
        doc = Tagged()
        doc.xmp = xmp_packet(ua_part=None)
        self.expect(doc, {"MH-06-002"})

    def test_no_dc_title(self):
        doc = Tagged()
        doc.xmp = xmp_packet(title=None)
        self.expect(doc, {"MH-06-003", "PP-info-xmp"})

    def test_info_title_differs_from_xmp(self):
        doc = Tagged()
        doc.info["/Title"] = "Another title"
        self.expect(doc, {"PP-info-xmp"})


class AnnotationTest(CheckerTest):
    def test_link_annotation_outside_the_structure(self):
        doc = Tagged()
        del doc.annot.StructParent
        self.expect(doc, {"MH-28-011"})

    def test_link_element_without_objr(self):
        doc = Tagged()
        del doc.elems["link"].K[-1]
        self.expect(doc, {"MH-28-011"})

    def test_link_without_contents(self):
        doc = Tagged()
        del doc.annot.Contents
        self.expect(doc, {"MH-28-012"})

    def test_tabs(self):
        doc = Tagged()
        del doc.page.Tabs
        self.expect(doc, {"MH-28-008"})
        doc = Tagged()
        doc.page.Tabs = pikepdf.Name.R
        self.expect(doc, {"MH-28-009"})

    def test_annotation_flags(self):
        doc = Tagged()
        del doc.annot.F
        self.expect(doc, {"A2-6.3.2-1"})
        doc = Tagged()
        doc.annot.F = 6
        self.expect(doc, {"A2-6.3.2-2"})

    def test_javascript_action(self):
        doc = Tagged()
        doc.catalog.OpenAction = pikepdf.Dictionary(S=pikepdf.Name.JavaScript, JS=pikepdf.String("app.alert(1)"))
        self.expect(doc, {"A2-6.5.1-1"})


class FontTest(CheckerTest):
    def test_font_not_embedded(self):
        doc = Tagged()
        del doc.descriptor.FontFile2
        self.expect(doc, {"MH-31-009", "A2-6.2.11.4-1"})

    def test_no_tounicode_fails_ua_and_a2u_not_a2b(self):
        doc = Tagged()
        doc.with_tounicode = False
        self.expect(doc, {"MH-10-001", "A2-6.2.11.7-1"})
        self.assertEqual(self.failed(self.save(doc), ["a2b"])[0], set())

    def test_code_mapped_to_nul(self):
        doc = Tagged()
        doc.unicode["A"] = "\x00"
        self.expect(doc, {"MH-31-028", "A2-6.2.11.7-2"})

    def test_code_mapped_to_byte_order_mark(self):
        doc = Tagged()
        doc.unicode["A"] = "\ufeff"
        self.expect(doc, {"MH-31-029", "A2-6.2.11.7-2"})

    def test_width_differs_from_the_program(self):
        doc = Tagged()
        doc.widths["A"] = 900
        report = self.expect(doc, {"MH-31-016", "A2-6.2.11.5-1"})
        self.assertIn("0x0041", "\n".join(report.lines()))

    def test_notdef(self):
        doc = Tagged()
        doc.glyphs["A"] = 0
        self.expect(doc, {"MH-31-030", "A2-6.2.11.8-1"})

    def test_glyph_beyond_the_program(self):
        doc = Tagged()
        doc.glyphs["A"] = 60000
        self.expect(doc, {"MH-31-011", "A2-6.2.11.4-2"})


def _drop_trailer_id(data):
    at = data.rindex(b"/ID [")
    end = data.index(b"]", at) + 1
    return data[:at] + b" " * (end - at) + data[end:]


class PdfaFileTest(CheckerTest):
    def test_no_file_identifier(self):
        self.expect(Tagged(), {"A2-6.1.3-1"}, raw_edit=_drop_trailer_id)

    def test_data_after_eof(self):
        self.expect(Tagged(), {"A2-6.1.3-3"}, raw_edit=lambda data: data + b"trailing garbage\n")

    def test_header_without_binary_comment(self):
        self.expect(Tagged(), {"A2-6.1.2-2"}, raw_edit=lambda data: data[:9] + b"%abcd" + data[14:])

    def test_encrypted_without_accessibility_permission(self):
        doc = Tagged()
        # R 3: qpdf sets the accessibility bit itself from R 4 on.
        locked = pikepdf.Encryption(owner="owner", user="", R=3, aes=False, metadata=False,
                                    allow=pikepdf.Permissions(accessibility=False))
        self.expect(doc, {"MH-26-002", "A2-6.1.3-2"}, encryption=locked)

    def test_lzw_and_external_streams(self):
        doc = Tagged()
        doc.page.Resources.XObject.X9 = doc.pdf.make_stream(b"\x80\x0b\x60\x50", Filter=pikepdf.Name.LZWDecode)
        doc.page.Resources.XObject.X8 = doc.pdf.make_stream(b"", F=pikepdf.String("outside.bin"))
        self.expect(doc, {"A2-6.1.7-3", "A2-6.1.7-4"})

    def test_graphics_state_nested_too_deep(self):
        doc = Tagged()
        doc.content.append("/Artifact BMC " + "q " * 30 + "Q " * 30 + "EMC")
        self.expect(doc, {"A2-6.1.13"})

    def test_name_and_integer_beyond_the_limits(self):
        for value in (pikepdf.Name("/" + "n" * 128), 2 ** 31, -2 ** 31 - 1):
            doc = Tagged()
            doc.catalog.PieceInfo = doc.ind({"/Value": value})
            self.expect(doc, {"A2-6.1.13"})
        doc = Tagged()
        doc.catalog.PieceInfo = doc.ind({"/Value": pikepdf.Name("/" + "n" * 127), "/Other": 2 ** 31 - 1})
        self.expect(doc, set())

    def test_undefined_operator(self):
        doc = Tagged()
        doc.content.append("/Artifact BMC 1 2 frobnicate EMC")
        self.expect(doc, {"A2-6.2.2-1"})

    def test_resource_named_but_missing(self):
        doc = Tagged()
        doc.content.append("/Artifact BMC q /Im7 Do Q EMC")
        self.expect(doc, {"A2-6.2.2-2"})


class PdfaGraphicsTest(CheckerTest):
    def test_no_output_intent(self):
        doc = Tagged()
        del doc.catalog.OutputIntents
        self.expect(doc, {"PP-output-intent", "A2-6.2.4.3"})

    def test_output_profile_of_the_wrong_class_or_version(self):
        for header in (icc_header(device_class=b"scnr"), icc_header(version=0x05000000)):
            doc = Tagged()
            doc.catalog.OutputIntents[0].DestOutputProfile.write(header)
            self.expect(doc, {"A2-6.2.3-1"})

    def test_cmyk_image_under_an_rgb_intent(self):
        doc = Tagged()
        doc.image.ColorSpace = pikepdf.Name.DeviceCMYK
        doc.image.write(b"\x00\x10\x20\x30")
        self.expect(doc, {"A2-6.2.4.3"})

    def test_interpolated_image(self):
        doc = Tagged()
        doc.image.Interpolate = True
        self.expect(doc, {"A2-6.2.8"})

    def test_extended_graphics_states(self):
        cases = [({"/BM": pikepdf.Name("/Frobnicate")}, "A2-6.2.10-1"),
                 ({"/TR": pikepdf.Name.Identity}, "A2-6.2.5"),
                 ({"/RI": pikepdf.Name("/Vivid")}, "A2-6.2.6-1")]
        for state, check in cases:
            doc = Tagged()
            doc.page.Resources.ExtGState = pikepdf.Dictionary(GS1=pikepdf.Dictionary(state))
            doc.content.append("/Artifact BMC /GS1 gs EMC")
            self.expect(doc, {check})

    def test_transparency_needs_an_output_intent_or_group_colour_space(self):
        doc = Tagged()
        del doc.catalog.OutputIntents
        doc.image.write(b"\x20\x40\xc0")
        doc.image.SMask = doc.pdf.make_stream(b"\x80", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                              Width=1, Height=1, ColorSpace=pikepdf.Name.DeviceGray,
                                              BitsPerComponent=8)
        self.expect(doc, {"PP-output-intent", "A2-6.2.4.3", "A2-6.2.10-2"})


class PdfaMetadataTest(CheckerTest):
    def test_wrong_part(self):
        doc = Tagged()
        doc.xmp = xmp_packet(a_part="1")
        self.expect(doc, {"A2-6.6.4"})

    def test_conformance_b_is_enough_for_a2b_not_a2u(self):
        doc = Tagged()
        doc.xmp = xmp_packet(conformance="B")
        path = self.save(doc)
        self.assertEqual(self.failed(path, ["a2b"])[0], set())
        self.assertEqual(self.failed(path, ["a2u"])[0], {"A2-6.6.4"})

    def test_pdfuaid_needs_an_extension_schema_in_pdfa_only(self):
        doc = Tagged()
        doc.xmp = xmp_packet(extension=False)
        path = self.save(doc)
        self.assertEqual(self.failed(path, ["ua1"])[0], set())
        self.assertEqual(self.failed(path, ["a2b"])[0], {"A2-6.6.2.3-7"})

    def test_xpacket_bytes_attribute(self):
        doc = Tagged()
        doc.xmp = xmp_packet(header_extra=' bytes="2048"')
        self.expect(doc, {"A2-6.6.2.1-2"})

    def test_malformed_xmp(self):
        doc = Tagged()
        doc.xmp = xmp_packet().replace(b"</rdf:RDF>", b"")
        self.expect(doc, {"A2-6.6.2.1-4", "A2-6.6.4", "MH-06-001", "MH-06-002", "MH-06-003", "PP-info-xmp"})


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
