"""One pass over a page's content stream (and the form XObjects it draws), recording what the
checks ask: which painting operators run outside marked content, the marked-content nesting
(MCIDs, Artifacts, ActualText), the text shown under each MCID, the codes shown with each font,
graphics-state nesting, operators, rendering intents, colour spaces, extended graphics states,
images and transparency."""
import binascii
import re
from collections import Counter
from dataclasses import dataclass, field
from decimal import Decimal

import pikepdf

from .fonts import FontInfo, name_of

TEXT_SHOW = {"Tj", "TJ", "'", '"'}
PATH_PAINT = {"S", "s", "f", "F", "f*", "B", "B*", "b", "b*", "sh"}
# ISO 32000-1 Annex A: every operator a content stream may use (BI/ID/EI arrive as one).
OPERATORS = set("""b B b* B* BDC BMC BT BX c cm CS cs d d0 d1 Do DP EMC ET EX f F f* G g gs h i
    j J K k l m M MP n q Q re RG rg ri s S SC sc SCN scn sh T* Tc Td TD Tf TJ Tj TL Tm Tr Ts Tw Tz
    v w W W* y ' \"""".split()) | {"INLINE IMAGE"}
DEVICE_OPERATORS = {"rg": "DeviceRGB", "RG": "DeviceRGB", "g": "DeviceGray", "G": "DeviceGray",
                    "k": "DeviceCMYK", "K": "DeviceCMYK"}
# The operators the scan reads: qpdf drops the others (positioning, path construction) before
# they reach Python, which halves a text page's cost. An inline image arrives as EI from such a
# parse, as "INLINE IMAGE" from a whole one.
WALKED = TEXT_SHOW | PATH_PAINT | set(DEVICE_OPERATORS) | {
    "q", "Q", "BDC", "BMC", "EMC", "Tf", "Tr", "Do", "cs", "CS", "ri", "gs", "EI"}
SCANNED = " ".join(sorted(WALKED))
WALKED = WALKED | {"INLINE IMAGE"}
NUMBERS = (int, float, Decimal)
MAX_FORM_DEPTH = 8


@dataclass
class Marked:
    """One open marked-content sequence, with what holds from it down to the outermost (asked
    for every operator: kept here rather than searched for along the stack each time)."""
    tag: str
    mcid: object = None
    artifact: bool = False
    actual_text: object = None
    inner_mcid: object = None      # its own MCID, else the nearest enclosing one
    in_artifact: bool = False      # it or an enclosing sequence is an Artifact
    silent: bool = False           # it or an enclosing sequence has an ActualText


@dataclass
class FontUse:
    """A font and the codes shown with it across the document: code -> rendered (text
    rendering mode other than 3, invisible) at least once."""
    info: FontInfo
    codes: dict = field(default_factory=dict)
    pages: set = field(default_factory=set)
    shown: dict = field(default_factory=dict)   # string -> (its text, rendered): words repeat


@dataclass
class PageScan:
    index: int
    untagged: Counter = field(default_factory=Counter)   # kind -> operators outside marked content
    artifact_in_tagged: int = 0
    tagged_in_artifact: int = 0
    unbalanced: int = 0                                   # EMC without BMC/BDC, or left open
    mcids: Counter = field(default_factory=Counter)       # MCID -> times it opens on the page
    mcid_text: dict = field(default_factory=dict)         # MCID -> [text pieces]
    form_mcids: int = 0                                   # MCIDs inside form XObjects (not modelled)
    max_q_depth: int = 0
    intents: set = field(default_factory=set)
    colour_spaces: list = field(default_factory=list)     # colour space objects or names used
    ext_gstates: list = field(default_factory=list)
    images: list = field(default_factory=list)            # image XObject streams drawn
    forms: list = field(default_factory=list)
    transparency: bool = False
    missing_resources: set = field(default_factory=set)   # "Font /F3" ...
    error: str = ""


def inherited(page_dict, key):
    """A page attribute, looked up through the page tree as ISO 32000-1 7.7.3.4 inherits it."""
    node, seen = page_dict, 0
    while isinstance(node, pikepdf.Dictionary) and seen < 64:
        if key in node:
            return node[key]
        node, seen = node.get("/Parent"), seen + 1
    return None


def _resource(resources, category, key):
    if not isinstance(resources, pikepdf.Dictionary):
        return None
    group = resources.get(category)
    return group.get(key) if isinstance(group, pikepdf.Dictionary) else None


