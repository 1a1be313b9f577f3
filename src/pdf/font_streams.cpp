#include "pdf/font_streams.h"

#include <hpdf_font.h>
#include <hpdf_fontdef.h>
#include <hpdf_objects.h>

#include <algorithm>
#include <optional>
#include <string>

#include "pdf/byte_streams.h"
#include "postpress/deflate.h"
#include "postpress/parallel.h"

namespace pp::pdf {

void deflateFontStreams(HpdfDoc& doc, const std::vector<HPDF_Font>& fonts, int jobs) {
  std::vector<HPDF_Dict> dicts;
  auto take = [&](HPDF_Dict d) {
    if (d && d->stream && std::find(dicts.begin(), dicts.end(), d) == dicts.end()) dicts.push_back(d);
  };
  for (HPDF_Font f : fonts) {
    if (!f) continue;
    auto* attr = static_cast<HPDF_FontAttr>(f->attr);
    if (!attr || attr->type != HPDF_FONT_TYPE0_TT || !attr->fontdef || !f->before_write_fn) continue;
    // libharu makes the font descriptor and the embedded program the first time the font is
    // written (and only then: the second call finds the descriptor); it copies the font's
    // deflate filter to the maps then, so the font asks for none.
    if (!attr->fontdef->descriptor && f->before_write_fn(f) != HPDF_OK) {
      doc.reset();
      continue;
    }
    f->filter = HPDF_STREAM_FILTER_NONE;
    if (attr->fontdef->descriptor)
      take(static_cast<HPDF_Dict>(HPDF_Dict_GetItem(attr->fontdef->descriptor, "FontFile2", HPDF_OCLASS_DICT)));
    take(attr->map_stream);
    take(attr->cmap_stream);
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
