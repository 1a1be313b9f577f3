#include "pdf/page_streams.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf/byte_streams.h"
#include "postpress/support/deflate.h"

namespace pp::pdf {

std::optional<std::string> deflatePageContent(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  return zlibCompress(raw, kPageContentLevel);
}

bool attachPageContent(HpdfDoc& doc, HPDF_Page page, std::string raw, std::optional<std::string> deflated) {
  auto* attr = static_cast<HPDF_PageAttr>(page->attr);
  if (deflated) {
    if (setDeflatedStreamBytes(doc, attr->contents, std::move(*deflated))) {
      attr->stream = attr->contents->stream;
      return true;
    }
    doc.reset();
    // The raw bytes were dropped once deflated: the page stays blank, and the caller says so.
    if (raw.empty()) return false;
  }
  if (raw.empty()) return true;  // a page with nothing drawn
  // Not deflated: the bytes go to libharu as they are, and it deflates them when saving.
  if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(raw.data()),
                        static_cast<HPDF_UINT>(raw.size())) != HPDF_OK) {
    doc.reset();
    return false;
  }
  return true;
}

}  // namespace pp::pdf
