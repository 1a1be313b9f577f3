#include "pdf/font_streams.h"

#include <hpdf_doc.h>
#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <cstring>
#include <optional>
#include <string>

#include "pdf/byte_streams.h"
#include "postpress/support/deflate.h"
#include "postpress/support/parallel.h"

namespace pp::pdf {

namespace {

// A new stream object holding already-deflated bytes, added to `owner` under `key`; false
// when libharu refuses (the caller leaves the font as libharu made it).
bool addDeflatedStream(HpdfDoc& doc, HPDF_Dict owner, const char* key, std::string bytes, HPDF_Dict* made = nullptr) {
  HPDF_Doc pdf = doc.get();
  HPDF_Dict stream = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!stream || doc.failed() || !setDeflatedStreamBytes(doc, stream, std::move(bytes)) ||
      HPDF_Dict_Add(owner, key, stream) != HPDF_OK) {
    doc.reset();
    return false;
  }
  if (made) *made = stream;
  return true;
}

}  // namespace

const char* tagAsSubset(HpdfDoc& doc, const char* name) {
  HPDF_Doc pdf = doc.get();
  HPDF_FontDef def = name ? HPDF_GetFontDef(pdf, name) : nullptr;
  if (!def || doc.failed() || def->type != HPDF_FONTDEF_TYPE_TRUETYPE) {
    doc.reset();
    return nullptr;
  }
  // libharu's own step (HPDF_LoadTTFontFromFile with embedding): HPDFAA first, then the last
  // letter counts up, carrying to the left.
  if (pdf->ttfont_tag[0] == 0) {
    std::memcpy(pdf->ttfont_tag, "HPDFAA", 6);
  } else {
    for (int i = 5; i >= 0; --i) {
      if (++pdf->ttfont_tag[i] > 'Z') pdf->ttfont_tag[i] = 'A';
      else break;
    }
  }
  char tag[7];
  std::memcpy(tag, pdf->ttfont_tag, 6);
  tag[6] = '\0';
  HPDF_TTFontDef_SetTagName(def, tag);
  return def->base_font;
}

void embedFontStreams(HpdfDoc& doc, const std::vector<HPDF_Font>& fonts, const std::vector<FontProgram>& programs,
                      int jobs) {
  std::vector<HPDF_Dict> dicts;  // streams libharu made, to deflate here
  auto take = [&](HPDF_Dict d) {
    if (d && d->stream && std::find(dicts.begin(), dicts.end(), d) == dicts.end()) dicts.push_back(d);
  };
  for (std::size_t k = 0; k < fonts.size(); ++k) {
    HPDF_Font f = fonts[k];
    if (!f) continue;
    auto* attr = static_cast<HPDF_FontAttr>(f->attr);
    if (!attr || attr->type != HPDF_FONT_TYPE0_TT || !attr->fontdef || !f->before_write_fn) continue;
    // libharu makes the font descriptor (and, for a font it embeds, the program) the first time
    // the font is written, and only then: the second call finds the descriptor. It copies the
    // font's deflate filter to the maps then, so the font asks for none.
    if (!attr->fontdef->descriptor && f->before_write_fn(f) != HPDF_OK) {
      doc.reset();
      continue;
    }
    f->filter = HPDF_STREAM_FILTER_NONE;
    take(attr->cmap_stream);
    const FontProgram* ours = k < programs.size() && !programs[k].fontFile.empty() ? &programs[k] : nullptr;
    if (ours && attr->fontdef->descriptor && attr->descendant_font) {
      // The map first: a program without its map would draw the wrong glyphs.
      HPDF_Dict program = nullptr;
      if (addDeflatedStream(doc, attr->descendant_font, "CIDToGIDMap", ours->cidToGid) &&
          addDeflatedStream(doc, attr->fontdef->descriptor, "FontFile2", ours->fontFile, &program)) {
        HPDF_Dict_AddNumber(program, "Length1", static_cast<HPDF_INT32>(ours->length1));
        doc.reset();
      }
      continue;
    }
    if (attr->fontdef->descriptor)
      take(static_cast<HPDF_Dict>(HPDF_Dict_GetItem(attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT)));
    take(attr->map_stream);
  }
  doc.reset();  // a missing FontFile2 (a font not embedded) is no error

  std::vector<std::string> raw(dicts.size());
  std::vector<std::optional<std::string>> packed(dicts.size());
  for (std::size_t i = 0; i < dicts.size(); ++i) raw[i] = memoryStreamBytes(dicts[i]->stream);
  parallelFor(dicts.size(), jobs, [&](std::size_t i) {
    if (!raw[i].empty()) packed[i] = zlibCompress(raw[i]);
  });
  for (std::size_t i = 0; i < dicts.size(); ++i) {
    if (packed[i] && setDeflatedStreamBytes(doc, dicts[i], std::move(*packed[i]))) continue;
    // Left to libharu, deflated as it saves.
    dicts[i]->filter = HPDF_STREAM_FILTER_FLATE_DECODE;
    doc.reset();
  }
}

}  // namespace pp::pdf
