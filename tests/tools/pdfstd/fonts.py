"""What a font dictionary tells about the codes a content stream shows with it: how a string
splits into codes, the Unicode text of each code (ToUnicode CMap), the glyph it selects in the
embedded program (CIDToGIDMap), its width in the font dictionary, and the program itself.

Only what our digests and common writers use is modelled exactly: composite fonts with
Identity-H/V or an embedded CMap's code space, CIDFontType2 glyph selection, and simple fonts'
one-byte codes and /Widths. Where the glyph cannot be told (CFF CIDFonts, simple TrueType fonts
without a mapping we model) gid() answers None and the glyph checks skip that code."""
import re

import pikepdf

from .truetype import FontProgram, FontProgramError

_TOKEN = re.compile(rb"<([0-9A-Fa-f\s]*)>|(\[)|(\])|/([^\s/\[\]<>()]+)|([A-Za-z]+)|(-?\d+)")
STANDARD_CMAPS_TWO_BYTE = re.compile(r"^(Identity|Uni\w+-(UCS2|UTF16))(-[HV])?$")


def name_of(obj):
    """A name object's text without the slash ('' for anything else)."""
    return str(obj)[1:] if isinstance(obj, pikepdf.Name) else ""


class CMap:
    """The parts of a CMap program the checks read: code space ranges and the code to
    Unicode mappings (bfchar, bfrange) of a ToUnicode CMap."""

    def __init__(self, data: bytes):
        self.codespace = []  # (byte length, low, high)
        self.chars = {}
        self.ranges = []  # (low, high, first destination bytes | [destination bytes...])
        self._cache = {}
        tokens = [m for m in _TOKEN.finditer(data)]
        i = 0
        while i < len(tokens):
            word = tokens[i].group(5)
            if word == b"begincodespacerange":
                i = self._pairs(tokens, i + 1, b"endcodespacerange", self._codespace)
            elif word == b"beginbfchar":
                i = self._pairs(tokens, i + 1, b"endbfchar", self._bfchar)
            elif word == b"beginbfrange":
                i = self._bfrange(tokens, i + 1)
            else:
                i += 1

    @staticmethod
    def _hex(token):
        text = token.group(1)
        if text is None:
            raise ValueError("expected a hex string")
        return bytes.fromhex(re.sub(rb"\s", b"", text).decode("ascii"))

    def _pairs(self, tokens, i, end, take):
        while i < len(tokens) and tokens[i].group(5) != end:
            take(self._hex(tokens[i]), self._hex(tokens[i + 1]))
            i += 2
        return i + 1

    def _codespace(self, low, high):
        self.codespace.append((len(low), int.from_bytes(low, "big"), int.from_bytes(high, "big")))

    def _bfchar(self, src, dst):
        self.chars[int.from_bytes(src, "big")] = dst

    def _bfrange(self, tokens, i):
        while i < len(tokens) and tokens[i].group(5) != b"endbfrange":
            low = int.from_bytes(self._hex(tokens[i]), "big")
            high = int.from_bytes(self._hex(tokens[i + 1]), "big")
            if tokens[i + 2].group(2):
                j, dsts = i + 3, []
                while not tokens[j].group(3):
                    dsts.append(self._hex(tokens[j]))
                    j += 1
                self.ranges.append((low, high, dsts))
                i = j + 1
            else:
                self.ranges.append((low, high, self._hex(tokens[i + 2])))
                i += 3
        return i + 1

    def unicode(self, code):
        """The UTF-16BE destination of a code, decoded ('\\x00' stays visible), or None."""
        if code in self._cache:
            return self._cache[code]
        dst = self.chars.get(code)
        if dst is None:
            for low, high, target in self.ranges:
                if low <= code <= high:
                    if isinstance(target, list):
                        dst = target[code - low] if code - low < len(target) else None
                    else:
                        # The last UTF-16 unit is incremented through the range.
                        value = int.from_bytes(target, "big") + code - low
                        dst = value.to_bytes(max(len(target), 2), "big")
                    break
        text = dst.decode("utf-16-be", "surrogatepass") if dst is not None else None
        self._cache[code] = text
        return text


