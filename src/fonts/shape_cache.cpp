#include "fonts/shape_cache.h"

#include <hb.h>

#include <bit>
#include <cmath>
#include <unordered_set>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"

namespace pp::fonts {

namespace {

// Names the format and the shaping: change it whenever HarfBuzzFont::shape would give other
// glyphs for the same font and HarfBuzz (the version string alone changes only with releases).
constexpr std::string_view kMagic = "postpress-shapes-1\n";
constexpr std::size_t kHashDigits = 32;             // Hasher::hex()
constexpr std::size_t kMaxFileBytes = 64u << 20;    // far above what kMaxShapes words take
constexpr std::size_t kMaxGlyphsPerText = 4 * ShapeMemory::kMaxTextLength + 16;
constexpr float kMaxPosition = 1e6f;                // 1/1000 em: a thousand em

void put(std::string& out, std::uint32_t v, int bytes) {
  for (int k = 0; k < bytes; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);  // little-endian
}
void putFloat(std::string& out, float f) { put(out, std::bit_cast<std::uint32_t>(f), 4); }

// Reads little-endian numbers from a view, remembering whether it ran out.
struct Reader {
  std::string_view in;
  std::size_t at = 0;
  bool ok = true;
  std::uint32_t take(int bytes) {
    if (in.size() - at < static_cast<std::size_t>(bytes)) {
      ok = false;
      return 0;
    }
    std::uint32_t v = 0;
    for (int k = 0; k < bytes; ++k) v |= std::uint32_t{static_cast<unsigned char>(in[at + k])} << (8 * k);
    at += static_cast<std::size_t>(bytes);
    return v;
  }
  float takeFloat() { return std::bit_cast<float>(take(4)); }
};

bool sane(float f) { return std::isfinite(f) && std::fabs(f) <= kMaxPosition; }

}  // namespace

std::string encodeShapes(const std::vector<StoredShape>& shapes) {
  std::string out(kMagic);
  put(out, static_cast<std::uint32_t>(shapes.size()), 4);
  for (const StoredShape& s : shapes) {
    put(out, static_cast<std::uint32_t>(s.direction), 1);
    put(out, s.shaped.rtl ? 1 : 0, 1);
    put(out, static_cast<std::uint32_t>(s.text.size()), 2);
    put(out, static_cast<std::uint32_t>(s.shaped.glyphs.size()), 2);
    for (char32_t c : s.text) put(out, static_cast<std::uint32_t>(c), 4);
    for (const ShapedGlyph& g : s.shaped.glyphs) {
      put(out, g.glyph, 2);
      put(out, g.cluster, 4);
      putFloat(out, g.advance);
      putFloat(out, g.dx);
      putFloat(out, g.dy);
      put(out, static_cast<std::uint16_t>(g.width), 2);
      put(out, g.substituted ? 1 : 0, 1);
    }
  }
  Hasher h;
  h.update(out);
  out += h.hex();
  return out;
}

std::optional<std::vector<StoredShape>> decodeShapes(std::string_view bytes, int glyphCount) {
  if (bytes.size() < kMagic.size() + 4 + kHashDigits || bytes.size() > kMaxFileBytes ||
      bytes.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  const std::string_view body = bytes.substr(0, bytes.size() - kHashDigits);
  Hasher h;
  h.update(body);
  if (h.hex() != bytes.substr(body.size())) return std::nullopt;
  Reader r{body, kMagic.size()};
  const std::uint32_t count = r.take(4);
  if (count > ShapeMemory::kMaxShapes) return std::nullopt;
  std::vector<StoredShape> out;
  out.reserve(count);
  for (std::uint32_t k = 0; k < count && r.ok; ++k) {
    StoredShape s;
    const std::uint32_t direction = r.take(1), rtl = r.take(1), length = r.take(2), glyphs = r.take(2);
    if (direction > 2 || rtl > 1 || length == 0 || length > ShapeMemory::kMaxTextLength || glyphs > kMaxGlyphsPerText)
      return std::nullopt;
    s.direction = static_cast<TextDirection>(direction);
    s.shaped.rtl = rtl == 1;
    s.text.resize(length);
    for (char32_t& c : s.text) {
      c = static_cast<char32_t>(r.take(4));
      if (c > 0x10FFFF) return std::nullopt;
    }
    s.shaped.glyphs.resize(glyphs);
    for (ShapedGlyph& g : s.shaped.glyphs) {
      g.glyph = static_cast<std::uint16_t>(r.take(2));
      g.cluster = r.take(4);
      g.advance = r.takeFloat();
      g.dx = r.takeFloat();
      g.dy = r.takeFloat();
      g.width = static_cast<std::int16_t>(static_cast<std::uint16_t>(r.take(2)));
      const std::uint32_t substituted = r.take(1);
      // Clusters index the text, glyphs the font: whatever reads them next trusts both.
      if (g.glyph >= glyphCount || g.cluster >= length || substituted > 1 || !sane(g.advance) || !sane(g.dx) ||
          !sane(g.dy))
        return std::nullopt;
      g.substituted = substituted == 1;
      s.shaped.advance += g.advance;
    }
    out.push_back(std::move(s));
  }
  if (!r.ok || r.at != body.size()) return std::nullopt;
  return out;
}

std::filesystem::path ShapeMemory::file(const FontFile& font) const {
  Hasher h;
  h.field(kMagic);
  h.field(versionString());
  h.field(hb_version_string());
  h.field(hb_language_to_string(hb_language_get_default()));
  h.field(font.contentHash());
  return folder_ / "shapes" / (h.hex() + ".shapes");
}

void ShapeMemory::load(const FontFile& font) {
  if (folder_.empty()) return;
  const auto bytes = FileBytes::open(file(font), nullptr, kMaxFileBytes);
  if (!bytes) return;
  auto shapes = decodeShapes(bytes->view(), font.glyphCount());
  if (!shapes) return;  // rewritten whole by the next save
  for (StoredShape& s : *shapes)
    stored_[static_cast<std::size_t>(s.direction)].emplace(std::move(s.text), std::move(s.shaped));
}

const ShapedText* ShapeMemory::find(const FontFile& font, std::u32string_view text, TextDirection direction) {
  std::call_once(loaded_, [&] { load(font); });
  const Table& table = stored_[static_cast<std::size_t>(direction)];
  const auto it = table.find(text);
  return it == table.end() ? nullptr : &it->second;
}

void ShapeMemory::remember(std::u32string_view text, TextDirection direction, const ShapedText& shaped) {
  if (folder_.empty() || text.empty() || text.size() > kMaxTextLength || shaped.glyphs.size() > kMaxGlyphsPerText)
    return;
  std::lock_guard<std::mutex> lock(mutex_);
  if (fresh_.size() < kMaxShapes) fresh_.push_back({direction, std::u32string(text), shaped});
}

void ShapeMemory::save(const FontFile& font) {
  std::lock_guard<std::mutex> lock(mutex_);
  if (folder_.empty() || fresh_.empty()) return;
  // Two threads may have shaped the same word: each is written once.
  std::vector<StoredShape> all;
  all.reserve(fresh_.size());
  std::unordered_set<std::u32string> seen[3];
  for (StoredShape& s : fresh_)
    if (seen[static_cast<std::size_t>(s.direction)].insert(s.text).second) all.push_back(std::move(s));
  fresh_.clear();
  for (std::size_t d = 0; d < 3; ++d)
    for (const auto& [text, shaped] : stored_[d]) {
      if (all.size() >= kMaxShapes) break;
      if (!seen[d].contains(text)) all.push_back({static_cast<TextDirection>(d), text, shaped});
    }
  std::error_code ec;
  std::filesystem::create_directories(folder_ / "shapes", ec);
  writeFileAtomic(file(font), encodeShapes(all));
}

}  // namespace pp::fonts
