// JPEG encoding through libturbojpeg.
#include <algorithm>
#include <memory>

#include "codecs/turbojpeg.h"
#include "postpress/codecs.h"

namespace pp::codecs {

std::optional<std::string> encodeJpeg(const Image& im, int quality, std::string* error) {
  if (im.channels != 1 && im.channels != 3) {
    if (error) *error = "JPEG needs gray or RGB pixels";
    return std::nullopt;
  }
  TjHandle tj(tjInitCompress());
  if (!tj) {
    if (error) *error = "cannot start the JPEG encoder";
    return std::nullopt;
  }
  unsigned char* out = nullptr;
  unsigned long size = 0;
  const int pf = im.channels == 1 ? TJPF_GRAY : TJPF_RGB;
  const int samp = im.channels == 1 ? TJSAMP_GRAY : TJSAMP_420;
  int rc = tjCompress2(tj.get(), im.pixels.data(), im.width, 0, im.height, pf, &out, &size, samp,
                       std::clamp(quality, 1, 100), 0);
  std::unique_ptr<unsigned char, void (*)(unsigned char*)> buf(out, tjFree);
  if (rc != 0 || !out) {
    if (error) *error = std::string("JPEG encoding failed: ") + tjGetErrorStr2(tj.get());
    return std::nullopt;
  }
  return std::string(reinterpret_cast<const char*>(out), size);
}

}  // namespace pp::codecs
