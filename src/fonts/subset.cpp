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

// A font of colour bitmaps has no outlines, and a PDF's TrueType font program must have glyf
// and loca: the subset gets them with every glyph empty (it is drawn as text that paints
// nothing, its pictures painted over it), and head says loca is in the short format.
hb_face_t* withEmptyOutlines(hb_face_t* built) {
  // The subset is a face builder, which cannot list its tables: read back as a font file.
  std::unique_ptr<hb_blob_t, BlobFree> bytes(hb_face_reference_blob(built));
  std::unique_ptr<hb_face_t, FaceFree> read(hb_face_create(bytes.get(), 0));
  hb_face_t* subset = read.get();
  hb_face_t* builder = hb_face_builder_create();
  hb_tag_t tags[64];
  unsigned count = 64;
  hb_face_get_table_tags(subset, 0, &count, tags);
  for (unsigned i = 0; i < count; ++i) {
    std::unique_ptr<hb_blob_t, BlobFree> table(hb_face_reference_table(subset, tags[i]));
    if (tags[i] != HB_TAG('h', 'e', 'a', 'd')) {
      hb_face_builder_add_table(builder, tags[i], table.get());
      continue;
    }
    unsigned length = 0;
    const char* data = hb_blob_get_data(table.get(), &length);
    std::string head(data ? data : "", data ? length : 0);
    if (head.size() >= 54) head[50] = head[51] = 0;  // indexToLocFormat: short offsets
    std::unique_ptr<hb_blob_t, BlobFree> patched(
        hb_blob_create(head.data(), static_cast<unsigned>(head.size()), HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
    hb_face_builder_add_table(builder, tags[i], patched.get());
  }
  const std::string loca(2 * (hb_face_get_glyph_count(subset) + 1), '\0');
  std::unique_ptr<hb_blob_t, BlobFree> locaBlob(
      hb_blob_create(loca.data(), static_cast<unsigned>(loca.size()), HB_MEMORY_MODE_DUPLICATE, nullptr, nullptr));
  // Four bytes no glyph points at: readers take an empty table for a missing one.
  static constexpr char kPadding[4] = {0, 0, 0, 0};
  std::unique_ptr<hb_blob_t, BlobFree> glyf(hb_blob_create(kPadding, 4, HB_MEMORY_MODE_READONLY, nullptr, nullptr));
  hb_face_builder_add_table(builder, HB_TAG('l', 'o', 'c', 'a'), locaBlob.get());
  hb_face_builder_add_table(builder, HB_TAG('g', 'l', 'y', 'f'), glyf.get());
  return builder;
}

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
                          "VORG", "fpgm", "prep", "cvt ", "hdmx", "LTSH", "VDMX", "gasp",
                          // colour pictures: the PDF draws them as images of their own
                          "CBDT", "CBLC", "sbix", "EBDT", "EBLC", "EBSC", "SVG ", "COLR", "CPAL"})
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
  if (!source.hasOutlines()) subset.reset(withEmptyOutlines(subset.get()));
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
