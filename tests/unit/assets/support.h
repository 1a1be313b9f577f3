// Helpers for the asset tests: temporary site folders, image generators (so odd files are
// made by the tests themselves), and a hand-built Site/Post.
#pragma once

#include <doctest/doctest.h>
#include <gif_lib.h>
#include <stb_image.h>
#include <stb_image_write.h>
#include <turbojpeg.h>
#include <unistd.h>
#include <webp/encode.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "postpress/assets.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/site.h"

namespace pptest {

namespace fs = std::filesystem;

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

// pf: TJPF_RGB, TJPF_GRAY or TJPF_CMYK (CMYK samples come from the pattern's r,g,b,a).
inline std::string makeJpeg(int w, int h, const Pattern& p, int pf = TJPF_RGB, int flags = 0, int quality = 90) {
  const int ch = tjPixelSize[pf];
  auto px = pixels(w, h, ch == 1 ? 1 : (ch == 4 ? 4 : 3), p);
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

// A picture decoded back from an encoded rendition (JPEG/PNG), for checking what came out.
struct Decoded {
  int w = 0, h = 0, ch = 0;
  std::vector<std::uint8_t> px;
  Rgba at(int x, int y) const {
    const std::uint8_t* p = &px[(static_cast<std::size_t>(y) * w + x) * ch];
    if (ch == 1) return {p[0], p[0], p[0], 255};
    if (ch == 2) return {p[0], p[0], p[0], p[1]};
    return {p[0], p[1], p[2], static_cast<std::uint8_t>(ch == 4 ? p[3] : 255)};
  }
};
inline Decoded decodeFile(const fs::path& p) {
  std::string err;
  auto bytes = pp::readFile(p, &err);
  REQUIRE(bytes);
  Decoded d;
  unsigned char* px = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes->data()), static_cast<int>(bytes->size()), &d.w, &d.h, &d.ch, 0);
  REQUIRE(px);
  d.px.assign(px, px + static_cast<std::size_t>(d.w) * d.h * d.ch);
  stbi_image_free(px);
  return d;
}

inline std::string base64(const std::string& in) {
  static const char* b64 = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/";
  std::string enc;
  for (std::size_t i = 0; i < in.size(); i += 3) {
    std::uint32_t v = static_cast<std::uint32_t>(static_cast<std::uint8_t>(in[i])) << 16;
    if (i + 1 < in.size()) v |= static_cast<std::uint32_t>(static_cast<std::uint8_t>(in[i + 1])) << 8;
    if (i + 2 < in.size()) v |= static_cast<std::uint8_t>(in[i + 2]);
    enc += b64[(v >> 18) & 63];
    enc += b64[(v >> 12) & 63];
    enc += i + 1 < in.size() ? b64[(v >> 6) & 63] : '=';
    enc += i + 2 < in.size() ? b64[v & 63] : '=';
  }
  return enc;
}

class TempDir {
 public:
  TempDir() {
    static std::atomic<int> n{0};
    path_ = fs::temp_directory_path() / ("pp-assets-test-" + std::to_string(::getpid()) + "-" + std::to_string(n++));
    fs::remove_all(path_);
    fs::create_directories(path_);
    path_ = fs::canonical(path_);
  }
  ~TempDir() {
    std::error_code ec;
    fs::remove_all(path_, ec);
  }
  const fs::path& path() const { return path_; }
  fs::path operator/(const std::string& rel) const { return path_ / rel; }

 private:
  fs::path path_;
};

inline void writeBytes(const fs::path& p, const std::string& data) {
  fs::create_directories(p.parent_path());
  std::ofstream(p, std::ios::binary) << data;
}

// A Jekyll-like site at `root` with one post at _posts/2025-01-01-post.md whose pretty
// permalink is /2025/01/01/post/ and whose body starts on line 6.
struct TestSite {
  pp::Site site;
  pp::Post post;
  explicit TestSite(const fs::path& root) {
    site.root = root;
    site.generator = pp::Generator::Jekyll;
    site.staticRoots = {root};
    site.contentDir = root;
    post.file = root / "_posts" / "2025-01-01-post.md";
    post.path = "_posts/2025-01-01-post.md";
    post.permalinkPath = "/2025/01/01/post/";
    post.bodyLine = 6;
    fs::create_directories(post.file.parent_path());
    writeBytes(post.file, "---\ntitle: t\n---\n\n\nbody\n");
  }
};

inline pp::AssetOptions optionsIn(const fs::path& cache, int jobs = 1) {
  pp::AssetOptions o;
  o.cacheDir = cache;
  o.jobs = jobs;
  return o;
}

// A site with one post, an asset store caching in a temporary folder, and a way to resolve and
// process one image file through it (the fixture the format, hostile-file and rendition tests
// share).
struct StoreRun {
  TempDir dir;
  fs::path root = dir / "site";
  TestSite t{root};
  pp::DiagnosticSink diags;
  pp::AssetOptions opts = optionsIn(dir / "cache");
  std::unique_ptr<pp::AssetStore> store = std::make_unique<pp::AssetStore>(opts);
  // A new store on the same cache (a second build).
  void reopen() { store = std::make_unique<pp::AssetStore>(opts); }
  // Writes `bytes` as `name` (whatever its extension says), resolves and processes it.
  const pp::Asset& process(const std::string& bytes, const std::string& name = "img/x.png", int widthHint = 0) {
    writeBytes(root / name, bytes);
    int id = store->resolve(t.site, t.post, "/" + name, t.post.loc(1, 1), diags, widthHint);
    store->process(diags);
    return store->at(id);
  }
  std::size_t cachedImages() const {
    std::size_t n = 0;
    for (auto& e : fs::directory_iterator(dir / "cache" / "images")) n += e.is_regular_file() ? 1 : 0;
    return n;
  }
};

}  // namespace pptest
