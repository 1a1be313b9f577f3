#include "epub/image_registry.h"

#include <algorithm>
#include <cctype>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::epub {

bool imageSize(std::string_view d, bool& isPng, int& width, int& height) {
  auto u8 = [&](std::size_t i) { return static_cast<unsigned>(static_cast<unsigned char>(d[i])); };
  if (d.size() >= 24 && d.compare(0, 8, "\x89PNG\r\n\x1a\n") == 0) {
    isPng = true;
    width = static_cast<int>((u8(16) << 24) | (u8(17) << 16) | (u8(18) << 8) | u8(19));
    height = static_cast<int>((u8(20) << 24) | (u8(21) << 16) | (u8(22) << 8) | u8(23));
    return width > 0 && height > 0;
  }
  if (d.size() < 4 || u8(0) != 0xFF || u8(1) != 0xD8) return false;
  isPng = false;
  std::size_t i = 2;
  while (i + 9 < d.size()) {
    if (u8(i) != 0xFF) {
      ++i;
      continue;
    }
    unsigned m = u8(i + 1);
    bool sof = (m >= 0xC0 && m <= 0xCF) && m != 0xC4 && m != 0xC8 && m != 0xCC;
    if (sof) {
      height = static_cast<int>((u8(i + 5) << 8) | u8(i + 6));
      width = static_cast<int>((u8(i + 7) << 8) | u8(i + 8));
      return width > 0 && height > 0;
    }
    if (m == 0xD8 || m == 0x01 || m == 0xFF || (m >= 0xD0 && m <= 0xD7)) {
      i += (m == 0xFF) ? 1 : 2;
      continue;
    }
    i += 2 + ((u8(i + 2) << 8) | u8(i + 3));
  }
  return false;
}

template <typename Make>
const StoredImage* ImageRegistry::storeAs(const std::string& hash, bool isPng, Make make) {
  std::string safe;
  for (char c : hash)
    if (std::isalnum(static_cast<unsigned char>(c))) safe += c;
  if (safe.empty()) return nullptr;
  if (auto it = byHash_.find(safe); it != byHash_.end()) return &images_[it->second];
  StoredImage img;
  img.href = "images/" + safe + (isPng ? ".png" : ".jpg");
  img.manifestId = "img-" + safe;
  img.mediaType = isPng ? "image/png" : "image/jpeg";
  make(img);
  byHash_[safe] = static_cast<int>(images_.size());
  images_.push_back(std::move(img));
  return &images_.back();
}

const StoredImage* ImageRegistry::store(FileBytes data, const std::string& hashHint,
                                        bool coverImage) {
  bool isPng = false;
  int w = 0, h = 0;
  if (!imageSize(data.view(), isPng, w, h)) return nullptr;
  std::string hash = hashHint;
  if (std::none_of(hash.begin(), hash.end(), [](char c) { return std::isalnum(static_cast<unsigned char>(c)); }))
    hash = contentHash(data.view());
  return storeAs(hash, isPng, [&](StoredImage& img) {
    img.width = w;
    img.height = h;
    img.data = std::move(data);
    img.coverImage = coverImage;
  });
}

const StoredImage* ImageRegistry::use(int assetId) {
  if (assetId < 0) return nullptr;
  if (auto it = byAsset_.find(assetId); it != byAsset_.end())
    return it->second < 0 ? nullptr : &images_[it->second];
  byAsset_[assetId] = -1;
  const Asset* a = asset(assetId);
  if (!a || !a->ok()) return nullptr;
  const EncodedImage& r = a->epub;
  if (r.codec != EncodedImage::Codec::Jpeg && r.codec != EncodedImage::Codec::Png) return nullptr;
  // A rendition the cache checked (its file hashes to r.hash, its entry gives its codec and
  // size) is copied into the archive when that is written, checked again then: its bytes are
  // not held meanwhile. Anything else is read and looked at now.
  if (r.width > 0 && r.height > 0 && isContentHash(r.hash)) {
    std::error_code ec;
    const std::uintmax_t size = fs::file_size(r.file, ec);
    if (!ec && size > 0) {
      const StoredImage* s = storeAs(r.hash, r.codec == EncodedImage::Codec::Png, [&](StoredImage& img) {
        img.width = r.width;
        img.height = r.height;
        img.source = FileRange{r.file, 0, size, r.hash};
      });
      if (s) {
        byAsset_[assetId] = static_cast<int>(s - images_.data());
        return s;
      }
    }
  }
  std::string err;
  auto bytes = FileBytes::open(r.file, &err);
  if (!bytes) {
    diags_.reportOnce("epub-image-read:" + r.file.string(),
                      {Severity::Warning, a->where, "epub-image-unreadable",
                       "cannot read the EPUB rendition of '" + a->source + "' (" + err +
                           "): a placeholder is shown"});
    return nullptr;
  }
  const StoredImage* s = store(std::move(*bytes), r.hash, false);
  if (!s) {
    diags_.reportOnce("epub-image-format:" + r.file.string(),
                      {Severity::Warning, a->where, "epub-image-format",
                       "the EPUB rendition of '" + a->source +
                           "' is not a JPEG or PNG file: a placeholder is shown"});
    return nullptr;
  }
  byAsset_[assetId] = static_cast<int>(s - images_.data());
  return s;
}

const StoredImage* ImageRegistry::add(FileBytes data, bool coverImage) {
  return store(std::move(data), "", coverImage);
}

}  // namespace pp::epub
