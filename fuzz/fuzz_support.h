// Shared by the libFuzzer targets: a small site made once per process in the temp folder (so
// that includes, image references and bundles resolve to something real), sites for each
// generator, and the whole-post pipeline the targets drive.
//
// The harness holds process-wide state (the site folder) on purpose: a fuzzer runs one input
// after another in one process, and re-creating the folder per input would measure mkdir.
#pragma once

#include <stb_image_write.h>
#include <unistd.h>

#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/site.h"

namespace ppfuzz {

namespace fs = std::filesystem;

inline void writeText(const fs::path& p, std::string_view text) {
  fs::create_directories(p.parent_path());
  std::FILE* f = std::fopen(p.c_str(), "wb");
  if (!f) return;
  std::fwrite(text.data(), 1, text.size(), f);
  std::fclose(f);
}

// A folder holding a tiny Jekyll-and-Hugo site: an include, two images, a page bundle folder.
// Removed when the process ends normally.
class FuzzSite {
 public:
  FuzzSite() {
    root_ = fs::temp_directory_path() / ("pp-fuzz-site-" + std::to_string(::getpid()));
    fs::remove_all(root_);
    fs::create_directories(root_ / "_posts");
    fs::create_directories(root_ / "img");
    fs::create_directories(root_ / "content" / "posts" / "bundle");
    writeText(root_ / "_includes" / "note.html", "<div class=\"note\">{{ include.text }}</div>\n");
    writeText(root_ / "_config.yml", "title: Fuzz\nurl: https://example.org\n");
    std::vector<unsigned char> px(8 * 6 * 3);
    for (std::size_t i = 0; i < px.size(); ++i) px[i] = static_cast<unsigned char>(i * 37);
    stbi_write_png((root_ / "img" / "a.png").c_str(), 8, 6, 3, px.data(), 8 * 3);
    stbi_write_jpg((root_ / "img" / "b.jpg").c_str(), 8, 6, 3, px.data(), 80);
    fs::copy_file(root_ / "img" / "a.png", root_ / "content" / "posts" / "bundle" / "featured.png");
    cache_ = root_.string() + "-cache";
  }
  ~FuzzSite() {
    std::error_code ec;
    fs::remove_all(root_, ec);
    fs::remove_all(cache_, ec);
  }
  FuzzSite(const FuzzSite&) = delete;
  FuzzSite& operator=(const FuzzSite&) = delete;

  const fs::path& root() const { return root_; }
  const fs::path& cacheDir() const { return cache_; }

  // A site as loadSite would give it for `g`, rooted in the fuzz folder.
  pp::Site site(pp::Generator g) const {
    pp::Site s;
    s.root = root_;
    s.generator = g;
    s.title = "Fuzz Blog";
    s.url = "https://example.org";
    s.config["title"] = s.title;
    s.config["url"] = s.url;
    s.staticRoots = {root_};
    s.emoji = true;
    s.math = true;
    if (g == pp::Generator::Jekyll) {
      s.includesDir = root_ / "_includes";
      s.contentDir = root_;
    } else if (g == pp::Generator::Hugo) {
      s.contentDir = root_ / "content";
      s.staticRoots = {root_ / "static", root_};
    } else if (g == pp::Generator::Docusaurus) {
      s.contentDir = root_ / "blog";
    }
    return s;
  }

  // Where a post of that generator lives (never opened: readPostText takes the text).
  fs::path postFile(pp::Generator g) const {
    switch (g) {
      case pp::Generator::Jekyll: return root_ / "_posts" / "2025-11-18-fuzz-post.md";
      case pp::Generator::Hugo: return root_ / "content" / "posts" / "bundle" / "index.md";
      case pp::Generator::Docusaurus: return root_ / "blog" / "2025-11-18-fuzz.mdx";
      default: break;  // the other generators' posts sit in a plain folder here
    }
    return root_ / "notes" / "fuzz.md";
  }

 private:
  fs::path root_;
  fs::path cache_;
};

inline const FuzzSite& fuzzSite() {
  static const FuzzSite site;
  return site;
}

inline std::string_view asText(const std::uint8_t* data, std::size_t size) {
  return {reinterpret_cast<const char*>(data), size};
}

}  // namespace ppfuzz
