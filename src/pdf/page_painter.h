// A page's content stream, written from its boxes on any thread (it touches no libharu
// object), with the names libharu gives the page's fonts and images: those are known before
// libharu has loaded any (the first font a page uses is F1, its first image X1...), so pages
// are written ahead of libharu, or as soon as the layout finishes them.
#pragma once

#include <array>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "postpress/typeset.h"

namespace pp {
class AssetStore;
}

namespace pp::pdf {

class PageContentCache;  // pdf/content_cache.h

// A text run or image a reader can take (the same test decides whether the page registers
// its font or image and whether its content draws it).
bool drawable(const TextRun& r, float pageHeight);
bool drawable(const ImageBox& im, float pageHeight);

// The picture of a colour font's glyph (an emoji) drawn at a size: one XObject per distinct
// picture in the document (color_glyphs.h), its pixels made for that size.
struct PictureKey {
  std::uint16_t font = 0;  // Layout::fonts
  std::uint16_t glyph = 0;
  float size = 0;          // pt
  bool operator==(const PictureKey&) const = default;
  auto operator<=>(const PictureKey&) const = default;
};

// The glyphs of a run in a colour font that get a picture: those that advance the pen (not a
// default-ignorable hidden by shaping) and stand for its text (not the word space after it).
bool hasPicture(const TextRun& r, const ShapedGlyph& g, std::size_t textChars);

// No picture is embedded with its pixels denser, as drawn, than this: print shops and pdfcheck
// refuse over 400 ppi, and this keeps a margin. The layout draws pictures at the size the page
// wants them (figures shrunk to finish a page, the cover's logo); the painter keeps to this.
inline constexpr float kMaxPrintPpi = 380;

// The picture an image box embeds: its asset's stored PDF rendition (widthPx 0), or, when the
// box draws it so small that those pixels would print finer than kMaxPrintPpi (a figure shrunk
// to finish a page), a rendition made for the drawn size (AssetStore::pdfRenditionFor: widthPx
// wide, at the build's dpi). One image object per distinct ImageUse.
struct ImageUse {
  int asset = -1;  // -1: not drawn
  int widthPx = 0;
  bool operator==(const ImageUse&) const = default;
  auto operator<=>(const ImageUse&) const = default;
};
// Without `assets` (tests of the painter alone), every box embeds the stored rendition.
ImageUse imageUse(const ImageBox& im, const AssetStore* assets);

// What a page uses: all that registering it with libharu needs once its drawing is gone.
struct ResourceUse {
  std::vector<ImageUse> images;      // per PageBox::images entry (asset -1 when not drawn)
  std::vector<std::uint16_t> fonts;  // the fonts of its drawn text, in order of first use
  std::vector<PictureKey> pictures;  // the glyph pictures it draws, in order of first use
};
ResourceUse resourceUse(const PageBox& box, const AssetStore* assets = nullptr);

// The names a page's content calls its fonts and images by, parallel to ResourceUse's lists
// (empty: the font or image cannot be used, and is left out or drawn as an empty frame).
struct PageResources {
  std::vector<std::string> fonts;
  std::vector<std::string> images;
  std::vector<std::string> pictures;
  bool operator==(const PageResources&) const = default;
};

// The names libharu gives when every font and image loads: a page's images are X1, X2... and
// its fonts F1, F2... in the order they are first registered on it, one name per object (an
// image drawn twice has one name); the glyph pictures' XObjects follow its images.
PageResources expectedResources(const ResourceUse& use);

// The glyphs pages draw, by font id: each glyph id with the text it stands for (what the
// font's ToUnicode says; "" for none of its own). A glyph met standing for different texts (a
// shared contextual form) keeps the shortest, then the smallest: the same whatever order pages
// come in.
struct DrawnGlyphs {
  std::vector<std::unordered_map<std::uint16_t, std::u32string>> byFont;
  // The text the glyph now has.
  const std::u32string& add(std::size_t font, std::uint16_t glyph, std::u32string_view text);
  void merge(const DrawnGlyphs& other);
};

// DrawnGlyphs::add for one painter. A page draws the same few dozen glyphs again and again, and
// a repeat that has nothing new to say (no text of its own, or the one character the glyph
// already stands for) is answered from a small table here, without the map's lookup.
class GlyphNotes {
 public:
  explicit GlyphNotes(DrawnGlyphs& drawn) : drawn_(drawn) {}
  void add(std::size_t font, std::uint16_t glyph, std::u32string_view text) {
    const std::uint32_t key = (static_cast<std::uint32_t>(font) << 16 | glyph) + 1;  // 0: empty slot
    Slot& s = slots_[(key * 2654435761u) >> (32 - kSlotBits)];
    if (s.key == key && (text.empty() || (text.size() == 1 && text[0] == s.text))) return;
    const std::u32string& now = drawn_.add(font, glyph, text);
    s.key = key;
    s.text = now.size() == 1 ? now[0] : kNotOneCharacter;
  }

 private:
  static constexpr int kSlotBits = 9;
  static constexpr char32_t kNotOneCharacter = 0xFFFFFFFF;
  struct Slot {
    std::uint32_t key = 0;
    char32_t text = kNotOneCharacter;
  };
  DrawnGlyphs& drawn_;
  std::array<Slot, std::size_t{1} << kSlotBits> slots_{};
};

// A page's content, written and deflated, with the names it was written with and the glyphs
// it draws. `raw` is kept only when deflating failed.
struct PaintedPage {
  PageResources resources;
  // Tagged PDF: the structure node (Layout::structure) of each marked-content id of the page,
  // by MCID (0, 1, 2... in content order).
  std::vector<std::int32_t> mcidLeaf;
  std::string raw;
  std::optional<std::string> deflated;
  DrawnGlyphs glyphs;
};

// `tagged`: marked content for the boxes' tags (false: none, an untagged PDF).
// `kept`: deflated contents kept between builds (content_cache.h); none: each deflated.
PaintedPage paintPage(const PageBox& box, const ResourceUse& use,
                      PageResources res, bool tagged = true, PageContentCache* kept = nullptr);


}  // namespace pp::pdf
