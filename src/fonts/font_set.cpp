#include <system_error>

#include "fonts/coverage.h"
#include "fonts/harfbuzz_font.h"
#include "postpress/fonts.h"
#include "postpress/support/cjk.h"
#include "postpress/support/files.h"

namespace pp {

namespace {

// The regions whose faces a CJK collection among the fallbacks may hold (cjkRegionOf).
constexpr std::string_view kCjkRegions[] = {"JP", "KR", "SC", "TC", "HK"};

}  // namespace

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
  // The regional faces of collections, regular and bold, whatever languages come.
  for (const auto& p : style_.fallbacks) {
    if (!fonts::isCollection(p)) continue;
    const fs::path b = boldSibling(p);
    std::error_code ec;
    const bool hasBold = fs::is_regular_file(b, ec);
    for (std::string_view r : kCjkRegions) {
      slot(p, r);
      if (hasBold) slot(b, r);
    }
  }
  // The text face must exist: everything else falls back to it.
  if (face("text", false, false) < 0) ok_ = false;
}

FontSet::~FontSet() = default;

// DejaVuSans.ttf -> DejaVuSans-Bold.ttf, NotoSansThai-Regular.ttf -> NotoSansThai-Bold.ttf,
// NanumGothic.ttf -> NanumGothicBold.ttf: the first that exists (used when one does).
fs::path FontSet::boldSibling(const fs::path& p) {
  std::string stem = p.stem().string();
  constexpr std::string_view kRegular = "-Regular";
  if (stem.size() > kRegular.size() && stem.ends_with(kRegular)) stem.resize(stem.size() - kRegular.size());
  const fs::path dashed = p.parent_path() / (stem + "-Bold" + p.extension().string());
  const fs::path joined = p.parent_path() / (stem + "Bold" + p.extension().string());
  std::error_code ec;
  return !fs::is_regular_file(dashed, ec) && fs::is_regular_file(joined, ec) ? joined : dashed;
}

int FontSet::slot(const fs::path& file, std::string_view region) {
  const std::string key = region.empty() ? file.string() : file.string() + "#" + std::string(region);
  if (auto it = byPath_.find(key); it != byPath_.end()) return it->second;
  const int id = static_cast<int>(paths_.size());
  paths_.push_back(file);
  regions_.emplace_back(region);
  files_.emplace_back();
  states_.push_back(SlotState::Unread);
  byPath_.emplace(key, id);
  return id;
}

