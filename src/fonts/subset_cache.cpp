#include <cstdint>
#include <cstring>

#include "postpress/fonts.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp {

namespace {

namespace fs = std::filesystem;

// Names the format and the subsetter: change it whenever buildSubsetFont, glyphMapOf or the
// deflate level would make other bytes, so that no entry from before is used (the version
// string alone changes only with releases).
constexpr std::string_view kMagic = "postpress-derived-font-2\n";

// Numbers (lengths, codes) are four bytes, big-endian.
void putU32(std::string& out, std::uint32_t v) {
  for (int shift = 24; shift >= 0; shift -= 8) out += static_cast<char>((v >> shift) & 0xFF);
}
std::uint32_t getU32(std::string_view in, std::size_t at) {
  std::uint32_t v = 0;
  for (std::size_t k = 0; k < 4; ++k) v = (v << 8) | static_cast<unsigned char>(in[at + k]);
  return v;
}

void putBlob(std::string& out, std::string_view blob) {
  putU32(out, static_cast<std::uint32_t>(blob.size()));
  out += blob;
}

// The next length-prefixed blob at `at`; nullopt when the file ends first.
std::optional<std::string_view> takeBlob(std::string_view in, std::size_t& at) {
  if (in.size() - at < 4) return std::nullopt;
  const std::uint32_t n = getU32(in, at);
  at += 4;
  if (in.size() - at < n) return std::nullopt;
  std::string_view blob = in.substr(at, n);
  at += n;
  return blob;
}

fs::path entryPath(const fs::path& folder, const std::string& key) { return folder / "fonts" / (key + ".font"); }

}  // namespace

std::string SubsetCache::key(const FontFile& source, const std::vector<std::uint16_t>& glyphs) {
  Hasher h;
  h.field(std::string(kMagic));
  h.field(versionString());
  h.field(source.contentHash());
  std::string list;
  list.reserve(glyphs.size() * 4);
  for (std::uint16_t g : glyphs) putU32(list, g);
  h.field(list);
  return h.hex();
}

std::optional<FontSubset> SubsetCache::load(const std::string& key) const {
  if (folder_.empty()) return std::nullopt;
  const auto file = readFile(entryPath(folder_, key), nullptr, 64u << 20);
  if (!file || file->compare(0, kMagic.size(), kMagic) != 0) return std::nullopt;
  std::size_t at = kMagic.size();
  const auto bytes = takeBlob(*file, at), codes = takeBlob(*file, at), program = takeBlob(*file, at),
             map = takeBlob(*file, at);
  if (!bytes || !codes || !program || !map || at != file->size() || bytes->empty() || codes->size() % 4) return std::nullopt;
  FontSubset out;
  out.bytes = std::string(*bytes);
  // (source glyph << 16 | subset glyph), by source glyph.
  for (std::size_t k = 0; k < codes->size(); k += 4) {
    const std::uint32_t pair = getU32(*codes, k);
    const auto from = static_cast<std::uint16_t>(pair >> 16), to = static_cast<std::uint16_t>(pair & 0xFFFF);
    if (!out.glyphMap.empty() && from <= out.glyphMap.back().first) return std::nullopt;
    out.glyphMap.emplace_back(from, to);
  }
  if (!zlibInflatesTo(*program, out.bytes) || !zlibInflatesTo(*map, glyphMapOf(out.glyphMap))) return std::nullopt;
  out.deflatedBytes = std::string(*program);
  out.deflatedGlyphMap = std::string(*map);
  return out;
}

void SubsetCache::save(const std::string& key, const FontSubset& subset) const {
  if (folder_.empty() || subset.bytes.empty() || subset.deflatedBytes.empty()) return;
  std::string out(kMagic);
  putBlob(out, subset.bytes);
  std::string codes;
  for (const auto& [from, to] : subset.glyphMap) putU32(codes, (std::uint32_t(from) << 16) | to);
  putBlob(out, codes);
  putBlob(out, subset.deflatedBytes);
  putBlob(out, subset.deflatedGlyphMap);
  std::error_code ec;
  fs::create_directories(folder_ / "fonts", ec);
  if (!ec) writeFileAtomic(entryPath(folder_, key), out, nullptr, Durability::Unsynced);
}

}  // namespace pp
