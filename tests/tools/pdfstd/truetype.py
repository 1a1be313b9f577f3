"""The few tables of an embedded TrueType or OpenType font program the checks need: glyph count
(maxp), advance widths (head, hhea, hmtx) and the Unicode cmap (formats 4 and 12, used by the
tests to build fixtures). Anything malformed raises FontProgramError: a damaged program is a
finding, not a crash."""
import struct


class FontProgramError(ValueError):
    pass


class FontProgram:
    def __init__(self, data: bytes):
        self.data = data
        if len(data) < 12:
            raise FontProgramError("font program shorter than its header")
        (count,) = struct.unpack_from(">H", data, 4)
        self.tables = {}
        for i in range(count):
            at = 12 + 16 * i
            if at + 16 > len(data):
                raise FontProgramError("table directory runs past the end")
            tag, _, offset, length = struct.unpack_from(">4sIII", data, at)
            if offset + length > len(data):
                raise FontProgramError(f"table {tag.decode('latin-1')} runs past the end")
            self.tables[tag.decode("latin-1")] = (offset, length)
        head = self._table("head", 54)
        (self.units_per_em,) = struct.unpack_from(">H", data, head + 18)
        if not 16 <= self.units_per_em <= 16384:
            raise FontProgramError(f"unitsPerEm {self.units_per_em} out of range")
        (self.num_glyphs,) = struct.unpack_from(">H", data, self._table("maxp", 6) + 4)
        (self.num_hmetrics,) = struct.unpack_from(">H", data, self._table("hhea", 36) + 34)
        self._hmtx, hmtx_len = self.tables.get("hmtx", (0, 0))
        if self.num_hmetrics == 0 or hmtx_len < 4 * self.num_hmetrics:
            raise FontProgramError("hmtx shorter than hhea says")

    def _table(self, tag, min_length):
        if tag not in self.tables:
            raise FontProgramError(f"no {tag} table")
        offset, length = self.tables[tag]
        if length < min_length:
            raise FontProgramError(f"{tag} table too short")
        return offset

    def advance(self, gid: int) -> int:
        """The glyph's advance width in font units (the last long metric repeats)."""
        index = min(gid, self.num_hmetrics - 1)
        (width,) = struct.unpack_from(">H", self.data, self._hmtx + 4 * index)
        return width

    def advance_1000(self, gid: int) -> float:
        """The advance in the 1/1000 em units of a PDF /W array."""
        return self.advance(gid) * 1000.0 / self.units_per_em

    def glyph_for(self, char: str) -> int:
        """The glyph id the Unicode cmap gives a character (0 when none)."""
        if not hasattr(self, "_cmap"):
            self._cmap = self._read_unicode_cmap()
        return self._cmap(ord(char))

    def _read_unicode_cmap(self):
        base = self._table("cmap", 4)
        (count,) = struct.unpack_from(">H", self.data, base + 2)
        subtables = {}
        for i in range(count):
            platform, encoding, offset = struct.unpack_from(">HHI", self.data, base + 4 + 8 * i)
            subtables[(platform, encoding)] = base + offset
        for key in ((3, 10), (0, 4), (3, 1), (0, 3)):
            if key in subtables:
                at = subtables[key]
                (fmt,) = struct.unpack_from(">H", self.data, at)
                if fmt == 12:
                    return self._format12(at)
                if fmt == 4:
                    return self._format4(at)
        raise FontProgramError("no Unicode cmap of format 4 or 12")

    def _format4(self, at):
        (seg2,) = struct.unpack_from(">H", self.data, at + 6)
        segs = seg2 // 2
        ends = struct.unpack_from(f">{segs}H", self.data, at + 14)
        starts = struct.unpack_from(f">{segs}H", self.data, at + 16 + seg2)
        deltas = struct.unpack_from(f">{segs}h", self.data, at + 16 + 2 * seg2)
        range_at = at + 16 + 3 * seg2
        offsets = struct.unpack_from(f">{segs}H", self.data, range_at)

        def lookup(code):
            for i in range(segs):
                if starts[i] <= code <= ends[i]:
                    if offsets[i] == 0:
                        return (code + deltas[i]) & 0xFFFF
                    glyph_at = range_at + 2 * i + offsets[i] + 2 * (code - starts[i])
                    (gid,) = struct.unpack_from(">H", self.data, glyph_at)
                    return (gid + deltas[i]) & 0xFFFF if gid else 0
            return 0
        return lookup

    def _format12(self, at):
        (groups,) = struct.unpack_from(">I", self.data, at + 12)
        table = [struct.unpack_from(">III", self.data, at + 16 + 12 * i) for i in range(groups)]

        def lookup(code):
            for first, last, gid in table:
                if first <= code <= last:
                    return gid + code - first
            return 0
        return lookup
