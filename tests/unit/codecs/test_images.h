// Image generators for the codec and asset tests: odd files are made by the tests themselves
// (libraries' encoders, hand-built chunks), never kept as fixtures.
#pragma once

#include <doctest/doctest.h>
#include <gif_lib.h>
#include <stb_image_write.h>
#include <turbojpeg.h>
#include <webp/encode.h>

#include <algorithm>
#include <cstdint>
#include <functional>
#include <string>
#include <vector>

namespace pptest {

struct Rgba {
  std::uint8_t r = 0, g = 0, b = 0, a = 255;
};
using Pattern = std::function<Rgba(int x, int y)>;

inline Pattern halves(Rgba left = {255, 0, 0, 255}, Rgba right = {0, 0, 255, 255}) {
  return [=](int x, int) { return x % 2 == 0 ? left : right; };
}
// A well-mixed 32-bit hash of a pixel position (unsigned arithmetic: no overflow for UBSan).
inline std::uint32_t positionHash(int x, int y, std::uint32_t seed = 0) {
  std::uint32_t h = (static_cast<std::uint32_t>(x) * 73856093u) ^ (static_cast<std::uint32_t>(y) * 19349663u) ^ seed;
  return h * 2654435761u;
}

// A photograph-like pattern: smooth gradients plus noise (no flat runs, thousands of colours).
inline Pattern photo(unsigned seed = 7) {
  return [seed](int x, int y) {
    const std::uint32_t h = positionHash(x, y, seed);
    int n = static_cast<int>(h >> 27) - 16;
    auto c = [&](int v) { return static_cast<std::uint8_t>(std::clamp(v + n, 0, 255)); };
    return Rgba{c(x % 256), c((x + y) % 256), c(y % 256), 255};
  };
}

inline std::vector<std::uint8_t> pixels(int w, int h, int ch, const Pattern& p) {
  std::vector<std::uint8_t> px(static_cast<std::size_t>(w) * h * ch);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x) {
      Rgba c = p(x, y);
      std::uint8_t* o = &px[(static_cast<std::size_t>(y) * w + x) * ch];
      if (ch == 1) o[0] = c.g;
      else if (ch == 2) { o[0] = c.g; o[1] = c.a; }
      else { o[0] = c.r; o[1] = c.g; o[2] = c.b; if (ch == 4) o[3] = c.a; }
    }
  return px;
}

// A picture's bytes as a plain vector, to compare with pixels() and the decoders' output.
template <class Buffer>
std::vector<std::uint8_t> bytesOf(const Buffer& b) {
  return std::vector<std::uint8_t>(b.begin(), b.end());
}

