#include "assets/encode.h"

#include <stb_image_write.h>
#include <turbojpeg.h>

#include <algorithm>
#include <memory>

namespace pp::assets {

namespace {
struct TjCloser {
  void operator()(void* h) const { tjDestroy(h); }
};

void appendToString(void* context, void* data, int size) {
  static_cast<std::string*>(context)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}
}  // namespace

std::optional<std::string> encodeJpeg(const Image& im, int quality, std::string* error) {
  if (im.channels != 1 && im.channels != 3) {
    if (error) *error = "JPEG needs gray or RGB pixels";
    return std::nullopt;
  }
  std::unique_ptr<void, TjCloser> tj(tjInitCompress());
  if (!tj) {
    if (error) *error = "cannot start the JPEG encoder";
    return std::nullopt;
  }
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int pf = im.channels == 1 ? TJPF_GRAY : TJPF_RGB;
  const int samp = im.channels == 1 ? TJSAMP_GRAY : TJSAMP_420;
  int rc = tjCompress2(tj.get(), im.pixels.data(), im.width, 0, im.height, pf, &out, &size, samp,
                       std::clamp(quality, 1, 100), TJFLAG_PROGRESSIVE);
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> buf(out, tjFree);
  if (rc != 0 || !out) {
    if (error) *error = std::string("JPEG encoding failed: ") + tjGetErrorStr2(tj.get());
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

std::optional<std::string> encodePng(const Image& im, std::string* error) {
  std::string out;
  if (!stbi_write_png_to_func(appendToString, &out, im.width, im.height, im.channels, im.pixels.data(),
                              static_cast<int>(im.rowBytes()))) {
    if (error) *error = "PNG encoding failed";
    return std::nullopt;
  }
  return out;
}

}  // namespace pp::assets
