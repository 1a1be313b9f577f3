#include "pdf/color_glyphs.h"

#include <hpdf_objects.h>

#include <algorithm>
#include <cmath>
#include <string>

#include "pdf/byte_streams.h"
#include "pdf/content_stream.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"
#include "postpress/support/parallel.h"
#include "postpress/codecs.h"

namespace pp::pdf {

namespace {

// The picture's pixels as drawn at `size` pt: decoded, scaled down to kPicturePpi (never up),
// split into RGB and alpha planes. Empty when the PNG cannot be read.
struct Planes {
  int width = 0, height = 0;
  std::vector<std::uint8_t> rgb, alpha;
};

Planes planesOf(const ColorGlyphPicture& pic, float size) {
  Planes out;
  codecs::DecodeHint hint;
  hint.maxDimension = 4096;
  hint.maxPixels = 4096ull * 4096ull;
  codecs::Decoded d = codecs::decodeRaster(codecs::Format::Png, pic.png, hint);
  codecs::Image im = std::move(d.image);
  if (im.empty() || im.channels < 1) return out;
  const float drawnInches = pic.height * size / 72.0f;
  const int wantHeight = std::max(1, static_cast<int>(std::ceil(drawnInches * kPicturePpi)));
  if (wantHeight < im.height) {
    const int wantWidth = std::max(1, static_cast<int>(std::lround(static_cast<double>(im.width) * wantHeight / im.height)));
    im = codecs::resizeLinear(im, wantWidth, wantHeight);
  }
  out.width = im.width;
  out.height = im.height;
  const std::size_t n = static_cast<std::size_t>(im.width) * static_cast<std::size_t>(im.height);
  out.rgb.resize(3 * n);
  out.alpha.assign(n, 255);
  const int ch = im.channels;
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = im.pixels.data() + i * static_cast<std::size_t>(ch);
    const bool gray = ch < 3;
    out.rgb[3 * i] = p[0];
    out.rgb[3 * i + 1] = gray ? p[0] : p[1];
    out.rgb[3 * i + 2] = gray ? p[0] : p[2];
    if (im.hasAlphaChannel()) out.alpha[i] = p[ch - 1];
  }
  return out;
}

}  // namespace

HPDF_Dict ColorGlyphPictures::get(const PictureKey& key) {
  if (auto it = made_.find(key); it != made_.end()) return it->second;
  HPDF_Dict form = make(key);
  if (doc_.failed()) {
    doc_.reset();
    form = nullptr;
  }
  made_[key] = form;
  return form;
}

ColorGlyphPictures::Prepared ColorGlyphPictures::prepareOne(const PictureKey& key) const {
  Prepared out;
  const FontFile* font = key.font < faces_.size() ? faces_[key.font].loaded.get() : nullptr;
  const std::string kept = font && !cache_.empty() ? ColorGlyphCache::key(*font, key.glyph, key.size, kPicturePpi) : "";
  if (!kept.empty())
    if (std::optional<Prepared> done = cache_.load(kept)) return std::move(*done);
  out.picture = font ? font->colorPicture(key.glyph) : ColorGlyphPicture{};
  Planes planes = out.picture.png.empty() ? Planes{} : planesOf(out.picture, key.size);
  out.picture.png.clear();
  out.width = planes.width;
  out.height = planes.height;
  if (planes.width <= 0) return out;
  // Deflated here with libdeflate, as the pages and fonts are, rather than by libharu's zlib
  // while the file is saved (which took a twentieth of a warm build with a few dozen emoji).
  auto deflate = [](const std::vector<std::uint8_t>& bytes) {
    return zlibCompress(std::string_view(reinterpret_cast<const char*>(bytes.data()), bytes.size()));
  };
  out.rgbDeflated = deflate(planes.rgb);
  out.alphaDeflated = deflate(planes.alpha);
  out.rgb = std::move(planes.rgb);
  out.alpha = std::move(planes.alpha);
  if (!kept.empty()) cache_.save(kept, out);
  return out;
}

void ColorGlyphPictures::prepare(const std::vector<PictureKey>& keys, int jobs) {
  std::vector<PictureKey> todo;
  for (const PictureKey& k : keys)
    if (!made_.contains(k) && !prepared_.contains(k)) todo.push_back(k);
  std::sort(todo.begin(), todo.end());
  todo.erase(std::unique(todo.begin(), todo.end()), todo.end());
  std::vector<Prepared> done(todo.size());
  // Each reads only its font (read-only, shared) and its own buffers.
  parallelFor(todo.size(), jobs, [&](std::size_t i) { done[i] = prepareOne(todo[i]); });
  for (std::size_t i = 0; i < todo.size(); ++i) prepared_.emplace(todo[i], std::move(done[i]));
}

HPDF_Dict ColorGlyphPictures::make(const PictureKey& key) {
  HPDF_Doc pdf = doc_.get();
  HPDF_Dict form = HPDF_DictStream_New(pdf->mmgr, pdf->xref);
  if (!form) return nullptr;
  HPDF_Dict_AddName(form, "Type", "XObject");
  HPDF_Dict_AddName(form, "Subtype", "Form");
  HPDF_Array bbox = HPDF_Array_New(pdf->mmgr);
  HPDF_Dict_Add(form, "BBox", bbox);
  // Prepared ahead (prepare()), else here: a picture no page was known to draw.
  Prepared p;
  if (auto it = prepared_.find(key); it != prepared_.end()) {
    p = std::move(it->second);
    prepared_.erase(it);
  } else {
    p = prepareOne(key);
  }
  const ColorGlyphPicture& pic = p.picture;
  if (p.width <= 0) {
    for (int v : {0, 0, 0, 0}) HPDF_Array_AddNumber(bbox, v);
    return form;
  }
  HPDF_Image image = HPDF_LoadRawImageFromMem(pdf, p.rgb.data(), static_cast<HPDF_UINT>(p.width),
                                              static_cast<HPDF_UINT>(p.height), HPDF_CS_DEVICE_RGB, 8);
  HPDF_Image mask = HPDF_LoadRawImageFromMem(pdf, p.alpha.data(), static_cast<HPDF_UINT>(p.width),
                                             static_cast<HPDF_UINT>(p.height), HPDF_CS_DEVICE_GRAY, 8);
  if (!image || !mask || HPDF_Image_AddSMask(image, mask) != HPDF_OK) return form;
  // The deflated planes replace libharu's copies (left to its own deflate when one failed).
  if (p.rgbDeflated) setDeflatedStreamBytes(doc_, image, FileBytes(std::move(*p.rgbDeflated)));
  if (p.alphaDeflated) setDeflatedStreamBytes(doc_, mask, FileBytes(std::move(*p.alphaDeflated)));
  for (float v : {pic.x, pic.y, pic.x + pic.width, pic.y + pic.height}) HPDF_Array_AddReal(bbox, v);
  HPDF_Dict resources = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict xobjects = HPDF_Dict_New(pdf->mmgr);
  HPDF_Dict_Add(form, "Resources", resources);
  HPDF_Dict_Add(resources, "XObject", xobjects);
  HPDF_Dict_Add(xobjects, "I", image);
  ContentStream content;
  content.image("I", pic.x, pic.y, pic.width, pic.height);
  HPDF_Stream_WriteStr(form->stream, content.bytes().c_str());
  return form;
}

}  // namespace pp::pdf
