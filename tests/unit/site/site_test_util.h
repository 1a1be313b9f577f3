// Helpers for the site-stage tests: temporary sites written from strings, fixture paths, the
// sites and posts read from them.
#pragma once

#include <doctest/doctest.h>

#include <cstdlib>
#include <filesystem>
#include <fstream>
#include <string>
#include <string_view>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/site.h"

namespace pp::test {

namespace fs = std::filesystem;

// A temporary folder removed on destruction.
class TempSite {
 public:
  TempSite() {
    std::string pattern = (fs::temp_directory_path() / "pp-site-test-XXXXXX").string();
    if (char* made = ::mkdtemp(pattern.data())) root_ = made;
  }
  ~TempSite() {
    std::error_code ec;
    if (!root_.empty()) fs::remove_all(root_, ec);
  }
  TempSite(const TempSite&) = delete;
  TempSite& operator=(const TempSite&) = delete;

  const fs::path& root() const { return root_; }
  fs::path write(const std::string& rel, std::string_view text) const {
    fs::path p = root_ / rel;
    fs::create_directories(p.parent_path());
    std::ofstream out(p, std::ios::binary);
    out << text;
    return p;
  }

 private:
  fs::path root_;
};

inline fs::path fixture(const char* name) { return fs::path(PP_TEST_DATA) / "sites" / name; }

inline fs::path corpus(const char* name) {
  return fs::path(PP_SOURCE_DIR) / ".." / "shared" / "corpus" / name;
}

// The fixture site tests/data/sites/<name>, with Jekyll's _drafts/ and a --posts override
// when asked.
inline Site loadFixture(const char* name, DiagnosticSink& diags, bool drafts = false, std::string postsGlob = "") {
  SiteOptions opts;
  opts.root = fixture(name);
  opts.drafts = drafts;
  opts.postsGlob = std::move(postsGlob);
  return loadSite(opts, diags);
}

// The site a test wrote into dir.
inline Site loadTempSite(const TempSite& dir, DiagnosticSink& diags) {
  SiteOptions opts;
  opts.root = dir.root();
  return loadSite(opts, diags);
}

inline std::vector<std::string> postPaths(const Site& site) {
  std::vector<std::string> out;
  for (const Post& p : site.posts) out.push_back(p.path);
  return out;
}

inline const Post* findPost(const Site& site, std::string_view path) {
  for (const Post& p : site.posts) {
    if (p.path == path) return &p;
  }
  return nullptr;
}

// The post at path, which the test requires the site to have.
inline const Post& requirePost(const Site& site, const char* path) {
  const Post* p = findPost(site, path);
  INFO("no post " << path);
  REQUIRE(p != nullptr);
  return *p;
}

// Reports every post's own diagnostics (kept with the post by loadSite) into sink, as a digest
// selecting all of them would.
inline void reportAllPosts(const Site& site, DiagnosticSink& sink) {
  std::vector<const Post*> all;
  for (const Post& p : site.posts) all.push_back(&p);
  reportPostDiagnostics(all, sink);
}

inline std::size_t countDiag(const DiagnosticSink& sink, const std::string& code,
                             const std::string& path = "") {
  std::size_t n = 0;
  for (const Diagnostic& d : sink.all()) {
    if (d.code == code && (path.empty() || d.loc.path == path)) ++n;
  }
  return n;
}

inline const Diagnostic* findDiag(const DiagnosticSink& sink, const std::string& code,
                                  const std::string& path) {
  static thread_local Diagnostic found;
  for (const Diagnostic& d : sink.all()) {
    if (d.code == code && d.loc.path == path) {
      found = d;
      return &found;
    }
  }
  return nullptr;
}

}  // namespace pp::test
