// Fonts: the font files every output draws with. Files read once and shared between threads
// (FontFile, FontStore); the faces of a style by role and the fallback chain for characters a
// face lacks (FontSet); a plain chain of files for pictures drawn in pixels (FontChain, the
// EPUB cover); metrics, kerning and glyph outlines; subsets holding only the glyphs a document
// draws, and a cache of them on disk. Stage home: src/fonts/.
//
// A library at the bottom: it reads only Style's font choices (families and fallbacks) and the
// support utilities. The typesetter (typeset.h) measures and chooses faces with it, the PDF
// writer embeds its subsets, the EPUB cover rasterises its glyphs; none of them opens a font
// file any other way.
//
// TrueType (glyf) and CFF outlines, single fonts and collections (.ttc: the regional faces of
// Noto Sans CJK, picked by the text's language, FontSet::setLanguage). Widths are in 1/1000 em:
// a character's advance (FontFile::advance) an integer truncated as libharu computes widths;
// shaped glyphs carry the width the PDF's /W declares (FontFile::declaredWidth), and the pages
// move the pen to the shaped positions from there.
#pragma once

#include <algorithm>
#include <array>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <map>
#include <memory>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "postpress/support/hash_memo.h"

#include "postpress/style.h"
#include "postpress/support/diagnostics.h"
#include "postpress/support/hash.h"
#include "postpress/support/text.h"

namespace pp {

namespace fs = std::filesystem;

// A glyph's coverage, rasterised: `width` x `height` bytes (0 = clear, 255 = covered), whose
// top-left pixel is (x0, y0) from the pen position, y down.
struct GlyphBitmap {
  int x0 = 0, y0 = 0, width = 0, height = 0;
  std::vector<unsigned char> coverage;
};

// Shaping (HarfBuzz): text in one font becomes glyphs with their positions. Lengths are in
// 1/1000 em (floats: positions as HarfBuzz places them), y up.
enum class TextDirection : std::uint8_t { Auto, LeftToRight, RightToLeft };

struct ShapedGlyph {
  std::uint16_t glyph = 0;    // glyph id in the font (0: the font lacks the character)
  std::uint32_t cluster = 0;  // index of the first code point of the text it draws
  float advance = 0;          // pen movement after it
  float dx = 0, dy = 0;       // offset from the pen (marks, cursive attachment)
  float width = 0;            // the glyph's own advance as a PDF's /W declares it (declaredWidth)
  // Not the font's own glyph for its character: a ligature, a contextual alternate (a code
  // font's "->>"), a conjunct. One such glyph may stand for different characters in different
  // places, so a PDF cannot give its text back through ToUnicode alone.
  bool substituted = false;
};

// Hashes a word by its view, so that maps and sets of words are looked up without making a
// string (with std::equal_to<>).
struct TextViewHash {
  using is_transparent = void;
  std::size_t operator()(std::u32string_view t) const noexcept {
    return static_cast<std::size_t>(tableHash(t.data(), t.size() * sizeof(char32_t)));
  }
};

// Glyphs in visual order (left to right on the page), whatever the direction.
struct ShapedText {
  std::vector<ShapedGlyph> glyphs;
  float advance = 0;  // sum of the glyphs' advances
  bool rtl = false;   // shaped right to left: glyph order is the reverse of the text's
};

// True for a character set in the face of the one before it: combining marks, joiners and
// other format characters, variation selectors, emoji modifiers. Fallback must not split them
// from their base, or shaping cannot join, reorder or attach them.
bool attachesToPrevious(char32_t cp);

// True for the zero width joiner and non-joiner (U+200D, U+200C): they change how the letters
// beside them are shaped (Arabic joining, Indic half forms, emoji sequences) and draw nothing.
// Shaping leaves them out of the glyphs (FontFile::shaped); they stay in the text.
bool isJoiner(char32_t cp);

// True for a letter written right to left (bidi class R or AL: Hebrew, Arabic, Syriac...); not
// for the neutrals and numbers a right-to-left run may also hold.
bool isStrongRightToLeft(char32_t cp);

// True when `cp` is drawn as an emoji picture rather than as text: it has the Emoji_Presentation
// property (😀, 🇫, 👍), or it is an emoji with a text default asking for the picture with a
// variation selector 16 after it (`next` == U+FE0F: ❤️, ☀️), or a modifier base with a skin
// tone after it (✌🏽: an emoji modifier sequence is shown as an emoji, UTS #51). Such
// characters come from a colour font ahead of the rest of the chain (FontSet::resolve).
bool wantsEmojiPresentation(char32_t cp, char32_t next);

// Characters that only say how an emoji sequence is drawn: ZWJ, variation selectors 15 and 16,
// skin-tone modifiers, tag characters (subdivision flags). A colour emoji font shapes them into
// its ligature glyphs; any other font has nothing to draw for them.
bool isEmojiSequencePart(char32_t cp);

// An emoji that sequence parts may follow: a pictograph (Extended_Pictographic) or a regional
// indicator (flags).
bool isEmojiSequenceBase(char32_t cp);

// Which characters of `text` are sequence parts of the emoji before them (isEmojiSequencePart
// right after an emoji or after another such part): in a face without colour glyphs they are
// not drawn, and the emoji's glyph stands for them (FontFile::shaped). Empty when `text` holds
// no sequence part at all.
std::vector<bool> emojiSequenceParts(std::u32string_view text);

// An emoji as a colour font draws it: the PNG of its bitmap and where the picture lies, in em
// from the pen position (x right, y up: the bottom-left corner, then the size).
struct ColorGlyphPicture {
  std::string png;  // "": the glyph has no picture
  float x = 0, y = 0, width = 0, height = 0;
};

// The face of a CJK collection (Noto Sans CJK's JP, KR, SC, TC, HK) that draws a language's
// glyph forms: "JP" for ja, "KR" for ko, "SC" for zh, zh-CN, zh-Hans, "TC" for zh-TW, zh-Hant,
// "HK" for zh-HK, zh-MO, yue; "" for every other language. Han characters share code points
// but not shapes between these (直, 骨, 说, 门).
std::string_view cjkRegionOf(std::string_view bcp47);

class FontFile {
 public:
  // nullptr (with *error set) when the file cannot be read or is not an OpenType font with
  // TrueType or CFF outlines. `face`: the face's index in a collection (.ttc), 0 otherwise.
  static std::unique_ptr<FontFile> load(const fs::path& file, std::string* error, unsigned face = 0);
  // Another FontFile on the same bytes (read-only, shared) with caches of its own: for a
  // thread of its own, without reading the file again.
  std::unique_ptr<FontFile> share() const;
  ~FontFile();
  FontFile(const FontFile&) = delete;
  FontFile& operator=(const FontFile&) = delete;

