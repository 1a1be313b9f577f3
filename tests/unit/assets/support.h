// Helpers for the asset tests: temporary site folders, a hand-built Site/Post, and the image
// generators of the codec tests.
#pragma once

#include <doctest/doctest.h>
#include <stb_image.h>
#include <unistd.h>

#include <atomic>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <functional>
#include <memory>
#include <random>
#include <string>
#include <vector>

#include "codecs/test_images.h"
#include "postpress/assets.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/site.h"

namespace pptest {

namespace fs = std::filesystem;

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
