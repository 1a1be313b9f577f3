// The subsetter: TrueType tables written by hand from the source font's, every glyph flattened
// by FontFile::glyphShape.
#include <algorithm>
#include <cstdint>
#include <map>

#include "postpress/fonts.h"
#include "postpress/support/deflate.h"

namespace pp {

namespace {

// One format 4 cmap holds at most this many segments (its length is a 16-bit number).
constexpr std::size_t kMaxSegments = 8000;

void put16(std::string& s, unsigned v) {
  s += static_cast<char>((v >> 8) & 0xFF);
  s += static_cast<char>(v & 0xFF);
}
void put32(std::string& s, std::uint32_t v) {
  put16(s, v >> 16);
  put16(s, v & 0xFFFF);
}
void set16(std::string& s, std::size_t at, unsigned v) {
  if (at + 2 > s.size()) return;
  s[at] = static_cast<char>((v >> 8) & 0xFF);
  s[at + 1] = static_cast<char>(v & 0xFF);
}
void set32(std::string& s, std::size_t at, std::uint32_t v) {
  set16(s, at, v >> 16);
  set16(s, at + 2, v & 0xFFFF);
}
std::uint32_t checksum(const std::string& t) {
  std::uint32_t sum = 0;
  for (std::size_t i = 0; i < t.size(); i += 4) {
    std::uint32_t w = 0;
    for (std::size_t k = 0; k < 4; ++k)
      w = (w << 8) | (i + k < t.size() ? static_cast<unsigned char>(t[i + k]) : 0u);
    sum += w;
  }
  return sum;
}

// The largest power of two not above n, and its log: the search hints TrueType's table
// directory and format 4 cmap carry (scaled by their entry sizes).
struct BinarySearch {
  unsigned power = 1, log = 0;
};
BinarySearch binarySearchFor(unsigned n) {
  BinarySearch b;
  while (b.power * 2 <= n) {
    b.power *= 2;
    ++b.log;
  }
  return b;
}

struct EncodedGlyph {
  std::string data;  // glyf entry, padded to 4 bytes; empty for a blank glyph
  int points = 0, contours = 0;
  int xMin = 0;
};

// Encodes a flattened outline (stb vertices) as a simple TrueType glyph. Coordinates are
// written as 16-bit deltas without flag compression: simple, and deflate shrinks it anyway.
EncodedGlyph encodeGlyph(const std::vector<FontFile::RawVertex>& v) {
  EncodedGlyph g;
  struct Pt {
    int x, y;
    bool on;
  };
  std::vector<std::vector<Pt>> contours;
  for (const auto& e : v) {
    switch (e.type) {
      case 1:  // move: a new contour starting at an on-curve point
        contours.push_back({{e.x, e.y, true}});
        break;
      case 2:
        if (!contours.empty()) contours.back().push_back({e.x, e.y, true});
        break;
      case 3:
        if (!contours.empty()) {
          contours.back().push_back({e.cx, e.cy, false});
          contours.back().push_back({e.x, e.y, true});
        }
        break;
      default:
        break;
    }
  }
  // stb closes each contour with a segment back to its start: TrueType closes implicitly.
  for (auto& c : contours)
    if (c.size() > 1 && c.back().on && c.back().x == c.front().x && c.back().y == c.front().y) c.pop_back();
  contours.erase(std::remove_if(contours.begin(), contours.end(), [](const auto& c) { return c.size() < 2; }),
                 contours.end());
  if (contours.empty() || contours.size() > 32767) return g;

  int xMin = 32767, yMin = 32767, xMax = -32768, yMax = -32768;
  std::vector<Pt> pts;
  std::vector<unsigned> ends;
  for (const auto& c : contours) {
    for (const auto& p : c) {
      xMin = std::min(xMin, p.x);
      yMin = std::min(yMin, p.y);
      xMax = std::max(xMax, p.x);
      yMax = std::max(yMax, p.y);
      pts.push_back(p);
    }
    ends.push_back(static_cast<unsigned>(pts.size() - 1));
  }
  if (pts.size() > 65535) return g;
  std::string& s = g.data;
  put16(s, static_cast<unsigned>(contours.size()));
  put16(s, static_cast<unsigned>(static_cast<std::uint16_t>(xMin)));
  put16(s, static_cast<unsigned>(static_cast<std::uint16_t>(yMin)));
  put16(s, static_cast<unsigned>(static_cast<std::uint16_t>(xMax)));
  put16(s, static_cast<unsigned>(static_cast<std::uint16_t>(yMax)));
  for (unsigned e : ends) put16(s, e);
  put16(s, 0);  // no instructions
  for (const auto& p : pts) s += static_cast<char>(p.on ? 1 : 0);
  int prev = 0;
  for (const auto& p : pts) {
    put16(s, static_cast<unsigned>(static_cast<std::uint16_t>(p.x - prev)));
    prev = p.x;
  }
  prev = 0;
  for (const auto& p : pts) {
    put16(s, static_cast<unsigned>(static_cast<std::uint16_t>(p.y - prev)));
    prev = p.y;
  }
  while (s.size() % 4) s += '\0';
  g.points = static_cast<int>(pts.size());
  g.contours = static_cast<int>(contours.size());
  g.xMin = xMin;
  return g;
}


// One segment of a format 4 cmap: codes start..end, drawn by glyph code+delta when `dense`
// (the codes are consecutive, and so are their glyphs), else by the glyphIdArray.
struct Segment {
  unsigned start, end;
  int delta;
  bool dense;
};

// Segments for `cps` (sorted, unique; glyph i+1 draws cps[i]), merging characters at most
// `gap` codes apart.
std::vector<Segment> segmentsWithGap(const std::vector<char32_t>& cps, unsigned gap) {
  std::vector<Segment> segs;
  for (std::size_t i = 0; i < cps.size(); ++i) {
    const unsigned c = cps[i];
    const int gid = static_cast<int>(i + 1);
    if (!segs.empty() && c - segs.back().end <= gap + 1) {
      Segment& s = segs.back();
      if (!(s.dense && s.end + 1 == c && static_cast<int>(c) + s.delta == gid)) s.dense = false;
      s.end = c;
    } else {
      segs.push_back({c, c, gid - static_cast<int>(c), true});
    }
  }
  segs.push_back({0xFFFF, 0xFFFF, 1, true});
  return segs;
}

std::size_t arrayEntries(const std::vector<Segment>& segs) {
  std::size_t n = 0;
  for (const auto& s : segs)
    if (!s.dense) n += s.end - s.start + 1;
  return n;
}

std::size_t subtableBytes(const std::vector<Segment>& segs) { return 16 + 8 * segs.size() + 2 * arrayEntries(segs); }

// The fewest segments whose subtable still fits its 16-bit length.
std::vector<Segment> cmapSegments(const std::vector<char32_t>& cps) {
  constexpr std::size_t kMaxBytes = 65535;
  for (unsigned gap = 512;; gap /= 2) {
    std::vector<Segment> segs = segmentsWithGap(cps, gap);
    if (subtableBytes(segs) <= kMaxBytes || gap == 0) return segs;
  }
}

std::string cmapFormat4(const std::vector<Segment>& segs, const std::vector<char32_t>& cps) {
  std::string sub;
  const unsigned segCount = static_cast<unsigned>(segs.size());
  const BinarySearch bs = binarySearchFor(segCount);
  const unsigned searchRange = bs.power * 2, entrySelector = bs.log;
  const std::size_t length = subtableBytes(segs);
  put16(sub, 4);
  put16(sub, static_cast<unsigned>(std::min<std::size_t>(length, 0xFFFF)));
  put16(sub, 0);
  put16(sub, segCount * 2);
  put16(sub, searchRange);
  put16(sub, entrySelector);
  put16(sub, segCount * 2 - searchRange);
  for (const auto& sg : segs) put16(sub, sg.end);
  put16(sub, 0);
  for (const auto& sg : segs) put16(sub, sg.start);
  for (const auto& sg : segs) put16(sub, sg.dense ? static_cast<unsigned>(static_cast<std::uint16_t>(sg.delta)) : 0u);
  // idRangeOffset: bytes from this entry to the segment's first glyphIdArray entry.
  std::size_t arrayAt = 0;
  for (std::size_t i = 0; i < segs.size(); ++i) {
    if (segs[i].dense) {
      put16(sub, 0);
      continue;
    }
    put16(sub, static_cast<unsigned>(2 * (segs.size() - i) + 2 * arrayAt));
    arrayAt += segs[i].end - segs[i].start + 1;
  }
  std::size_t next = 0;  // index into cps of the first code not yet written
  for (const auto& sg : segs) {
    if (sg.dense) {
      while (next < cps.size() && cps[next] <= sg.end) ++next;
      continue;
    }
    for (unsigned c = sg.start; c <= sg.end; ++c) {
      unsigned gid = 0;
      if (next < cps.size() && cps[next] == c) gid = static_cast<unsigned>(++next);
      put16(sub, gid);
    }
  }
  return sub;
}

}  // namespace

std::string glyphMapOf(const std::vector<char32_t>& glyphCodes) {
  char32_t last = 0;
  for (char32_t c : glyphCodes) last = std::max(last, c);
  std::string map(2 * (static_cast<std::size_t>(last) + 1), '\0');
  for (std::size_t i = 0; i < glyphCodes.size(); ++i) {
    const std::size_t at = 2 * static_cast<std::size_t>(glyphCodes[i]);
    const auto gid = static_cast<std::uint16_t>(i + 1);
    map[at] = static_cast<char>(gid >> 8);
    map[at + 1] = static_cast<char>(gid & 0xFF);
  }
  return map;
}

std::string buildSubsetFont(const FontFile& src, std::vector<GlyphCode> codes, std::string* error,
                            std::vector<char32_t>* glyphCodes) {
  auto fail = [&](const char* why) {
    if (error) *error = why;
    return std::string();
  };
  const std::string_view head = src.table("head"), hhea = src.table("hhea"), maxp = src.table("maxp"),
                         os2 = src.table("OS/2"), name = src.table("name");
  if (head.size() < 54 || hhea.size() < 36 || maxp.size() < 6 || os2.empty() || name.empty())
    return fail("the font lacks a table a PDF font needs");

  std::sort(codes.begin(), codes.end(), [](const GlyphCode& a, const GlyphCode& b) { return a.code < b.code; });
  codes.erase(std::unique(codes.begin(), codes.end(),
                          [](const GlyphCode& a, const GlyphCode& b) { return a.code == b.code; }),
              codes.end());
  codes.erase(std::remove_if(codes.begin(), codes.end(),
                             [&](const GlyphCode& c) { return c.code > 0xFFFE || src.glyphIndex(c.source) == 0; }),
              codes.end());
  std::vector<char32_t> cps;
  for (const auto& c : codes) cps.push_back(c.code);
  if (glyphCodes) *glyphCodes = cps;

  // Glyph i+1 draws cps[i]; glyph 0 is the source's .notdef.
  std::vector<int> sourceGlyphs{0};
  for (const auto& c : codes) sourceGlyphs.push_back(src.glyphIndex(c.source));
  const std::size_t numGlyphs = sourceGlyphs.size();
  if (numGlyphs > 65535) return fail("too many glyphs");

  std::string glyf, loca, hmtx;
  int maxPoints = 0, maxContours = 0;
  std::map<int, EncodedGlyph> cache;  // several code points may share one glyph
  for (std::size_t i = 0; i < numGlyphs; ++i) {
    const int sg = sourceGlyphs[i];
    auto it = cache.find(sg);
    if (it == cache.end()) it = cache.emplace(sg, encodeGlyph(src.glyphShape(sg))).first;
    const EncodedGlyph& g = it->second;
    put32(loca, static_cast<std::uint32_t>(glyf.size()));
    glyf += g.data;
    maxPoints = std::max(maxPoints, g.points);
    maxContours = std::max(maxContours, g.contours);
    int adv = 0, lsb = 0;
    src.glyphMetrics(sg, adv, lsb);
    put16(hmtx, static_cast<unsigned>(std::max(0, adv)));
    put16(hmtx, static_cast<unsigned>(static_cast<std::uint16_t>(g.data.empty() ? 0 : g.xMin)));
  }
  put32(loca, static_cast<std::uint32_t>(glyf.size()));

  // cmap: one (3,1) format 4 subtable. libharu looks a code up by walking the segments from
  // the first, and does so for every one of the 65,536 codes when it loads the font (to build
  // the CIDToGIDMap) and again for every character drawn: with one segment per run of
  // consecutive characters (a hundred and more for a page of prose) that walk was a tenth of
  // a warm build. So nearby characters share one segment whose glyphs come from the
  // glyphIdArray (0 for the codes in between); the array grows with the gaps it bridges, and
  // the subtable's 16-bit length bounds it, so the bridged gap shrinks until it fits.
  const std::vector<Segment> segs = cmapSegments(cps);
  if (segs.size() > kMaxSegments) return fail("too many separate character ranges for one font");
  std::string sub = cmapFormat4(segs, cps);
  std::string cmap;
  put16(cmap, 0);
  put16(cmap, 1);
  put16(cmap, 3);
  put16(cmap, 1);
  put32(cmap, 12);
  cmap += sub;

  std::string headT(head);
  set32(headT, 8, 0);     // checkSumAdjustment, set below
  set16(headT, 50, 1);    // long loca offsets
  std::string hheaT(hhea);
  set16(hheaT, 34, static_cast<unsigned>(numGlyphs));
  std::string maxpT(maxp);
  set16(maxpT, 4, static_cast<unsigned>(numGlyphs));
  if (maxpT.size() >= 32) {
    set16(maxpT, 6, static_cast<unsigned>(maxPoints));
    set16(maxpT, 8, static_cast<unsigned>(maxContours));
    set16(maxpT, 10, 0);  // no composites left
    set16(maxpT, 12, 0);
    set16(maxpT, 28, 0);
    set16(maxpT, 30, 0);
  }
  std::string post;
  put32(post, 0x00030000);  // version 3: no glyph names
  const std::string_view srcPost = src.table("post");
  if (srcPost.size() >= 16) post += std::string(srcPost.substr(4, 12));
  else post.append(12, '\0');
  post.append(16, '\0');

  std::map<std::string, std::string> tables;  // sorted by tag, as the format wants
  tables["OS/2"] = std::string(os2);
  tables["cmap"] = cmap;
  tables["glyf"] = glyf;
  tables["head"] = headT;
  tables["hhea"] = hheaT;
  tables["hmtx"] = hmtx;
  tables["loca"] = loca;
  tables["maxp"] = maxpT;
  tables["name"] = std::string(name);
  tables["post"] = post;
  for (const char* tag : {"cvt ", "fpgm", "prep"})
    if (auto t = src.table(tag); !t.empty()) tables[tag] = std::string(t);

  std::string out;
  const unsigned n = static_cast<unsigned>(tables.size());
  const BinarySearch bs = binarySearchFor(n);
  const unsigned sr = bs.power, es = bs.log;
  put32(out, 0x00010000);
  put16(out, n);
  put16(out, sr * 16);
  put16(out, es);
  put16(out, n * 16 - sr * 16);
  std::uint32_t offset = 12 + 16 * n;
  std::size_t headOffset = 0;
  std::string body;
  for (const auto& [tag, data] : tables) {
    out += tag;
    put32(out, checksum(data));
    put32(out, offset);
    put32(out, static_cast<std::uint32_t>(data.size()));
    if (tag == "head") headOffset = offset;
    std::string padded = data;
    while (padded.size() % 4) padded += '\0';
    body += padded;
    offset += static_cast<std::uint32_t>(padded.size());
  }
  out += body;
  set32(out, headOffset + 8, 0xB1B0AFBAu - checksum(out));
  return out;
}

FontSubset makeFontSubset(const FontFile& source, std::vector<GlyphCode> codes, std::string* error) {
  FontSubset made;
  made.bytes = buildSubsetFont(source, std::move(codes), error, &made.glyphCodes);
  auto program = made.bytes.empty() ? std::nullopt : zlibCompress(made.bytes);
  auto map = program ? zlibCompress(glyphMapOf(made.glyphCodes)) : std::nullopt;
  if (program && map) {
    made.deflatedBytes = std::move(*program);
    made.deflatedGlyphMap = std::move(*map);
  }
  return made;
}

}  // namespace pp
