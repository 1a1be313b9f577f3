#include "fonts/harfbuzz_font.h"

#include <fribidi.h>

#include <algorithm>
#include <cmath>

namespace pp {

bool attachesToPrevious(char32_t cp) {
  // Asked of every character set: below the combining diacritics the only one is the soft
  // hyphen (a format character), and Latin text need not ask HarfBuzz's tables.
  if (cp < 0x300) return cp == 0xAD;
  if (cp >= 0x1F3FB && cp <= 0x1F3FF) return true;  // emoji skin tones
  switch (hb_unicode_general_category(hb_unicode_funcs_get_default(), cp)) {
    case HB_UNICODE_GENERAL_CATEGORY_NON_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_SPACING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_ENCLOSING_MARK:
    case HB_UNICODE_GENERAL_CATEGORY_FORMAT: return true;
    default: return false;
  }
}

bool isStrongRightToLeft(char32_t cp) {
  const FriBidiCharType t = fribidi_get_bidi_type(static_cast<FriBidiChar>(cp));
  return t == FRIBIDI_TYPE_RTL || t == FRIBIDI_TYPE_AL;
}

bool isJoiner(char32_t cp) { return cp == 0x200C || cp == 0x200D; }

namespace fonts {

namespace {

struct BufferFree {
  void operator()(hb_buffer_t* b) const { hb_buffer_destroy(b); }
};

// What HarfBuzz puts in place of a default-ignorable character (a joiner) when asked to: no
// glyph id of a font (they are 16 bits), so that shape() can leave it out of the glyphs.
constexpr hb_codepoint_t kHiddenGlyph = 0x110000;

}  // namespace

bool isCollection(const fs::path& file) {
  const std::string ext = file.extension().string();
  return ext == ".ttc" || ext == ".otc" || ext == ".TTC" || ext == ".OTC";
}

bool MappedFile::open(const std::string& file, std::size_t maxBytes) {
  blob_.reset(hb_blob_create_from_file_or_fail(file.c_str()));
  return blob_ && hb_blob_get_length(blob_.get()) > 0 && hb_blob_get_length(blob_.get()) <= maxBytes;
}

std::string_view MappedFile::view() const {
  unsigned length = 0;
  const char* data = blob_ ? hb_blob_get_data(blob_.get(), &length) : nullptr;
  return data ? std::string_view(data, length) : std::string_view();
}

bool HarfBuzzFont::open(std::string_view bytes, unsigned face) {
  hb_blob_t* blob = hb_blob_create_or_fail(bytes.data(), static_cast<unsigned>(bytes.size()),
                                           HB_MEMORY_MODE_READONLY, nullptr, nullptr);
  if (!blob) return false;
  faces_ = std::max(1u, hb_face_count(blob));
  face_.reset(hb_face_create(blob, face));
  hb_blob_destroy(blob);  // the face holds its own reference
  if (hb_face_get_glyph_count(face_.get()) == 0) return false;
  hb_face_make_immutable(face_.get());
  font_.reset(hb_font_create(face_.get()));
  const unsigned upem = hb_face_get_upem(face_.get());
  // Positions in font units: exact, scaled to 1/1000 em here.
  hb_font_set_scale(font_.get(), static_cast<int>(upem), static_cast<int>(upem));
  hb_font_make_immutable(font_.get());
  toThousandths_ = 1000.0f / static_cast<float>(upem ? upem : 1000);
  return true;
}

ShapedText HarfBuzzFont::shape(std::u32string_view text, TextDirection direction) const {
  ShapedText out;
  if (text.empty()) return out;
  std::unique_ptr<hb_buffer_t, BufferFree> buf(hb_buffer_create());
  // A face without colour glyphs draws an emoji sequence as its emoji (👍🏽 as 👍, 👩‍💻 as 👩
  // and 💻): the skin tones, joiners and selectors it has nothing to draw for are left out of
  // shaping, but not out of the text. Each keeps its place in the clusters, so the glyph of the
  // emoji before them stands for them (and is marked substituted: its run gives them back in
  // its ActualText).
  std::vector<bool> skipped;
  if (!hasColorBitmaps()) {
    skipped = emojiSequenceParts(text);
    if (std::find(skipped.begin(), skipped.end(), true) == skipped.end()) skipped.clear();
  }
  if (skipped.empty()) {
    hb_buffer_add_utf32(buf.get(), reinterpret_cast<const std::uint32_t*>(text.data()), static_cast<int>(text.size()),
                        0, static_cast<int>(text.size()));
  } else {
    hb_buffer_set_content_type(buf.get(), HB_BUFFER_CONTENT_TYPE_UNICODE);
    for (std::size_t i = 0; i < text.size(); ++i)
      if (!skipped[i]) hb_buffer_add(buf.get(), static_cast<hb_codepoint_t>(text[i]), static_cast<unsigned>(i));
  }
  hb_buffer_guess_segment_properties(buf.get());
  if (direction != TextDirection::Auto)
    hb_buffer_set_direction(buf.get(), direction == TextDirection::RightToLeft ? HB_DIRECTION_RTL : HB_DIRECTION_LTR);
  out.rtl = hb_buffer_get_direction(buf.get()) == HB_DIRECTION_RTL;
  // Right to left, a mark keeps a cluster of its own (ثبّت: the shadda is not merged into the
  // cluster of its letter): each glyph then stands for its own characters, in the reverse of
  // the text's order, and the run gives its text through ToUnicode, which readers turn back
  // into logical order. Merged, the run needed an ActualText, and poppler placed an ActualText
  // that is not all right-to-left letters (a mark is not) left to right, then reversed it.
  if (out.rtl) hb_buffer_set_cluster_level(buf.get(), HB_BUFFER_CLUSTER_LEVEL_MONOTONE_CHARACTERS);
  // A zero width joiner or non-joiner is shaped with its neighbours (Persian "نسخه‌ی" keeps
  // its heh final and its yeh apart; Devanagari "क्‍ष" takes the half form), then HarfBuzz
  // puts a zero-width glyph in its place: the font's space, which would read as a space and
  // be drawn for nothing. It is left out of the glyphs instead; its character stays in the
  // cluster of the glyph before it, and the run gives it back in its ActualText.
  const bool joiners = std::any_of(text.begin(), text.end(), isJoiner);
  if (joiners) hb_buffer_set_invisible_glyph(buf.get(), kHiddenGlyph);
  hb_shape(font_.get(), buf.get(), nullptr, 0);
  unsigned n = 0;
  const hb_glyph_info_t* info = hb_buffer_get_glyph_infos(buf.get(), &n);
  const hb_glyph_position_t* pos = hb_buffer_get_glyph_positions(buf.get(), &n);
  out.glyphs.reserve(n);
  for (unsigned i = 0; i < n; ++i) {
    if (joiners && info[i].codepoint == kHiddenGlyph) continue;
    ShapedGlyph g;
    g.glyph = static_cast<std::uint16_t>(info[i].codepoint);
    g.cluster = info[i].cluster;
    g.advance = static_cast<float>(pos[i].x_advance) * toThousandths_;
    g.dx = static_cast<float>(pos[i].x_offset) * toThousandths_;
    g.dy = static_cast<float>(pos[i].y_offset) * toThousandths_;
    g.width = declaredWidth(static_cast<int>(g.glyph));
    hb_codepoint_t nominal = 0;
    g.substituted = g.cluster >= text.size() ||
                    !hb_font_get_nominal_glyph(font_.get(), static_cast<hb_codepoint_t>(text[g.cluster]), &nominal) ||
                    nominal != info[i].codepoint ||
                    (g.cluster + 1 < skipped.size() && skipped[g.cluster + 1]);
    out.advance += g.advance;
    out.glyphs.push_back(g);
  }
  return out;
}

float HarfBuzzFont::declaredWidth(int glyph) const {
  const hb_position_t a = hb_font_get_glyph_h_advance(font_.get(), static_cast<hb_codepoint_t>(glyph));
  return std::round(static_cast<float>(a) * toThousandths_ * 16.0f) / 16.0f;
}

int HarfBuzzFont::glyphCount() const { return static_cast<int>(hb_face_get_glyph_count(face_.get())); }

std::string HarfBuzzFont::familyName() const {
  char name[128];
  unsigned size = sizeof name;
  if (hb_ot_name_get_utf8(face_.get(), HB_OT_NAME_ID_FONT_FAMILY, HB_LANGUAGE_INVALID, &size, name) == 0)
    return {};
  return name;
}

std::string HarfBuzzFont::postScriptName() const {
  char name[128];
  unsigned size = sizeof name;
  hb_ot_name_get_utf8(face_.get(), HB_OT_NAME_ID_POSTSCRIPT_NAME, HB_LANGUAGE_INVALID, &size, name);
  std::string out;
  // A PDF name: printable ASCII without delimiters.
  for (const char* p = name; *p && out.size() < 60; ++p)
    if (*p > 32 && *p < 127 && std::string_view("()<>[]{}/%#").find(*p) == std::string_view::npos) out += *p;
  return out;
}

}  // namespace fonts
}  // namespace pp
