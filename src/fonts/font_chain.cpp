#include <fribidi.h>

#include <algorithm>

#include "postpress/fonts.h"

namespace pp {

struct FontChain::Slot {
  fs::path file;
  std::unique_ptr<FontFile> font;  // null until read, or when the file is no usable font
  bool tried = false;
};

FontChain::FontChain() = default;
FontChain::~FontChain() = default;
FontChain::FontChain(FontChain&&) noexcept = default;
FontChain& FontChain::operator=(FontChain&&) noexcept = default;

void FontChain::add(const fs::path& file) {
  if (!file.empty()) slots_.push_back({file, nullptr, false});
}

const FontFile* FontChain::fontAt(std::size_t k) const {
  Slot& s = slots_[k];
  if (!s.tried) {
    s.tried = true;
    s.font = FontFile::load(s.file, nullptr);
  }
  return s.font.get();
}

const FontFile* FontChain::primary() const {
  for (std::size_t k = 0; k < slots_.size(); ++k)
    if (const FontFile* f = fontAt(k); f && f->hasOutlines()) return f;
  return nullptr;
}

FontChain::Glyph FontChain::glyph(char32_t cp) const {
  for (std::size_t k = 0; k < slots_.size(); ++k)
    // Pixels are drawn from outlines: a font of colour bitmaps only is passed over.
    if (const FontFile* f = fontAt(k); f && f->hasOutlines())
      if (const int g = f->glyphIndex(cp); g > 0) return {f, g};
  return {primary(), 0};
}

namespace {

// Each character's embedding level (Unicode Bidirectional Algorithm, the paragraph's direction
// from its first strong character) and the order the characters are drawn in, left to right
// (rule L2): visual position -> index into `text`.
void bidiOrder(std::u32string_view text, std::vector<FriBidiLevel>& levels, std::vector<FriBidiStrIndex>& visual) {
  const auto n = static_cast<FriBidiStrIndex>(text.size());
  std::vector<FriBidiChar> chars(text.begin(), text.end());
  std::vector<FriBidiCharType> types(text.size());
  std::vector<FriBidiBracketType> brackets(text.size());
  levels.assign(text.size(), 0);
  visual.resize(text.size());
  for (std::size_t i = 0; i < visual.size(); ++i) visual[i] = static_cast<FriBidiStrIndex>(i);
  fribidi_get_bidi_types(chars.data(), n, types.data());
  fribidi_get_bracket_types(chars.data(), n, types.data(), brackets.data());
  FriBidiParType direction = FRIBIDI_PAR_ON;
  if (!fribidi_get_par_embedding_levels_ex(types.data(), brackets.data(), n, &direction, levels.data())) return;
  std::vector<FriBidiLevel> lineLevels = levels;  // reordering applies rule L1 to its copy
  if (!fribidi_reorder_line(0, types.data(), n, 0, direction, lineLevels.data(), nullptr, visual.data()))
    for (std::size_t i = 0; i < visual.size(); ++i) visual[i] = static_cast<FriBidiStrIndex>(i);
}

}  // namespace

float FontChain::set(std::u32string_view text, float x, float pixels, const DrawGlyph& draw) const {
  if (text.empty() || !primary()) return x;
  // The face of each character: the first of the chain that has it; a mark, joiner or
  // selector stays in its base's face, so that shaping attaches it.
  std::vector<const FontFile*> faces(text.size());
  for (std::size_t i = 0; i < text.size(); ++i)
    faces[i] = i > 0 && attachesToPrevious(text[i]) ? faces[i - 1] : glyph(text[i]).font;
  std::vector<FriBidiLevel> levels;
  std::vector<FriBidiStrIndex> visual;
  bidiOrder(text, levels, visual);
  // Runs of one face and one level, logically contiguous, taken in visual order; each is
  // shaped whole (joining, conjuncts, marks, kerning), its glyphs coming left to right.
  for (std::size_t v = 0; v < visual.size();) {
    const auto first = static_cast<std::size_t>(visual[v]);
    const bool rtl = levels[first] % 2;
    std::size_t lo = first, hi = first, e = v + 1;
    for (; e < visual.size(); ++e) {
      const auto i = static_cast<std::size_t>(visual[e]);
      if (faces[i] != faces[first] || levels[i] != levels[first] || i != (rtl ? lo - 1 : hi + 1)) break;
      lo = std::min(lo, i);
      hi = std::max(hi, i);
    }
    v = e;
    const FontFile& font = *faces[first];
    const float scale = font.scaleForPixelHeight(pixels);
    const float perThousandth = scale * static_cast<float>(font.unitsPerEm()) / 1000.0f;
    const ShapedText shaped =
        font.shape(text.substr(lo, hi - lo + 1), rtl ? TextDirection::RightToLeft : TextDirection::LeftToRight);
    for (const ShapedGlyph& g : shaped.glyphs) {
      if (draw) draw(font, g.glyph, x + g.dx * perThousandth, g.dy * perThousandth, scale);
      x += g.advance * perThousandth;
    }
  }
  return x;
}

}  // namespace pp
