// RAII around libharu's document, with its error handler writing into the object itself (no
// global state). libharu's errors are sticky: after one, every call fails until it is reset,
// so the painter checks and resets at each step that may fail.
#pragma once

#include <hpdf.h>

#include <cstdio>
#include <deque>
#include <memory>
#include <vector>
#include <string>

#include "postpress/support/file_range.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::pdf {

class HpdfDoc {
 public:
  HpdfDoc() { doc_ = HPDF_New(&HpdfDoc::onError, this); }
  ~HpdfDoc() {
    if (doc_) HPDF_Free(doc_);
  }
  HpdfDoc(const HpdfDoc&) = delete;
  HpdfDoc& operator=(const HpdfDoc&) = delete;

  HPDF_Doc get() const { return doc_; }
  // Frees the document early (its objects and saved bytes can be the largest thing in memory).
  void close() {
    if (doc_) HPDF_Free(doc_);
    doc_ = nullptr;
    kept_.clear();
    held_.clear();
  }

  // Bytes a stream of the document reads when it is saved (see byte_streams.h), with the
  // stream's read position; they live as long as the document.
  struct KeptBytes {
    FileBytes bytes;  // made here, or a file's bytes
    std::size_t pos = 0;
    // Instead of `bytes`: a range of a file, read while saving (an image of the cache).
    std::unique_ptr<FileRangeReader> file;
    std::size_t size() const { return file ? static_cast<std::size_t>(file->range().length) : bytes.size(); }
  };
  KeptBytes& keep(FileBytes bytes) {
    return kept_.emplace_back(KeptBytes{std::move(bytes), 0, nullptr});
  }
  KeptBytes& keep(FileRange range) {
    return kept_.emplace_back(KeptBytes{FileBytes{}, 0, std::make_unique<FileRangeReader>(std::move(range))});
  }
  // Hashes each kept stream as Hasher::field does, in the order kept: its bytes, or for a range
  // of a file the hash it is checked against (the file is not read for it: that happens once,
  // while saving).
  void hashKept(Hasher& hash) const {
    for (const KeptBytes& k : kept_) hash.field(k.file ? std::string_view(k.file->range().hash) : k.bytes.view());
  }
  // What went wrong reading a kept file while saving ("" when nothing did).
  std::string keptFileError() const {
    for (const KeptBytes& k : kept_)
      if (k.file && !k.file->error().empty()) return k.file->error();
    return {};
  }
  // Data a hook of the document reads when it is saved (a dictionary's write_fn), kept as
  // long as the document; the reference stays valid.
  template <typename T>
  T& hold(T value) {
    auto kept = std::make_shared<T>(std::move(value));
    T& ref = *kept;
    held_.push_back(std::move(kept));
    return ref;
  }
  explicit operator bool() const { return doc_ != nullptr; }

  // The first error since the last reset ("" when none), e.g. "0x1025 (detail 0)".
  bool failed() const { return error_ != 0; }
  std::string lastError() const {
    char buf[48];
    std::snprintf(buf, sizeof buf, "libharu error 0x%04X (detail %u)", static_cast<unsigned>(error_),
                  static_cast<unsigned>(detail_));
    return buf;
  }
  void reset() {
    error_ = 0;
    detail_ = 0;
    if (doc_) HPDF_ResetError(doc_);
  }

 private:
  static void onError(HPDF_STATUS error, HPDF_STATUS detail, void* user) {
    auto* self = static_cast<HpdfDoc*>(user);
    if (self->error_ == 0) {
      self->error_ = error;
      self->detail_ = detail;
    }
  }
  HPDF_Doc doc_ = nullptr;
  std::deque<KeptBytes> kept_;  // a deque: the streams hold pointers to its elements
  std::vector<std::shared_ptr<void>> held_;
  HPDF_STATUS error_ = 0;
  HPDF_STATUS detail_ = 0;
};

}  // namespace pp::pdf
