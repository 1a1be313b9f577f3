#include "postpress/support/deflate.h"

#include <libdeflate.h>

#include <cstring>
#include <memory>


namespace pp {

namespace {
struct CompressorFree {
  void operator()(libdeflate_compressor* c) const { libdeflate_free_compressor(c); }
};

// `compress` is libdeflate_zlib_compress or libdeflate_deflate_compress, `bound` its bound.
template <typename Compress, typename Bound>
std::optional<std::string> compressWith(std::string_view in, int level, Compress compress, Bound bound) {
  // One compressor per call: it holds a few hundred KB of tables, nothing worth sharing
  // between threads, and a picture costs far more than its allocation.
  std::unique_ptr<libdeflate_compressor, CompressorFree> c(libdeflate_alloc_compressor(level));
  if (!c) return std::nullopt;
  // Room for the worst case, never touched beyond what is written; the result is copied out
  // (a fraction of the input's size).
  const std::size_t room = bound(c.get(), in.size());
  std::unique_ptr<char[]> out(new char[room]);  // not value-initialised: no zeroing
  const std::size_t n = compress(c.get(), in.data(), in.size(), out.get(), room);
  if (n == 0) return std::nullopt;  // cannot happen with the bound's room
  return std::string(out.get(), n);
}

}  // namespace

std::optional<std::string> zlibCompress(std::string_view in, int level) {
  return compressWith(in, level, libdeflate_zlib_compress, libdeflate_zlib_compress_bound);
}

std::optional<std::string> deflateRaw(std::string_view in, int level) {
  return compressWith(in, level, libdeflate_deflate_compress, libdeflate_deflate_compress_bound);
}

std::uint32_t crc32Of(std::string_view in) { return crc32Update(0, in); }

std::uint32_t crc32Update(std::uint32_t crc, std::string_view in) {
  return libdeflate_crc32(crc, in.data(), in.size());
}

bool zlibInflatesTo(std::string_view zlib, std::string_view expected) {
  struct DecompressorFree {
    void operator()(libdeflate_decompressor* d) const { libdeflate_free_decompressor(d); }
  };
  std::unique_ptr<libdeflate_decompressor, DecompressorFree> d(libdeflate_alloc_decompressor());
  if (!d) return false;
  // One byte of room more than expected: a stream that holds more fails as too long.
  std::unique_ptr<char[]> out(new char[expected.size() + 1]);
  std::size_t n = 0;
  if (libdeflate_zlib_decompress(d.get(), zlib.data(), zlib.size(), out.get(), expected.size() + 1, &n) !=
      LIBDEFLATE_SUCCESS)
    return false;
  return n == expected.size() && std::memcmp(out.get(), expected.data(), n) == 0;
}

}  // namespace pp
