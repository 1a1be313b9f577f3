"""The PDF under check, with what several checks read computed once: the bytes at both ends of
the file, the pages, one scan of every page's content, the structure tree, the XMP packet and
the fonts with the codes shown in them."""
import os

import pikepdf

from .content import OperatorScan, scan_operators, scan_page
from .fonts import name_of
from .structure import StructTree
from .xmp import Xmp

EDGE_BYTES = 2048
PDFA_PROFILES = {"a2b", "a2u"}  # whose checks ask for every operator of a page


class Doc:
    def __init__(self, path):
        self.path = path
        size = os.path.getsize(path)
        with open(path, "rb") as f:
            self.head = f.read(EDGE_BYTES)
            f.seek(max(0, size - EDGE_BYTES))
            self.tail = f.read()
        self.pdf = pikepdf.open(path)
        self.catalog = self.pdf.Root
        self.pages = list(self.pdf.pages)
        self.page_index = {p.obj.objgen: i for i, p in enumerate(self.pages)}
        self._scans = None
        self._operator_scans = None
        self._annotations = None
        self._objects = None
        self._fonts = {}
        self._struct = None
        self._xmp = None

    # --- where things are, as printed in findings --------------------------------------------

    @staticmethod
    def ref(obj):
        return f"{obj.objgen[0]} {obj.objgen[1]} R" if getattr(obj, "is_indirect", False) else "direct object"

    def page_ref(self, index):
        return self.ref(self.pages[index].obj)

    # --- computed once ------------------------------------------------------------------------

    @property
    def scans(self):
        if self._scans is None:
            # When PDF/A's checks will ask for every operator, each page is parsed whole once
            # for both scans (kubeflow's blog: 1 CPU s less than a filtered parse and a whole one).
            operators = None
            if PDFA_PROFILES & set(getattr(self, "profiles", None) or ()) and self._operator_scans is None:
                operators = [OperatorScan() for _ in self.pages]
            self._scans = [scan_page(p, i, self._fonts, operators[i] if operators else None)
                           for i, p in enumerate(self.pages)]
            if operators:
                self._operator_scans = operators
        return self._scans

    @property
    def operator_scans(self):
        """Per page, from a full parse: undefined operators and inline images (PDF/A only)."""
        if self._operator_scans is None:
            self._operator_scans = [scan_operators(p) for p in self.pages]
        return self._operator_scans

    @property
    def fonts(self):
        """{font key: FontUse} for every font a page shows text with."""
        _ = self.scans
        return self._fonts

    @property
    def struct(self):
        if self._struct is None:
            self._struct = StructTree(self.pdf, self.page_index)
        return self._struct

    @property
    def xmp(self):
        """The catalog's XMP packet, or None when there is no metadata stream."""
        if self._xmp is None:
            stream = self.catalog.get("/Metadata")
            if isinstance(stream, pikepdf.Stream):
                try:
                    self._xmp = Xmp(stream.read_bytes())
                except pikepdf.PdfError as e:
                    self._xmp = Xmp(b"")
                    self._xmp.error = f"unreadable metadata stream ({e})"
        return self._xmp

    @property
    def info(self):
        info = self.pdf.trailer.get("/Info")
        return info if isinstance(info, pikepdf.Dictionary) else None

    def header_version(self):
        """The version the header states, overridden by a later catalog /Version (7.2.2)."""
        first = self.head.split(b"\n", 1)[0].split(b"\r", 1)[0]
        version = first[5:8].decode("latin-1") if first.startswith(b"%PDF-") else ""
        catalog = name_of(self.catalog.get("/Version"))
        return max(version, catalog) if catalog else version

    def annotations(self):
        """(page index, annotation dictionary) for every annotation of every page."""
        if self._annotations is None:
            self._annotations = []
            for i, page in enumerate(self.pages):
                annots = page.obj.get("/Annots")
                if isinstance(annots, pikepdf.Array):
                    # list() first: iterating a pikepdf Array itself is a hundred times slower.
                    self._annotations.extend((i, a) for a in list(annots) if isinstance(a, pikepdf.Dictionary))
        return self._annotations

    def annotations_without(self, wanted):
        """{page: [refs]} of the annotations for which `wanted(annotation)` is false: the
        annotation checks report them one line a page."""
        missing = {}
        for page, annot in self.annotations():
            if not wanted(annot):
                missing.setdefault(page, []).append(self.ref(annot))
        return missing

    def objects(self):
        """Every indirect dictionary, array and stream (for the checks that scan the whole file;
        scalars such as an indirect /Length arrive as Python values and are left out)."""
        if self._objects is None:
            self._objects = [o for o in self.pdf.objects
                             if isinstance(o, (pikepdf.Dictionary, pikepdf.Array, pikepdf.Stream)) and o.is_indirect]
        return self._objects