class _Walker:
    def __init__(self, scan, fonts):
        self.scan = scan
        self.fonts = fonts
        self.stack = []
        self.q_depth = 0

    # --- marked content ----------------------------------------------------------------------

    def _current_mcid(self):
        return self.stack[-1].inner_mcid if self.stack else None

    def _open(self, tag, props, in_form):
        m = Marked(tag=tag, artifact=(tag == "/Artifact"))
        if isinstance(props, pikepdf.Dictionary):
            mcid = props.get("/MCID")
            if isinstance(mcid, int):
                m.mcid = int(mcid)
            text = props.get("/ActualText")
            if isinstance(text, pikepdf.String):
                m.actual_text = str(text)
        outer = self.stack[-1] if self.stack else None
        tagged_before = outer is not None and outer.inner_mcid is not None
        artifact_before = outer is not None and outer.in_artifact
        silent_before = outer is not None and outer.silent
        if m.artifact and tagged_before:
            self.scan.artifact_in_tagged += 1
        if m.mcid is not None and artifact_before:
            self.scan.tagged_in_artifact += 1
        if m.mcid is not None:
            if in_form:
                self.scan.form_mcids += 1
            else:
                self.scan.mcids[m.mcid] += 1
        m.inner_mcid = m.mcid if m.mcid is not None else (outer.inner_mcid if outer is not None else None)
        m.in_artifact = m.artifact or artifact_before
        m.silent = m.actual_text is not None or silent_before
        self.stack.append(m)
        if m.actual_text is not None and not silent_before:
            self._text(m.actual_text)

    def _text(self, text):
        mcid = self._current_mcid()
        if mcid is not None:
            self.scan.mcid_text.setdefault(mcid, []).append(text)

    def _paint(self, kind):
        top = self.stack[-1] if self.stack else None
        if top is None or (top.inner_mcid is None and not top.in_artifact):
            self.scan.untagged[kind] += 1

    # --- the walk ------------------------------------------------------------------------------

    def walk(self, instructions, resources, depth=0):
        font, render_mode = None, 0
        for ins in instructions:
            op = str(ins.operator)
            if op not in WALKED:
                continue
            if op in TEXT_SHOW:
                self._paint("text")
                self._show(font, render_mode, op, ins.operands)
            elif op in PATH_PAINT:
                self._paint("path")
            elif op in DEVICE_OPERATORS:
                self.scan.colour_spaces.append(DEVICE_OPERATORS[op])
            elif op == "q":
                self.q_depth += 1
                self.scan.max_q_depth = max(self.scan.max_q_depth, self.q_depth)
            elif op == "Q":
                self.q_depth = max(0, self.q_depth - 1)
            elif op in ("BDC", "BMC"):
                operands = list(ins.operands)
                props = operands[1] if op == "BDC" and len(operands) > 1 else None
                if isinstance(props, pikepdf.Name):
                    props = _resource(resources, "/Properties", props)
                self._open(str(operands[0]) if operands else "", props, depth > 0)
            elif op == "EMC":
                if self.stack:
                    self.stack.pop()
                else:
                    self.scan.unbalanced += 1
            elif op == "Tf":
                font = self._font(resources, ins.operands[0]) if len(ins.operands) else None
            elif op == "Tr" and len(ins.operands):
                render_mode = int(ins.operands[0])
            elif op == "EI" or op == "INLINE IMAGE":
                self._paint("image")
            elif op == "Do" and len(ins.operands):
                self._draw(resources, ins.operands[0], depth)
            elif op in ("cs", "CS") and len(ins.operands):
                space = ins.operands[0]
                found = _resource(resources, "/ColorSpace", space)
                self.scan.colour_spaces.append(found if found is not None else str(space)[1:])
            elif op == "ri" and len(ins.operands):
                self.scan.intents.add(name_of(ins.operands[0]))
            elif op == "gs" and len(ins.operands):
                key = ins.operands[0]
                state = _resource(resources, "/ExtGState", key)
                if state is None:
                    self.scan.missing_resources.add(f"ExtGState {key}")
                else:
                    self.scan.ext_gstates.append(state)
                    self.scan.transparency |= _transparent_state(state)

    def _font(self, resources, key):
        font = _resource(resources, "/Font", key)
        if not isinstance(font, pikepdf.Dictionary):
            self.scan.missing_resources.add(f"Font {key}")
            return None
        ident = font.objgen if font.is_indirect else ("direct", self.scan.index, str(key))
        use = self.fonts.get(ident)
        if use is None:
            use = self.fonts[ident] = FontUse(FontInfo(font))
        use.pages.add(self.scan.index)
        return use

    def _show(self, use, render_mode, op, operands):
        if use is None or not len(operands):
            return
        if op == "TJ":
            strings = _tj_strings(operands[0])
        else:
            strings = (bytes(operands[len(operands) - 1]),)
        top = self.stack[-1] if self.stack else None
        # Text under an ActualText is read from it; text outside any MCID goes nowhere.
        reader = None if top is None or top.silent or top.inner_mcid is None \
            else self.scan.mcid_text.setdefault(top.inner_mcid, [])
        rendered = render_mode != 3
        shown = use.shown
        for data in strings:
            known = shown.get(data)
            if known is None or (rendered and not known[1]):
                codes = use.info.codes(data)
                for code in codes:
                    use.codes[code] = use.codes.get(code, False) or rendered
                known = shown[data] = ("".join(use.info.unicode(c) or "\ufffd" for c in codes),
                                       rendered or (known is not None and known[1]))
            if reader is not None:
                reader.append(known[0])

    def _draw(self, resources, key, depth):
        xobject = _resource(resources, "/XObject", key)
        if not isinstance(xobject, pikepdf.Stream):
            self.scan.missing_resources.add(f"XObject {key}")
            return
        subtype = name_of(xobject.get("/Subtype"))
        if subtype == "Image":
            self._paint("image")
            self.scan.images.append(xobject)
            if "/SMask" in xobject or int(xobject.get("/SMaskInData", 0)) > 0:
                self.scan.transparency = True
            if not xobject.get("/ImageMask", False):
                self.scan.colour_spaces.append(xobject.get("/ColorSpace"))
        elif subtype == "Form":
            self.scan.forms.append(xobject)
            group = xobject.get("/Group")
            if isinstance(group, pikepdf.Dictionary) and name_of(group.get("/S")) == "Transparency":
                self.scan.transparency = True
            if depth < MAX_FORM_DEPTH:
                inner = xobject.get("/Resources")
                try:
                    instructions = pikepdf.parse_content_stream(xobject, SCANNED)
                except pikepdf.PdfError as e:
                    self.scan.error = f"form XObject {key}: {e}"
                    return
                self.walk(instructions, inner if isinstance(inner, pikepdf.Dictionary) else resources, depth + 1)
        else:
            self._paint("image")  # PostScript XObjects draw too; 6.2.9 reports them
            self.scan.forms.append(xobject)


