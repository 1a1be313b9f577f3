#include "postpress/codecs.h"

#include <webp/decode.h>

#include <cctype>
#include <cstdint>
#include <cstring>

#include "codecs/byte_order.h"
#include "codecs/jpeg_segments.h"
#include "postpress/support/text.h"

namespace pp::codecs {

const char* formatName(Format f) {
  switch (f) {
    case Format::Png: return "png";
    case Format::Jpeg: return "jpeg";
    case Format::Webp: return "webp";
    case Format::Gif: return "gif";
    case Format::Bmp: return "bmp";
    case Format::Svg: return "svg";
    case Format::Tiff: return "tiff";
    case Format::Avif: return "avif";
    case Format::Heic: return "heic";
    case Format::Ico: return "ico";
    case Format::Pdf: return "pdf";
    case Format::Video: return "video";
    case Format::Html: return "html";
    case Format::Unknown: break;
  }
  return "unknown";
}

namespace {

bool has(std::string_view b, std::size_t at, std::string_view magic) {
  return b.size() >= at + magic.size() && b.compare(at, magic.size(), magic) == 0;
}

std::int64_t le32s(std::string_view b, std::size_t at) {
  std::uint32_t v = le16(b, at) | (le16(b, at + 2) << 16);
  return static_cast<std::int32_t>(v);
}

// Text formats: skip a BOM and leading white space, then look at the first tag. An SVG may
// open with an XML declaration, comments and a DOCTYPE before <svg.
Format sniffText(std::string_view b) {
  std::string_view head = b.substr(0, 4096);
  if (has(head, 0, "\xEF\xBB\xBF")) head.remove_prefix(3);
  while (!head.empty() && std::isspace(static_cast<unsigned char>(head.front()))) head.remove_prefix(1);
  if (head.empty() || head.front() != '<') return Format::Unknown;
  std::string lower = toLowerAscii(head);
  if (lower.find("<svg") != std::string::npos) return Format::Svg;
  if (startsWith(lower, "<!doctype html") || startsWith(lower, "<html")) return Format::Html;
  return Format::Unknown;
}

}  // namespace

Format sniffFormat(std::string_view b) {
  if (has(b, 0, "\x89PNG\r\n\x1a\n")) return Format::Png;
  if (has(b, 0, "\xFF\xD8\xFF")) return Format::Jpeg;
  if (has(b, 0, "RIFF") && has(b, 8, "WEBP")) return Format::Webp;
  if (has(b, 0, "GIF87a") || has(b, 0, "GIF89a")) return Format::Gif;
  if (has(b, 0, "BM") && b.size() >= 26) return Format::Bmp;
  if (has(b, 0, "II*\0") || has(b, 0, "MM\0*")) return Format::Tiff;
  if (has(b, 0, "%PDF")) return Format::Pdf;
  if (has(b, 0, std::string_view("\0\0\1\0", 4))) return Format::Ico;
  if (has(b, 4, "ftyp")) {
    std::string_view brand = b.size() >= 12 ? b.substr(8, 4) : std::string_view{};
    if (brand == "avif" || brand == "avis") return Format::Avif;
    if (brand == "heic" || brand == "heix" || brand == "mif1" || brand == "msf1") return Format::Heic;
    return Format::Video;  // mp4, mov, 3gp
  }
  if (has(b, 0, "\x1A\x45\xDF\xA3")) return Format::Video;  // webm / mkv
  return sniffText(b);
}

std::optional<HeaderSize> probeHeaderSize(Format f, std::string_view b) {
  switch (f) {
    case Format::Png:
      // IHDR is always the first chunk.
      if (b.size() < 24 || !has(b, 12, "IHDR")) return std::nullopt;
      return HeaderSize{be32(b, 16), be32(b, 20)};
    case Format::Gif:
      if (b.size() < 10) return std::nullopt;
      return HeaderSize{le16(b, 6), le16(b, 8)};
    case Format::Bmp: {
      if (b.size() < 26) return std::nullopt;
      std::int64_t w = le32s(b, 18), h = le32s(b, 22);
      if (h < 0) h = -h;  // top-down bitmaps have a negative height
      return HeaderSize{w, h};
    }
    case Format::Webp: {
      int w = 0, h = 0;
      if (!WebPGetInfo(reinterpret_cast<const std::uint8_t*>(b.data()), b.size(), &w, &h))
        return std::nullopt;
      return HeaderSize{w, h};
    }
    case Format::Jpeg: {
      // The first start-of-frame segment; a scan before any is no picture.
      std::optional<HeaderSize> size;
      visitJpegSegments(b, [&](std::uint8_t m, std::size_t at, std::size_t) {
        const bool sof = m >= 0xC0 && m <= 0xCF && m != 0xC4 && m != 0xC8 && m != 0xCC;
        if (sof && at + 9 <= b.size()) size = HeaderSize{be16(b, at + 7), be16(b, at + 5)};
        return sof;
      });
      return size;
    }
    default:
      return std::nullopt;
  }
}

}  // namespace pp::codecs
