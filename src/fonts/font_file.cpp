#include "postpress/fonts.h"
#include "fonts/coverage.h"
#include "fonts/harfbuzz_font.h"
#include "fonts/shape_cache.h"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <mutex>
#include <optional>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"

namespace pp {

// The file's bytes and stb_truetype's view of them: read-only once loaded, shared by every
// FontFile made from it (FontFile::share), so threads read them side by side.
struct FontFile::Info {
  // The whole font file: read (FileBytes::open), or mapped when it is a collection whose
  // faces are loaded one by one; `raw` shows whichever holds it.
  FileBytes bytes;
  fonts::MappedFile mapped;
  std::string_view raw;
  std::size_t directory = 0;  // where the face's table directory starts (0 but in a collection)
  stbtt_fontinfo font;
  // stb_truetype reads the font (it has outlines): false for a font of colour bitmaps only,
  // whose glyphs and metrics come from HarfBuzz.
  bool outlines = true;
  // contentHash(bytes), made when first asked for (only the subset cache asks), once for
  // every FontFile sharing these bytes, whichever thread asks first.
  mutable std::once_flag hashed;
  mutable std::string hash;
  // The file's version (FileVersion) before and after it was read, when the two agree (so the
  // bytes are that version's), and where its hash is remembered between builds.
  std::optional<FileVersion> version;
  mutable FileHashMemo* memo = nullptr;  // set as shapesKept's folder is, before any use
  // HarfBuzz's face and font on the same bytes (made at load, read-only afterwards; destroyed
  // before the bytes, declared after them).
  fonts::HarfBuzzFont harfbuzz;
  // The words shaped in earlier builds (the cache folder), and those this build shaped.
  mutable fonts::ShapeMemory shapesKept;
};

const std::string& FontFile::contentHash() const {
  std::call_once(info_->hashed, [this] {
    const Info& i = *info_;
    std::optional<std::string> known = i.memo && i.version ? i.memo->find(path_, *i.version) : std::nullopt;
    i.hash = known ? std::move(*known) : pp::contentHash(i.raw);
    if (!known && i.memo && i.version) i.memo->remember(path_, *i.version, i.hash);
    if (face_ != 0) i.hash = pp::contentHash(i.hash + "/face " + std::to_string(face_));
  });
  return info_->hash;
}

FontFile::~FontFile() = default;

std::unique_ptr<FontFile> FontFile::share() const {
  std::unique_ptr<FontFile> f(new FontFile());
  f->path_ = path_;
  f->face_ = face_;
  f->info_ = info_;
  f->unitsPerEm_ = unitsPerEm_;
  f->ascent_ = ascent_;
  f->descent_ = descent_;
  f->hasKerning_ = hasKerning_;
  return f;
}

namespace {

std::uint32_t be32(const unsigned char* p) {
  return (std::uint32_t(p[0]) << 24) | (std::uint32_t(p[1]) << 16) | (std::uint32_t(p[2]) << 8) | p[3];
}

// Where the table directory of face `face` starts, after checking that it and every table it
// names lie inside the file (stb_truetype trusts its input); nullopt with *error set if not.
std::optional<std::size_t> faceDirectory(std::string_view raw, unsigned face, std::string* error) {
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  auto fail = [&](const char* why) {
    if (error) *error = why;
    return std::nullopt;
  };
  if (raw.size() < 12) return fail("not a font file");
  std::size_t base = 0;
  if (be32(bytes) == 0x74746366u) {  // 'ttcf': a collection, its faces' directories listed
    const std::uint32_t count = be32(bytes + 8);
    if (face >= count || 12 + 4 * std::size_t(count) > raw.size()) return fail("no such face in the font collection");
    base = be32(bytes + 12 + 4 * std::size_t(face));
    if (base + 12 > raw.size()) return fail("truncated font file");
  } else if (face != 0) {
    return fail("no such face in the font file");
  }
  const std::uint32_t tag = be32(bytes + base);
  // TrueType outlines (0x00010000 or 'true') or CFF ('OTTO').
  if (tag != 0x00010000u && tag != 0x74727565u && tag != 0x4F54544Fu) return fail("not a TrueType or OpenType font");
  const std::size_t numTables = (std::size_t(bytes[base + 4]) << 8) | bytes[base + 5];
  if (base + 12 + numTables * 16 > raw.size()) return fail("truncated font file");
  for (std::size_t t = 0; t < numTables; ++t) {
    const unsigned char* rec = bytes + base + 12 + t * 16;
    if (std::uint64_t(be32(rec + 8)) + be32(rec + 12) > raw.size()) return fail("truncated font file");
  }
  return base;
}

}  // namespace

std::unique_ptr<FontFile> FontFile::load(const fs::path& file, std::string* error, unsigned face) {
  // Real font files are at most tens of MB (a CJK collection 20 to 30); refuse anything absurd.
  constexpr std::size_t kMaxBytes = 64ull << 20;
  constexpr std::uintmax_t kMapFromBytes = 2ull << 20;
  auto info = std::make_shared<Info>();
  // Collections and large fonts (a colour emoji font's 10 MB of pictures, a CJK font's 4 MB of
  // outlines) are mapped: a document draws a few of their glyphs, and reading them whole cost
  // every build that drew one emoji 11 MB of copying into fresh memory (bench/results.md).
  const std::optional<FileVersion> before = FileVersion::of(file);
  std::error_code sizeError;
  const std::uintmax_t size = fs::file_size(file, sizeError);
  if (fonts::isCollection(file) || (!sizeError && size > kMapFromBytes)) {
    if (!info->mapped.open(file.string(), kMaxBytes)) {
      if (error) *error = "cannot read";
      return nullptr;
    }
    info->raw = info->mapped.view();
  } else {
    std::string err;
    auto data = FileBytes::open(file, &err, kMaxBytes);
    if (!data) {
      if (error) *error = err.empty() ? "cannot read" : err;
      return nullptr;
    }
    info->bytes = std::move(*data);
    info->raw = info->bytes.view();
  }
  if (before && FileVersion::of(file) == before) info->version = before;
  std::unique_ptr<FontFile> f(new FontFile());
  f->path_ = file;
  f->face_ = face;
  f->info_ = info;
  const std::string_view raw = info->raw;
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  const std::optional<std::size_t> base = faceDirectory(raw, face, error);
  if (!base) return nullptr;
  info->directory = *base;
  if (!info->harfbuzz.open(raw, face)) {
    if (error) *error = "HarfBuzz cannot read the font";
    return nullptr;
  }
  if (!stbtt_InitFont(&info->font, bytes, static_cast<int>(*base))) {
    // No outlines: usable only as a font of colour pictures (emoji).
    if (!info->harfbuzz.hasColorBitmaps()) {
      if (error) *error = "not a usable TrueType font";
      return nullptr;
    }
    info->outlines = false;
    f->unitsPerEm_ = info->harfbuzz.unitsPerEm();
    info->harfbuzz.verticalMetrics(f->ascent_, f->descent_);
    return f;
  }
  const float scale = stbtt_ScaleForMappingEmToPixels(&info->font, 1.0f);
  if (!(scale > 0)) {
    if (error) *error = "bad units per em";
    return nullptr;
  }
  f->unitsPerEm_ = static_cast<int>(std::lround(1.0f / scale));
  f->hasKerning_ = info->font.kern != 0 || info->font.gpos != 0;
  if (f->hasKerning_) {
    // A GPOS table may hold only mark positioning (Charis SIL has no kerning at all): probe
    // pairs every kerned Latin font adjusts, and skip kerning lookups when none is.
    bool any = false;
    for (const char* pair : {"AV", "To", "Te", "Yo", "LT", "P.", "y.", "Wa", "r.", "AT", "Va", "F,"})
      any |= f->lookupKern(static_cast<unsigned char>(pair[0]), static_cast<unsigned char>(pair[1])) != 0;
    f->hasKerning_ = any;
  }
  int asc = 0, desc = 0, gap = 0;
  stbtt_GetFontVMetrics(&info->font, &asc, &desc, &gap);
  if (asc > 0) f->ascent_ = static_cast<float>(asc) / f->unitsPerEm_;
  if (desc < 0) f->descent_ = static_cast<float>(-desc) / f->unitsPerEm_;
  return f;
}

int FontFile::lookup(char32_t cp) const {
  const int g = glyphIndex(cp);
  if (g <= 0) return -1;
  int adv = 0, lsb = 0;
  glyphMetrics(g, adv, lsb);
  if (adv < 0) adv = 0;
  // The same integer arithmetic libharu uses for /W, so layout and PDF widths agree exactly.
  return static_cast<int>(static_cast<unsigned>(adv) * 1000u / static_cast<unsigned>(unitsPerEm_));
}

int FontFile::lookupKern(char32_t a, char32_t b) const {
  const int k = stbtt_GetCodepointKernAdvance(&info_->font, static_cast<int>(a), static_cast<int>(b));
  // Rounded to 1/1000 em, as every other width; tiny adjustments are not worth a split run.
  const int k1000 = static_cast<int>(std::lround(static_cast<double>(k) * 1000.0 / unitsPerEm_));
  return std::abs(k1000) < kMinKern ? 0 : k1000;
}

int FontFile::glyphIndex(char32_t cp) const {
  if (!info_->outlines) return info_->harfbuzz.nominalGlyph(cp);
  const int g = stbtt_FindGlyphIndex(&info_->font, static_cast<int>(cp));
  return g > 0 ? g : 0;
}

std::vector<FontFile::RawVertex> FontFile::glyphShape(int glyph) const {
  std::vector<RawVertex> out;
  if (!info_->outlines) return out;
  stbtt_vertex* v = nullptr;
  const int n = stbtt_GetGlyphShape(&info_->font, glyph, &v);
  out.reserve(static_cast<std::size_t>(std::max(0, n)));
  for (int i = 0; i < n; ++i) out.push_back({v[i].x, v[i].y, v[i].cx, v[i].cy, v[i].type});
  if (v) stbtt_FreeShape(&info_->font, v);
  return out;
}

void FontFile::glyphMetrics(int glyph, int& advance, int& leftSideBearing) const {
  if (!info_->outlines) {
    info_->harfbuzz.glyphMetrics(glyph, advance, leftSideBearing);
    return;
  }
  stbtt_GetGlyphHMetrics(&info_->font, glyph, &advance, &leftSideBearing);
}

std::string_view FontFile::bytes() const { return info_->raw; }

std::string_view FontFile::table(std::string_view tag) const {
  // The directory was bounds-checked when the file was loaded.
  const auto* b = reinterpret_cast<const unsigned char*>(info_->raw.data()) + info_->directory;
  const std::size_t numTables = (std::size_t(b[4]) << 8) | b[5];
  for (std::size_t t = 0; t < numTables; ++t) {
    const unsigned char* rec = b + 12 + t * 16;
    if (std::string_view(reinterpret_cast<const char*>(rec), 4) != tag) continue;
    const std::size_t off = (std::size_t(rec[8]) << 24) | (std::size_t(rec[9]) << 16) | (std::size_t(rec[10]) << 8) | rec[11];
    const std::size_t len = (std::size_t(rec[12]) << 24) | (std::size_t(rec[13]) << 16) | (std::size_t(rec[14]) << 8) | rec[15];
    return info_->raw.substr(off, len);
  }
  return {};
}

ShapedText FontFile::shape(std::u32string_view text, TextDirection direction) const {
  return info_->harfbuzz.shape(text, direction);
}

const ShapedText& FontFile::shaped(std::u32string_view text, TextDirection direction) {
  auto& cache = shapes_[static_cast<std::size_t>(direction)];
  if (auto it = cache.find(text); it != cache.end()) return it->second;
  // Shaped by an earlier build (the file is shared by every copy of the face; each decodes
  // the words it sets).
  if (auto kept = info_->shapesKept.find(*this, text, direction))
    return cache.emplace(std::u32string(text), std::move(*kept)).first->second;
  const ShapedText& made = cache.emplace(std::u32string(text), shape(text, direction)).first->second;
  info_->shapesKept.remember(text, direction, made);
  return made;
}

const ShapedText& FontFile::shapedSpace() {
  if (!space_) space_ = &shaped(U" ", TextDirection::LeftToRight);
  return *space_;
}

float FontFile::declaredWidth(int glyph) const { return info_->harfbuzz.declaredWidth(glyph); }
int FontFile::glyphCount() const { return info_->harfbuzz.glyphCount(); }
std::string FontFile::postScriptName() const { return info_->harfbuzz.postScriptName(); }
std::string FontFile::familyName() const { return info_->harfbuzz.familyName(); }
unsigned FontFile::facesInFile() const { return info_->harfbuzz.facesInFile(); }
void* FontFile::harfbuzzFace() const { return info_->harfbuzz.face(); }
bool FontFile::hasColorBitmaps() const { return info_->harfbuzz.hasColorBitmaps(); }
bool FontFile::hasOutlines() const { return info_->outlines; }
ColorGlyphPicture FontFile::colorPicture(int glyph) const { return info_->harfbuzz.colorPicture(glyph); }

int FontFile::serifStyle() const {
  // OS/2 PANOSE at byte 32: family kind 2 (Latin text), then the serif style: 2 to 10 kinds of
  // serifs, 11 to 13 sans serif, 14 and 15 flared and rounded (sans serif too).
  const std::string_view os2 = table("OS/2");
  if (os2.size() < 34 || os2[32] != 2) return 0;
  const int style = static_cast<unsigned char>(os2[33]);
  return style >= 2 && style <= 10 ? 1 : style >= 11 && style <= 15 ? -1 : 0;
}

float FontFile::scaleForPixelHeight(float pixels) const {
  if (!info_->outlines) return pixels / ((ascent_ + descent_) * static_cast<float>(unitsPerEm_));
  return stbtt_ScaleForPixelHeight(&info_->font, pixels);
}

GlyphBitmap FontFile::rasterize(int glyph, float scale, float shiftX) const {
  GlyphBitmap b;
  if (!info_->outlines) return b;
  int x1 = 0, y1 = 0;
  stbtt_GetGlyphBitmapBoxSubpixel(&info_->font, glyph, scale, scale, shiftX, 0, &b.x0, &b.y0, &x1, &y1);
  const int w = x1 - b.x0, h = y1 - b.y0;
  // Nothing a glyph of a cover's text measures: a broken font's box, not worth the memory.
  constexpr int kMaxSide = 4096;
  if (w <= 0 || h <= 0 || w >= kMaxSide || h >= kMaxSide) return b;
  b.width = w;
  b.height = h;
  b.coverage.assign(static_cast<std::size_t>(w) * static_cast<std::size_t>(h), 0);
  stbtt_MakeGlyphBitmapSubpixel(&info_->font, b.coverage.data(), w, h, w, scale, scale, shiftX, 0, glyph);
  return b;
}

namespace {

// The face of a collection whose family name ends with " <region>": the first proportional
// one, else the first (monospaced) one; nullptr when none has that name.
std::unique_ptr<FontFile> regionalFace(const fs::path& file, std::string_view region, std::string* error) {
  std::unique_ptr<FontFile> first = FontFile::load(file, error, 0);
  if (!first) return nullptr;
  std::unique_ptr<FontFile> mono;
  const std::string suffix = " " + std::string(region);
  const unsigned count = first->facesInFile();
  for (unsigned i = 0; i < count; ++i) {
    std::unique_ptr<FontFile> f = i == 0 ? std::move(first) : FontFile::load(file, nullptr, i);
    if (!f) continue;
    const std::string family = f->familyName();
    if (!family.ends_with(suffix)) continue;
    if (family.find("Mono") == std::string::npos) return f;
    if (!mono) mono = std::move(f);
  }
  if (!mono && error) *error = "no face for " + std::string(region) + " in this font file";
  return mono;
}

std::string storeKey(const fs::path& file, std::string_view region) {
  return region.empty() ? file.string() : file.string() + "#" + std::string(region);
}

}  // namespace

std::unique_ptr<FontFile> FontStore::load(const fs::path& file, std::string* error, std::string_view region) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, fresh] = fonts_.try_emplace(storeKey(file, region));
  Entry& e = it->second;
  if (fresh) {
    e.font = region.empty() ? FontFile::load(file, &e.error) : regionalFace(file, region, &e.error);
    if (e.font && !shapeFolder_.empty()) e.font->keepShapesIn(shapeFolder_);
    if (e.font && hashMemo_) e.font->useHashMemo(hashMemo_.get());
  }
  if (!e.font) {
    if (error) *error = e.error;
    return nullptr;
  }
  return e.font->share();
}

