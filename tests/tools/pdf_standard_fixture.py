"""A small tagged PDF that meets PDF/UA-1 and PDF/A-2u as pdf_standard_check.py reads them,
built with pikepdf, for the checker's own tests: each test changes one thing and expects the
check that guards it to fail (and the untouched document to pass every check).

One A4 page: a running head (Artifact), H1, a paragraph with a link (Link element with an OBJR
to its annotation), a figure (a one-pixel RGB image) with Alt, a table with a TH (Scope Column)
and a TD, a list item (Lbl + LBody), an H2 and a rule (Artifact). Text is set in
fonts/JetBrainsMono-Regular.ttf, embedded whole as a CIDFontType2 whose CIDs are the
characters' code points. The output intent profile is an ICC header without tags: enough for
the header checks this checker makes, and no profile file to depend on."""
import struct
from pathlib import Path

import pikepdf

from pdfstd.truetype import FontProgram

FONT = Path(__file__).resolve().parents[2] / "fonts" / "JetBrainsMono-Regular.ttf"
URI = "https://example.org/docs"


def icc_header(device_class=b"mntr", space=b"RGB ", version=0x02100000):
    """A 132-byte ICC profile: header and an empty tag table."""
    data = bytearray(132)
    struct.pack_into(">I", data, 0, len(data))
    struct.pack_into(">I", data, 8, version)
    data[12:16], data[16:20], data[20:24], data[36:40] = device_class, space, b"XYZ ", b"acsp"
    return bytes(data)


def xmp_packet(title="Fixture digest", ua_part="1", a_part="2", conformance="U", extension=True,
               header_extra=""):
    ua = f"<pdfuaid:part>{ua_part}</pdfuaid:part>" if ua_part is not None else ""
    a = (f"<pdfaid:part>{a_part}</pdfaid:part><pdfaid:conformance>{conformance}</pdfaid:conformance>"
         if a_part is not None else "")
    title_xml = (f'<dc:title><rdf:Alt><rdf:li xml:lang="x-default">{title}</rdf:li></rdf:Alt></dc:title>'
                 if title is not None else "")
    ext = """<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
      <pdfaSchema:schema>PDF/UA identification schema</pdfaSchema:schema>
      <pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
      <pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
      <pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
        <pdfaProperty:name>part</pdfaProperty:name><pdfaProperty:valueType>Integer</pdfaProperty:valueType>
        <pdfaProperty:category>internal</pdfaProperty:category>
        <pdfaProperty:description>PDF/UA version identifier</pdfaProperty:description>
      </rdf:li></rdf:Seq></pdfaSchema:property></rdf:li></rdf:Bag></pdfaExtension:schemas>""" if extension else ""
    return f"""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"{header_extra}?>
<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/"
  xmlns:pdf="http://ns.adobe.com/pdf/1.3/" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/"
  xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
  xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
{title_xml}<xmp:CreateDate>2025-11-30T00:00:00Z</xmp:CreateDate><pdf:Producer>fixture</pdf:Producer>
{ua}{a}{ext}
</rdf:Description></rdf:RDF></x:xmpmeta>
<?xpacket end="w"?>""".encode("utf-8")


def hex_text(text):
    return "<" + "".join(f"{ord(c):04X}" for c in text) + ">"


