// HarfBuzz's face and font over a font file's bytes (owned elsewhere, outliving this), with
// the shaping and metrics the fonts library needs. Read-only once opened: threads shape with
// one HarfBuzzFont side by side.
#pragma once

#include <hb-ot.h>
#include <hb.h>

#include <memory>
#include <string>
#include <string_view>

#include "postpress/fonts.h"

namespace pp::fonts {

// A font collection (.ttc, .otc) by its name: several faces in one file.
bool isCollection(const fs::path& file);

// True when the font file (a single font) has colour bitmap tables (CBDT with CBLC), read
// from its table directory alone.
bool hasColorBitmapTables(const fs::path& file);

// A font file mapped by HarfBuzz (read-only; its pages are read when touched): the faces of a
// CJK collection each use a few of its 20 MB, and read whole, every face loaded would copy all.
class MappedFile {
 public:
  // False when the file cannot be mapped or is larger than `maxBytes`.
  bool open(const std::string& file, std::size_t maxBytes);
  std::string_view view() const;

 private:
  struct BlobFree {
    void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
  };
  std::unique_ptr<hb_blob_t, BlobFree> blob_;
};

class HarfBuzzFont {
 public:
  // False when HarfBuzz finds no glyphs in face `face` of `bytes` (0 but in a collection).
  bool open(std::string_view bytes, unsigned face);
  ShapedText shape(std::u32string_view text, TextDirection direction) const;
  float declaredWidth(int glyph) const;  // 1/1000 em, to the nearest 1/16
  int glyphCount() const;
  std::string postScriptName() const;
  std::string familyName() const;
  unsigned facesInFile() const { return faces_; }
  hb_face_t* face() const { return face_.get(); }
  int unitsPerEm() const { return static_cast<int>(hb_face_get_upem(face_.get())); }
  // Ascender and descender in em, both positive (hhea, as stb_truetype reads them).
  void verticalMetrics(float& ascent, float& descent) const;
  int nominalGlyph(char32_t cp) const;  // 0 when missing
  void glyphMetrics(int glyph, int& advance, int& leftSideBearing) const;  // font units
  bool hasColorBitmaps() const { return hb_ot_color_has_png(face_.get()); }
  ColorGlyphPicture colorPicture(int glyph) const;

 private:
  struct FaceFree {
    void operator()(hb_face_t* f) const { hb_face_destroy(f); }
  };
  struct FontFree {
    void operator()(hb_font_t* f) const { hb_font_destroy(f); }
  };
  std::unique_ptr<hb_face_t, FaceFree> face_;
  std::unique_ptr<hb_font_t, FontFree> font_;
  float toThousandths_ = 1;  // 1000 / units per em
  unsigned faces_ = 1;       // in the file
};

}  // namespace pp::fonts
