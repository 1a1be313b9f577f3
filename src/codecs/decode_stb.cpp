// BMP through stb_image, which returns 8-bit samples with the file's own channel count (PNG
// has its own decoder, decode_png.cpp).
#include <stb_image.h>

#include <cstring>
#include <memory>

#include "codecs/decode.h"

namespace pp::codecs {

namespace {
struct StbFree {
  void operator()(stbi_uc* p) const { stbi_image_free(p); }
};
}  // namespace

Decoded decodeWithStb(std::string_view bytes) {
  if (bytes.size() > static_cast<std::size_t>(INT32_MAX)) return Decoded::fail(DecodeFailure::TooLarge, "file too large");
  const auto* src = reinterpret_cast<const stbi_uc*>(bytes.data());
  const int len = static_cast<int>(bytes.size());
  int w = 0, h = 0, n = 0;
  if (!stbi_info_from_memory(src, len, &w, &h, &n) || w <= 0 || h <= 0 || n < 1 || n > 4) {
    const char* why = stbi_failure_reason();
    return Decoded::fail(DecodeFailure::Corrupt, std::string("unreadable header") + (why ? std::string(": ") + why : ""));
  }
  std::unique_ptr<stbi_uc, StbFree> px(stbi_load_from_memory(src, len, &w, &h, &n, 0));
  if (!px) {
    const char* why = stbi_failure_reason();
    return Decoded::fail(DecodeFailure::Corrupt, std::string("corrupt or truncated image") + (why ? std::string(": ") + why : ""));
  }
  Decoded d;
  d.image = Image::uninitialised(w, h, n);
  std::memcpy(d.image.pixels.data(), px.get(), d.image.pixels.size());
  return d;
}

}  // namespace pp::codecs
