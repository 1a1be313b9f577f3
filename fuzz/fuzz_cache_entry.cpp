// The image cache's entry reader (RenditionCache::load) on hostile entries. A cache folder is
// input like any other: CI systems restore it from an archive, colleagues share it, and a
// pull request's build can write into the one the next build reads.
//
// An entry ends with a check line, the hash of the lines above it; a fuzzer would almost never
// forge it and would stop there, so the harness appends the right one (an attacker can compute
// it too) and the fuzzer reaches the field parser. An input starting with '!' is written as it
// is, for the check line's own parsing. In the text, "@V" stands for the pipeline version and
// "@P", "@J", "@A" for the hashes of a PNG, a JPEG and an alpha rendition that exist in the
// cache folder, so that entries naming real files are within the fuzzer's reach.
//
// What load() must hold whatever the entry says: it does not crash, hang or leak, and an entry
// it accepts as made names only files inside images/ whose bytes hash to their names.
#include "assets/cache.h"
#include "fuzz_support.h"
#include "postpress/support/hash.h"

namespace {

namespace fs = std::filesystem;

class FuzzCache {
 public:
  FuzzCache() : dir_(fs::temp_directory_path() / ("pp-fuzz-cache-" + std::to_string(::getpid()))), cache_(dir_) {
    fs::remove_all(dir_);
    std::string error;
    if (!cache_.prepare(&error)) __builtin_trap();
    png_ = addRendition("\x89PNG\r\n\x1a\n-fuzz-png", ".png");
    jpeg_ = addRendition("\xff\xd8\xff-fuzz-jpeg", ".jpg");
    alpha_ = addRendition("\x89PNG\r\n\x1a\n-fuzz-alpha", ".alpha.png");
  }
  ~FuzzCache() {
    std::error_code ec;
    fs::remove_all(dir_, ec);
  }
  FuzzCache(const FuzzCache&) = delete;
  FuzzCache& operator=(const FuzzCache&) = delete;

  const pp::assets::RenditionCache& cache() const { return cache_; }
  const fs::path& dir() const { return dir_; }

  // The entry text an input stands for (placeholders replaced, check line appended).
  std::string entryText(std::string_view input) const {
    if (!input.empty() && input.front() == '!') return std::string(input.substr(1));
    std::string text;
    for (std::size_t i = 0; i < input.size(); ++i) {
      if (input[i] == '@' && i + 1 < input.size()) {
        const std::string* with = nullptr;
        static const std::string version = pp::assets::kPipelineVersion;
        switch (input[i + 1]) {
          case 'V': with = &version; break;
          case 'P': with = &png_; break;
          case 'J': with = &jpeg_; break;
          case 'A': with = &alpha_; break;
          default: break;
        }
        if (with) {
          text += *with;
          ++i;
          continue;
        }
      }
      text += input[i];
    }
    if (!text.empty() && text.back() != '\n') text += '\n';
    return text + "check " + pp::contentHash(text) + "\n";
  }

 private:
  std::string addRendition(std::string_view bytes, std::string_view suffix) const {
    std::string hash = pp::contentHash(bytes);
    ppfuzz::writeText(dir_ / "images" / (hash + std::string(suffix)), bytes);
    return hash;
  }

  fs::path dir_;
  pp::assets::RenditionCache cache_;
  std::string png_, jpeg_, alpha_;
};

const FuzzCache& fuzzCache() {
  static const FuzzCache cache;
  return cache;
}

// The file is one of the cache's images and holds the bytes its name promises.
bool trusted(const FuzzCache& fc, const fs::path& file, std::string_view suffix) {
  if (file.parent_path() != fc.dir() / "images") return false;
  const std::string name = file.filename().string();
  if (name.size() <= suffix.size() || name.compare(name.size() - suffix.size(), suffix.size(), suffix) != 0) return false;
  auto bytes = pp::readFile(file);
  return bytes && pp::contentHash(*bytes) == name.substr(0, name.size() - suffix.size());
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  const FuzzCache& fc = fuzzCache();
  const std::string key = "0123abcd";
  ppfuzz::writeText(fc.dir() / "entries" / key, fc.entryText(ppfuzz::asText(data, size)));
  auto entry = fc.cache().load(key);
  if (!entry || entry->status != pp::AssetStatus::Ok) return 0;
  for (const pp::EncodedImage* img : {&entry->pdf, &entry->epub}) {
    if (img->width <= 0 || img->height <= 0) __builtin_trap();
    if (!trusted(fc, img->file, std::string(".") + img->extension())) __builtin_trap();
    if (!img->alphaFile.empty() && !trusted(fc, img->alphaFile, ".alpha.png")) __builtin_trap();
  }
  return 0;
}