std::shared_ptr<const FontFile> FontStore::find(const fs::path& file, std::string_view region) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = fonts_.find(storeKey(file, region));
  return it == fonts_.end() ? nullptr : it->second.font;
}

void FontFile::keepShapesIn(const fs::path& folder) const { info_->shapesKept.setFolder(folder); }
void FontFile::useHashMemo(FileHashMemo* memo) const { info_->memo = memo; }
void FontFile::saveShapes() const { info_->shapesKept.save(*this); }

void FontStore::keepShapesIn(const fs::path& folder) {
  std::lock_guard<std::mutex> lock(mutex_);
  shapeFolder_ = folder;
  // Made once: the fonts read so far keep pointing at it.
  if (!hashMemo_ && !folder.empty()) hashMemo_ = std::make_unique<FileHashMemo>(folder / "hashes" / "fonts");
}

void FontStore::saveShapes() {
  // The files are written without holding the store: they are written beside the painting
  // (Typesetter::takeLayout), which may still ask the store for a font.
  std::vector<std::shared_ptr<const FontFile>> fonts;
  FileHashMemo* memo = nullptr;
  {
    std::lock_guard<std::mutex> lock(mutex_);
    for (const auto& [key, e] : fonts_)
      if (e.font) fonts.push_back(e.font);
    memo = hashMemo_.get();
  }
  for (const auto& font : fonts) font->saveShapes();
  if (memo) memo->save();
}

std::shared_ptr<const FontCoverage> FontStore::coverage(const fs::path& file) {
  std::lock_guard<std::mutex> lock(coverageMutex_);
  auto [it, fresh] = coverage_.try_emplace(file.string());
  if (fresh)
    if (auto read = FontCoverage::read(file, 0, nullptr)) it->second = std::make_shared<const FontCoverage>(std::move(*read));
  return it->second;
}

}  // namespace pp