int FontSet::loadFile(const fs::path& file, bool required, std::string_view region) {
  const int id = slot(file, region);
  const auto i = static_cast<std::size_t>(id);
  if (states_[i] == SlotState::Unread) {
    std::string err;
    files_[i] = store_->load(file, &err, region);
    states_[i] = files_[i] ? SlotState::Loaded : SlotState::Failed;
    if (!files_[i]) {
      const std::string key = region.empty() ? file.string() : file.string() + "#" + std::string(region);
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
    if (id >= 0 && f.serif) {
      if (serif_.size() <= static_cast<std::size_t>(id)) serif_.resize(static_cast<std::size_t>(id) + 1, 0);
      serif_[static_cast<std::size_t>(id)] = 1;
    }
  }
  // Last resort: the bundled text face, so a broken user font never stops the build.
  if (id < 0 && family != "text") id = face("text", bold, italic);
  if (id < 0) id = loadFile(dataDir() / "fonts" / "CharisSIL-Regular.ttf", true);
  byRole_[key] = id;
  return id;
}

// The fallbacks' ids in the style's order, a bold sibling before its regular face; files are
// read only when a character gets that far down the chain (Latin text never opens the CJK font).
const std::vector<int>& FontSet::fallbackChain(bool bold) {
  const int k = bold ? 1 : 0;
  if (!fallbacksLoaded_[k]) {
    fallbacksLoaded_[k] = true;
    for (const auto& p : style_.fallbacks) {
      if (bold)
        if (auto it = byPath_.find(boldSibling(p).string()); it != byPath_.end()) fallbacks_[k].push_back(it->second);
      fallbacks_[k].push_back(slot(p));
    }
  }
  return fallbacks_[k];
}

void FontSet::setLanguage(std::string_view bcp47) { region_ = cjkRegionOf(bcp47); }

int FontSet::regionalFace(bool bold, bool serif) {
  auto [it, fresh] = regional_.try_emplace({region_, serif}, std::array<int, 2>{-1, -1});
  if (fresh) {
    // The first collection of the kind asked for, else the first of any kind.
    bool ofKind = false;
    for (const auto& p : style_.fallbacks) {
      if (!fonts::isCollection(p) || ofKind) continue;
      const int regular = loadFile(p, false, region_);
      if (regular < 0) continue;
      ofKind = files_[static_cast<std::size_t>(regular)]->serifStyle() == (serif ? 1 : -1);
      if (!ofKind && it->second[0] >= 0) continue;
      it->second = {regular, regular};
      if (auto b = byPath_.find(boldSibling(p).string() + "#" + std::string(region_)); b != byPath_.end())
        if (loadFile(boldSibling(p), false, region_) >= 0) it->second[1] = b->second;
    }
  }
  return it->second[bold ? 1 : 0];
}

int FontSet::colorFace() {
  if (colorFace_ != -2) return colorFace_;
  colorFace_ = -1;
  for (const auto& p : style_.fallbacks) {
    if (!fonts::hasColorBitmapTables(p)) continue;  // the others stay unread
    const int id = loadFile(p, false);
    if (id >= 0 && files_[static_cast<std::size_t>(id)]->hasColorBitmaps()) return colorFace_ = id;
  }
  return colorFace_;
}

int FontSet::resolve(int primary, char32_t cp, bool bold, bool emoji) {
  // An emoji's picture before any text face's glyph for it (DejaVu Sans draws some emoji).
  if (emoji)
    if (const int id = colorFace(); id >= 0 && files_[static_cast<std::size_t>(id)]->has(cp)) return id;
  if (primary >= 0 && files_[static_cast<std::size_t>(primary)]->has(cp)) return primary;
  if (!region_.empty() && isCjk(cp))
    if (const int id = regionalFace(bold, primary >= 0 && static_cast<std::size_t>(primary) < serif_.size() &&
                                                  serif_[static_cast<std::size_t>(primary)]);
        id >= 0 && files_[static_cast<std::size_t>(id)]->has(cp)) return id;
  // The chain's answer depends on the character and the weight only: walked once for each
  // (a Chinese post asks for each ideograph thousands of times, past dozens of fonts).
  const std::uint32_t key = (static_cast<std::uint32_t>(cp) << 1) | (bold ? 1u : 0u);
  if (const auto it = chainFaces_.find(key); it != chainFaces_.end()) return it->second;
  int found = -1;
  for (int id : fallbackChain(bold))
    if (mayHave(id, cp) && loadFile(paths_[static_cast<std::size_t>(id)], false) >= 0 &&
        files_[static_cast<std::size_t>(id)]->has(cp)) {
      found = id;
      break;
    }
  chainFaces_.emplace(key, found);
  return found;
}

bool FontSet::mayHave(int id, char32_t cp) {
  const auto i = static_cast<std::size_t>(id);
  if (coverageRead_.size() <= i) {
    coverageRead_.resize(paths_.size(), 0);
    coverage_.resize(paths_.size());
  }
  if (!coverageRead_[i]) {
    coverageRead_[i] = 1;
    coverage_[i] = store_->coverage(paths_[i]);
  }
  return !coverage_[i] || coverage_[i]->has(cp);
}

std::vector<FontFace> FontSet::faces() const {
  std::vector<FontFace> out;
  out.reserve(paths_.size());
  for (std::size_t i = 0; i < paths_.size(); ++i) out.push_back({paths_[i], regions_[i], store_->find(paths_[i], regions_[i])});
  return out;
}

}  // namespace pp
