#include "assets/cache.h"

#include <unistd.h>

#include <atomic>
#include <cstdio>
#include <sstream>
#include <system_error>
#include <thread>

#include "assets/names.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"

namespace pp::assets {

namespace {

using Codec = EncodedImage::Codec;

bool isHex(std::string_view s) {
  return !s.empty() && s.find_first_not_of("0123456789abcdef") == std::string_view::npos;
}

// The rendition file an entry names, only when its name is what save() gives it ("<hash>.jpg",
// "<hash>.png", "<hash>.alpha.png"): a name with "/" or ".." never leaves images/.
std::optional<fs::path> renditionFile(const fs::path& images, const std::string& name, std::string_view suffix) {
  if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0)
    return std::nullopt;
  if (!isHex(std::string_view(name).substr(0, name.size() - suffix.size()))) return std::nullopt;
  return images / name;
}

// True when the file's bytes hash to `hash` (so flipped or missing bytes are a miss).
bool holds(const fs::path& file, const std::string& hash) {
  auto h = hashFile(file, nullptr, 256u << 20);
  return h && *h == hash;
}

constexpr std::string_view kCheckField = "check ";

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
  if (!isHex(key)) return std::nullopt;
  // The last line is the hash of the lines before it: a damaged entry is a miss.
  auto text = readFile(dir_ / "entries" / key, nullptr, 1u << 20);
  if (!text) return std::nullopt;
  const std::size_t last = text->rfind('\n', text->size() >= 2 ? text->size() - 2 : 0);
  if (last == std::string::npos || text->back() != '\n' ||
      text->compare(last + 1, kCheckField.size(), kCheckField) != 0 ||
      text->substr(last + 1 + kCheckField.size(), text->size() - last - 2 - kCheckField.size()) !=
          contentHash(std::string_view(*text).substr(0, last + 1)))
    return std::nullopt;
  std::istringstream in(text->substr(0, last + 1));
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
      if (e.width < 0 || e.height < 0) return std::nullopt;
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
      // Sizes a rendition can have: a negative one would pass a product test and reach layout.
      if (img.codec == Codec::None || !isHex(img.hash) || img.width <= 0 || img.height <= 0 ||
          img.components < 1 || img.components > 4)
        return std::nullopt;
      auto named = renditionFile(dir_ / "images", file, std::string(".") + img.extension());
      if (!named || named->filename().string() != img.hash + "." + img.extension()) return std::nullopt;
      img.file = *named;
      if (alpha != "-") {
        auto alphaNamed = renditionFile(dir_ / "images", alpha, ".alpha.png");
        if (!alphaNamed) return std::nullopt;
        img.alphaFile = *alphaNamed;
      }
    }
  }
  if (!sawStatus) return std::nullopt;
  if (e.status == AssetStatus::Ok) {
    // Every file must be there with the bytes it was written with (its name is their hash):
    // a torn, truncated or altered rendition is a miss, made and written again.
    for (const EncodedImage* img : {&e.pdf, &e.epub}) {
      if (img->file.empty() || img->width <= 0) return std::nullopt;  // no "pdf"/"epub" line
      if (img == &e.pdf && e.pdf.file == e.epub.file) continue;  // one file, checked once
      if (!holds(img->file, img->hash)) return std::nullopt;
      if (!img->alphaFile.empty()) {
        const std::string stem = img->alphaFile.filename().string();
        if (!holds(img->alphaFile, stem.substr(0, stem.size() - std::string_view(".alpha.png").size())))
          return std::nullopt;
      }
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
    // Written even when a file of that name is there: it may be the damaged file that made
    // this entry a miss.
    if (!writeCacheFile(img->file, b.data, error)) return false;
    if (!b.alpha.empty()) {
      img->alphaFile = dir_ / "images" / (contentHash(b.alpha) + ".alpha.png");
      if (!writeCacheFile(img->alphaFile, b.alpha, error)) return false;
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
  std::string text = m.str();
  text += std::string(kCheckField) + contentHash(text) + '\n';
  if (!writeCacheFile(dir_ / "entries" / key, text, error)) return std::nullopt;
  return e;
}

}  // namespace pp::assets
