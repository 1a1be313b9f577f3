#include "pdf/glyph_fonts.h"

#include <hpdf_objects.h>

#include <algorithm>
#include <optional>
#include <string>

#include "pdf/byte_streams.h"
#include "postpress/fonts.h"
#include "postpress/support/deflate.h"
#include "postpress/support/hash.h"
#include "postpress/support/parallel.h"

namespace pp::pdf {

namespace {

int be16(std::string_view t, std::size_t at) {
  if (at + 2 > t.size()) return 0;
  return static_cast<std::int16_t>((static_cast<unsigned char>(t[at]) << 8) | static_cast<unsigned char>(t[at + 1]));
}

// In 1/1000 em.
int thousandths(int units, int unitsPerEm) { return static_cast<int>(static_cast<long>(units) * 1000 / unitsPerEm); }

// Six capital letters naming the subset (PDF: "ABCDEF+Name"), from what it holds: the same
// glyphs of the same font always get the same tag.
std::string subsetTag(const FontFile& font, const std::vector<std::uint16_t>& glyphs) {
  Hasher h;
  h.field(font.contentHash());
  std::string ids;
  for (std::uint16_t g : glyphs) {
    ids += static_cast<char>(g >> 8);
    ids += static_cast<char>(g & 0xFF);
  }
  h.field(ids);
  const std::string hex = h.hex();
  std::string tag;
  for (std::size_t i = 0; i < 6; ++i) tag += static_cast<char>('A' + std::stoi(hex.substr(2 * i, 2), nullptr, 16) % 26);
  return tag;
}

// The /W array: runs of consecutive glyph ids with their widths.
HPDF_Array widthsOf(HPDF_MMgr mmgr, const FontFile& font, const std::vector<std::uint16_t>& glyphs) {
  HPDF_Array w = HPDF_Array_New(mmgr);
  if (!w) return nullptr;
  for (std::size_t i = 0; i < glyphs.size();) {
    HPDF_Array_AddNumber(w, glyphs[i]);
    HPDF_Array run = HPDF_Array_New(mmgr);
    if (!run) return nullptr;
    std::size_t k = i;
    do {
      HPDF_Array_AddReal(run, font.declaredWidth(glyphs[k]));
      ++k;
    } while (k < glyphs.size() && glyphs[k] == glyphs[k - 1] + 1);
    HPDF_Array_Add(w, run);
    i = k;
  }
  return w;
}

struct Made {
  FontSubset subset;  // bytes "" when the whole file is embedded
  std::string error;
};

}  // namespace

HPDF_Dict GlyphFonts::font(std::size_t id) {
  if (id >= dicts_.size() || !faces_[id].loaded) return nullptr;
  if (dicts_[id]) return dicts_[id];
  HPDF_Doc pdf = doc_.get();
  HPDF_Dict d = HPDF_Dict_New(pdf->mmgr);
  if (!d || HPDF_Xref_Add(pdf->xref, d) != HPDF_OK) {
    doc_.reset();
    return nullptr;
  }
  HPDF_Dict_AddName(d, "Type", "Font");
  HPDF_Dict_AddName(d, "Subtype", "Type0");
  HPDF_Dict_AddName(d, "Encoding", "Identity-H");
  if (doc_.failed()) {
    doc_.reset();
    return nullptr;
  }
  dicts_[id] = d;
  return d;
}

void GlyphFonts::finish(const DrawnGlyphs& drawn, const std::filesystem::path& cacheDir, DiagnosticSink& diags, int jobs) {
  std::vector<std::vector<std::uint16_t>> glyphs(dicts_.size());
  for (std::size_t id = 0; id < dicts_.size(); ++id) {
    if (!dicts_[id]) continue;
    if (id < drawn.byFont.size())
      for (const auto& [g, text] : drawn.byFont[id]) glyphs[id].push_back(g);
    std::sort(glyphs[id].begin(), glyphs[id].end());
  }
  // Subsets side by side (reading a font and writing its subset touch nothing shared), or
  // read back from the cache; libharu's objects are made on this thread after.
  const SubsetCache cache(cacheDir);
  std::vector<Made> made(dicts_.size());
  parallelFor(dicts_.size(), jobs, [&](std::size_t id) {
    if (!dicts_[id]) return;
    const FontFile& src = *faces_[id].loaded;
    const std::string key = cacheDir.empty() ? std::string() : SubsetCache::key(src, glyphs[id]);
    std::optional<FontSubset> subset = key.empty() ? std::nullopt : cache.load(key);
    if (!subset) {
      subset = makeFontSubset(src, glyphs[id], &made[id].error);
      if (!key.empty() && !subset->deflatedBytes.empty()) cache.save(key, *subset);
    }
    made[id].subset = std::move(*subset);
  });

  HPDF_Doc pdf = doc_.get();
  HPDF_MMgr mmgr = pdf->mmgr;
  for (std::size_t id = 0; id < dicts_.size(); ++id) {
    HPDF_Dict type0 = dicts_[id];
    if (!type0) continue;
    const FontFile& src = *faces_[id].loaded;
    const std::string file = faces_[id].file.string();
    FontSubset& subset = made[id].subset;
    std::string program = std::move(subset.deflatedBytes), map = std::move(subset.deflatedGlyphMap);
    std::size_t length1 = subset.bytes.size();
    bool identity = false;  // the whole font embedded: CIDs are its own glyph ids
    if (program.empty()) {
      diags.reportOnce("pdf-font-subset:" + file,
                       {Severity::Note, {file, 0, 0}, "pdf-font-subset",
                        "embedding the whole font (" + (made[id].error.empty() ? std::string("deflating failed") : made[id].error) + ")"});
      const std::string_view whole = src.table("CFF ").empty() ? src.bytes() : src.table("CFF ");
      program = zlibCompress(whole).value_or(std::string());
      length1 = whole.size();
      identity = true;
    }
    const std::string name = subsetTag(src, glyphs[id]) + "+" + (src.postScriptName().empty() ? "Font" : src.postScriptName());
    HPDF_Dict_AddName(type0, "BaseFont", name.c_str());

    HPDF_Dict cid = HPDF_Dict_New(mmgr);
    HPDF_Dict desc = HPDF_Dict_New(mmgr);
    HPDF_Dict info = HPDF_Dict_New(mmgr);
    HPDF_Array descendants = HPDF_Array_New(mmgr);
    HPDF_Array bbox = HPDF_Array_New(mmgr);
    if (!cid || !desc || !info || !descendants || !bbox || HPDF_Xref_Add(pdf->xref, cid) != HPDF_OK ||
        HPDF_Xref_Add(pdf->xref, desc) != HPDF_OK) {
      diags.error({file, 0, 0}, "pdf-font", "libharu cannot make this font's objects: " + doc_.lastError());
      doc_.reset();
      continue;
    }
    // CFF outlines (Noto Sans CJK): a CIDFontType0 whose CID-keyed program maps the source's
    // glyph ids (its CIDs) itself; TrueType: a CIDFontType2 with a CIDToGIDMap.
    const bool cff = !src.table("CFF ").empty();
    HPDF_Dict_AddName(cid, "Type", "Font");
    HPDF_Dict_AddName(cid, "Subtype", cff ? "CIDFontType0" : "CIDFontType2");
    HPDF_Dict_AddName(cid, "BaseFont", name.c_str());
    HPDF_Dict_Add(info, "Registry", HPDF_String_New(mmgr, "Adobe", nullptr));
    HPDF_Dict_Add(info, "Ordering", HPDF_String_New(mmgr, "Identity", nullptr));
    HPDF_Dict_AddNumber(info, "Supplement", 0);
    HPDF_Dict_Add(cid, "CIDSystemInfo", info);
    HPDF_Dict_Add(cid, "FontDescriptor", desc);
    HPDF_Dict_AddNumber(cid, "DW", 1000);
    if (HPDF_Array w = widthsOf(mmgr, src, glyphs[id])) HPDF_Dict_Add(cid, "W", w);
    HPDF_Array_Add(descendants, cid);
    HPDF_Dict_Add(type0, "DescendantFonts", descendants);

    const int upem = std::max(16, src.unitsPerEm());
    const std::string_view head = src.table("head"), post = src.table("post"), os2 = src.table("OS/2");
    HPDF_Dict_AddName(desc, "Type", "FontDescriptor");
    HPDF_Dict_AddName(desc, "FontName", name.c_str());
    HPDF_Dict_AddNumber(desc, "Flags", 4);
    for (std::size_t at : {36, 38, 40, 42}) HPDF_Array_AddNumber(bbox, thousandths(be16(head, at), upem));
    HPDF_Dict_Add(desc, "FontBBox", bbox);
    HPDF_Dict_AddNumber(desc, "ItalicAngle", be16(post, 4));
    HPDF_Dict_AddNumber(desc, "Ascent", static_cast<HPDF_INT32>(src.ascent() * 1000));
    HPDF_Dict_AddNumber(desc, "Descent", -static_cast<HPDF_INT32>(src.descent() * 1000));
    const int capHeight = os2.size() >= 90 && be16(os2, 0) >= 2 ? thousandths(be16(os2, 88), upem)
                                                                : static_cast<int>(src.ascent() * 1000);
    HPDF_Dict_AddNumber(desc, "CapHeight", capHeight);
    HPDF_Dict_AddNumber(desc, "StemV", 80);
    if (!program.empty()) {
      HPDF_Dict fontFile = HPDF_DictStream_New(mmgr, pdf->xref);
      if (fontFile && setDeflatedStreamBytes(doc_, fontFile, FileBytes(std::move(program)))) {
        if (cff) {
          HPDF_Dict_AddName(fontFile, "Subtype", "CIDFontType0C");
          HPDF_Dict_Add(desc, "FontFile3", fontFile);
        } else {
          HPDF_Dict_AddNumber(fontFile, "Length1", static_cast<HPDF_INT32>(length1));
          HPDF_Dict_Add(desc, "FontFile2", fontFile);
        }
      }
    }
    // A CFF program's charset maps CIDs to its glyphs itself: no CIDToGIDMap.
    if (!cff && identity) {
      HPDF_Dict_AddName(cid, "CIDToGIDMap", "Identity");
    } else if (!cff) {
      HPDF_Dict gidMap = HPDF_DictStream_New(mmgr, pdf->xref);
      if (gidMap && setDeflatedStreamBytes(doc_, gidMap, FileBytes(std::move(map)))) HPDF_Dict_Add(cid, "CIDToGIDMap", gidMap);
    }
    const std::string cmap = toUnicodeCMap(id < drawn.byFont.size() ? drawn.byFont[id] : std::unordered_map<std::uint16_t, std::u32string>{});
    HPDF_Dict toUnicode = HPDF_DictStream_New(mmgr, pdf->xref);
    if (toUnicode) {
      if (auto packed = zlibCompress(cmap); packed && setDeflatedStreamBytes(doc_, toUnicode, FileBytes(std::move(*packed))))
        HPDF_Dict_Add(type0, "ToUnicode", toUnicode);
    }
    if (doc_.failed()) {
      diags.warning({file, 0, 0}, "pdf-font", "a part of this font could not be written: " + doc_.lastError());
      doc_.reset();
    }
  }
}

}  // namespace pp::pdf