  const fs::path& path() const { return path_; }
  unsigned faceIndex() const { return face_; }  // in its collection (0 for a single font)
  unsigned facesInFile() const;                 // 1 for a single font
  std::string familyName() const;               // "Noto Sans CJK JP" ("" when it has none)
  // 32 hex digits naming the face: the file's bytes and the face's index (for caches of what
  // is derived from them).
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

  // Glyphs by index, in font units (pictures drawn in pixels, subsets).
  struct RawVertex {
    short x, y, cx, cy;
    unsigned char type;  // 1 move, 2 line, 3 quadratic curve
  };
  int unitsPerEm() const { return unitsPerEm_; }
  int glyphIndex(char32_t cp) const;  // 0 when missing
  // Composite glyphs come back flattened, with their components' transforms applied.
  std::vector<RawVertex> glyphShape(int glyph) const;
  void glyphMetrics(int glyph, int& advance, int& leftSideBearing) const;
  // Pixels per font unit for text whose ascender-to-descender height is `pixels`.
  float scaleForPixelHeight(float pixels) const;
  // The glyph's coverage at `scale` pixels per font unit, its origin `shiftX` (0..1) pixels
  // right of a pixel's edge; empty for a blank glyph or one too large to be a glyph.
  GlyphBitmap rasterize(int glyph, float scale, float shiftX) const;
  std::string_view bytes() const;  // the whole file
  // A table's bytes ("head", "OS/2"...); empty when the font has none.
  std::string_view table(std::string_view tag) const;

