#include "pdf/images.h"

#include <hpdf_objects.h>
#include <stb_image.h>

#include <algorithm>
#include <memory>
#include <optional>

#include "pdf/byte_streams.h"
#include "postpress/codecs.h"
#include "postpress/support/file_range.h"
#include "postpress/support/hash.h"

namespace pp::pdf {

namespace {

struct StbiFree {
  void operator()(unsigned char* p) const { stbi_image_free(p); }
};

// A complete JPEG starts with SOI and ends with EOI; libharu accepts a truncated one and
// writes a broken PDF, so check before handing it over.
bool looksCompleteJpeg(std::string_view b) {
  if (b.size() < 4) return false;
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  if (u[0] != 0xFF || u[1] != 0xD8) return false;
  // EOI may be followed by padding: look in the last bytes.
  const std::size_t from = b.size() > 64 ? b.size() - 64 : 0;
  for (std::size_t i = b.size() - 1; i > from; --i)
    if (u[i - 1] == 0xFF && u[i] == 0xD9) return true;
  return false;
}

// Bytes up to the first scan (SOS): all libharu reads of a JPEG to describe it. Handing it
// only these spares copying the whole file through its byte-at-a-time stream twice; the
// stream then reads the file as it is (setStreamBytes). The whole length when no scan is found.
std::size_t jpegHeaderLength(std::string_view b) {
  const auto* u = reinterpret_cast<const unsigned char*>(b.data());
  std::size_t i = 2;
  while (i + 4 <= b.size()) {
    if (u[i] != 0xFF) return b.size();
    const unsigned marker = u[i + 1];
    if (marker == 0xFF) {  // fill byte
      ++i;
      continue;
    }
    if (marker == 0xDA) return i;
    if (marker == 0x01 || (marker >= 0xD0 && marker <= 0xD7)) {  // no length
      i += 2;
      continue;
    }
    i += 2 + ((static_cast<std::size_t>(u[i + 2]) << 8) | u[i + 3]);
  }
  return b.size();
}

// `bytes`, found at `offset` in `file`, as a range read again while saving.
FileRange rangeOf(const fs::path& file, std::size_t offset, std::string_view bytes) {
  return FileRange{file, offset, bytes.size(), contentHash(bytes)};
}

// The whole rendition `e` as read (`bytes`), as such a range: checked while saving against
// the hash the cache named and checked it by, not hashed again here.
FileRange wholeRendition(const EncodedImage& e, std::string_view bytes) {
  return isContentHash(e.hash) ? FileRange{e.file, 0, bytes.size(), e.hash} : rangeOf(e.file, 0, bytes);
}

// An image XObject whose stream is a PNG's IDAT data as it is: a zlib stream of scanlines
// that each start with their PNG filter byte, which PDF undoes itself under
// /DecodeParms << /Predictor 15 >> (PDF 32000-1, 7.4.4.4). libharu has no call for that: a
// 1x1 raw image gives the dictionary (type, bits, an indirect /Length), then its size, colour
// space, stream bytes and filter are replaced.
// `file` is the PNG at `path`, as read: a file of one IDAT chunk (read with joinIdat false)
// gives the stream its payload where it lies, read from `path` again while the document is
// saved (its bytes are not held until then).
HPDF_Image pngImage(HpdfDoc& doc, codecs::PngParts png, std::string_view file, const fs::path& path) {
  static constexpr HPDF_BYTE kOnePixel[3] = {0, 0, 0};
  HPDF_Doc pdf = doc.get();
  const bool rgb = png.colourType == 2;
  HPDF_Image img = HPDF_LoadRawImageFromMem(pdf, kOnePixel, 1, 1, rgb ? HPDF_CS_DEVICE_RGB : HPDF_CS_DEVICE_GRAY, 8);
  if (!img || !img->stream) return nullptr;
  if (HPDF_Dict_AddNumber(img, "Width", static_cast<HPDF_INT32>(png.width)) != HPDF_OK ||
      HPDF_Dict_AddNumber(img, "Height", static_cast<HPDF_INT32>(png.height)) != HPDF_OK)
    return nullptr;
  if (png.colourType == 3) {
    // [/Indexed /DeviceRGB hival <palette>]: the PNG's palette, one byte a sample per index.
    HPDF_Array cs = HPDF_Array_New(img->mmgr);
    if (!cs) return nullptr;
    HPDF_Binary table = HPDF_Binary_New(img->mmgr, reinterpret_cast<HPDF_BYTE*>(const_cast<char*>(png.palette.data())),
                                        static_cast<HPDF_UINT>(png.palette.size()));
    if (HPDF_Dict_Add(img, "ColorSpace", cs) != HPDF_OK || HPDF_Array_AddName(cs, "Indexed") != HPDF_OK ||
        HPDF_Array_AddName(cs, "DeviceRGB") != HPDF_OK ||
        HPDF_Array_AddNumber(cs, static_cast<HPDF_INT32>(png.palette.size() / 3 - 1)) != HPDF_OK || !table ||
        HPDF_Array_Add(cs, table) != HPDF_OK)
      return nullptr;
  }
  HPDF_Dict parms = HPDF_Dict_New(img->mmgr);
  if (!parms || HPDF_Dict_Add(img, "DecodeParms", parms) != HPDF_OK || HPDF_Dict_AddNumber(parms, "Predictor", 15) != HPDF_OK ||
      HPDF_Dict_AddNumber(parms, "Colors", png.samplesPerPixel()) != HPDF_OK ||
      HPDF_Dict_AddNumber(parms, "BitsPerComponent", 8) != HPDF_OK ||
      HPDF_Dict_AddNumber(parms, "Columns", static_cast<HPDF_INT32>(png.width)) != HPDF_OK)
    return nullptr;
  if (png.idat.empty()) {
    const std::string_view idat = file.substr(std::min(png.idatOffset, file.size()), png.idatLength);
    if (!setDeflatedStreamBytes(doc, img, rangeOf(path, png.idatOffset, idat))) return nullptr;
    return img;
  }
  if (!setDeflatedStreamBytes(doc, img, std::move(png.idat))) return nullptr;
  return img;
}

// A PNG a PDF cannot take as it is (interlaced, 16-bit, alpha: never one of our renditions,
// but a cache could hold anything): decoded, and deflated again by libharu.
HPDF_Image decodedPngImage(HPDF_Doc pdf, std::string_view bytes) {
  int w = 0, h = 0, n = 0;
  std::unique_ptr<unsigned char, StbiFree> px(stbi_load_from_memory(
      reinterpret_cast<const stbi_uc*>(bytes.data()), static_cast<int>(bytes.size()), &w, &h, &n, 3));
  if (!px || w <= 0 || h <= 0) return nullptr;
  return HPDF_LoadRawImageFromMem(pdf, px.get(), static_cast<HPDF_UINT>(w), static_cast<HPDF_UINT>(h), HPDF_CS_DEVICE_RGB, 8);
}

}  // namespace

HPDF_Image ImageCache::get(ImageUse use) {
  if (auto it = cache_.find(use); it != cache_.end()) return it->second;
  HPDF_Image img = nullptr;
  const int asset = use.asset;
  if (assets_ && asset >= 0 && static_cast<std::size_t>(asset) < assets_->size()) {
    const Asset& a = assets_->at(asset);
    if (a.ok()) {
      // A rendition for the drawn size that cannot be made leaves the stored one (reported).
      std::optional<EncodedImage> drawn;
      if (use.widthPx > 0) drawn = assets_->pdfRenditionFor(asset, use.widthPx, diags_);
      img = load(drawn ? *drawn : a.pdf);
    }
    if (!img)
      diags_.reportOnce("pdf-image:" + std::to_string(asset),
                        {Severity::Warning, a.where, "pdf-image",
                         "image '" + a.source + "' could not be embedded in the PDF; a grey box is drawn in its place"});
  }
  cache_[use] = img;
  return img;
}

HPDF_Image ImageCache::placeholder() {
  if (placeholder_) return placeholder_;
  static constexpr HPDF_BYTE kGrey[3] = {0xD8, 0xD8, 0xD8};
  doc_.reset();
  placeholder_ = HPDF_LoadRawImageFromMem(doc_.get(), kGrey, 1, 1, HPDF_CS_DEVICE_RGB, 8);
  if (doc_.failed()) placeholder_ = nullptr;
  doc_.reset();
  return placeholder_;
}

HPDF_Image ImageCache::load(const EncodedImage& e) {
  FileBytes bytes = readEncoded(e, diags_);
  if (bytes.empty()) return nullptr;
  HPDF_Doc pdf = doc_.get();
  doc_.reset();
  HPDF_Image img = nullptr;
  switch (e.codec) {
    case EncodedImage::Codec::Jpeg:
      if (!looksCompleteJpeg(bytes.view())) return nullptr;
      img = HPDF_LoadJpegImageFromMem(pdf, reinterpret_cast<const HPDF_BYTE*>(bytes.data()),
                                      static_cast<HPDF_UINT>(jpegHeaderLength(bytes.view())));
      if (img && !doc_.failed() && !setStreamBytes(doc_, img, wholeRendition(e, bytes.view()))) img = nullptr;
      break;
    case EncodedImage::Codec::Png: {
      // libharu's own PNG loader aborts the process on a corrupt file and inflates and
      // deflates again what is already compressed: the IDAT data goes in as it is.
      std::optional<codecs::PngParts> png = codecs::readPngParts(bytes.view(), false);
      if (!png) return nullptr;
      img = png->pdfReady() ? pngImage(doc_, std::move(*png), bytes.view(), e.file) : decodedPngImage(pdf, bytes.view());
      break;
    }
    case EncodedImage::Codec::None: return nullptr;
  }
  if (!img || doc_.failed()) {
    doc_.reset();
    return nullptr;
  }
  if (!e.alphaFile.empty()) {
    EncodedImage alpha = e;
    alpha.file = e.alphaFile;
    FileBytes maskBytes = readEncoded(alpha, diags_);
    std::optional<codecs::PngParts> mask = codecs::readPngParts(maskBytes.view(), false);
    if (mask && mask->pdfReady() && mask->colourType == 0 && mask->width == static_cast<std::uint32_t>(e.width) &&
        mask->height == static_cast<std::uint32_t>(e.height)) {
      // What HPDF_Image_AddSMask does, without its check of the image's colour space by name
      // (an Indexed one is an array).
      HPDF_Image m = pngImage(doc_, std::move(*mask), maskBytes.view(), e.alphaFile);
      if (m && !doc_.failed()) HPDF_Dict_Add(img, "SMask", m);
    }
    doc_.reset();
  }
  return img;
}

}  // namespace pp::pdf