inline void appendTo(void* ctx, void* data, int size) {
  static_cast<std::string*>(ctx)->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

inline std::string makePng(int w, int h, int ch, const Pattern& p) {
  auto px = pixels(w, h, ch, p);
  std::string out;
  stbi_write_png_to_func(appendTo, &out, w, h, ch, px.data(), w * ch);
  return out;
}

inline std::string makeBmp(int w, int h, const Pattern& p) {
  auto px = pixels(w, h, 3, p);
  std::string out;
  stbi_write_bmp_to_func(appendTo, &out, w, h, 3, px.data());
  return out;
}

// Pixels (as pixels() lays them out for `pf`) compressed as a JPEG.
inline std::string jpegOf(int w, int h, const std::vector<std::uint8_t>& px, int pf = TJPF_RGB, int flags = 0,
                          int quality = 90) {
  tjhandle tj = tjInitCompress();
  unsigned char* out = nullptr;
  unsigned long size = 0;
  int samp = pf == TJPF_GRAY ? TJSAMP_GRAY : TJSAMP_444;
  REQUIRE(tjCompress2(tj, px.data(), w, 0, h, pf, &out, &size, samp, quality, flags) == 0);
  std::string s(reinterpret_cast<char*>(out), size);
  tjFree(out);
  tjDestroy(tj);
  return s;
}

// pf: TJPF_RGB, TJPF_GRAY or TJPF_CMYK (CMYK samples come from the pattern's r,g,b,a).
inline std::string makeJpeg(int w, int h, const Pattern& p, int pf = TJPF_RGB, int flags = 0, int quality = 90) {
  const int ch = tjPixelSize[pf];
  return jpegOf(w, h, pixels(w, h, ch == 1 ? 1 : (ch == 4 ? 4 : 3), p), pf, flags, quality);
}

// Inserts an APP1 Exif segment carrying `orientation` right after SOI.
inline std::string withExifOrientation(const std::string& jpeg, int orientation) {
  std::string tiff("MM\0*\0\0\0\x08", 8);
  tiff += std::string("\0\x01", 2);                                   // one entry
  tiff += std::string("\x01\x12\0\x03\0\0\0\x01", 8);                 // Orientation, SHORT, 1
  tiff += std::string(1, '\0') + std::string(1, static_cast<char>(orientation)) + std::string(2, '\0');
  tiff += std::string(4, '\0');                                       // no next IFD
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  std::size_t len = payload.size() + 2;
  std::string seg = "\xFF\xE1";
  seg += static_cast<char>(len >> 8);
  seg += static_cast<char>(len & 0xFF);
  return jpeg.substr(0, 2) + seg + payload + jpeg.substr(2);
}

inline std::string makeWebp(int w, int h, int ch, const Pattern& p, bool lossless) {
  auto px = pixels(w, h, ch, p);
  std::uint8_t* out = nullptr;
  std::size_t n = 0;
  if (lossless) n = ch == 4 ? WebPEncodeLosslessRGBA(px.data(), w, h, w * 4, &out) : WebPEncodeLosslessRGB(px.data(), w, h, w * 3, &out);
  else n = ch == 4 ? WebPEncodeRGBA(px.data(), w, h, w * 4, 90, &out) : WebPEncodeRGB(px.data(), w, h, w * 3, 90, &out);
  REQUIRE(n > 0);
  std::string s(reinterpret_cast<char*>(out), n);
  WebPFree(out);
  return s;
}

inline std::string le24(int v) { return std::string{static_cast<char>(v & 0xFF), static_cast<char>((v >> 8) & 0xFF), static_cast<char>((v >> 16) & 0xFF)}; }
inline std::string le32(std::uint32_t v) { return le24(static_cast<int>(v & 0xFFFFFF)) + static_cast<char>(v >> 24); }
inline std::string riffChunk(const std::string& tag, const std::string& data) {
  std::string c = tag + le32(static_cast<std::uint32_t>(data.size())) + data;
  if (data.size() % 2) c += '\0';
  return c;
}

// An animated WebP built by hand from simple lossless frames (libwebpmux is not linked).
inline std::string makeAnimatedWebp(int w, int h, const std::vector<Pattern>& frames) {
  std::string body = "WEBP";
  std::string vp8x(1, static_cast<char>(0x02 | 0x10));  // animation + alpha
  vp8x += std::string(3, '\0') + le24(w - 1) + le24(h - 1);
  body += riffChunk("VP8X", vp8x);
  body += riffChunk("ANIM", std::string(4, '\0') + std::string(2, '\0'));
  for (const auto& f : frames) {
    std::string still = makeWebp(w, h, 4, f, true);
    std::string inner = still.substr(12);  // the VP8L chunk
    std::string anmf = le24(0) + le24(0) + le24(w - 1) + le24(h - 1) + le24(100) + std::string(1, '\0') + inner;
    body += riffChunk("ANMF", anmf);
  }
  return "RIFF" + le32(static_cast<std::uint32_t>(body.size())) + body;
}

inline int gifWrite(GifFileType* g, const GifByteType* data, int n) {
  static_cast<std::string*>(g->UserData)->append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(n));
  return n;
}

// A GIF with a 4-colour palette (red, blue, green, white); each frame is a w x h index grid.
inline std::string makeGif(int w, int h, const std::vector<std::function<int(int, int)>>& frames, int transparentIndex = -1,
                           bool interlace = false) {
  std::string out;
  int err = 0;
  GifFileType* g = EGifOpen(&out, gifWrite, &err);
  REQUIRE(g);
  GifColorType colours[4] = {{255, 0, 0}, {0, 0, 255}, {0, 255, 0}, {255, 255, 255}};
  ColorMapObject* map = GifMakeMapObject(4, colours);
  EGifSetGifVersion(g, true);
  REQUIRE(EGifPutScreenDesc(g, w, h, 2, 0, map) == GIF_OK);
  for (const auto& f : frames) {
    if (transparentIndex >= 0) {
      GifByteType ext[4] = {1, 0, 0, static_cast<GifByteType>(transparentIndex)};
      EGifPutExtension(g, GRAPHICS_EXT_FUNC_CODE, 4, ext);
    }
    REQUIRE(EGifPutImageDesc(g, 0, 0, w, h, interlace, nullptr) == GIF_OK);
    std::vector<GifPixelType> line(static_cast<std::size_t>(w));
    auto put = [&](int y) {
      for (int x = 0; x < w; ++x) line[static_cast<std::size_t>(x)] = static_cast<GifPixelType>(f(x, y));
      REQUIRE(EGifPutLine(g, line.data(), w) == GIF_OK);
    };
    if (interlace) {
      const int start[] = {0, 4, 2, 1}, step[] = {8, 8, 4, 2};
      for (int pass = 0; pass < 4; ++pass)
        for (int y = start[pass]; y < h; y += step[pass]) put(y);
    } else {
      for (int y = 0; y < h; ++y) put(y);
    }
  }
  EGifCloseFile(g, &err);
  GifFreeMapObject(map);
  return out;
}

}  // namespace pptest
