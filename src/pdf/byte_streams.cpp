#include "pdf/byte_streams.h"

#include <hpdf_doc.h>
#include <hpdf_error.h>
#include <hpdf_objects.h>
#include <hpdf_streams.h>

#include <algorithm>
#include <cstdint>
#include <cstring>
#include <string>

namespace pp::pdf {

namespace {

HpdfDoc::KeptBytes* keptOf(HPDF_Stream stream) { return static_cast<HpdfDoc::KeptBytes*>(stream->attr); }

HPDF_STATUS readKeptFile(HPDF_Stream stream, HpdfDoc::KeptBytes* k, HPDF_BYTE* ptr, HPDF_UINT* size) {
  const long long n = k->file->read(reinterpret_cast<char*>(ptr), *size);
  if (n < 0) {
    *size = 0;
    // Set on the document's error too: a status only returned would end the save quietly,
    // with libharu reporting success.
    return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
  }
  *size = static_cast<HPDF_UINT>(n);
  return k->file->position() >= k->file->range().length ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS readKept(HPDF_Stream stream, HPDF_BYTE* ptr, HPDF_UINT* size) {
  HpdfDoc::KeptBytes* k = keptOf(stream);
  if (k->file) return readKeptFile(stream, k, ptr, size);
  const std::size_t left = k->bytes.size() - k->pos;
  const std::size_t n = *size < left ? *size : left;
  if (n) std::memcpy(ptr, k->bytes.data() + k->pos, n);
  k->pos += n;
  *size = static_cast<HPDF_UINT>(n);
  // libharu's protocol: EOF with the last bytes, or alone once nothing is left.
  return k->pos >= k->bytes.size() ? HPDF_STREAM_EOF : HPDF_OK;
}

HPDF_STATUS seekKept(HPDF_Stream stream, HPDF_INT pos, HPDF_WhenceMode mode) {
  HpdfDoc::KeptBytes* k = keptOf(stream);
  if (k->file) {
    // Read from the start to the end only (its hash is checked at the end): libharu seeks to
    // the start before copying a stream.
    if (mode == HPDF_SEEK_SET && pos == 0) {
      k->file->rewind();
      return HPDF_OK;
    }
    return HPDF_SetError(stream->error, HPDF_FILE_IO_ERROR, 0);
  }
  long long at = pos;
  if (mode == HPDF_SEEK_CUR) at += static_cast<long long>(k->pos);
  else if (mode == HPDF_SEEK_END) at += static_cast<long long>(k->bytes.size());
  if (at < 0 || at > static_cast<long long>(k->bytes.size())) return HPDF_STREAM_EOF;
  k->pos = static_cast<std::size_t>(at);
  return HPDF_OK;
}

HPDF_INT32 tellKept(HPDF_Stream stream) {
  const HpdfDoc::KeptBytes* k = keptOf(stream);
  return static_cast<HPDF_INT32>(k->file ? k->file->position() : k->pos);
}

HPDF_UINT32 sizeKept(HPDF_Stream stream) { return static_cast<HPDF_UINT32>(keptOf(stream)->size()); }

// libharu writes a document a token at a time (a name, a number, a space: 250,000 writes for a
// 300-page digest); each fwrite takes the file's lock and its own checks. Gathered here and
// handed on in large pieces.
class FileWriter {
 public:
  explicit FileWriter(std::FILE* file) : file_(file), pacer_(file) { buffer_.reserve(kPiece); }
  bool write(const HPDF_BYTE* bytes, std::size_t size) {
    if (buffer_.size() + size > kPiece && !flush()) return false;
    if (size >= kPiece) return put(reinterpret_cast<const char*>(bytes), size);
    buffer_.append(reinterpret_cast<const char*>(bytes), size);
    return true;
  }
  bool flush() {
    const bool ok = put(buffer_.data(), buffer_.size());
    buffer_.clear();
    return ok;
  }

 private:
  static constexpr std::size_t kPiece = std::size_t{256} << 10;
  bool put(const char* bytes, std::size_t size) {
    if (size == 0) return true;
    if (std::fwrite(bytes, 1, size, file_) != size) return false;
    pacer_.wrote(size);
    return true;
  }
  std::FILE* file_;
  WritebackPacer pacer_;
  std::string buffer_;
};

HPDF_STATUS writeToFile(HPDF_Stream stream, const HPDF_BYTE* ptr, HPDF_UINT size) {
  // Any error code stops libharu's saving; this one says "cannot write the file".
  return static_cast<FileWriter*>(stream->attr)->write(ptr, size) ? HPDF_OK : HPDF_FILE_IO_ERROR;
}

HPDF_STATUS writeFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

template <typename Bytes>
bool setKeptStream(HpdfDoc& doc, HPDF_Dict dict, Bytes bytes, std::size_t size) {
  // libharu's stream sizes are 32-bit.
  if (!dict || !dict->stream || size > 0x7FFFFFFFu) return false;
  HpdfDoc::KeptBytes& kept = doc.keep(std::move(bytes));
  HPDF_Stream s = HPDF_CallbackReader_New(dict->mmgr, readKept, seekKept, tellKept, sizeKept, &kept);
  if (!s) return false;
  // libharu skips a stream whose size is 0; a reader's size is otherwise never set.
  s->size = static_cast<HPDF_UINT>(kept.size());
  HPDF_Stream_Free(dict->stream);
  dict->stream = s;
  return true;
}

void markDeflated(HPDF_Dict dict) {
  dict->filter = HPDF_STREAM_FILTER_NONE;
  dict->write_fn = writeFlateFilter;
}

}  // namespace

bool setStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileBytes bytes) {
  const std::size_t size = bytes.size();
  return setKeptStream(doc, dict, std::move(bytes), size);
}

bool setStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileRange range) {
  const auto size = static_cast<std::size_t>(std::min<std::uint64_t>(range.length, SIZE_MAX));
  return setKeptStream(doc, dict, std::move(range), size);
}

bool setDeflatedStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileBytes zlibBytes) {
  if (!setStreamBytes(doc, dict, std::move(zlibBytes))) return false;
  markDeflated(dict);
  return true;
}

bool setDeflatedStreamBytes(HpdfDoc& doc, HPDF_Dict dict, FileRange zlibBytes) {
  if (!setStreamBytes(doc, dict, std::move(zlibBytes))) return false;
  markDeflated(dict);
  return true;
}

std::string memoryStreamBytes(HPDF_Stream stream) {
  std::string out;
  if (!stream || stream->type != HPDF_STREAM_MEMORY) return out;
  out.reserve(stream->size);
  const HPDF_UINT count = HPDF_MemStream_GetBufCount(stream);
  for (HPDF_UINT i = 0; i < count; ++i) {
    HPDF_UINT len = 0;
    const HPDF_BYTE* p = HPDF_MemStream_GetBufPtr(stream, i, &len);
    if (p && len) out.append(reinterpret_cast<const char*>(p), len);
  }
  return out;
}

bool saveToFile(HpdfDoc& doc, std::FILE* file) {
  HPDF_Doc pdf = doc.get();
  if (!pdf) return false;
  if (pdf->stream) HPDF_Stream_Free(pdf->stream);
  FileWriter writer(file);
  pdf->stream = HPDF_CallbackWriter_New(pdf->mmgr, writeToFile, &writer);
  if (!pdf->stream) return false;
  const bool saved = HPDF_SaveToStream(pdf) == HPDF_OK && !doc.failed() && writer.flush();
  // The stream points at `writer`, which ends here: nothing may write through it again.
  HPDF_Stream_Free(pdf->stream);
  pdf->stream = nullptr;
  return saved;
}

}  // namespace pp::pdf
