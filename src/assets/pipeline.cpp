#include "assets/pipeline.h"

#include <algorithm>
#include <cmath>
#include <new>
#include <optional>
#include <sstream>

#include "assets/classify.h"
#include "assets/renditions.h"
#include "postpress/codecs.h"

namespace pp::assets {

namespace {

// CSS px to PDF points: 96 px per inch, 72 pt per inch.
constexpr double kPtPerCssPx = 0.75;
// EPUB readers run on high-density screens: an SVG is rasterised at twice its CSS size.
constexpr double kEpubSvgDensity = 2.0;

using Size = PixelSize;

PipelineResult failure(AssetStatus s, std::string why, std::string format = {}) {
  PipelineResult r;
  r.status = s;
  r.message = std::move(why);
  r.format = std::move(format);
  return r;
}

Size larger(Size a, Size b) { return a.w * static_cast<long long>(a.h) >= b.w * static_cast<long long>(b.h) ? a : b; }

PipelineResult runRaster(codecs::Format fmt, std::string_view bytes, const PipelineParams& p) {
  const char* name = codecs::formatName(fmt);
  auto hdr = codecs::probeHeaderSize(fmt, bytes);
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
  const int orientation = codecs::exifOrientation(fmt, bytes);
  const bool swap = codecs::orientationSwapsAxes(orientation);
  const int dw = static_cast<int>(swap ? hdr->height : hdr->width);
  const int dh = static_cast<int>(swap ? hdr->width : hdr->height);
  Size pdfSize, epubSize;
  codecs::fitWithin(dw, dh, p.drawWidthPt / 72.0 * p.pdfDpi, p.textHeightPt / 72.0 * p.pdfDpi, &pdfSize.w, &pdfSize.h);
  codecs::fitWithin(dw, dh, p.epubMaxSide, p.epubMaxSide, &epubSize.w, &epubSize.h);
  const Size masterSize = larger(pdfSize, epubSize);
  const codecs::DecodeHint hint{swap ? masterSize.h : masterSize.w, swap ? masterSize.w : masterSize.h, p.maxDimension, p.maxPixels};

  codecs::Decoded d = codecs::decodeRaster(fmt, bytes, hint);
  if (!d.ok()) {
    AssetStatus s = d.failure == codecs::DecodeFailure::Unsupported ? AssetStatus::Unsupported
                    : d.failure == codecs::DecodeFailure::TooLarge  ? AssetStatus::TooLarge
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
  if (fmt == codecs::Format::Png && orientation == 1 && passSourcePng(bytes, d.image, content, pdfSize, epubSize, p, &r)) {
    r.status = AssetStatus::Ok;
    return r;
  }
  codecs::Image master;
  {
    codecs::Image im = simplifyChannels(std::move(d.image), content);
    d.image = codecs::Image{};
    const Size stored{hint.minWidth, hint.minHeight};
    if (im.width != stored.w || im.height != stored.h) im = codecs::resizeLinear(im, stored.w, stored.h);
    master = codecs::applyOrientation(std::move(im), orientation);
  }
  r.status = encodeRenditions(master, content, pdfSize, epubSize, p, &r) ? AssetStatus::Ok : AssetStatus::Corrupt;
  return r;
}

PipelineResult runSvg(std::string_view bytes, const PipelineParams& p) {
  std::string err;
  auto safe = codecs::svgWithoutEntities(bytes, &err);
  if (!safe) return failure(AssetStatus::Refused, err, "svg");
  if (auto costly = codecs::svgCostProblem(*safe))
    return failure(AssetStatus::TooLarge, "SVG asks too much of the renderer: " + *costly, "svg");
  auto doc = codecs::SvgDocument::open(*safe, &err);
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
  codecs::Image simple = simplifyChannels(std::move(*im), content);
  r.status = encodeRenditions(simple, content, pdfSize, epubSize, p, &r) ? AssetStatus::Ok : AssetStatus::Corrupt;
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
  const codecs::Format fmt = codecs::sniffFormat(bytes);
  try {
    switch (fmt) {
      case codecs::Format::Png:
      case codecs::Format::Jpeg:
      case codecs::Format::Webp:
      case codecs::Format::Gif:
      case codecs::Format::Bmp:
        return runRaster(fmt, bytes, p);
      case codecs::Format::Svg:
        return runSvg(bytes, p);
      case codecs::Format::Unknown:
        return failure(AssetStatus::Corrupt, bytes.empty() ? "empty file" : "not an image (unrecognised bytes)");
      case codecs::Format::Html:
        return failure(AssetStatus::Corrupt, "not an image: the file is an HTML page", "html");
      default:
        return failure(AssetStatus::Unsupported, std::string("unsupported format: ") + codecs::formatName(fmt), codecs::formatName(fmt));
    }
  } catch (const std::bad_alloc&) {
    return failure(AssetStatus::TooLarge, "out of memory while processing the image", codecs::formatName(fmt));
  } catch (const std::exception& e) {
    return failure(AssetStatus::Corrupt, std::string("cannot process the image: ") + e.what(), codecs::formatName(fmt));
  }
}

}  // namespace pp::assets
