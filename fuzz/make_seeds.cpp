// Writes small seed images of every kind the decoders handle (PNG gray/alpha/RGB/RGBA, BMP,
// JPEG 4:4:4/4:2:0/gray/progressive/EXIF-rotated, WebP lossy/lossless/alpha, GIF static/
// transparent/animated/interlaced, SVG with text, gradients, entities and data: images), so
// that each fuzz target starts from valid files a few hundred bytes long: real photos from the
// corpus are too big to mutate quickly.
//
//   make_seeds OUT_DIR      writes OUT_DIR/{png,jpeg,webp,gif,svg}/NAME
#include <gif_lib.h>
#include <stb_image_write.h>
#include <turbojpeg.h>
#include <webp/encode.h>

#include <cstdio>
#include <cstdlib>
#include <filesystem>
#include <string>
#include <vector>

namespace fs = std::filesystem;

namespace {

void put(const fs::path& out, const std::string& kind, const std::string& name, const void* data, std::size_t size) {
  fs::create_directories(out / kind);
  std::FILE* f = std::fopen((out / kind / name).c_str(), "wb");
  if (!f) std::exit(1);
  std::fwrite(data, 1, size, f);
  std::fclose(f);
}

void put(const fs::path& out, const std::string& kind, const std::string& name, const std::string& s) {
  put(out, kind, name, s.data(), s.size());
}

std::vector<unsigned char> pattern(int w, int h, int ch) {
  std::vector<unsigned char> px(static_cast<std::size_t>(w) * h * ch);
  for (int y = 0; y < h; ++y)
    for (int x = 0; x < w; ++x)
      for (int c = 0; c < ch; ++c)
        px[(static_cast<std::size_t>(y) * w + x) * ch + c] =
            static_cast<unsigned char>(c == 3 ? (x * 255 / std::max(1, w - 1)) : (x * 40 + y * 17 + c * 90));
  return px;
}

void toMemory(void* ctx, void* data, int size) {
  auto* out = static_cast<std::string*>(ctx);
  out->append(static_cast<const char*>(data), static_cast<std::size_t>(size));
}

void pngs(const fs::path& dir) {
  for (int ch = 1; ch <= 4; ++ch)
    for (auto [w, h] : {std::pair{1, 1}, {16, 8}, {33, 17}}) {
      auto px = pattern(w, h, ch);
      std::string out;
      stbi_write_png_to_func(toMemory, &out, w, h, ch, px.data(), w * ch);
      put(dir, "png", "c" + std::to_string(ch) + "-" + std::to_string(w) + "x" + std::to_string(h) + ".png", out);
    }
  auto px = pattern(13, 7, 3);
  std::string bmp;
  stbi_write_bmp_to_func(toMemory, &bmp, 13, 7, 3, px.data());
  put(dir, "png", "rgb.bmp", bmp);
}

// An APP1 Exif segment with one IFD entry: Orientation = `o`.
std::string exifOrientation(int o) {
  std::string tiff = std::string("MM\0\x2a\0\0\0\x08", 8) + std::string("\0\x01", 2) +
                     std::string("\x01\x12\0\x03\0\0\0\x01\0", 9) + static_cast<char>(o) +
                     std::string("\0\0", 2) + std::string(4, '\0');
  std::string payload = std::string("Exif\0\0", 6) + tiff;
  std::size_t len = payload.size() + 2;
  return std::string("\xff\xe1", 2) + static_cast<char>(len >> 8) + static_cast<char>(len & 0xff) + payload;
}

void jpegs(const fs::path& dir) {
  tjhandle tj = tjInitCompress();
  struct Variant {
    const char* name;
    int samp, flags, w, h;
  };
  for (const Variant& v : {Variant{"444", TJSAMP_444, 0, 16, 16}, Variant{"420", TJSAMP_420, 0, 37, 23},
                           Variant{"gray", TJSAMP_GRAY, 0, 9, 30}, Variant{"progressive", TJSAMP_420, TJFLAG_PROGRESSIVE, 40, 24}}) {
    auto px = pattern(v.w, v.h, 3);
    unsigned char* buf = nullptr;
    unsigned long size = 0;
    if (tjCompress2(tj, px.data(), v.w, 0, v.h, TJPF_RGB, &buf, &size, v.samp, 80, v.flags) == 0) {
      std::string jpeg(reinterpret_cast<char*>(buf), size);
      put(dir, "jpeg", std::string(v.name) + ".jpg", jpeg);
      if (std::string(v.name) == "420") put(dir, "jpeg", "exif-rotated.jpg", jpeg.substr(0, 2) + exifOrientation(6) + jpeg.substr(2));
    }
    tjFree(buf);
  }
  tjDestroy(tj);
}

void webps(const fs::path& dir) {
  auto rgb = pattern(21, 13, 3);
  auto rgba = pattern(21, 13, 4);
  std::uint8_t* out = nullptr;
  std::size_t n = WebPEncodeRGB(rgb.data(), 21, 13, 21 * 3, 75, &out);
  put(dir, "webp", "lossy.webp", out, n);
  WebPFree(out);
  n = WebPEncodeRGBA(rgba.data(), 21, 13, 21 * 4, 75, &out);
  put(dir, "webp", "lossy-alpha.webp", out, n);
  WebPFree(out);
  n = WebPEncodeLosslessRGBA(rgba.data(), 21, 13, 21 * 4, &out);
  put(dir, "webp", "lossless-alpha.webp", out, n);
  WebPFree(out);
}

int gifWrite(GifFileType* gif, const GifByteType* data, int size) {
  static_cast<std::string*>(gif->UserData)->append(reinterpret_cast<const char*>(data), static_cast<std::size_t>(size));
  return size;
}

std::string gif(int frames, bool transparent, bool interlaced) {
  std::string out;
  int err = 0;
  GifFileType* g = EGifOpen(&out, gifWrite, &err);
  if (!g) return out;
  GifColorType colors[4] = {{0, 0, 0}, {255, 0, 0}, {0, 255, 0}, {0, 0, 255}};
  ColorMapObject* map = GifMakeMapObject(4, colors);
  EGifSetGifVersion(g, true);
  EGifPutScreenDesc(g, 12, 9, 2, 0, map);
  if (frames > 1) {
    const unsigned char loop[] = {1, 0, 0};
    EGifPutExtensionLeader(g, APPLICATION_EXT_FUNC_CODE);
    EGifPutExtensionBlock(g, 11, "NETSCAPE2.0");
    EGifPutExtensionBlock(g, 3, loop);
    EGifPutExtensionTrailer(g);
  }
  for (int f = 0; f < frames; ++f) {
    if (transparent || frames > 1) {
      GraphicsControlBlock gcb{};
      gcb.DisposalMode = DISPOSE_BACKGROUND;
      gcb.DelayTime = 10;
      gcb.TransparentColor = transparent ? 0 : NO_TRANSPARENT_COLOR;
      GifByteType ext[4];
      EGifGCBToExtension(&gcb, ext);
      EGifPutExtension(g, GRAPHICS_EXT_FUNC_CODE, 4, ext);
    }
    EGifPutImageDesc(g, 0, 0, 12, 9, interlaced, nullptr);
    std::vector<GifPixelType> line(12);
    // Interlaced images are written in pass order; the pattern does not care.
    for (int y = 0; y < 9; ++y) {
      for (int x = 0; x < 12; ++x) line[x] = static_cast<GifPixelType>((x + y + f) % 4);
      EGifPutLine(g, line.data(), 12);
    }
  }
  EGifCloseFile(g, &err);
  GifFreeMapObject(map);
  return out;
}

void gifs(const fs::path& dir) {
  put(dir, "gif", "static.gif", gif(1, false, false));
  put(dir, "gif", "transparent.gif", gif(1, true, false));
  put(dir, "gif", "animated.gif", gif(3, true, false));
  put(dir, "gif", "interlaced.gif", gif(1, false, true));
}

void svgs(const fs::path& dir) {
  const std::string ns = "xmlns='http://www.w3.org/2000/svg'";
  put(dir, "svg", "rect.svg", "<svg " + ns + " width='40' height='20'><rect width='20' height='10' fill='red'/></svg>");
  put(dir, "svg", "viewbox.svg", "<svg " + ns + " viewBox='0 0 100 50'><circle cx='25' cy='25' r='20' fill='#08f'/></svg>");
  put(dir, "svg", "text.svg", "<?xml version='1.0' encoding='UTF-8'?>\n<svg " + ns +
                             " width='120' height='30'><text x='2' y='20' font-size='14'>Hello \xc3\xa9 \xe2\x86\x92</text></svg>");
  put(dir, "svg", "gradient.svg", "<svg " + ns + " width='50' height='50'><defs><linearGradient id='g'><stop offset='0' stop-color='red'/>"
                                 "<stop offset='1' stop-color='blue'/></linearGradient></defs><rect width='50' height='50' fill='url(#g)'/>"
                                 "<use href='#r' x='5'/><g id='r'><path d='M0 0 L10 10 Q 20 0 30 10 Z'/></g></svg>");
  put(dir, "svg", "entities.svg", "<?xml version='1.0'?>\n<!DOCTYPE svg PUBLIC '-//W3C//DTD SVG 1.1//EN' "
                                 "'http://www.w3.org/Graphics/SVG/1.1/DTD/svg11.dtd' [\n<!ENTITY ns_svg 'http://www.w3.org/2000/svg'>\n"
                                 "<!ENTITY w '30'>]>\n<svg xmlns='&ns_svg;' width='&w;' height='10'><rect width='&w;' height='5'/></svg>");
  put(dir, "svg", "data-image.svg", "<svg " + ns + " xmlns:xlink='http://www.w3.org/1999/xlink' width='8' height='8'><image width='8' height='8' "
                                   "xlink:href='data:image/gif;base64,R0lGODlhAQABAIAAAP///wAAACwAAAAAAQABAAACAkQBADs='/></svg>");
  put(dir, "svg", "style-filter.svg", "<svg " + ns + " width='60' height='40' version='1.1'><style>.a{fill:green;stroke:#000}</style>"
                                     "<filter id='f'><feGaussianBlur stdDeviation='2'/></filter><rect class='a' width='50' height='30' filter='url(#f)'/>"
                                     "<polyline points='0,0 10,5 20,0' fill='none' stroke='red' stroke-dasharray='2 1'/></svg>");
}

}  // namespace

int main(int argc, char** argv) {
  if (argc != 2) {
    std::fprintf(stderr, "usage: make_seeds OUT_DIR\n");
    return 2;
  }
  const fs::path dir = argv[1];
  pngs(dir);
  jpegs(dir);
  webps(dir);
  gifs(dir);
  svgs(dir);
  return 0;
}