class FontInfo:
    """One font dictionary, as the glyph checks and the text extraction read it."""

    def __init__(self, font):
        self.obj = font
        self.subtype = name_of(font.get("/Subtype"))
        self.base_font = name_of(font.get("/BaseFont"))
        self.descendant = None
        if self.subtype == "Type0":
            kids = font.get("/DescendantFonts")
            if isinstance(kids, pikepdf.Array) and len(kids) == 1 and isinstance(kids[0], pikepdf.Dictionary):
                self.descendant = kids[0]
        self.cid_font = self.descendant if self.descendant is not None else font
        descriptor = self.cid_font.get("/FontDescriptor")
        self.descriptor = descriptor if isinstance(descriptor, pikepdf.Dictionary) else None
        self.encoding = font.get("/Encoding")
        self.encoding_name = name_of(self.encoding)
        self._lengths = self._code_lengths()
        self._tounicode = None
        self.tounicode_error = None
        self._program = None
        self.program_error = None
        self._widths = None
        self._cid_to_gid = None

    # --- codes -------------------------------------------------------------------------------

    def _code_lengths(self):
        if self.subtype != "Type0":
            return [(1, 0, 0xFF)]
        if isinstance(self.encoding, pikepdf.Stream):
            try:
                spaces = CMap(self.encoding.read_bytes()).codespace
            except (ValueError, IndexError, pikepdf.PdfError):
                spaces = []
            if spaces:
                return sorted(spaces)
        return [(2, 0, 0xFFFF)]

    def codes(self, data: bytes):
        """The codes a shown string consists of, by the font's code space."""
        out, i = [], 0
        while i < len(data):
            for length, low, high in self._lengths:
                if i + length <= len(data) and low <= int.from_bytes(data[i:i + length], "big") <= high:
                    out.append(int.from_bytes(data[i:i + length], "big"))
                    i += length
                    break
            else:
                out.append(data[i])  # outside every range: one byte, as readers do
                i += 1
        return out

    @property
    def identity_cids(self):
        """Whether a code is its CID (composite fonts with the Identity CMaps)."""
        return self.subtype == "Type0" and self.encoding_name in ("Identity-H", "Identity-V")

    # --- Unicode -----------------------------------------------------------------------------

    @property
    def tounicode(self):
        if self._tounicode is None and self.tounicode_error is None:
            stream = self.obj.get("/ToUnicode")
            if not isinstance(stream, pikepdf.Stream):
                self.tounicode_error = "no ToUnicode CMap"
            else:
                try:
                    self._tounicode = CMap(stream.read_bytes())
                except (ValueError, IndexError, pikepdf.PdfError) as e:
                    self.tounicode_error = f"unreadable ToUnicode CMap ({e})"
        return self._tounicode

    def unicode(self, code):
        """The text of a code: its ToUnicode mapping, or for a simple font with a standard
        encoding that encoding's character; None when nothing maps it."""
        if self.tounicode is not None:
            text = self.tounicode.unicode(code)
            if text is not None:
                return text
        if self.subtype in ("Type1", "TrueType", "MMType1") and self.encoding_name in (
                "WinAnsiEncoding", "MacRomanEncoding"):
            return bytes([code]).decode("cp1252" if self.encoding_name == "WinAnsiEncoding" else "mac_roman",
                                        "replace")
        return None

    # --- glyphs and widths -------------------------------------------------------------------

    def embedded_stream(self):
        """The embedded font program as (descriptor key, stream), or (None, None)."""
        if self.descriptor is not None:
            for key in ("/FontFile", "/FontFile2", "/FontFile3"):
                stream = self.descriptor.get(key)
                if isinstance(stream, pikepdf.Stream):
                    return key, stream
        return None, None

    @property
    def program(self):
        """The embedded TrueType/OpenType program's metrics, or None (see program_error)."""
        if self._program is None and self.program_error is None:
            key, stream = self.embedded_stream()
            if stream is None:
                self.program_error = "not embedded"
            elif key != "/FontFile2" and name_of(stream.get("/Subtype")) != "OpenType":
                self.program_error = "not a TrueType or OpenType program"
            else:
                try:
                    self._program = FontProgram(stream.read_bytes())
                except (FontProgramError, pikepdf.PdfError) as e:
                    self.program_error = str(e)
        return self._program

    def gid(self, code):
        """The glyph a code selects in the embedded program, or None when not modelled."""
        if not self.identity_cids or name_of(self.cid_font.get("/Subtype")) != "CIDFontType2":
            return None
        if self._cid_to_gid is None:
            mapping = self.cid_font.get("/CIDToGIDMap")
            if isinstance(mapping, pikepdf.Stream):
                try:
                    self._cid_to_gid = mapping.read_bytes()
                except pikepdf.PdfError:
                    self._cid_to_gid = b""
            else:
                self._cid_to_gid = "identity"
        if self._cid_to_gid == "identity":
            return code
        at = 2 * code
        return int.from_bytes(self._cid_to_gid[at:at + 2], "big") if at + 2 <= len(self._cid_to_gid) else 0

    def width(self, code):
        """The width the font dictionary gives a code, in 1/1000 em (None when it gives none)."""
        if self.subtype == "Type0":
            if self._widths is None:
                self._widths = _cid_widths(self.cid_font.get("/W"))
            cid = code if self.identity_cids else None
            if cid is None:
                return None
            default = self.cid_font.get("/DW", 1000)
            return float(self._widths.get(cid, default))
        widths, first = self.obj.get("/Widths"), self.obj.get("/FirstChar")
        if isinstance(widths, pikepdf.Array) and isinstance(first, int) and 0 <= code - int(first) < len(widths):
            return float(widths[code - int(first)])
        return None


def _cid_widths(array):
    """A CIDFont /W array as {cid: width}."""
    out = {}
    if not isinstance(array, pikepdf.Array):
        return out
    items, i = list(array), 0
    while i + 1 < len(items):
        first = int(items[i])
        if isinstance(items[i + 1], pikepdf.Array):
            for k, w in enumerate(items[i + 1]):
                out[first + k] = float(w)
            i += 2
        elif i + 2 < len(items):
            for cid in range(first, int(items[i + 1]) + 1):
                out[cid] = float(items[i + 2])
            i += 3
        else:
            break
    return out
