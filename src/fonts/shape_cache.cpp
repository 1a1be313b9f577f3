#include "fonts/shape_cache.h"

#include <hb.h>

#include <algorithm>
#include <bit>
#include <cmath>
#include <cstring>
#include <unordered_set>

#include "postpress/support/hash.h"

namespace pp::fonts {

namespace {

// Names the format and the shaping: change it whenever HarfBuzzFont::shape would give other
// glyphs for the same font and HarfBuzz (the version string alone changes only with releases).
constexpr std::string_view kMagic = "postpress-shapes-2\n";
constexpr std::size_t kHashDigits = 32;           // Hasher::hex()
constexpr std::size_t kMaxFileBytes = 64u << 20;  // far above what kMaxShapes words take
constexpr std::size_t kMaxGlyphsPerText = 4 * ShapeMemory::kMaxTextLength + 16;
constexpr float kMaxPosition = 1e6f;  // 1/1000 em: a thousand em
// An entry: direction, rtl (a byte each), text length and glyph count (two bytes each), the
// text (four bytes a character), then each glyph in kGlyphBytes; numbers little-endian.
constexpr std::size_t kEntryHead = 6;
constexpr std::size_t kGlyphBytes = 23;

void put(std::string& out, std::uint32_t v, int bytes) {
  for (int k = 0; k < bytes; ++k) out += static_cast<char>((v >> (8 * k)) & 0xFF);
}

// Little-endian stores into memory already sized: a file holds hundreds of thousands of
// numbers, and appending them a byte at a time was most of a cold build's saving of shapes.
char* store16(char* p, std::uint16_t v) {
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap16(v);
  std::memcpy(p, &v, sizeof v);
  return p + sizeof v;
}
char* store32(char* p, std::uint32_t v) {
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
  std::memcpy(p, &v, sizeof v);
  return p + sizeof v;
}

std::uint16_t le16(const char* p) {
  std::uint16_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap16(v);
  return v;
}
std::uint32_t le32(const char* p) {
  std::uint32_t v;
  std::memcpy(&v, p, sizeof v);
  if constexpr (std::endian::native == std::endian::big) v = __builtin_bswap32(v);
  return v;
}

bool sane(float f) { return std::isfinite(f) && std::fabs(f) <= kMaxPosition; }

// The text's bytes as the file stores them: its own memory where that is little-endian.
std::string_view storedText(std::u32string_view text, std::string& scratch) {
  if constexpr (std::endian::native == std::endian::little)
    return std::string_view(reinterpret_cast<const char*>(text.data()), text.size() * 4);
  scratch.clear();
  for (char32_t c : text) put(scratch, static_cast<std::uint32_t>(c), 4);
  return scratch;
}

std::uint64_t indexHash(TextDirection direction, std::string_view textBytes) {
  return std::hash<std::string_view>{}(textBytes) ^ ((static_cast<std::uint64_t>(direction) + 1) * 0x9E3779B97F4A7C15ull);
}

// The bytes appendEntry adds.
std::size_t entrySize(std::u32string_view text, const ShapedText& s) {
  return kEntryHead + 4 * text.size() + kGlyphBytes * s.glyphs.size();
}

void appendEntry(std::string& out, TextDirection direction, std::u32string_view text, const ShapedText& s) {
  const std::size_t at = out.size();
  out.resize(at + entrySize(text, s));
  char* p = out.data() + at;
  *p++ = static_cast<char>(direction);
  *p++ = static_cast<char>(s.rtl ? 1 : 0);
  p = store16(p, static_cast<std::uint16_t>(text.size()));
  p = store16(p, static_cast<std::uint16_t>(s.glyphs.size()));
  for (char32_t c : text) p = store32(p, static_cast<std::uint32_t>(c));
  for (const ShapedGlyph& g : s.glyphs) {
    p = store16(p, g.glyph);
    p = store32(p, g.cluster);
    p = store32(p, std::bit_cast<std::uint32_t>(g.advance));
    p = store32(p, std::bit_cast<std::uint32_t>(g.dx));
    p = store32(p, std::bit_cast<std::uint32_t>(g.dy));
    p = store32(p, std::bit_cast<std::uint32_t>(g.width));
    *p++ = static_cast<char>(g.substituted ? 1 : 0);
  }
}

// The header of a file of `count` entries; finishFile() appends the hash once they follow.
std::string startFile() {
  std::string out(kMagic);
  put(out, 0, 4);
  return out;
}
void finishFile(std::string& out, std::uint32_t count) {
  for (int k = 0; k < 4; ++k) out[kMagic.size() + static_cast<std::size_t>(k)] = static_cast<char>((count >> (8 * k)) & 0xFF);
  Hasher h;
  h.update(out);
  out += h.hex();
}

}  // namespace

std::string encodeShapes(const std::vector<StoredShape>& shapes) {
  std::string out = startFile();
  for (const StoredShape& s : shapes) appendEntry(out, s.direction, s.text, s.shaped);
  finishFile(out, static_cast<std::uint32_t>(shapes.size()));
  return out;
}

std::optional<ShapeFile> ShapeFile::open(FileBytes bytes) {
  const std::string_view all = bytes.view();
  if (all.size() < kMagic.size() + 4 + kHashDigits || all.size() > kMaxFileBytes || all.substr(0, kMagic.size()) != kMagic)
    return std::nullopt;
  const std::string_view body = all.substr(0, all.size() - kHashDigits);
  Hasher h;
  h.update(body);
  if (h.hex() != all.substr(body.size())) return std::nullopt;
  const std::uint32_t count = le32(body.data() + kMagic.size());
  if (count > ShapeMemory::kMaxShapes) return std::nullopt;
  ShapeFile f;
  f.offsets_.reserve(count);
  // The entries' framing: each inside the file, the last ending where the hash begins. What
  // they hold is checked when one is decoded.
  std::size_t at = kMagic.size() + 4;
  for (std::uint32_t k = 0; k < count; ++k) {
    if (body.size() - at < kEntryHead) return std::nullopt;
    const char* p = body.data() + at;
    const std::size_t length = le16(p + 2), glyphs = le16(p + 4);
    if (static_cast<unsigned char>(p[0]) > 2 || length == 0 || length > ShapeMemory::kMaxTextLength ||
        glyphs > kMaxGlyphsPerText)
      return std::nullopt;
    const std::size_t size = kEntryHead + 4 * length + kGlyphBytes * glyphs;
    if (body.size() - at < size) return std::nullopt;
    f.offsets_.push_back(static_cast<std::uint32_t>(at));
    at += size;
  }
  if (at != body.size()) return std::nullopt;
  std::size_t slots = 16;
  while (slots < 2 * f.offsets_.size()) slots *= 2;
  f.slots_.assign(slots, {0, 0});
  for (std::uint32_t i = 0; i < f.offsets_.size(); ++i) {
    const char* p = body.data() + f.offsets_[i];
    const std::uint64_t hash =
        indexHash(static_cast<TextDirection>(p[0]), std::string_view(p + kEntryHead, 4 * std::size_t{le16(p + 2)}));
    std::size_t s = hash & (slots - 1);
    while (f.slots_[s].second != 0) s = (s + 1) & (slots - 1);
    f.slots_[s] = {hash, i + 1};
  }
  f.bytes_ = std::move(bytes);
  return f;
}

std::optional<ShapedText> ShapeFile::decodeAt(std::uint32_t offset, int glyphCount) const {
  const char* p = bytes_.data() + offset;
  const std::size_t length = le16(p + 2), glyphs = le16(p + 4);
  if (static_cast<unsigned char>(p[1]) > 1) return std::nullopt;
  for (std::size_t i = 0; i < length; ++i)
    if (le32(p + kEntryHead + 4 * i) > 0x10FFFF) return std::nullopt;
  ShapedText out;
  out.rtl = p[1] == 1;
  out.glyphs.resize(glyphs);
  const char* g = p + kEntryHead + 4 * length;
  for (ShapedGlyph& glyph : out.glyphs) {
    glyph.glyph = le16(g);
    glyph.cluster = le32(g + 2);
    glyph.advance = std::bit_cast<float>(le32(g + 6));
    glyph.dx = std::bit_cast<float>(le32(g + 10));
    glyph.dy = std::bit_cast<float>(le32(g + 14));
    glyph.width = std::bit_cast<float>(le32(g + 18));
    const auto substituted = static_cast<unsigned char>(g[22]);
    // Clusters index the text, glyphs the font: whatever reads them next trusts both.
    if (glyph.glyph >= glyphCount || glyph.cluster >= length || substituted > 1 || !sane(glyph.advance) ||
        !sane(glyph.dx) || !sane(glyph.dy) || !sane(glyph.width))
      return std::nullopt;
    glyph.substituted = substituted == 1;
    out.advance += glyph.advance;
    g += kGlyphBytes;
  }
  return out;
}

std::optional<ShapedText> ShapeFile::find(std::u32string_view text, TextDirection direction, int glyphCount) const {
  if (text.empty() || text.size() > ShapeMemory::kMaxTextLength) return std::nullopt;
  std::string scratch;
  const std::string_view wanted = storedText(text, scratch);
  const std::uint64_t hash = indexHash(direction, wanted);
  const std::size_t mask = slots_.size() - 1;
  for (std::size_t s = hash & mask; slots_[s].second != 0; s = (s + 1) & mask) {
    if (slots_[s].first != hash) continue;
    const std::uint32_t offset = offsets_[slots_[s].second - 1];
    const char* p = bytes_.data() + offset;
    if (static_cast<TextDirection>(p[0]) == direction && le16(p + 2) == text.size() &&
        std::memcmp(p + kEntryHead, wanted.data(), wanted.size()) == 0)
      return decodeAt(offset, glyphCount);
  }
  return std::nullopt;
}

void ShapeFile::forEachValid(
    int glyphCount,
    const std::function<void(TextDirection, std::u32string_view, const ShapedText&, std::string_view)>& f) const {
  std::u32string text;
  for (std::uint32_t offset : offsets_) {
    const std::optional<ShapedText> shaped = decodeAt(offset, glyphCount);
    if (!shaped) continue;
    const char* p = bytes_.data() + offset;
    const std::size_t length = le16(p + 2);
    text.resize(length);
    for (std::size_t i = 0; i < length; ++i) text[i] = static_cast<char32_t>(le32(p + kEntryHead + 4 * i));
    f(static_cast<TextDirection>(p[0]), text, *shaped,
      std::string_view(p, kEntryHead + 4 * length + kGlyphBytes * shaped->glyphs.size()));
  }
}

std::optional<std::vector<StoredShape>> decodeShapes(std::string_view bytes, int glyphCount) {
  auto file = ShapeFile::open(FileBytes(std::string(bytes)));
  if (!file) return std::nullopt;
  std::vector<StoredShape> out;
  file->forEachValid(glyphCount, [&](TextDirection d, std::u32string_view text, const ShapedText& shaped, std::string_view) {
    out.push_back({d, std::u32string(text), shaped});
  });
  if (out.size() != file->size()) return std::nullopt;  // strict: every entry valid
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
  glyphCount_ = font.glyphCount();
  if (auto bytes = FileBytes::open(file(font), nullptr, kMaxFileBytes)) stored_ = ShapeFile::open(std::move(*bytes));
}

std::optional<ShapedText> ShapeMemory::find(const FontFile& font, std::u32string_view text, TextDirection direction) {
  std::call_once(loaded_, [&] { load(font); });
  if (!stored_) return std::nullopt;
  return stored_->find(text, direction, glyphCount_);
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
  // This build's shapes (two threads may have shaped the same word: each is written once),
  // then the stored ones still valid, up to kMaxShapes.
  // Views of fresh_'s words, which stay until the file is written.
  std::unordered_set<std::u32string_view, TextViewHash, std::equal_to<>> seen[3];
  std::string out = startFile();
  std::size_t bytes = out.size() + kHashDigits;
  for (const StoredShape& s : fresh_) bytes += entrySize(s.text, s.shaped);
  out.reserve(std::min(bytes, kMaxFileBytes));
  std::uint32_t count = 0;
  // Within what a read accepts, or the file would be refused and rewritten on every build.
  auto fits = [&](std::size_t more) { return count < kMaxShapes && out.size() + more + kHashDigits <= kMaxFileBytes; };
  for (const StoredShape& s : fresh_) {
    if (fits(entrySize(s.text, s.shaped)) && seen[static_cast<std::size_t>(s.direction)].insert(s.text).second) {
      appendEntry(out, s.direction, s.text, s.shaped);
      ++count;
    }
  }
  if (stored_)
    stored_->forEachValid(glyphCount_, [&](TextDirection d, std::u32string_view text, const ShapedText&, std::string_view raw) {
      if (!fits(raw.size()) || seen[static_cast<std::size_t>(d)].contains(text)) return;
      out += raw;
      ++count;
    });
  fresh_.clear();
  finishFile(out, count);
  std::error_code ec;
  std::filesystem::create_directories(folder_ / "shapes", ec);
  // Not waited onto the disk: a file cut short by a crash fails its hash when read (ShapeFile::open)
  // and the words are shaped again. Synced, its writing waited on the disk a dozen times at the
  // end of a cold build.
  writeFileAtomic(file(font), out, nullptr, Durability::Unsynced);
}

}  // namespace pp::fonts
