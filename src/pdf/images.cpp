#include "pdf/images.h"

#include <stb_image.h>

#include <memory>

namespace pp::pdf {

namespace {

struct StbiFree {
  void operator()(unsigned char* p) const { stbi_image_free(p); }
};

// A complete JPEG starts with SOI and ends with EOI; libharu accepts a truncated one and
// writes a broken PDF, so check before handing it over.
bool looksCompleteJpeg(const std::string& b) {
  if (b.size() < 4) return false;
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  if (u[0] != 0xFF || u[1] != 0xD8) return false;
  // EOI may be followed by padding: look in the last bytes.
  const std::size_t from = b.size() > 64 ? b.size() - 64 : 0;
  for (std::size_t i = b.size() - 1; i > from; --i)
    if (u[i - 1] == 0xFF && u[i] == 0xD9) return true;
  return false;
}

// Writes the stream's filter into an image dictionary whose bytes are already deflated. libharu
// drops a /Filter entry of a stream it does not compress itself, so it is written here, by the
// hook libharu calls while it writes the dictionary.
HPDF_STATUS writeFlateFilter(HPDF_Dict, HPDF_Stream stream) {
  return HPDF_Stream_WriteStr(stream, "/Filter /FlateDecode\012");
}

// An image XObject whose stream holds `deflated` as it is (a zlib stream of 8-bit samples).
// libharu has no call for that: a 1x1 raw image gives the dictionary (type, colour space,
// bits, an indirect /Length), then its size, its stream bytes and its filter are replaced.
HPDF_Image deflatedImage(HPDF_Doc pdf, const std::string& deflated, int width, int height, bool gray) {
  static constexpr HPDF_BYTE kOnePixel[3] = {0, 0, 0};
  HPDF_Image img = HPDF_LoadRawImageFromMem(pdf, kOnePixel, 1, 1, gray ? HPDF_CS_DEVICE_GRAY : HPDF_CS_DEVICE_RGB, 8);
  if (!img || !img->stream) return nullptr;
  if (HPDF_Dict_AddNumber(img, "Width", width) != HPDF_OK || HPDF_Dict_AddNumber(img, "Height", height) != HPDF_OK)
    return nullptr;
  HPDF_MemStream_FreeData(img->stream);
  if (HPDF_Stream_Write(img->stream, reinterpret_cast<const HPDF_BYTE*>(deflated.data()),
                        static_cast<HPDF_UINT>(deflated.size())) != HPDF_OK)
    return nullptr;
  img->filter = HPDF_STREAM_FILTER_NONE;
  img->write_fn = writeFlateFilter;
  return img;
}

}  // namespace

HPDF_Image ImageCache::get(int asset) {
  if (auto it = cache_.find(asset); it != cache_.end()) return it->second;
  HPDF_Image img = nullptr;
  if (assets_ && asset >= 0 && static_cast<std::size_t>(asset) < assets_->size()) {
    const Asset& a = assets_->at(asset);
    if (a.ok()) img = load(a);
    if (!img)
      diags_.reportOnce("pdf-image:" + std::to_string(asset),
                        {Severity::Warning, a.where, "pdf-image",
                         "image '" + a.source + "' could not be embedded in the PDF; a blank frame is drawn"});
  }
  cache_[asset] = img;
  return img;
}

HPDF_Image ImageCache::load(const Asset& a) {
  const EncodedImage& e = a.pdf;
  const std::string bytes = readEncoded(e, diags_);
  if (bytes.empty()) return nullptr;
  HPDF_Doc pdf = doc_.get();
  doc_.reset();
  HPDF_Image img = nullptr;
  switch (e.codec) {
    case EncodedImage::Codec::Jpeg:
      if (!looksCompleteJpeg(bytes)) return nullptr;
      img = HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                      static_cast<HPDF_UINT>(bytes.size()));
      break;
    case EncodedImage::Codec::Flate:
      if (e.width <= 0 || e.height <= 0 || (e.components != 1 && e.components != 3)) return nullptr;
      img = deflatedImage(pdf, bytes, e.width, e.height, e.components == 1);
      break;
    case EncodedImage::Codec::Png: {
      // libharu's own PNG loader aborts the process on a corrupt file: decode it ourselves.
      int w = 0, h = 0, n = 0;
      std::unique_ptr<unsigned char, StbiFree> px(
          stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()),
                                &w, &h, &n, 3));
      if (!px || w <= 0 || h <= 0) return nullptr;
      img = HPDF_LoadRawImageFromMem(pdf, px.get(), static_cast<HPDF_UINT>(w), static_cast<HPDF_UINT>(h),
                                     HPDF_CS_DEVICE_RGB, 8);
      break;
    }
    case EncodedImage::Codec::None: return nullptr;
  }
  if (!img || doc_.failed()) {
    doc_.reset();
    return nullptr;
  }
  if (!e.alphaFile.empty() && e.codec == EncodedImage::Codec::Flate) {
    EncodedImage alpha = e;
    alpha.file = e.alphaFile;
    const std::string mask = readEncoded(alpha, diags_);
    if (!mask.empty()) {
      HPDF_Image m = deflatedImage(pdf, mask, e.width, e.height, true);
      if (m && !doc_.failed()) HPDF_Image_AddSMask(img, m);
      doc_.reset();
    }
  }
  return img;
}

}  // namespace pp::pdf
