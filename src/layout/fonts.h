// Fonts for layout: TrueType files read with stb_truetype for metrics (advance widths exactly as
// libharu writes them to /W, so our positions and the PDF's agree), glyph presence for the
// fallback chain, and outlines for glyphs drawn as vectors. Files are loaded on first use.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <map>
#include <memory>
#include <mutex>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "postpress/support/diagnostics.h"
#include "postpress/layout.h"
#include "postpress/style.h"

namespace pp::typeset {

namespace fs = std::filesystem;

class FontFile {
 public:
  // nullptr (with *error set) when the file cannot be read or is not a TrueType font.
  static std::unique_ptr<FontFile> load(const fs::path& file, std::string* error);
  // Another FontFile on the same bytes (read-only, shared) with caches of its own: for a
  // thread of its own, without reading the file again.
  std::unique_ptr<FontFile> share() const;
  ~FontFile();
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;

  const fs::path& path() const { return path_; }
  // 32 hex digits naming the file's bytes (for caches of what is derived from them).
  const std::string& contentHash() const;
  bool has(char32_t cp) { return advanceOrMissing(cp) >= 0; }
  // Advance in 1/1000 em as libharu computes it (integer, truncated); 0 for a missing glyph.
  int advance(char32_t cp) {
    int a = advanceOrMissing(cp);
    return a < 0 ? 0 : a;
  }
  // Kerning between two characters in 1/1000 em (from GPOS pair adjustments or 'kern');
  // 0 for most pairs and for fonts without kerning. Cached per pair.
  int kern(char32_t a, char32_t b) {
    if (!hasKerning_ || a > 0xFFFF || b > 0xFFFF) return 0;
    const std::uint32_t key = (static_cast<std::uint32_t>(a) << 16) | static_cast<std::uint32_t>(b);
    auto it = kerns_.find(key);
    if (it != kerns_.end()) return it->second;
    const int k = lookupKern(a, b);
    kerns_.emplace(key, static_cast<std::int16_t>(k));
    return k;
  }
  bool hasKerning() const { return hasKerning_; }
  float ascent() const { return ascent_; }    // em, positive
  float descent() const { return descent_; }  // em, positive (below the baseline)
  // The glyph's outline in em units; empty for a missing or blank glyph.
  GlyphOutline outline(char32_t cp) const;

  // Raw access for writing derived fonts (src/pdf/font_subset.cpp).
  struct RawVertex {
    short x, y, cx, cy;
    unsigned char type;  // 1 move, 2 line, 3 quadratic curve (stb_truetype's codes)
  };
  int unitsPerEm() const { return unitsPerEm_; }
  int glyphIndex(char32_t cp) const;  // 0 when missing
  // Composite glyphs come back flattened, with their components' transforms applied.
  std::vector<RawVertex> glyphShape(int glyph) const;
  void glyphMetrics(int glyph, int& advance, int& leftSideBearing) const;
  // A table's bytes ("head", "OS/2"...); empty when the font has none.
  std::string_view table(std::string_view tag) const;

 private:
  FontFile() = default;
  // -1 when the font has no glyph for cp.
  int advanceOrMissing(char32_t cp) {
    if (cp < 0x10000) {
      auto& block = bmp_[cp >> 8];
      if (!block) {
        block.reset(new std::int32_t[256]);
        std::fill_n(block.get(), 256, kUnknown);
      }
      std::int32_t& v = block[cp & 0xFF];
      if (v == kUnknown) v = lookup(cp);
      return v;
    }
    auto it = astral_.find(cp);
    if (it != astral_.end()) return it->second;
    int v = lookup(cp);
    astral_.emplace(cp, v);
    return v;
  }
  int lookup(char32_t cp) const;
  int lookupKern(char32_t a, char32_t b) const;

  static constexpr std::int32_t kUnknown = -2;
  static constexpr int kMinKern = 5;  // 1/1000 em
  fs::path path_;
  struct Info;
  std::shared_ptr<const Info> info_;  // the bytes, shared by every copy (share())
  int unitsPerEm_ = 1000;
  float ascent_ = 0.8f, descent_ = 0.2f;
  // Per BMP code point, in blocks of 256 made when first needed (text uses a few blocks;
  // a table of all 65,536 was 256 KB per font and thread): kUnknown, -1 missing, else advance.
  std::array<std::unique_ptr<std::int32_t[]>, 256> bmp_{};
  std::unordered_map<char32_t, std::int32_t> astral_;
  bool hasKerning_ = false;
  std::unordered_map<std::uint32_t, std::int16_t> kerns_;
};

// Font files read once per layout run, shared by all its FontSets (one per thread) and handed
// on to the painter (FontFace::loaded). Thread-safe.
class FontStore {
 public:
  // A copy of the font at `file` (shared bytes, caches of its own), read on first use;
  // nullptr (with *error) when the file is unusable.
  std::unique_ptr<FontFile> load(const fs::path& file, std::string* error);
  // The font as read; nullptr when it was not read or is unusable.
  std::shared_ptr<const FontFile> find(const fs::path& file) const;