  // Shapes `text` (one font, one direction; Auto: from its script) with the font's OpenType
  // features: kerning, ligatures, marks, joining, reordering. Thread-safe (the HarfBuzz font is
  // shared by every copy, read-only).
  ShapedText shape(std::u32string_view text, TextDirection direction = TextDirection::Auto) const;
  // The same, cached per text and direction (this copy's cache: one thread): a word is shaped
  // once however often it is measured and drawn. The shape stays where it is as long as this
  // copy does, so a caller may keep the reference.
  const ShapedText& shaped(std::u32string_view text, TextDirection direction = TextDirection::Auto);
  // shaped(U" ", LeftToRight), looked up once: the glyph ending every word a space follows.
  const ShapedText& shapedSpace();
  // Words shaped by earlier builds are read from, and this build's written to, the cache
  // `folder` (src/fonts/shape_cache.h): for every copy of the face, set before any shaping.
  void keepShapesIn(const fs::path& folder) const;
  // contentHash() taken from, and given to, `memo` by the file's version when it was read
  // (postpress/support/hash_memo.h): set, as keepShapesIn, before any shaping.
  void useHashMemo(FileHashMemo* memo) const;
  // Writes the words shaped since (best effort); nothing when none were.
  void saveShapes() const;
  // A glyph's advance width in 1/1000 em to the nearest 1/16 (a binary fraction, written exactly): what the PDF's /W
  // declares and its pages advance the pen by. Whole thousandths left a TJ adjustment of a
  // few hundredths after nearly every glyph to keep the shaped positions.
  float declaredWidth(int glyph) const;
  int glyphCount() const;
  // The font's PostScript name ("" when it has none).
  std::string postScriptName() const;
  // The HarfBuzz face (hb_face_t*), for the subsetter.
  void* harfbuzzFace() const;
  // The design's serifs by its OS/2 PANOSE (Latin text): +1 serif, -1 sans serif, 0 not said.
  int serifStyle() const;
  // Colour bitmaps (CBDT, as Noto Color Emoji): glyphs are pictures, not outlines.
  bool hasColorBitmaps() const;
  // stb_truetype reads its outlines (false for a font of colour bitmaps only: its glyphs
  // cannot be rasterised or drawn as paths).
  bool hasOutlines() const;
  ColorGlyphPicture colorPicture(int glyph) const;

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
  unsigned face_ = 0;
  struct Info;
  std::shared_ptr<const Info> info_;  // the bytes, shared by every copy (share())
  int unitsPerEm_ = 1000;
  float ascent_ = 0.8f, descent_ = 0.2f;
  // Per BMP code point, in blocks of 256 made when first needed (text uses a few blocks, and
  // a whole table would be 256 KB per font and thread): kUnknown, -1 missing, else advance.
  std::array<std::unique_ptr<std::int32_t[]>, 256> bmp_{};
  std::unordered_map<char32_t, std::int32_t> astral_;
  bool hasKerning_ = false;
  std::unordered_map<std::uint32_t, std::int16_t> kerns_;
  // Looked up by the text's view (no string made for a word already shaped).
  std::unordered_map<std::u32string, ShapedText, TextViewHash, std::equal_to<>> shapes_[3];  // by TextDirection
  const ShapedText* space_ = nullptr;  // shapedSpace(), in shapes_
};

class FontCoverage;

// Font files read once and shared by every FontSet made with the store (one per thread) and by
// whoever uses the files afterwards (FontFace::loaded). Thread-safe.
class FontStore {
 public:
  // A copy of the font at `file` (shared bytes, caches of its own), read on first use;
  // nullptr (with *error) when the file is unusable. `region` (cjkRegionOf): the collection's
  // face whose family name ends with it ("Noto Sans CJK TC"), proportional faces before
  // monospaced ones; "": the file's first face.
  std::unique_ptr<FontFile> load(const fs::path& file, std::string* error, std::string_view region = {});
  // The font as read; nullptr when it was not read or is unusable.
  std::shared_ptr<const FontFile> find(const fs::path& file, std::string_view region = {}) const;
  // Which characters the file's first face has, read once from its character map alone
  // (FontCoverage, src/fonts/coverage.h); nullptr when that cannot be read (load() says why).
  std::shared_ptr<const FontCoverage> coverage(const fs::path& file);
  // Fonts read from now on keep their shaped words in the cache `folder` between builds
  // (FontFile::keepShapesIn), and their files' hashes in folder/hashes/fonts
  // (FontFile::useHashMemo); saveShapes() writes what this build shaped and hashed.
  void keepShapesIn(const fs::path& folder);
  void saveShapes();

