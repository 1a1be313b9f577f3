// JPEG through libturbojpeg: DCT-domain scaling while decoding (the cheapest way to shrink a
// large photo), grayscale, CMYK/YCCK (Adobe's inverted convention), EXIF orientation.
#include <cstdint>
#include <cstring>

#include "codecs/decode.h"
#include "codecs/jpeg_segments.h"
#include "codecs/orientation.h"
#include "codecs/turbojpeg.h"

namespace pp::codecs {

namespace {

// Photoshop writes CMYK JPEGs with inverted samples and says so with an APP14 "Adobe" segment.
bool hasAdobeMarker(std::string_view b) {
  return visitJpegSegments(b, [&](std::uint8_t m, std::size_t at, std::size_t length) {
    return m == 0xEE && length >= 7 && at + 9 <= b.size() && b.compare(at + 4, 5, "Adobe") == 0;
  });
}

// The smallest libjpeg-turbo scaling factor (n/8, at most 1) that keeps the picture at least
// as large as the caller needs.
void chooseScale(int w, int h, DecodeHint hint, int* sw, int* sh) {
  *sw = w;
  *sh = h;
  if (hint.minWidth <= 0 || hint.minHeight <= 0) return;
  int n = 0;
  tjscalingfactor* factors = tjGetScalingFactors(&n);
  for (int i = 0; factors && i < n; ++i) {
    const tjscalingfactor f = factors[i];
    // Only 1/2, 1/4 and 1/8: libjpeg-turbo has fast reduced IDCTs for those; 7/8, 3/4, 5/8...
    // go through generic code and decode slower than full size (bench/images_paths).
    if (f.num != 1 || (f.denom != 2 && f.denom != 4 && f.denom != 8)) continue;
    int cw = TJSCALED(w, f), ch = TJSCALED(h, f);
    if (cw >= hint.minWidth && ch >= hint.minHeight && cw * static_cast<long long>(ch) < *sw * static_cast<long long>(*sh)) {
      *sw = cw;
      *sh = ch;
    }
  }
}

}  // namespace

Decoded decodeJpeg(std::string_view bytes, DecodeHint hint) {
  TjHandle tj(tjInitDecompress());
  if (!tj) return Decoded::fail(DecodeFailure::Corrupt, "cannot start the JPEG decoder");
  auto* src = reinterpret_cast<const unsigned char*>(bytes.data());
  int w = 0, h = 0, subsamp = 0, colorspace = 0;
  if (tjDecompressHeader3(tj.get(), src, bytes.size(), &w, &h, &subsamp, &colorspace) != 0)
    return Decoded::fail(DecodeFailure::Corrupt, std::string("unreadable JPEG header: ") + tjGetErrorStr2(tj.get()));
  if (w <= 0 || h <= 0) return Decoded::fail(DecodeFailure::Corrupt, "JPEG has no pixels");

  const bool gray = colorspace == TJCS_GRAY;
  const bool cmyk = colorspace == TJCS_CMYK || colorspace == TJCS_YCCK;
  const int pf = gray ? TJPF_GRAY : cmyk ? TJPF_CMYK : TJPF_RGB;
  int sw = 0, sh = 0;
  chooseScale(w, h, hint, &sw, &sh);

  Image im = Image::uninitialised(sw, sh, tjPixelSize[pf]);
  // TJFLAG_LIMITSCANS: a progressive JPEG with thousands of scans is a CPU bomb.
  int rc = tjDecompress2(tj.get(), src, bytes.size(), im.pixels.data(), sw, 0, sh, pf, TJFLAG_LIMITSCANS);
  if (rc != 0) {
    std::string why = tjGetErrorStr2(tj.get());
    // Warnings (extraneous bytes, odd markers) leave a whole picture; a premature end leaves a
    // grey band: that file is truncated and must not be shown as if it were whole.
    if (tjGetErrorCode(tj.get()) == TJERR_FATAL || why.find("Premature end") != std::string::npos)
      return Decoded::fail(DecodeFailure::Corrupt, "corrupt or truncated JPEG: " + why);
  }

  Decoded d;
  d.lossy = true;
  d.orientation = jpegExifOrientation(bytes);
  if (cmyk) {
    // CMYK has no place in a screen or a PNG/JPEG RGB rendition: convert naively (no ICC),
    // as browsers without a colour profile do.
    const bool inverted = hasAdobeMarker(bytes);
    Image rgb = Image::uninitialised(sw, sh, 3);
    const std::size_t n = static_cast<std::size_t>(sw) * sh;
    for (std::size_t i = 0; i < n; ++i) {
      int c = im.pixels[i * 4], m = im.pixels[i * 4 + 1], y = im.pixels[i * 4 + 2], k = im.pixels[i * 4 + 3];
      if (!inverted) { c = 255 - c; m = 255 - m; y = 255 - y; k = 255 - k; }
      rgb.pixels[i * 3] = static_cast<std::uint8_t>((c * k + 127) / 255);
      rgb.pixels[i * 3 + 1] = static_cast<std::uint8_t>((m * k + 127) / 255);
      rgb.pixels[i * 3 + 2] = static_cast<std::uint8_t>((y * k + 127) / 255);
    }
    d.image = std::move(rgb);
  } else {
    d.image = std::move(im);
  }
  return d;
}

}  // namespace pp::codecs
