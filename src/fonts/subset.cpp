// The subsetter: HarfBuzz's hb-subset keeps the glyphs asked for (with the components of
// composite glyphs) and drops what a PDF does not read: the layout tables (the PDF has the
// glyphs already shaped), hinting, glyph names and the cmap (the PDF maps glyphs itself).
#include <hb-subset.h>

#include <algorithm>
#include <memory>

#include "postpress/fonts.h"
#include "postpress/support/deflate.h"

namespace pp {

namespace {

struct InputFree {
  void operator()(hb_subset_input_t* i) const { hb_subset_input_destroy(i); }
};
struct PlanFree {
  void operator()(hb_subset_plan_t* p) const { hb_subset_plan_destroy(p); }
};
struct FaceFree {
  void operator()(hb_face_t* f) const { hb_face_destroy(f); }
};
struct BlobFree {
  void operator()(hb_blob_t* b) const { hb_blob_destroy(b); }
};

}  // namespace

std::string glyphMapOf(const std::vector<std::pair<std::uint16_t, std::uint16_t>>& glyphMap) {
  std::size_t last = 0;
  for (const auto& [from, to] : glyphMap) last = std::max<std::size_t>(last, from);
  std::string map(2 * (last + 1), '\0');
  for (const auto& [from, to] : glyphMap) {
    map[2u * from] = static_cast<char>(to >> 8);
    map[2u * from + 1] = static_cast<char>(to & 0xFF);
  }
  return map;
}

FontSubset makeFontSubset(const FontFile& source, std::vector<std::uint16_t> glyphs, std::string* error) {
  FontSubset out;
  auto* face = static_cast<hb_face_t*>(source.harfbuzzFace());
  std::unique_ptr<hb_subset_input_t, InputFree> input(hb_subset_input_create_or_fail());
  if (!face || !input) {
    if (error) *error = "hb-subset cannot start";
    return out;
  }
  std::sort(glyphs.begin(), glyphs.end());
  glyphs.erase(std::unique(glyphs.begin(), glyphs.end()), glyphs.end());
  hb_set_t* keep = hb_subset_input_glyph_set(input.get());
  hb_set_add(keep, 0);
  for (std::uint16_t g : glyphs) hb_set_add(keep, g);
  hb_set_t* drop = hb_subset_input_set(input.get(), HB_SUBSET_SETS_DROP_TABLE_TAG);
  for (const char* tag : {"GSUB", "GPOS", "GDEF", "BASE", "JSTF", "MATH", "kern", "morx", "cmap", "DSIG", "vhea", "vmtx",
                          "VORG", "fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "gasp"})
    hb_set_add(drop, hb_tag_from_string(tag, 4));
  hb_subset_input_set_flags(input.get(), HB_SUBSET_FLAGS_NO_HINTING);
  std::unique_ptr<hb_subset_plan_t, PlanFree> plan(hb_subset_plan_create_or_fail(face, input.get()));
  if (!plan) {
    if (error) *error = "hb-subset cannot plan a subset of this font";
    return out;
  }
  std::unique_ptr<hb_face_t, FaceFree> subset(hb_subset_plan_execute_or_fail(plan.get()));
  if (!subset) {
    if (error) *error = "hb-subset cannot subset this font";
    return out;
  }
  // A font with CFF outlines goes into a PDF as its bare CFF table (CIDFontType0C).
  const bool cff = !source.table("CFF ").empty();
  std::unique_ptr<hb_blob_t, BlobFree> blob(cff ? hb_face_reference_table(subset.get(), HB_TAG('C', 'F', 'F', ' '))
                                                : hb_face_reference_blob(subset.get()));
  unsigned length = 0;
  const char* data = hb_blob_get_data(blob.get(), &length);
  if (!data || length == 0) {
    if (error) *error = "hb-subset made an empty font";
    return out;
  }
  const hb_map_t* oldToNew = hb_subset_plan_old_to_new_glyph_mapping(plan.get());
  for (std::uint16_t g : glyphs) {
    const hb_codepoint_t n = hb_map_get(oldToNew, g);
    if (n != HB_MAP_VALUE_INVALID) out.glyphMap.emplace_back(g, static_cast<std::uint16_t>(n));
  }
  out.bytes.assign(data, length);
  out.deflatedBytes = zlibCompress(out.bytes).value_or(std::string());
  out.deflatedGlyphMap = zlibCompress(glyphMapOf(out.glyphMap)).value_or(std::string());
  if (out.deflatedGlyphMap.empty()) out.deflatedBytes.clear();
  return out;
}

}  // namespace pp