 private:
  struct Entry {
    std::shared_ptr<const FontFile> font;
    std::string error;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> fonts_;
};

// The faces of a style: families by role, and the fallback chain. Face ids index Layout::fonts.
//
// Ids are fixed by the style (every file it names gets one when the set is made), not by the
// order faces are first used: sets made from the same style agree on every id, so posts can be
// set side by side, each worker with its own set (its own caches), and their lines merged.
// Files are still read on first use; Layout::fonts lists every file, used or not (the painter
// embeds only the fonts a page draws with).
class FontSet {
 public:
  // `store`: where files are read (shared with the sets of other threads); nullptr: a store
  // of its own.
  FontSet(const Style& style, DiagnosticSink& diags, std::shared_ptr<FontStore> store = nullptr);
  ~FontSet();
  FontSet(const FontSet&) = delete;
  FontSet& operator=(const FontSet&) = delete;

  // Where problems with font files are reported from now on (the post being set).
  void setDiagnostics(DiagnosticSink& diags) { diags_ = &diags; }

  // False when not even the bundled text face could be loaded (nothing can be set).
  bool ok() const { return ok_; }
  // The face of a family (a Style::families key; unknown keys use "text").
  int face(const std::string& family, bool bold, bool italic);
  // The face that draws cp for text whose own face is `primary`: the primary itself when it
  // has the glyph, else the first fallback that has it; -1 when no font has it.
  int resolve(int primary, char32_t cp, bool bold);
  FontFile& file(int id) { return *files_[static_cast<std::size_t>(id)]; }
  std::vector<FontFace> faces() const;

  // Width in pt of UTF-8 text set in one face (no fallback), kerned, with letter spacing per
  // character. Private Use stand-ins measure as the characters they stand for.
  float width(int face, std::string_view utf8, float size, float letterSpacing = 0);

  // The BMP stand-in for a character above U+FFFF (see Layout::privateUse); 0 when they have
  // run out. The same character always gets the same stand-in.
  char32_t standIn(char32_t cp);
  char32_t realCodepoint(char32_t code) const {
    if (code < kFirstStandIn || code > kLastStandIn) return code;
    auto it = standIns_.find(code);
    return it == standIns_.end() ? code : it->second;
  }
  const std::map<char32_t, char32_t>& standIns() const { return standIns_; }
  // A post set on its own starts from no stand-ins; its own are renumbered when its lines join
  // the digest's (PostJoiner).
  void clearStandIns() {
    standIns_.clear();
    standInOf_.clear();
  }
  // Hands out at most `n` stand-ins (fewer than the Private Use Area holds: tests).
  void limitStandIns(std::size_t n) { standInLimit_ = n; }
  static constexpr char32_t kFirstStandIn = 0xE000, kLastStandIn = 0xF8FF;

 private:
  int slot(const fs::path& file);
  int loadFile(const fs::path& file, bool required);
  const std::vector<int>& fallbackChain(bool bold);
  static fs::path boldSibling(const fs::path& p);

  enum class SlotState : std::uint8_t { Unread, Loaded, Failed };
  const Style& style_;
  DiagnosticSink* diags_;
  std::shared_ptr<FontStore> store_;
  bool ok_ = true;
  std::vector<std::unique_ptr<FontFile>> files_;  // per id; null until read (or unreadable)
  std::vector<fs::path> paths_;                   // per id
  std::vector<SlotState> states_;                 // per id
  std::unordered_map<std::string, int> byPath_;   // path -> id
  std::unordered_map<std::string, int> byRole_;   // "family/bold/italic" -> id
  std::vector<int> fallbacks_[2];                 // regular, bold
  bool fallbacksLoaded_[2] = {false, false};
  std::map<char32_t, char32_t> standIns_;         // stand-in -> real
  std::unordered_map<char32_t, char32_t> standInOf_;  // real -> stand-in
  // Handed out downwards from kLastStandIn, one per character: the next is kLastStandIn minus
  // the number handed out.
  std::size_t standInLimit_ = kLastStandIn - kFirstStandIn + 1;
};

}  // namespace pp::typeset
