#include "pdf/link_annotations.h"

#include <hpdf_objects.h>
#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <utility>

#include "pdf/text_strings.h"

namespace pp::pdf {

namespace {

struct LinkRecord {
  HPDF_Rect rect{0, 0, 0, 0};
  std::string uri;          // an external link, or
  HPDF_UINT32 dest = 0;     // the destination's object number
  HPDF_UINT32 page = 0;     // the page's object number
  LinkTagging tagging;
};

HPDF_UINT32 objectNumber(const void* obj) {
  return static_cast<const HPDF_Obj_Header*>(obj)->obj_id & 0x00FFFFFF;
}

HPDF_STATUS writeRef(HPDF_Stream s, HPDF_UINT32 number) {
  HPDF_STATUS ret = HPDF_Stream_WriteUInt(s, number);
  return ret != HPDF_OK ? ret : HPDF_Stream_WriteStr(s, " 0 R\012");
}

// What libharu writes for HPDF_Page_Create(URI)LinkAnnot and HPDF_LinkAnnot_SetBorderStyle
// (0, 0, 0), entry for entry in its order: Rect, Type, Subtype, A or Dest, P, Border; then
// /F 4, the Print flag, which PDF/A asks of every annotation (ISO 19005-2 6.3.2).
HPDF_STATUS writeLink(HPDF_Dict dict, HPDF_Stream s) {
  const auto& r = *static_cast<const LinkRecord*>(dict->attr);
  HPDF_STATUS ret = HPDF_Stream_WriteStr(s, "/Rect [ ");
  for (HPDF_REAL v : {r.rect.left, r.rect.bottom, r.rect.right, r.rect.top}) {
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteReal(s, v);
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, " ");
  }
  if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, "]\012/Type /Annot\012/Subtype /Link\012");
  if (ret == HPDF_OK && !r.uri.empty()) {
    ret = HPDF_Stream_WriteStr(s, "/A <<\012/Type /Action\012/S /URI\012/URI ");
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteEscapeText(s, r.uri.c_str());
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, "\012>>\012");
  } else if (ret == HPDF_OK) {
    ret = HPDF_Stream_WriteStr(s, "/Dest ");
    if (ret == HPDF_OK) ret = writeRef(s, r.dest);
  }
  if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, "/P ");
  if (ret == HPDF_OK) ret = writeRef(s, r.page);
  if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, "/Border [ 0 0 0 ]\012/F 4\012");
  if (ret == HPDF_OK && r.tagging.structParent >= 0) {
    ret = HPDF_Stream_WriteStr(s, "/StructParent ");
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteInt(s, r.tagging.structParent);
    if (ret == HPDF_OK) ret = HPDF_Stream_WriteStr(s, "\012");
  }
  if (ret == HPDF_OK && !r.tagging.contents.empty()) {
    const std::string text = "/Contents " + textString(r.tagging.contents) + "\012";
    ret = HPDF_Stream_WriteStr(s, text.c_str());
  }
  return ret;
}

HPDF_Dict addLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, LinkRecord record) {
  HPDF_Doc pdf = doc.get();
  if (!pdf || !page) return nullptr;
  // As libharu's annotations: the rectangle's top above its bottom.
  record.rect = rect;
  if (record.rect.top < record.rect.bottom) std::swap(record.rect.top, record.rect.bottom);
  record.page = objectNumber(page);
  HPDF_Dict annot = HPDF_Dict_New(page->mmgr);
  if (!annot || HPDF_Xref_Add(pdf->xref, annot) != HPDF_OK) return nullptr;  // the xref owns it now
  annot->attr = &doc.hold(std::move(record));
  annot->write_fn = writeLink;
  auto* annots = static_cast<HPDF_Array>(HPDF_Dict_GetItem(page, "Annots", HPDF_OCLASS_ARRAY));
  if (!annots) {
    annots = HPDF_Array_New(page->mmgr);
    if (!annots || HPDF_Dict_Add(page, "Annots", annots) != HPDF_OK) return nullptr;
  }
  // Tab order follows the structure (PDF/UA 7.18.3) on pages with tagged annotations.
  if (record.tagging.structParent >= 0 && !HPDF_Dict_GetItem(page, "Tabs", HPDF_OCLASS_NAME) &&
      HPDF_Dict_AddName(page, "Tabs", "S") != HPDF_OK)
    return nullptr;
  return HPDF_Array_Add(annots, annot) == HPDF_OK && !doc.failed() ? annot : nullptr;
}

}  // namespace

HPDF_Dict addUriLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, const std::string& uri, LinkTagging tagging) {
  if (uri.empty()) return nullptr;
  LinkRecord r;
  r.uri = uri;
  r.tagging = std::move(tagging);
  return addLink(doc, page, rect, std::move(r));
}

HPDF_Dict addDestLink(HpdfDoc& doc, HPDF_Page page, const HPDF_Rect& rect, HPDF_Destination dest, LinkTagging tagging) {
  if (!dest) return nullptr;
  LinkRecord r;
  r.dest = objectNumber(dest);
  r.tagging = std::move(tagging);
  return addLink(doc, page, rect, std::move(r));
}

}  // namespace pp::pdf
