#include "layout/fonts.h"

#include <stb_truetype.h>

#include <algorithm>
#include <cmath>
#include <mutex>

#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"

namespace pp::typeset {

// The file's bytes and stb_truetype's view of them: read-only once loaded, shared by every
// FontFile made from it (FontFile::share), so threads read them side by side.
struct FontFile::Info {
  FileBytes bytes;  // the whole font file (FileBytes::open)
  stbtt_fontinfo font;
  // contentHash(bytes), made when first asked for (only the PDF's font cache asks), once for
  // every FontFile sharing these bytes, whichever thread asks first.
  mutable std::once_flag hashed;
  mutable std::string hash;
};

const std::string& FontFile::contentHash() const {
  std::call_once(info_->hashed, [this] { info_->hash = pp::contentHash(info_->bytes.view()); });
  return info_->hash;
}

FontFile::~FontFile() = default;

std::unique_ptr<FontFile> FontFile::share() const {
  std::unique_ptr<FontFile> f(new FontFile());
  f->path_ = path_;
  f->info_ = info_;
  f->unitsPerEm_ = unitsPerEm_;
  f->ascent_ = ascent_;
  f->descent_ = descent_;
  f->hasKerning_ = hasKerning_;
  return f;
}

std::unique_ptr<FontFile> FontFile::load(const fs::path& file, std::string* error) {
  std::string err;
  // Real font files are at most tens of MB; refuse anything absurd.
  auto data = FileBytes::open(file, &err, 64ull << 20);
  if (!data) {
    if (error) *error = err.empty() ? "cannot read" : err;
    return nullptr;
  }
  std::unique_ptr<FontFile> f(new FontFile());
  f->path_ = file;
  auto info = std::make_shared<Info>();
  info->bytes = std::move(*data);
  f->info_ = info;
  const std::string_view raw = info->bytes.view();
  const auto* bytes = reinterpret_cast<const unsigned char*>(raw.data());
  // stb_truetype trusts its input: check the table directory fits before handing it over.
  if (raw.size() < 12) {
    if (error) *error = "not a font file";
    return nullptr;
  }
  const std::uint32_t tag = (std::uint32_t(bytes[0]) << 24) | (std::uint32_t(bytes[1]) << 16) |
                            (std::uint32_t(bytes[2]) << 8) | bytes[3];
  // TrueType outlines only: 0x00010000 or 'true'. libharu cannot embed CFF ('OTTO').
  if (tag != 0x00010000u && tag != 0x74727565u) {
    if (error) *error = "not a TrueType font (glyf outlines needed)";
    return nullptr;
  }
  const std::size_t numTables = (std::size_t(bytes[4]) << 8) | bytes[5];
  if (12 + numTables * 16 > raw.size()) {
    if (error) *error = "truncated font file";
    return nullptr;
  }
  for (std::size_t t = 0; t < numTables; ++t) {
    const unsigned char* rec = bytes + 12 + t * 16;
    const std::uint64_t off = (std::uint64_t(rec[8]) << 24) | (rec[9] << 16) | (rec[10] << 8) | rec[11];
    const std::uint64_t len = (std::uint64_t(rec[12]) << 24) | (rec[13] << 16) | (rec[14] << 8) | rec[15];
    if (off + len > raw.size()) {
      if (error) *error = "truncated font file";
      return nullptr;
    }
  }
  if (!stbtt_InitFont(&info->font, bytes, 0)) {
    if (error) *error = "not a usable TrueType font";
    return nullptr;
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
  const int g = stbtt_FindGlyphIndex(&info_->font, static_cast<int>(cp));
  if (g <= 0) return -1;
  int adv = 0, lsb = 0;
  stbtt_GetGlyphHMetrics(&info_->font, g, &adv, &lsb);
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

GlyphOutline FontFile::outline(char32_t cp) const {
  GlyphOutline out;
  const int g = stbtt_FindGlyphIndex(&info_->font, static_cast<int>(cp));
  if (g <= 0) return out;
  stbtt_vertex* v = nullptr;
  const int n = stbtt_GetGlyphShape(&info_->font, g, &v);
  const float k = 1.0f / static_cast<float>(unitsPerEm_);
  bool open = false;
  for (int i = 0; i < n; ++i) {
    const float x = v[i].x * k, y = v[i].y * k;
    switch (v[i].type) {
      case STBTT_vmove:
        if (open) out.cmds.push_back({GlyphOutline::Op::Close, 0, 0, 0, 0});
        out.cmds.push_back({GlyphOutline::Op::Move, x, y, 0, 0});
        open = true;
        break;
      case STBTT_vline: out.cmds.push_back({GlyphOutline::Op::Line, x, y, 0, 0}); break;
      case STBTT_vcurve:
        out.cmds.push_back({GlyphOutline::Op::Quad, x, y, v[i].cx * k, v[i].cy * k});
        break;
      default:  // cubic (CFF only): approximate by its end point's line
        out.cmds.push_back({GlyphOutline::Op::Line, x, y, 0, 0});
        break;
    }
  }
  if (open) out.cmds.push_back({GlyphOutline::Op::Close, 0, 0, 0, 0});
  if (v) stbtt_FreeShape(&info_->font, v);
  return out;
}

int FontFile::glyphIndex(char32_t cp) const {
  const int g = stbtt_FindGlyphIndex(&info_->font, static_cast<int>(cp));
  return g > 0 ? g : 0;
}

std::vector<FontFile::RawVertex> FontFile::glyphShape(int glyph) const {
  std::vector<RawVertex> out;
  stbtt_vertex* v = nullptr;
  const int n = stbtt_GetGlyphShape(&info_->font, glyph, &v);
  out.reserve(static_cast<std::size_t>(std::max(0, n)));
  for (int i = 0; i < n; ++i) out.push_back({v[i].x, v[i].y, v[i].cx, v[i].cy, v[i].type});
  if (v) stbtt_FreeShape(&info_->font, v);
  return out;
}

void FontFile::glyphMetrics(int glyph, int& advance, int& leftSideBearing) const {
  stbtt_GetGlyphHMetrics(&info_->font, glyph, &advance, &leftSideBearing);
}

std::string_view FontFile::table(std::string_view tag) const {
  // The directory was bounds-checked when the file was loaded.
  const auto* b = reinterpret_cast<const unsigned char*>(info_->bytes.data());
  const std::size_t numTables = (std::size_t(b[4]) << 8) | b[5];
  for (std::size_t t = 0; t < numTables; ++t) {
    const unsigned char* rec = b + 12 + t * 16;
    if (std::string_view(reinterpret_cast<const char*>(rec), 4) != tag) continue;
    const std::size_t off = (std::size_t(rec[8]) << 24) | (std::size_t(rec[9]) << 16) | (std::size_t(rec[10]) << 8) | rec[11];
    const std::size_t len = (std::size_t(rec[12]) << 24) | (std::size_t(rec[13]) << 16) | (std::size_t(rec[14]) << 8) | rec[15];
    return info_->bytes.view().substr(off, len);
  }
  return {};
}

std::unique_ptr<FontFile> FontStore::load(const fs::path& file, std::string* error) {
  std::lock_guard<std::mutex> lock(mutex_);
  auto [it, fresh] = fonts_.try_emplace(file.string());
  Entry& e = it->second;
  if (fresh) e.font = FontFile::load(file, &e.error);
  if (!e.font) {
    if (error) *error = e.error;
    return nullptr;
  }
  return e.font->share();
}

std::shared_ptr<const FontFile> FontStore::find(const fs::path& file) const {
  std::lock_guard<std::mutex> lock(mutex_);
  auto it = fonts_.find(file.string());
  return it == fonts_.end() ? nullptr : it->second.font;
}

FontSet::FontSet(const Style& style, DiagnosticSink& diags, std::shared_ptr<FontStore> store)
    : style_(style), diags_(&diags), store_(store ? std::move(store) : std::make_shared<FontStore>()) {
  // Every file the style names gets its id now, in the style's order (families by name, then
  // the fallbacks with their bold siblings), so that ids do not depend on what is set first.
  for (const auto& [name, f] : style_.families)
    for (const fs::path* p : {&f.regular, &f.bold, &f.italic, &f.boldItalic})
      if (!p->empty()) slot(*p);
  slot(dataDir() / "fonts" / "CharisSIL-Regular.ttf");
  for (const auto& p : style_.fallbacks) {
    const fs::path b = boldSibling(p);
    std::error_code ec;
    if (fs::is_regular_file(b, ec)) slot(b);
    slot(p);
  }
  // The text face must exist: everything else falls back to it.
  if (face("text", false, false) < 0) ok_ = false;
}

FontSet::~FontSet() = default;

// DejaVuSans.ttf -> DejaVuSans-Bold.ttf (used when that sibling exists).
fs::path FontSet::boldSibling(const fs::path& p) {
  return p.parent_path() / (p.stem().string() + "-Bold" + p.extension().string());
}

int FontSet::slot(const fs::path& file) {
  const std::string key = file.string();
  if (auto it = byPath_.find(key); it != byPath_.end()) return it->second;
  const int id = static_cast<int>(paths_.size());
  paths_.push_back(file);
  files_.emplace_back();
  states_.push_back(SlotState::Unread);
  byPath_.emplace(key, id);
  return id;
}

int FontSet::loadFile(const fs::path& file, bool required) {
  const int id = slot(file);
  const auto i = static_cast<std::size_t>(id);
  if (states_[i] == SlotState::Unread) {
    std::string err;
    files_[i] = store_->load(file, &err);
    states_[i] = files_[i] ? SlotState::Loaded : SlotState::Failed;
    if (!files_[i]) {
      const std::string key = file.string();
      Diagnostic d{required ? Severity::Warning : Severity::Note, {key, 0, 0}, "font-unusable",
                   (required ? "font file cannot be used: " : "fallback font not available: ") + err};
      diags_->reportOnce("font-unusable:" + key, d);
    }
  }
  return states_[i] == SlotState::Loaded ? id : -1;
}

int FontSet::face(const std::string& family, bool bold, bool italic) {
  const std::string key = family + (bold ? "/b" : "/r") + (italic ? "i" : "n");
  if (auto it = byRole_.find(key); it != byRole_.end()) return it->second;
  auto fam = style_.families.find(family);
  if (fam == style_.families.end()) fam = style_.families.find("text");
  int id = -1;
  if (fam != style_.families.end()) {
    const FontFamily& f = fam->second;
    const fs::path& p = bold ? (italic ? f.boldItalic : f.bold) : (italic ? f.italic : f.regular);
    id = loadFile(p.empty() ? f.regular : p, true);
    if (id < 0 && !p.empty() && p != f.regular) id = loadFile(f.regular, true);
  }
  // Last resort: the bundled text face, so a broken user font never stops the build.
  if (id < 0 && family != "text") id = face("text", bold, italic);
  if (id < 0) id = loadFile(dataDir() / "fonts" / "CharisSIL-Regular.ttf", true);
  byRole_[key] = id;
  return id;
}

const std::vector<int>& FontSet::fallbackChain(bool bold) {
  const int k = bold ? 1 : 0;
  if (!fallbacksLoaded_[k]) {
    fallbacksLoaded_[k] = true;
    for (const auto& p : style_.fallbacks) {
      if (bold) {
        const fs::path b = boldSibling(p);
        if (auto it = byPath_.find(b.string()); it != byPath_.end()) {
          if (int id = loadFile(b, false); id >= 0) {
            fallbacks_[k].push_back(id);
            continue;
          }
        }
      }
      int id = loadFile(p, false);
      if (id >= 0) fallbacks_[k].push_back(id);
    }
  }
  return fallbacks_[k];
}

int FontSet::resolve(int primary, char32_t cp, bool bold) {
  if (primary >= 0 && files_[static_cast<std::size_t>(primary)]->has(cp)) return primary;
  for (int id : fallbackChain(bold))
    if (files_[static_cast<std::size_t>(id)]->has(cp)) return id;
  return -1;
}

std::vector<FontFace> FontSet::faces() const {
  std::vector<FontFace> out;
  out.reserve(paths_.size());
  for (const auto& p : paths_) out.push_back({p, store_->find(p)});
  return out;
}

char32_t FontSet::standIn(char32_t cp) {
  if (auto it = standInOf_.find(cp); it != standInOf_.end()) return it->second;
  const std::size_t handedOut = standIns_.size();
  if (handedOut >= standInLimit_ || handedOut > kLastStandIn - kFirstStandIn) return 0;
  const char32_t code = kLastStandIn - static_cast<char32_t>(handedOut);
  standInOf_.emplace(cp, code);
  standIns_.emplace(code, cp);
  return code;
}

float FontSet::width(int face, std::string_view utf8, float size, float letterSpacing) {
  if (face < 0) return 0;
  FontFile& f = file(face);
  long units = 0;
  std::size_t n = 0;
  char32_t prev = 0;
  for (std::size_t i = 0; i < utf8.size();) {
    const char32_t c = realCodepoint(nextCodepoint(utf8, i));
    units += f.advance(c);
    if (prev) units += f.kern(prev, c);
    prev = c;
    ++n;
  }
  return static_cast<float>(units) * size / 1000.0f + letterSpacing * static_cast<float>(n);
}

}  // namespace pp::typeset
