#include "pdf/page_streams.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <string>

#include "assets/deflate.h"
#include "postpress/parallel.h"

namespace pp::pdf {

namespace {

// Pages compressed together: enough to keep every worker busy, few enough that uncompressed
// content never piles up (a dense page is 20-60 KB before deflating).
constexpr std::size_t kBatch = 32;

// libharu drops a /Filter entry of a stream it does not compress itself: the dictionary write
// hook puts it back for a stream whose bytes are already deflated.
HPDF_STATUS writeFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

std::string contentOf(HPDF_Stream stream) {
  std::string out;
  out.reserve(stream->size);
  const HPDF_UINT count = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < count; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(stream, i, &len);
    if (p && len) out.append(reinterpret_cast<const char*>(p), len);
  }
  return out;
}

// libdeflate at the renditions' level: the size libharu's zlib gave, in about half the time.
bool deflateContent(const std::string& in, std::string* out) {
  auto z = assets::zlibCompress(in);
  if (!z) return false;
  *out = std::move(*z);
  return true;
}

}  // namespace

void PageStreamCompressor::add(HPDF_Page page) {
  pending_.push_back(page);
  if (pending_.size() >= kBatch) ok_ = flush() && ok_;
}

bool PageStreamCompressor::finish() {
  ok_ = flush() && ok_;
  return ok_;
}

bool PageStreamCompressor::flush() {
  if (pending_.empty()) return true;
  // Reading and rewriting libharu's objects stays on this thread; only deflating runs wide.
  std::vector<std::string> raw(pending_.size()), packed(pending_.size());
  std::vector<char> done(pending_.size(), 0);
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    auto* attr = static_cast<HPDF_PageAttr>(pending_[i]->attr);
    if (attr && attr->stream && attr->contents && attr->stream->type == HPDF_STREAM_MEMORY)
      raw[i] = contentOf(attr->stream);
  }
  parallelFor(pending_.size(), jobs_, [&](std::size_t i) {
    if (!raw[i].empty()) done[i] = deflateContent(raw[i], &packed[i]) ? 1 : 0;
  });
  bool ok = true;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (!done[i]) continue;  // empty or not deflated: libharu compresses it when saving
    auto* attr = static_cast<HPDF_PageAttr>(pending_[i]->attr);
    HPDF_MemStream_FreeData(attr->stream);
    if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(packed[i].data()),
                          static_cast<HPDF_UINT>(packed[i].size())) != HPDF_OK) {
      // Put the page back as it was; libharu deflates it when saving.
      doc_.reset();
      HPDF_MemStream_FreeData(attr->stream);
      if (HPDF_Stream_Write(attr->stream, reinterpret_cast<const HPDF_BYTE*>(raw[i].data()),
                            static_cast<HPDF_UINT>(raw[i].size())) != HPDF_OK)
        ok = false;
      doc_.reset();
      continue;
    }
    attr->contents->filter = HPDF_STREAM_FILTER_NONE;
    attr->contents->write_fn = writeFlateFilter;
  }
  pending_.clear();
  return ok;
}

}  // namespace pp::pdf
