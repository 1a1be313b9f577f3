#include "pdf/page_streams.h"

#include <hpdf_pages.h>
#include <hpdf_streams.h>

#include <string>

#include "pdf/byte_streams.h"
#include "postpress/deflate.h"
#include "postpress/parallel.h"

namespace pp::pdf {

namespace {

// Pages compressed together: enough to keep every worker busy, few enough that uncompressed
// content never piles up (a dense page is 20-60 KB before deflating).
constexpr std::size_t kBatch = 32;

// libdeflate at the renditions' level: the size libharu's zlib gave, in about half the time.
bool deflateContent(const std::string& in, std::string* out) {
  auto z = zlibCompress(in);
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
      raw[i] = memoryStreamBytes(attr->stream);
  }
  parallelFor(pending_.size(), jobs_, [&](std::size_t i) {
    if (!raw[i].empty()) done[i] = deflateContent(raw[i], &packed[i]) ? 1 : 0;
  });
  bool ok = true;
  for (std::size_t i = 0; i < pending_.size(); ++i) {
    if (!done[i]) continue;  // empty or not deflated: libharu compresses it when saving
    auto* attr = static_cast<HPDF_PageAttr>(pending_[i]->attr);
    // The page's stream object is replaced: a page's later drawing would go to the old one,
    // but painting is over for these pages.
    if (!setDeflatedStreamBytes(doc_, attr->contents, std::move(packed[i]))) {
      doc_.reset();
      ok = false;  // the page keeps its uncompressed content; libharu deflates it when saving
      continue;
    }
    attr->stream = attr->contents->stream;
  }
  pending_.clear();
  return ok;
}

}  // namespace pp::pdf
