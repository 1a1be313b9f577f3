// A page's content stream, written by us into a string. libharu's page operators each clear a
// 512-byte buffer byte by byte, format their numbers with their own float code, and append
// through a memory stream that copies a byte at a time; a digest page has hundreds of words
// and rectangles, and those calls were a sixth of a warm build. libharu still registers the
// fonts and images a page uses (HPDF_Page_GetLocalFontName / GetXObjectName) and receives the
// finished, deflated bytes (PageStreamCompressor).
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "postpress/typeset.h"

namespace pp::pdf {

class ContentStream {
 public:
  // Colours; each written only when it changes.
  void fillColor(const Color& c) { color(c, "rg\012", haveFill_, fill_); }
  void strokeColor(const Color& c) { color(c, "RG\012", haveStroke_, stroke_); }
  void lineWidth(float w);
  // The stroke's dash pattern (on/off lengths); empty: solid. Written only when it changes.
  void dash(const std::vector<float>& pattern);

  // Paths (PDF coordinates: y up).
  void rect(float x, float y, float w, float h);
  void moveTo(float x, float y);
  void lineTo(float x, float y);
  void curveTo(float x1, float y1, float x2, float y2, float x3, float y3);
  void closePath() { out_ += "h\012"; }
  void fill() { out_ += "f\012"; }
  void stroke() { out_ += "S\012"; }
  void fillStroke() { out_ += "B\012"; }

  // Text. `fontName` is the page's resource name (F1...). A run sets the whole text matrix
  // and shows its glyphs by id (the fonts are Identity-H: a code is a glyph id; see glyphs()).
  void beginText() { out_ += "BT\012"; }
  void endText() { out_ += "ET\012"; }
  void font(std::string_view fontName, float size);
  void charSpacing(float tc);
  // Shaped glyphs from (x, y) in a font of `size` pt, each placed where shaping put it.
  // `actualText` (UTF-8, "" for none) is what the glyphs stand for when they do not give it
  // back one by one (ligatures, reordered or right-to-left text): readers copy and search it.
  void glyphs(float x, float y, float size, const std::vector<ShapedGlyph>& glyphs, std::string_view actualText);
  // More glyphs from where the last ones left the pen (the same font, size and baseline).
  void moreGlyphs(float size, const ShapedGlyph* glyphs, std::size_t count);

  // Marked content (tagged PDF): a sequence belonging to a structure element, numbered `mcid`
  // on its page (/Figure for a picture, /Span otherwise); an artifact of a tags:: kind; the
  // end of either.
  void beginTagged(int mcid, bool figure);
  void beginArtifact(std::int32_t kind);
  // A sequence standing for `utf8` (UTF-8): what readers copy and search instead of what it
  // draws (a path drawn for a character, a ligature).
  void beginActualText(std::string_view utf8);
  void endMarked() { op("EMC\012"); }

  // An image XObject (resource name `name`) drawn into the rectangle.
  void image(std::string_view name, float x, float y, float w, float h);

  const std::string& bytes() const { return out_; }
  std::string take() { return std::move(out_); }

 private:
  void number(float v, int decimals);
  void color(const Color& c, const char* op, bool& have, Color& current);
  void op(const char* text) { out_ += text; }
  void utf16Hex(std::string_view utf8);
  // True when a run at (x, y) in `size` can go on in the TJ array written last (see glyphs()).
  bool continues(float x, float y, float size) const;
  void showGlyphs(float size, const ShapedGlyph* glyphs, std::size_t count);

  static constexpr std::string_view kArrayEnd = "] TJ\012";

  std::string out_;
  bool haveFill_ = false, haveStroke_ = false;
  Color fill_, stroke_;
  float lineWidth_ = -1;
  std::vector<float> dash_;
  // The text last shown, as a reader places it: where its TJ array ended in out_ (npos: it
  // did not end one, or something was written since), its baseline in thousandths of a point,
  // its size, and the pen's x after it (pt); the character spacing (Tc) in force.
  std::size_t arrayEnd_ = std::string::npos;
  long long lineY_ = 0;
  float penSize_ = 0;
  double pen_ = 0;
  float tc_ = 0;
};

}  // namespace pp::pdf