class Tagged:
    """The fixture, editable before save(): `content` (operator chunks in order), `elems` (the
    structure elements by name), `page`, `annot`, `catalog`, `xmp` (bytes, None for none),
    `info` and the font knobs `widths`, `unicode`, `glyphs` (overrides by character) and
    `with_tounicode`."""

    def __init__(self):
        self.pdf = pikepdf.new()
        self.program = FontProgram(FONT.read_bytes())
        self.chars = set()
        self.widths, self.unicode, self.glyphs = {}, {}, {}
        self.with_tounicode = True
        self.xmp = xmp_packet()
        self.pdf.add_blank_page(page_size=(595, 842))
        self.page = self.pdf.pages[0].obj
        self.catalog = self.pdf.Root
        self._structure()
        self._content()
        self._resources()
        self._catalog()

    def ind(self, d):
        return self.pdf.make_indirect(pikepdf.Dictionary(d))

    def text(self, tag, props, text, x, y, size=11):
        """Marked content showing `text` at (x, y) ('' tag: not marked)."""
        self.chars |= set(text)
        show = f"BT /F1 {size} Tf {x} {y} Td {hex_text(text)} Tj ET"
        return f"{tag} {props} BDC {show} EMC" if tag else show

    def _elem(self, name, kind, parent, kids, **extra):
        elem = self.ind({"/Type": pikepdf.Name.StructElem, "/S": pikepdf.Name("/" + kind), "/P": parent,
                         "/Pg": self.page, "/K": kids, **{"/" + k: v for k, v in extra.items()}})
        self.elems[name] = elem
        return elem

    def _structure(self):
        self.root = self.ind({"/Type": pikepdf.Name.StructTreeRoot})
        self.elems = {}
        doc = self._elem("document", "Document", self.root, pikepdf.Array())
        e = self._elem
        h1 = e("h1", "H1", doc, 0)
        p = e("p", "P", doc, pikepdf.Array([1]))
        link = e("link", "Link", p, pikepdf.Array([2]))
        p.K.append(link)
        fig = e("figure", "Figure", doc, 3, Alt=pikepdf.String("A blue square"))
        table = e("table", "Table", doc, pikepdf.Array())
        tr = e("tr", "TR", table, pikepdf.Array())
        th = e("th", "TH", tr, 4, A=pikepdf.Dictionary(O=pikepdf.Name.Table, Scope=pikepdf.Name.Column))
        td = e("td", "TD", tr, 5)
        table.K.append(tr)
        tr.K.extend([th, td])
        lst = e("list", "L", doc, pikepdf.Array())
        li = e("li", "LI", lst, pikepdf.Array())
        lbl, lbody = e("lbl", "Lbl", li, 6), e("lbody", "LBody", li, 7)
        lst.K.append(li)
        li.K.extend([lbl, lbody])
        h2 = e("h2", "H2", doc, 8)
        doc.K.extend([h1, p, fig, table, lst, h2])
        self.root.K = doc
        self.annot = self.ind({"/Type": pikepdf.Name.Annot, "/Subtype": pikepdf.Name.Link,
                               "/Rect": [250, 718, 290, 732], "/Border": [0, 0, 0], "/F": 4,
                               "/Contents": pikepdf.String("Link to the docs"), "/StructParent": 1, "/P": self.page,
                               "/A": pikepdf.Dictionary(S=pikepdf.Name.URI, URI=pikepdf.String(URI))})
        link.K.append(pikepdf.Dictionary(Type=pikepdf.Name.OBJR, Obj=self.annot, Pg=self.page))
        self.mcid_owners = pikepdf.Array([h1, p, link, fig, th, td, lbl, lbody, h2])
        self.root.ParentTree = self.ind({"/Nums": [0, self.mcid_owners, 1, link]})
        self.root.ParentTreeNextKey = 2
        self.page.StructParents = 0
        self.page.Annots = pikepdf.Array([self.annot])
        self.page.Tabs = pikepdf.Name.S

    def _content(self):
        t = self.text
        self.content = [
            t("/Artifact", "<</Type /Pagination /Subtype /Header>>", "Fixture digest", 72, 800, 8),
            t("/H1", "<</MCID 0>>", "A heading", 72, 760, 18),
            t("/P", "<</MCID 1>>", "Read the ", 72, 720),
            t("/Link", "<</MCID 2>>", "docs", 250, 720),
            "/Figure <</MCID 3>> BDC q 80 0 0 80 72 600 cm /Im1 Do Q EMC",
            t("/TH", "<</MCID 4>>", "Name", 72, 560),
            t("/TD", "<</MCID 5>>", "Value", 200, 560),
            t("/Lbl", "<</MCID 6>>", "1.", 72, 520),
            t("/LBody", "<</MCID 7>>", "First item", 90, 520),
            t("/H2", "<</MCID 8>>", "A section", 72, 480, 14),
            "/Artifact BMC 0 0 0 RG 72 470 m 523 470 l S EMC",
        ]

    def _resources(self):
        self.descriptor = self.ind({
            "/Type": pikepdf.Name.FontDescriptor, "/FontName": pikepdf.Name("/JetBrainsMono-Regular"),
            "/Flags": 32, "/FontBBox": [0, -300, 600, 1020], "/ItalicAngle": 0, "/Ascent": 1020,
            "/Descent": -300, "/CapHeight": 730, "/StemV": 80,
            "/FontFile2": self.pdf.make_stream(FONT.read_bytes())})
        self.cid_font = self.ind({
            "/Type": pikepdf.Name.Font, "/Subtype": pikepdf.Name.CIDFontType2,
            "/BaseFont": pikepdf.Name("/JetBrainsMono-Regular"), "/FontDescriptor": self.descriptor,
            "/CIDSystemInfo": pikepdf.Dictionary(Registry=pikepdf.String("Adobe"),
                                                 Ordering=pikepdf.String("Identity"), Supplement=0)})
        self.font = self.ind({
            "/Type": pikepdf.Name.Font, "/Subtype": pikepdf.Name.Type0,
            "/BaseFont": pikepdf.Name("/JetBrainsMono-Regular"), "/Encoding": pikepdf.Name("/Identity-H"),
            "/DescendantFonts": [self.cid_font]})
        self.image = self.pdf.make_stream(b"\x20\x40\xc0", Type=pikepdf.Name.XObject, Subtype=pikepdf.Name.Image,
                                          Width=1, Height=1, ColorSpace=pikepdf.Name.DeviceRGB, BitsPerComponent=8)
        self.page.Resources = pikepdf.Dictionary(Font=pikepdf.Dictionary(F1=self.font),
                                                 XObject=pikepdf.Dictionary(Im1=self.image))

    def _catalog(self):
        self.catalog.MarkInfo = pikepdf.Dictionary(Marked=True)
        self.catalog.Lang = pikepdf.String("en")
        self.catalog.ViewerPreferences = pikepdf.Dictionary(DisplayDocTitle=True)
        self.catalog.StructTreeRoot = self.root
        profile = self.pdf.make_stream(icc_header())
        profile.N = 3
        self.catalog.OutputIntents = pikepdf.Array([pikepdf.Dictionary(
            Type=pikepdf.Name.OutputIntent, S=pikepdf.Name.GTS_PDFA1, DestOutputProfile=profile,
            OutputConditionIdentifier=pikepdf.String("sRGB IEC61966-2.1"))])
        self.info = {"/Title": "Fixture digest", "/Producer": "fixture", "/CreationDate": "D:20251130000000Z"}

    def _font_tables(self):
        chars = sorted(self.chars, key=ord)
        gids = {c: self.glyphs.get(c, self.program.glyph_for(c)) for c in chars}
        table = bytearray(2 * (max(map(ord, chars)) + 1))
        for c, gid in gids.items():
            struct.pack_into(">H", table, 2 * ord(c), gid)
        self.cid_font.CIDToGIDMap = self.pdf.make_stream(bytes(table))
        self.cid_font.W = pikepdf.Array()
        for c in chars:
            width = self.widths.get(c, round(self.program.advance_1000(gids[c])))
            self.cid_font.W.extend([ord(c), pikepdf.Array([width])])
        lines = [f"<{ord(c):04X}> <{self.unicode.get(c, c).encode('utf-16-be').hex().upper()}>" for c in chars]
        cmap = ("/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                "/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                "/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                "1 begincodespacerange <0000> <FFFF> endcodespacerange\n"
                f"{len(lines)} beginbfchar\n" + "\n".join(lines) + "\nendbfchar\n"
                "endcmap CMapName currentdict /CMap defineresource pop end end\n")
        if self.with_tounicode:
            self.font.ToUnicode = self.pdf.make_stream(cmap.encode("ascii"))

    def save(self, path, version="1.7", raw_edit=None, **save_options):
        """Writes the PDF; `raw_edit(bytes) -> bytes` changes the file after it is written."""
        self._font_tables()
        self.page.Contents = self.pdf.make_stream("\n".join(self.content).encode("latin-1"))
        if self.xmp is not None:
            self.catalog.Metadata = self.pdf.make_stream(self.xmp, Type=pikepdf.Name.Metadata,
                                                         Subtype=pikepdf.Name.XML)
        self.pdf.trailer.Info = self.ind({k: pikepdf.String(v) for k, v in self.info.items()})
        # A static /ID keeps the file the same from run to run; qpdf drops encryption with one.
        self.pdf.save(path, force_version=version, static_id="encryption" not in save_options,
                      compress_streams=False, fix_metadata_version=False,
                      object_stream_mode=pikepdf.ObjectStreamMode.disable, **save_options)
        if raw_edit:
            data = Path(path).read_bytes()
            Path(path).write_bytes(raw_edit(data))
        return path
