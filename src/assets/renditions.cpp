#include "assets/renditions.h"

namespace pp::assets {

namespace {

using Codec = EncodedImage::Codec;

// How much wider than the PDF's the EPUB picture may be, in percent, to serve both: a
// graphic's PNG up to 1.5 times (300 dpi where the PDF draws it widest), a photograph's JPEG
// up to 1.15 times (230 dpi: its bytes grow with its pixels, a screenshot's PNG far less; this
// takes the 1456 px pictures of Substack-hosted posts, 1.12 times the PDF's 1300). And as
// little as 95% (190 dpi rather than 200: a tall picture's EPUB side of 1600 px against the
// PDF's height of 1800).
constexpr int kShareMostGraphicPercent = 150;
constexpr int kShareMostPhotoPercent = 115;
constexpr int kShareLeastPercent = 95;

// The rendition's picture: the master itself when sizes agree, else a scaled copy.
const codecs::Image& sized(const codecs::Image& master, PixelSize s, codecs::Image* storage) {
  if (master.width == s.w && master.height == s.h) return master;
  *storage = codecs::resizeLinear(master, s.w, s.h);
  return *storage;
}

// PDF lossless rendition: a PNG of the colour samples and, when there is alpha, a gray PNG of
// it for the soft mask (a PDF image carries its alpha as a separate image).
bool writePdfPng(const codecs::Image& im, EncodedBytes* out, std::string* err) {
  out->codec = Codec::Png;
  out->alpha.clear();
  if (!im.hasAlphaChannel()) {
    auto png = codecs::encodePng(im, err);
    if (!png) return false;
    out->components = im.channels;
    out->data = std::move(*png);
    return true;
  }
  const int C = im.channels, colourChannels = C - 1;
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  codecs::Image colour = codecs::Image::uninitialised(im.width, im.height, colourChannels);
  codecs::Image alpha = codecs::Image::uninitialised(im.width, im.height, 1);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint8_t* p = &im.pixels[i * C];
    for (int k = 0; k < colourChannels; ++k) colour.pixels[i * colourChannels + k] = p[k];
    alpha.pixels[i] = p[colourChannels];
  }
  auto colourPng = codecs::encodePng(colour, err);
  if (!colourPng) return false;
  auto alphaPng = codecs::encodePng(alpha, err);
  if (!alphaPng) return false;
  out->components = colourChannels;
  out->data = std::move(*colourPng);
  out->alpha = std::move(*alphaPng);
  return true;
}

bool encodeEpub(const codecs::Image& master, const Content& content, PixelSize size, const PipelineParams& p, EncodedBytes* out,
                std::string* err) {
  codecs::Image storage;
  const codecs::Image& epub = sized(master, size, &storage);
  out->width = epub.width;
  out->height = epub.height;
  out->components = epub.channels;
  auto bytes = content.graphic ? codecs::encodePng(epub, err) : codecs::encodeJpeg(epub, p.jpegQuality, err);
  if (!bytes) return false;
  out->codec = content.graphic ? Codec::Png : Codec::Jpeg;
  out->data = std::move(*bytes);
  return true;
}

}  // namespace

bool encodePdfRendition(const codecs::Image& picture, bool graphic, PixelSize size, const PipelineParams& p,
                        EncodedBytes* out, std::string* err) {
  codecs::Image storage, grayStorage;
  const codecs::Image* pdf = &sized(picture, size, &storage);
  if (p.grayscale && pdf->channels >= 3) {
    grayStorage = codecs::toGray(*pdf);
    pdf = &grayStorage;
  }
  out->width = pdf->width;
  out->height = pdf->height;
  if (graphic) return writePdfPng(*pdf, out, err);
  auto jpg = codecs::encodeJpeg(*pdf, p.jpegQuality, err);
  if (!jpg) return false;
  out->codec = Codec::Jpeg;
  out->components = pdf->channels;
  out->data = std::move(*jpg);
  return true;
}

bool sharesRendition(const codecs::Image& master, const Content& content, PixelSize pdfSize, PixelSize epubSize,
                     const PipelineParams& p) {
  if (p.grayscale && master.channels >= 3) return false;
  if (content.graphic && master.hasAlphaChannel()) return false;
  const long long ratio = 100LL * epubSize.w, pdf = pdfSize.w;
  const int most = content.graphic ? kShareMostGraphicPercent : kShareMostPhotoPercent;
  return ratio >= kShareLeastPercent * pdf && ratio <= most * pdf;
}

bool passSourcePng(std::string_view source, const codecs::Image& decoded, const Content& content, PixelSize pdfSize,
                   PixelSize epubSize, const PipelineParams& p, PipelineResult* r) {
  if (decoded.width != epubSize.w || decoded.height != epubSize.h) return false;
  if (!sharesRendition(decoded, content, pdfSize, epubSize, p) || !content.graphic) return false;
  std::optional<codecs::PngParts> png = codecs::readPngParts(source);
  if (!png || !png->pdfReady()) return false;
  // Our encoder would write fewer samples: a palette, or gray for RGB that is gray.
  if (png->colourType == 2 && (content.gray || content.colours <= 256)) return false;
  r->epub = EncodedBytes{};
  r->epub.codec = Codec::Png;
  r->epub.width = decoded.width;
  r->epub.height = decoded.height;
  r->epub.components = png->colourType == 0 ? 1 : 3;
  r->epub.data = codecs::assemblePng(*png);
  r->pdf = r->epub;
  r->pdf.data.clear();
  r->pdf.sameAsEpub = true;
  return true;
}

bool encodeRenditions(const codecs::Image& master, const Content& content, PixelSize pdfSize, PixelSize epubSize,
                      const PipelineParams& p, PipelineResult* r) {
  std::string err;
  if (!encodeEpub(master, content, epubSize, p, &r->epub, &err)) return r->message = err, false;
  if (sharesRendition(master, content, pdfSize, epubSize, p)) {
    r->pdf = EncodedBytes{};
    r->pdf.codec = r->epub.codec;
    r->pdf.width = r->epub.width;
    r->pdf.height = r->epub.height;
    r->pdf.components = r->epub.components;
    r->pdf.sameAsEpub = true;
    return true;
  }
  if (!encodePdfRendition(master, content.graphic, pdfSize, p, &r->pdf, &err)) return r->message = err, false;
  return true;
}

}  // namespace pp::assets
