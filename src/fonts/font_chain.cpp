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
    if (const FontFile* f = fontAt(k)) return f;
  return nullptr;
}

FontChain::Glyph FontChain::glyph(char32_t cp) const {
  for (std::size_t k = 0; k < slots_.size(); ++k)
    if (const FontFile* f = fontAt(k))
      if (const int g = f->glyphIndex(cp); g > 0) return {f, g};
  return {primary(), 0};
}

float FontChain::set(std::u32string_view text, float x, float pixels, const DrawGlyph& draw) const {
  for (std::size_t i = 0; i < text.size(); ++i) {
    const Glyph g = glyph(text[i]);
    if (!g.font) break;  // no file of the chain could be read
    const float scale = g.font->scaleForPixelHeight(pixels);
    if (draw) draw(*g.font, g.glyph, x, scale);
    int advance = 0, bearing = 0;
    g.font->glyphMetrics(g.glyph, advance, bearing);
    x += advance * scale;
    if (i + 1 < text.size()) {
      const Glyph next = glyph(text[i + 1]);
      if (next.font == g.font) x += g.font->glyphKern(g.glyph, next.glyph) * scale;
    }
  }
  return x;
}

}  // namespace pp
