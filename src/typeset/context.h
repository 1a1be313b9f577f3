// What every part of the typesetter needs: the style, the fonts, hyphenation, the diagnostics
// sink with a way to name where text came from, and how links resolve. One for the sections of
// a typesetting run, one for each part of the body set apart.
#pragma once

#include <cstdio>
#include <functional>
#include <map>
#include <memory>
#include <string>
#include <utility>
#include <vector>

#include "postpress/fonts.h"
#include "postpress/locale.h"
#include "typeset/hyphenator.h"
#include "typeset/missing_glyphs.h"
#include "typeset/structure_nodes.h"
#include "postpress/assets.h"
#include "postpress/support/diagnostics.h"
#include "postpress/support/line_breaks.h"
#include "postpress/typeset.h"
#include "postpress/style.h"

namespace pp::typeset {

struct Context {
  const Style& style;
  FontSet& fonts;
  DiagnosticSink& diags;
  const AssetStore* assets = nullptr;
  Layout& out;  // structure nodes are collected here
  StructureNodes nodes{out.structure};  // the nodes open where the flow sets

  // Where the text being set comes from (the current post), for diagnostics.
  std::function<SourceLoc(SourcePos)> locate = [](SourcePos) { return SourceLoc{}; };
  // How the current post's links resolve (internal links become destinations).
  std::function<ResolvedLink(const LinkTarget&)> resolveLink;
  // Destination name of the current post's footnote n (1-based); "" when none.
  std::function<std::string(int)> footnoteDest = [](int) { return std::string(); };
  // Hyphenation for the current language; nullptr = none.
  Hyphenator* hyphenator = nullptr;
  // The language of the text being set (BCP 47; "" the root rules), for UAX #14's tailoring.
  std::string language;
  // The language is written right to left: a paragraph holding right-to-left text is set right
  // to left even when it opens with a Latin word (a product name), as `dir="rtl"` does.
  bool rightToLeft = false;
  // The book's own layout is right to left: the front and back matter and running heads of a
  // right-to-left digest, a right-to-left post's opening and links (Composer::
  // setRightToLeftLayout). Every paragraph is then right to left whatever it holds (a
  // Cyrillic title in an Arabic contents starts at the right), text in a left-to-right
  // language an isolate in it (its own order and punctuation), and what the book draws on
  // canvases is mirrored (FragmentCanvas::mirror).
  bool rightToLeftLayout = false;
  // The digest's language: the words the typesetter prints itself (label()).
  const Locale* locale = nullptr;

  // The locale's label for `key` (Locale::label); the key itself without a locale.
  std::string label(std::string_view key, LabelArgs args = {}) const {
    return locale ? locale->label(key, args) : std::string(key);
  }

  // The UAX #14 breaker for `language`, opened on first use (most posts have no CJK or Thai).
  LineBreaker& lineBreaker() {
    if (!lineBreaker_ || breakerLanguage_ != language) {
      lineBreaker_ = std::make_shared<LineBreaker>(language);
      breakerLanguage_ = language;
    }
    return *lineBreaker_;
  }

  Context(const Style& s, FontSet& f, DiagnosticSink& d, const AssetStore* a, Layout& o)
      : style(s), fonts(f), diags(d), assets(a), out(o) {}

  // Width in pt of UTF-8 text in one face (FontSet::width).
  float width(int face, std::string_view utf8, float size, float letterSpacing = 0) {
    return fonts.width(face, utf8, size, letterSpacing);
  }

  // Notes that no font has `cp` (it is drawn as a box with its code point); reported with
  // the others of the same text by missingGlyphs.report (one warning per post).
  void reportMissingGlyph(char32_t cp, SourcePos pos) { missingGlyphs.add(cp, locate(pos)); }
  MissingGlyphs missingGlyphs;

  const Asset* asset(int id) const {
    if (!assets || id < 0 || static_cast<std::size_t>(id) >= assets->size()) return nullptr;
    return &assets->at(id);
  }

 private:
  std::shared_ptr<LineBreaker> lineBreaker_;
  std::string breakerLanguage_;
};

// The face of a role, with bold/italic switched on by inline emphasis.
inline int faceOf(Context& ctx, const TextStyle& t, bool bold = false, bool italic = false) {
  return ctx.fonts.face(t.family, t.bold || bold, t.italic || italic);
}

}  // namespace pp::typeset