 private:
  struct Entry {
    std::shared_ptr<const FontFile> font;
    std::string error;
  };
  mutable std::mutex mutex_;
  std::map<std::string, Entry> fonts_;
  fs::path shapeFolder_;
  std::unique_ptr<FileHashMemo> hashMemo_;
  std::mutex coverageMutex_;  // apart: a map is read while another thread reads a whole font
  std::map<std::string, std::shared_ptr<const FontCoverage>> coverage_;
};

// One face of a FontSet, by id.
struct FontFace {
  fs::path file;
  std::string region;  // the face of a collection (FontStore::load); "": its first
  // The file as read (nullptr when no text needed it): whoever embeds it need not read it
  // again.
  std::shared_ptr<const FontFile> loaded;
};

// The faces of a style: families by role, and the fallback chain.
//
// Ids are fixed by the style (every file it names gets one when the set is made), not by the
// order faces are first used: sets made from the same style agree on every id, so text can be
// set side by side, each thread with its own set (its own caches), and the results merged.
// Files are still read on first use; faces() lists every file, used or not.
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
  // The language (BCP 47) of the text set from now on: CJK characters are drawn from the face
  // of a CJK collection among the fallbacks that has the language's glyph forms
  // (cjkRegionOf), ahead of the rest of the chain; other languages use the chain as it is.
  // Of several such collections, text in a serif family (FontFamily::serif) takes the first
  // whose design has serifs (its PANOSE says so: Noto Serif CJK), other text the first sans
  // serif one (Noto Sans CJK); the first of them when none is of the kind.
  void setLanguage(std::string_view bcp47);

  // False when not even the bundled text face could be loaded (nothing can be set).
  bool ok() const { return ok_; }
  // The face of a family (a Style::families key; unknown keys use "text").
  int face(const std::string& family, bool bold, bool italic);
  // The face that draws cp for text whose own face is `primary`: the primary itself when it
  // has the glyph, else the first fallback that has it; -1 when no font has it.
  // `emoji` (wantsEmojiPresentation): the first colour fallback that has it comes first.
  int resolve(int primary, char32_t cp, bool bold, bool emoji = false);
  FontFile& file(int id) { return *files_[static_cast<std::size_t>(id)]; }
  std::vector<FontFace> faces() const;

  // Width in pt of UTF-8 text set in one face (no fallback), kerned, with letter spacing per
  // character.
  float width(int face, std::string_view utf8, float size, float letterSpacing = 0) {
    if (face < 0) return 0;
    const ShapedText& s = file(face).shaped(toUtf32(utf8));
    return s.advance * size / 1000.0f + letterSpacing * static_cast<float>(s.glyphs.size());
  }

 private:
  int slot(const fs::path& file, std::string_view region = {});
  int loadFile(const fs::path& file, bool required, std::string_view region = {});
  // False only when the fallback `id` surely lacks cp (its character map, read without
  // reading the font whole, says so); a file whose map cannot be read is tried as before.
  bool mayHave(int id, char32_t cp);
  const std::vector<int>& fallbackChain(bool bold);
  // The first fallback with colour bitmaps (-1: none readable), found when first asked for.
  int colorFace();
  // The face drawing the current region's forms (regular or bold), serif or sans serif; -1
  // when no fallback has one.
  int regionalFace(bool bold, bool serif);
  static fs::path boldSibling(const fs::path& p);

  enum class SlotState : std::uint8_t { Unread, Loaded, Failed };
  const Style& style_;
  DiagnosticSink* diags_;
  std::shared_ptr<FontStore> store_;
  bool ok_ = true;
  std::vector<std::unique_ptr<FontFile>> files_;  // per id; null until read (or unreadable)
  std::vector<fs::path> paths_;                   // per id
  std::vector<std::string> regions_;              // per id (FontFace::region)
  std::vector<SlotState> states_;                 // per id
  // Per id: the file's character map when the fallback chain first asked (null: not asked, or
  // unreadable, as coverageRead_ tells).
  std::vector<std::shared_ptr<const FontCoverage>> coverage_;
  std::vector<char> coverageRead_;
  std::unordered_map<std::uint32_t, int> chainFaces_;  // (cp << 1 | bold) -> the chain's face
  std::unordered_map<std::string, int> byPath_;   // path -> id
  std::unordered_map<std::string, int> byRole_;   // "family/bold/italic" -> id
  std::vector<char> serif_;                       // per id: a role's face of a serif family
  std::vector<int> fallbacks_[2];                 // regular, bold
  bool fallbacksLoaded_[2] = {false, false};
  int colorFace_ = -2;                            // colorFace(); -2: not looked for yet
  std::string_view region_;                       // cjkRegionOf the language set
  // The regional face per region and serif style, and weight (regular, bold); -1: none.
  std::map<std::pair<std::string_view, bool>, std::array<int, 2>> regional_;
};