_HEX_STRING = re.compile(rb"<([0-9A-Fa-f\s]*)>")


def _tj_strings(array):
    """The strings of a TJ array. qpdf writes a string as hex when it is not plain text (the
    glyph codes of composite fonts always are): then one unparse and a regular expression read
    them, five times faster than an element-by-element walk of the pikepdf array. qpdf writes
    the digits in pairs without white space, which unhexlify reads as they are (a third of the
    time of removing white space first); anything else is read as ISO 32000-1 7.3.4.3 says."""
    text = array.unparse()
    if b"(" not in text:
        out = []
        for digits in _HEX_STRING.findall(text):
            try:
                out.append(binascii.unhexlify(digits))
            except binascii.Error:  # white space, or an odd digit count (a final 0 implied)
                digits = re.sub(rb"\s", b"", digits)
                out.append(binascii.unhexlify(digits + b"0" if len(digits) % 2 else digits))
        return out
    return [bytes(s) for s in array if type(s) not in NUMBERS]


def _transparent_state(state):
    for key in ("/CA", "/ca"):
        value = state.get(key)
        if value is not None and float(value) < 1:
            return True
    mask = state.get("/SMask")
    if mask is not None and name_of(mask) != "None":
        return True
    blend = state.get("/BM")
    modes = list(blend) if isinstance(blend, pikepdf.Array) else [blend] if blend is not None else []
    return any(name_of(m) not in ("Normal", "Compatible") for m in modes)


def scan_page(page, index, fonts, operators=None):
    """Scans one page; `fonts` (shared by the whole document) gathers the codes per font. With
    `operators` (an OperatorScan: the PDF/A checks will ask for every operator) the stream is
    parsed whole, once for both, rather than filtered for this scan and whole for that one."""
    scan = PageScan(index=index)
    walker = _Walker(scan, fonts)
    try:
        instructions = pikepdf.parse_content_stream(page, SCANNED if operators is None else "")
    except pikepdf.PdfError as e:
        scan.error = str(e)
        return scan
    if operators is not None:
        _record_operators(instructions, operators)
    walker.walk(instructions, inherited(page.obj, "/Resources"))
    scan.unbalanced += len(walker.stack)
    return scan


@dataclass
class OperatorScan:
    """What only the PDF/A checks need, from a full parse: undefined operators and inline
    images' dictionaries."""
    unknown_operators: set = field(default_factory=set)
    inline_images: list = field(default_factory=list)


def scan_operators(page):
    out = OperatorScan()
    try:
        instructions = pikepdf.parse_content_stream(page)
    except pikepdf.PdfError:
        return out  # the main scan reports the unreadable stream
    _record_operators(instructions, out)
    return out


def _record_operators(instructions, out):
    for ins in instructions:
        op = str(ins.operator)
        if op == "INLINE IMAGE":
            out.inline_images.append(ins.iimage.obj)
        elif op not in OPERATORS:
            out.unknown_operators.add(op)
