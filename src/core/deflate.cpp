#include "postpress/deflate.h"

#include <libdeflate.h>

#include <memory>


namespace pp {

namespace {
struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};
}  // namespace

std::optional<std::string> zlibCompress(std::string_view in, int level) {
  // One compressor per call: it holds a few hundred KB of tables, nothing worth sharing
  // between threads, and a picture costs far more than its allocation.
  std::unique_ptr<libdeflate_compressor, CompressorFree> c(libdeflate_alloc_compressor(level));
  if (!c) return std::nullopt;
  // Room for the worst case, never touched beyond what is written; the result is copied out
  // (a fraction of the input's size).
  const std::size_t bound = libdeflate_zlib_compress_bound(c.get(), in.size());
  std::unique_ptr<char[]> room(new char[bound]);  // not value-initialised: no zeroing
  const std::size_t n = libdeflate_zlib_compress(c.get(), in.data(), in.size(), room.get(), bound);
  if (n == 0) return std::nullopt;  // cannot happen with the bound's room
  return std::string(room.get(), n);
}

}  // namespace pp
