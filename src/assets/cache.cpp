#include "assets/cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <fstream>
#include <sstream>
#include <system_error>
#include <thread>

#include "assets/names.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"

namespace pp::assets {

namespace {

using Codec = EncodedImage::Codec;

bool sizeIs(const fs::path& p, std::uintmax_t expected) {
  std::error_code ec;
  auto n = fs::file_size(p, ec);
  return !ec && n == expected;
}

// One line per field: "<name> <value...>"; free text fields last on their line.
std::string describeImage(const char* name, const EncodedImage& e) {
  std::ostringstream s;
  s << name << ' ' << codecName(e.codec) << ' ' << e.width << ' ' << e.height << ' ' << e.components << ' '
    << (e.hash.empty() ? "-" : e.hash) << ' ' << (e.file.empty() ? "-" : e.file.filename().string()) << ' '
    << (e.alphaFile.empty() ? "-" : e.alphaFile.filename().string());
  return s.str();
}

}  // namespace

bool writeCacheFile(const fs::path& target, std::string_view data, std::string* error) {
  std::string why;
  if (writeFileAtomic(target, data, &why, Durability::Unsynced)) return true;
  if (error) *error = "cannot write " + target.string() + ": " + why;
  return false;
}

bool RenditionCache::prepare(std::string* error) const {
  std::error_code ec;
  for (const char* sub : {"images", "entries", "remote"}) {
    fs::create_directories(dir_ / sub, ec);
    if (ec) {
      if (error) *error = "cannot create the image cache " + (dir_ / sub).string() + ": " + ec.message();
      return false;
    }
  }
  return true;
}

fs::path RenditionCache::remoteFile(const std::string& url) const { return dir_ / "remote" / contentHash(url); }

std::optional<CacheEntry> RenditionCache::load(const std::string& key) const {
  std::ifstream in(dir_ / "entries" / key);
  if (!in) return std::nullopt;
  std::string line;
  if (!std::getline(in, line) || line != kPipelineVersion) return std::nullopt;
  CacheEntry e;
  bool sawStatus = false;
  while (std::getline(in, line)) {
    std::istringstream f(line);
    std::string field;
    f >> field;
    auto rest = [&] {
      std::string r;
      std::getline(f, r);
      return std::string(trim(r));
    };
    if (field == "status") {
      std::string st;
      f >> st;
      auto s = assetStatusFromName(st);
      if (!s || *s == AssetStatus::Pending) return std::nullopt;
      e.status = *s;
      sawStatus = true;
    } else if (field == "format") {
      e.format = rest();
    } else if (field == "size") {
      f >> e.width >> e.height;
    } else if (field == "message") {
      e.message = rest();
    } else if (field == "note") {
      e.notes.push_back(rest());
    } else if (field == "pdf" || field == "epub") {
      EncodedImage& img = field == "pdf" ? e.pdf : e.epub;
      std::string codec, hash, file, alpha;
      f >> codec >> img.width >> img.height >> img.components >> hash >> file >> alpha;
      if (!f) return std::nullopt;
      img.codec = codecFromName(codec);
      img.hash = hash == "-" ? "" : hash;
      if (file != "-") img.file = dir_ / "images" / file;
      if (alpha != "-") img.alphaFile = dir_ / "images" / alpha;
    }
  }
  if (!sawStatus) return std::nullopt;
  if (e.status == AssetStatus::Ok) {
    // Every file must be there and not empty (each was written atomically).
    for (const EncodedImage* img : {&e.pdf, &e.epub}) {
      std::error_code ec;
      if (img->codec == Codec::None || img->file.empty() || !fs::is_regular_file(img->file, ec)) return std::nullopt;
      const std::uintmax_t px = static_cast<std::uintmax_t>(img->width) * img->height;
      if (px == 0 || fs::file_size(img->file, ec) == 0) return std::nullopt;
      if (!img->alphaFile.empty() && fs::file_size(img->alphaFile, ec) == 0) return std::nullopt;
    }
  }
  return e;
}

std::optional<CacheEntry> RenditionCache::save(const std::string& key, const PipelineResult& r, std::string* error) const {
  CacheEntry e;
  static_cast<ImageOutcome&>(e) = r;
  auto store = [&](const EncodedBytes& b, EncodedImage* img) -> bool {
    img->codec = b.codec;
    img->width = b.width;
    img->height = b.height;
    img->components = b.components;
    img->hash = contentHash(b.data);
    img->file = dir_ / "images" / (img->hash + "." + img->extension());
    if (!sizeIs(img->file, b.data.size()) && !writeCacheFile(img->file, b.data, error)) return false;
    if (!b.alpha.empty()) {
      img->alphaFile = dir_ / "images" / (contentHash(b.alpha) + ".alpha.png");
      if (!sizeIs(img->alphaFile, b.alpha.size()) && !writeCacheFile(img->alphaFile, b.alpha, error)) return false;
    }
    return true;
  };
  if (r.status == AssetStatus::Ok) {
    if (!store(r.epub, &e.epub)) return std::nullopt;
    if (r.pdf.sameAsEpub) {
      e.pdf = e.epub;  // one file for both: written once, named once
    } else if (!store(r.pdf, &e.pdf)) {
      return std::nullopt;
    }
  }

  std::ostringstream m;
  m << kPipelineVersion << '\n' << "status " << assetStatusName(e.status) << '\n';
  if (!e.format.empty()) m << "format " << e.format << '\n';
  m << "size " << e.width << ' ' << e.height << '\n';
  auto oneLine = [](std::string s) {
    for (char& c : s)
      if (c == '\n' || c == '\r') c = ' ';
    return s;
  };
  if (!e.message.empty()) m << "message " << oneLine(e.message) << '\n';
  for (auto& n : e.notes) m << "note " << oneLine(n) << '\n';
  if (e.status == AssetStatus::Ok) m << describeImage("pdf", e.pdf) << '\n' << describeImage("epub", e.epub) << '\n';
  if (!writeCacheFile(dir_ / "entries" / key, m.str(), error)) return std::nullopt;
  return e;
}

}  // namespace pp::assets