// Font files tried in order for each character, for text drawn in pixels (the EPUB cover).
// A file is read when a character first needs it: Latin text never opens the CJK and symbol
// fallbacks. Files that cannot be read are passed over.
class FontChain {
 public:
  FontChain();
  ~FontChain();
  FontChain(FontChain&&) noexcept;
  FontChain& operator=(FontChain&&) noexcept;

  void add(const fs::path& file);  // an empty path is left out
  bool empty() const { return primary() == nullptr; }  // no file could be read

  // The font and glyph that draw cp: the first file that has it, else the first readable
  // file's .notdef (glyph 0).
  struct Glyph {
    const FontFile* font;
    int glyph;
  };
  Glyph glyph(char32_t cp) const;

  // Sets `text` at `pixels` (ascender-to-descender height) from pen position x: each run of
  // characters in one file shaped with HarfBuzz (joining, conjuncts, marks, kerning), the runs
  // in the order the Unicode Bidirectional Algorithm draws them; `draw` (may be empty) gets
  // each glyph, its pen position, its offset upwards (marks) and the file's scale. Returns the
  // pen position after the text.
  using DrawGlyph = std::function<void(const FontFile&, int glyph, float x, float rise, float scale)>;
  float set(std::u32string_view text, float x, float pixels, const DrawGlyph& draw) const;
  float width(std::u32string_view text, float pixels) const { return set(text, 0, pixels, nullptr); }

 private:
  const FontFile* primary() const;
  const FontFile* fontAt(std::size_t k) const;
  struct Slot;
  // Read lazily: mutable, as reading one changes nothing a caller can see.
  mutable std::vector<Slot> slots_;
};

// ---------------------------------------------------------------------------------------------
// Subsets (HarfBuzz's hb-subset): a small TrueType font of only the glyphs a document draws
// (and the components of its composite glyphs), same advance widths and units per em, so
// metrics stay exact. The PDF names glyphs by their ids in the source font (its CIDs) and maps
// them to the subset's ids (its CIDToGIDMap).

struct FontSubset {
  // The subset TrueType font, or of a font with CFF outlines the subset's bare CFF table (what
  // a PDF embeds: CIDFontType0C, whose CIDs are the source's); "": none could be made.
  std::string bytes;
  // (glyph id in the source, glyph id in the subset) for every glyph asked for, by source id.
  std::vector<std::pair<std::uint16_t, std::uint16_t>> glyphMap;
  std::string deflatedBytes;     // zlib stream of `bytes`; "": deflating failed
  std::string deflatedGlyphMap;  // zlib stream of glyphMapOf(glyphMap)
};

// The PDF's CIDToGIDMap of a font whose CIDs are the source's glyph ids: two bytes,
// big-endian, per CID from 0 to the largest (0: none).
std::string glyphMapOf(const std::vector<std::pair<std::uint16_t, std::uint16_t>>& glyphMap);

// The subset holding `glyphs` (source glyph ids; .notdef is always kept), deflated; bytes ""
// with *error set when HarfBuzz cannot make one.
FontSubset makeFontSubset(const FontFile& source, std::vector<std::uint16_t> glyphs, std::string* error);

// Subsets kept on disk (a folder's fonts/ subfolder, beside the image cache): made once and
// read back by later builds that draw the same characters from the same font file. An entry
// is used only when it is whole and consistent (its zlib streams inflate to the program and
// to the map of the codes it names); anything else is a miss and is written again.
class SubsetCache {
 public:
  explicit SubsetCache(fs::path folder) : folder_(std::move(folder)) {}  // empty: no cache

  // Names the subset of `glyphs` drawn from `source`: its file's bytes, the glyph ids, and
  // this version of postpress (whose subsetter made the entry).
  static std::string key(const FontFile& source, const std::vector<std::uint16_t>& glyphs);

  std::optional<FontSubset> load(const std::string& key) const;
  // Best effort: a cache that cannot be written costs the next build the work only.
  void save(const std::string& key, const FontSubset& subset) const;

 private:
  fs::path folder_;
};

}  // namespace pp
