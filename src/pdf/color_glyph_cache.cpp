#include "pdf/color_glyph_cache.h"

#include <bit>
#include <cmath>
#include <system_error>

#include "postpress/support/deflate.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::pdf {

namespace {

namespace fs = std::filesystem;

// Names the format and what makes the pictures (decoding, scaling, the planes, the deflate
// level): change it whenever they would give other bytes for the same glyph.
constexpr std::string_view kMagic = "postpress-glyph-picture-1\n";
constexpr std::size_t kHashDigits = 32;
// Decoding refuses larger pictures (color_glyphs.cpp), and scaling never enlarges one.
constexpr std::uint32_t kMaxSide = 4096;
constexpr std::uintmax_t kMaxEntryBytes = std::uintmax_t{128} << 20;

void putU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}

void putBlob(std::string& out, std::string_view blob) {
  putU32(out, static_cast<std::uint32_t>(blob.size()));
  out += blob;
}

// Reads the entry's fields in order; any read past its end leaves it failed.
class Reader {
 public:
  explicit Reader(std::string_view in) : in_(in) {}
  std::uint32_t u32() {
    if (in_.size() - at_ < 4 || failed_) return fail();
    std::uint32_t v = 0;
    for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(in_[at_ + k]);
    at_ += 4;
    return v;
  }
  float real() { return std::bit_cast<float>(u32()); }
  std::string_view blob() {
    const std::uint32_t n = u32();
    if (failed_ || in_.size() - at_ < n) {
      fail();
      return {};
    }
    const std::string_view b = in_.substr(at_, n);
    at_ += n;
    return b;
  }
  bool whole() const { return !failed_ && at_ == in_.size(); }

 private:
  std::uint32_t fail() {
    failed_ = true;
    return 0;
  }
  std::string_view in_;
  std::size_t at_ = 0;
  bool failed_ = false;
};

std::string_view bytesOf(const std::vector<std::uint8_t>& v) {
  return std::string_view(reinterpret_cast<const char*>(v.data()), v.size());
}

}  // namespace

std::string ColorGlyphCache::key(const FontFile& font, std::uint16_t glyph, float size, float ppi) {
  Hasher h;
  h.field(kMagic);
  h.field(versionString());
  h.field(font.contentHash());
  h.field(std::to_string(font.faceIndex()) + " " + std::to_string(glyph) + " " +
          std::to_string(std::bit_cast<std::uint32_t>(size)) + " " + std::to_string(std::bit_cast<std::uint32_t>(ppi)));
  return h.hex();
}

fs::path ColorGlyphCache::entryPath(const std::string& key) const { return folder_ / "glyphs" / (key + ".picture"); }

std::optional<PreparedPicture> ColorGlyphCache::load(const std::string& key) const {
  if (folder_.empty()) return std::nullopt;
  const std::optional<std::string> file = readFile(entryPath(key), nullptr, kMaxEntryBytes);
  if (!file || file->size() < kMagic.size() + 2 * kHashDigits || file->compare(0, kMagic.size(), kMagic) != 0)
    return std::nullopt;
  const std::string_view payload = std::string_view(*file).substr(0, file->size() - kHashDigits);
  if (contentHash(payload) != std::string_view(*file).substr(payload.size())) return std::nullopt;
  // The entry names its own key: another glyph's entry put in its place is refused.
  if (payload.substr(kMagic.size(), kHashDigits) != key) return std::nullopt;
  Reader in(payload.substr(kMagic.size() + kHashDigits));
  PreparedPicture p;
  p.picture.x = in.real();
  p.picture.y = in.real();
  p.picture.width = in.real();
  p.picture.height = in.real();
  const std::uint32_t width = in.u32(), height = in.u32();
  const std::string_view rgb = in.blob(), alpha = in.blob(), rgbDeflated = in.blob(), alphaDeflated = in.blob();
  if (!in.whole() || width == 0 || height == 0 || width > kMaxSide || height > kMaxSide) return std::nullopt;
  const std::size_t pixels = std::size_t{width} * height;
  for (float v : {p.picture.x, p.picture.y, p.picture.width, p.picture.height})
    if (!std::isfinite(v)) return std::nullopt;
  if (rgb.size() != 3 * pixels || alpha.size() != pixels || !zlibInflatesTo(rgbDeflated, rgb) ||
      !zlibInflatesTo(alphaDeflated, alpha))
    return std::nullopt;
  p.width = static_cast<int>(width);
  p.height = static_cast<int>(height);
  p.rgb.assign(rgb.begin(), rgb.end());
  p.alpha.assign(alpha.begin(), alpha.end());
  p.rgbDeflated = std::string(rgbDeflated);
  p.alphaDeflated = std::string(alphaDeflated);
  return p;
}

void ColorGlyphCache::save(const std::string& key, const PreparedPicture& p) const {
  if (folder_.empty() || p.width <= 0 || p.height <= 0 || !p.rgbDeflated || !p.alphaDeflated) return;
  std::string out(kMagic);
  out += key;
  for (float v : {p.picture.x, p.picture.y, p.picture.width, p.picture.height}) putU32(out, std::bit_cast<std::uint32_t>(v));
  putU32(out, static_cast<std::uint32_t>(p.width));
  putU32(out, static_cast<std::uint32_t>(p.height));
  putBlob(out, bytesOf(p.rgb));
  putBlob(out, bytesOf(p.alpha));
  putBlob(out, *p.rgbDeflated);
  putBlob(out, *p.alphaDeflated);
  out += contentHash(out);
  const fs::path path = entryPath(key);
  std::error_code ec;
  fs::create_directories(path.parent_path(), ec);
  if (!ec) writeFileAtomic(path, out, nullptr, Durability::Unsynced);
}

}  // namespace pp::pdf
