#include "assets/pipeline.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <optional>
#include <sstream>

#include "assets/classify.h"
#include "assets/decode.h"
#include "assets/deflate.h"
#include "assets/encode.h"
#include "assets/orientation.h"
#include "assets/resize.h"
#include "assets/sniff.h"
#include "assets/svg.h"

namespace pp::assets {

namespace {

// CSS px to PDF points: 96 px per inch, 72 pt per inch.
constexpr double kPtPerCssPx = 0.75;
// EPUB readers run on high-density screens: an SVG is rasterised at twice its CSS size.
constexpr double kEpubSvgDensity = 2.0;

using Codec = EncodedImage::Codec;

struct Size {
  int w = 0, h = 0;
};

PipelineResult failure(AssetStatus s, std::string why, std::string format = {}) {
  PipelineResult r;
  r.status = s;
  r.message = std::move(why);
  r.format = std::move(format);
  return r;
}

Size larger(Size a, Size b) { return a.w * static_cast<long long>(a.h) >= b.w * static_cast<long long>(b.h) ? a : b; }

// A zlib stream of `samples` (what PDF's FlateDecode reads), paid once per cached rendition
// instead of on every build.
bool deflateSamples(const std::string& samples, std::string* out) {
  auto z = zlibCompress(samples);
  if (!z) return false;
  *out = std::move(*z);
  return true;
}

// Flate PDF rendition: colour samples in `data`, alpha (when present) in its own mask, each
// deflated.
bool writeFlate(const Image& im, EncodedBytes* out) {
  const int C = im.channels;
  const int colour = im.hasAlphaChannel() ? C - 1 : C;
  const std::size_t n = static_cast<std::size_t>(im.width) * im.height;
  out->codec = Codec::Flate;
  out->components = colour;
  std::string samples, alpha;
  if (colour == C) {
    samples.assign(im.pixels.begin(), im.pixels.end());
  } else {
    samples.resize(n * colour);
    alpha.resize(n);
    for (std::size_t i = 0; i < n; ++i) {
      for (int k = 0; k < colour; ++k) samples[i * colour + k] = static_cast<char>(im.pixels[i * C + k]);
      alpha[i] = static_cast<char>(im.pixels[i * C + colour]);
    }
  }
  if (!deflateSamples(samples, &out->data)) return false;
  out->alpha.clear();
  return alpha.empty() || deflateSamples(alpha, &out->alpha);
}

// The rendition's picture: the master itself when sizes agree, else a scaled copy.
const Image& sized(const Image& master, Size s, Image* storage) {
  if (master.width == s.w && master.height == s.h) return master;
  *storage = resizeLinear(master, s.w, s.h);
  return *storage;
}

bool encodeRenditions(const Image& master, const Content& content, Size pdfSize, Size epubSize,
                      const PipelineParams& p, PipelineResult* r) {
  std::string err;
  {
    Image storage, grayStorage;
    const Image* pdf = &sized(master, pdfSize, &storage);
    if (p.grayscale && pdf->channels >= 3) {
      grayStorage = toGray(*pdf);
      pdf = &grayStorage;
    }
    r->pdf.width = pdf->width;
    r->pdf.height = pdf->height;
    if (content.graphic) {
      if (!writeFlate(*pdf, &r->pdf)) return r->message = "cannot compress the PDF rendition", false;
    } else {
      auto jpg = encodeJpeg(*pdf, p.jpegQuality, &err);
      if (!jpg) return r->message = err, false;
      r->pdf.codec = Codec::Jpeg;
      r->pdf.components = pdf->channels;
      r->pdf.data = std::move(*jpg);
    }
  }
  {
    Image storage;
    const Image& epub = sized(master, epubSize, &storage);
    r->epub.width = epub.width;
    r->epub.height = epub.height;
    r->epub.components = epub.channels;
    auto bytes = content.graphic ? encodePng(epub, &err) : encodeJpeg(epub, p.jpegQuality, &err);
    if (!bytes) return r->message = err, false;
    r->epub.codec = content.graphic ? Codec::Png : Codec::Jpeg;
    r->epub.data = std::move(*bytes);
  }
  return true;
}

int storedOrientation(Format f, std::string_view bytes) {
  if (f == Format::Jpeg) return jpegExifOrientation(bytes);
  if (f == Format::Webp) return webpExifOrientation(bytes);
  return 1;
}

PipelineResult runRaster(Format fmt, std::string_view bytes, const PipelineParams& p) {
  const char* name = formatName(fmt);
  auto hdr = probeHeaderSize(fmt, bytes);
  if (!hdr) return failure(AssetStatus::Corrupt, std::string("unreadable ") + name + " header (truncated or not an image)", name);
  if (hdr->width <= 0 || hdr->height <= 0) return failure(AssetStatus::Corrupt, std::string(name) + " header has no pixels", name);
  if (hdr->width > p.maxDimension || hdr->height > p.maxDimension ||
      static_cast<unsigned long long>(hdr->width) * static_cast<unsigned long long>(hdr->height) > p.maxPixels) {
    std::ostringstream why;
    why << name << " claims " << hdr->width << " x " << hdr->height << " pixels, over the limit of "
        << p.maxDimension << " px a side and " << p.maxPixels << " pixels: not decoded";
    return failure(AssetStatus::TooLarge, why.str(), name);
  }

  // Targets in display orientation, then the decode hint in stored orientation.
  const int orientation = storedOrientation(fmt, bytes);
  const bool swap = orientationSwapsAxes(orientation);
  const int dw = static_cast<int>(swap ? hdr->height : hdr->width);
  const int dh = static_cast<int>(swap ? hdr->width : hdr->height);
  Size pdfSize, epubSize;
  fitWithin(dw, dh, p.drawWidthPt / 72.0 * p.pdfDpi, p.textHeightPt / 72.0 * p.pdfDpi, &pdfSize.w, &pdfSize.h);
  fitWithin(dw, dh, p.epubMaxSide, p.epubMaxSide, &epubSize.w, &epubSize.h);
  const Size masterSize = larger(pdfSize, epubSize);
  const DecodeHint hint{swap ? masterSize.h : masterSize.w, swap ? masterSize.w : masterSize.h, p.maxDimension, p.maxPixels};

  Decoded d = decodeRaster(fmt, bytes, hint);
  if (!d.ok()) {
    AssetStatus s = d.failure == DecodeFailure::Unsupported ? AssetStatus::Unsupported
                    : d.failure == DecodeFailure::TooLarge  ? AssetStatus::TooLarge
                                                            : AssetStatus::Corrupt;
    return failure(s, d.message.empty() ? std::string("cannot decode ") + name : d.message, name);
  }

  PipelineResult r;
  r.format = name;
  r.notes = std::move(d.notes);
  // The decoder may have shrunk the picture; the natural size is the file's.
  r.width = dw;
  r.height = dh;

  const Content content = analyse(d.image, d.lossy);
  Image master;
  {
    Image im = simplifyChannels(std::move(d.image), content);
    d.image = Image{};
    const Size stored{hint.minWidth, hint.minHeight};
    if (im.width != stored.w || im.height != stored.h) im = resizeLinear(im, stored.w, stored.h);
    master = applyOrientation(std::move(im), orientation);
  }
  if (!encodeRenditions(master, content, pdfSize, epubSize, p, &r)) {
    r.status = AssetStatus::Corrupt;
    return r;
  }
  r.status = AssetStatus::Ok;
  return r;
}

PipelineResult runSvg(std::string_view bytes, const PipelineParams& p) {
  std::string err;
  auto safe = svgWithoutEntities(bytes, &err);
  if (!safe) return failure(AssetStatus::Refused, err, "svg");
  auto doc = SvgDocument::open(*safe, &err);
  if (!doc) return failure(AssetStatus::Corrupt, err, "svg");
  double cw = 0, ch = 0;
  doc->naturalSize(p.textWidthPt / kPtPerCssPx, &cw, &ch);
  // Drawn at its natural size, shrunk to fit the text block; rasterised for that size.
  double drawW = cw * kPtPerCssPx, drawH = ch * kPtPerCssPx;
  const double fit = std::min({1.0, p.drawWidthPt / drawW, p.textHeightPt / drawH});
  drawW *= fit;
  drawH *= fit;
  auto px = [](double v) { return std::max(1, static_cast<int>(std::lround(v))); };
  Size pdfSize{px(drawW / 72.0 * p.pdfDpi), px(drawH / 72.0 * p.pdfDpi)};
  Size epubSize;
  {
    double ew = cw * kEpubSvgDensity, eh = ch * kEpubSvgDensity;
    const double s = std::min(1.0, p.epubMaxSide / std::max(ew, eh));
    epubSize = {px(ew * s), px(eh * s)};
  }
  const Size master = larger(pdfSize, epubSize);
  if (static_cast<unsigned long long>(master.w) * master.h > p.maxPixels)
    return failure(AssetStatus::TooLarge, "svg raster size over the pixel limit", "svg");
  auto im = doc->render(master.w, master.h, &err);
  if (!im) return failure(AssetStatus::Corrupt, err, "svg");

  PipelineResult r;
  r.format = "svg";
  r.width = px(cw);
  r.height = px(ch);
  const Content content = analyse(*im, false);
  Image simple = simplifyChannels(std::move(*im), content);
  if (!encodeRenditions(simple, content, pdfSize, epubSize, p, &r)) {
    r.status = AssetStatus::Corrupt;
    return r;
  }
  r.status = AssetStatus::Ok;
  return r;
}

}  // namespace

std::string PipelineParams::describe() const {
  std::ostringstream s;
  s << "dpi=" << pdfDpi << ";draw=" << drawWidthPt << ";th=" << textHeightPt << ";tw=" << textWidthPt
    << ";epub=" << epubMaxSide << ";q=" << jpegQuality << ";gray=" << grayscale << ";maxpx=" << maxPixels
    << ";maxdim=" << maxDimension;
  return s.str();
}

PipelineResult runPipeline(std::string_view bytes, const PipelineParams& p) {
  const Format fmt = sniffFormat(bytes);
  try {
    switch (fmt) {
      case Format::Png:
      case Format::Jpeg:
      case Format::Webp:
      case Format::Gif:
      case Format::Bmp:
        return runRaster(fmt, bytes, p);
      case Format::Svg:
        return runSvg(bytes, p);
      case Format::Unknown:
        return failure(AssetStatus::Corrupt, bytes.empty() ? "empty file" : "not an image (unrecognised bytes)");
      case Format::Html:
        return failure(AssetStatus::Corrupt, "not an image: the file is an HTML page", "html");
      default:
        return failure(AssetStatus::Unsupported, std::string("unsupported format: ") + formatName(fmt), formatName(fmt));
    }
  } catch (const std::bad_alloc&) {
    return failure(AssetStatus::TooLarge, "out of memory while processing the image", formatName(fmt));
  } catch (const std::exception& e) {
    return failure(AssetStatus::Corrupt, std::string("cannot process the image: ") + e.what(), formatName(fmt));
  }
}

}  // namespace pp::assets
