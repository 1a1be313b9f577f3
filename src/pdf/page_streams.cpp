#include "pdf/page_streams.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include "pdf/byte_streams.h"
#include "postpress/support/deflate.h"

namespace pp::pdf {

namespace {

// Page content is text operators, deflated on the threads that set the pages: a tenth of a
// warm build's CPU (terrytangyuan). libdeflate's level 3 made it 2-3% larger than
// level 6 and took a third less time (500 generated posts, mostly text: 12.36 MB against
// 12.08 MB, paint 0.65 s against 0.83 s); level 1 (a greedy match finder of its own) takes a
// third less again for 2.4% more: terrytangyuan's 300 pages, 5.07 MB of operators, 25.7 ms
// and 1.218 MB against level 3's 38.3 ms and 1.190 MB (level 2: 36.2 ms, 1.201 MB), so a
// PDF of 10.85 MB grows by 28 KB (0.26%).
constexpr int kContentLevel = 1;

}  // namespace

std::optional<std::string> deflatePageContent(std::string_view raw) {
  if (raw.empty()) return std::nullopt;
  return zlibCompress(raw, kContentLevel);
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
