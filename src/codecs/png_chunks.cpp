// A PNG's chunks read and written. Their CRCs are libdeflate's (crc32Of: folding with
// carry-less multiplication where the CPU has it), as every rendition's chunks are checked
// again each time the PDF embeds it.
#include "codecs/byte_order.h"
#include "postpress/codecs.h"
#include "postpress/support/deflate.h"

namespace pp::codecs {

namespace {

constexpr std::string_view kSignature("\x89PNG\r\n\x1a\n", 8);

void put32(std::string& out, std::uint32_t v) {
  out += static_cast<char>(v >> 24);
  out += static_cast<char>(v >> 16);
  out += static_cast<char>(v >> 8);
  out += static_cast<char>(v);
}

}  // namespace

int PngParts::samplesPerPixel() const {
  switch (colourType) {
    case 2: return 3;
    case 4: return 2;
    case 6: return 4;
    default: return 1;  // gray, palette index
  }
}

bool PngParts::pdfReady() const {
  return bitDepth == 8 && interlace == 0 && transparency.empty() && (colourType == 0 || colourType == 2 || colourType == 3);
}

std::optional<PngParts> readPngParts(std::string_view b, bool joinIdat) {
  if (b.size() < kSignature.size() || b.substr(0, kSignature.size()) != kSignature) return std::nullopt;
  PngParts parts;
  std::size_t at = kSignature.size();
  bool sawHeader = false, sawEnd = false;
  int dataChunks = 0;
  while (!sawEnd) {
    if (b.size() - at < 12) return std::nullopt;
    const std::uint32_t length = be32(b, at);
    if (length > b.size() - at - 12) return std::nullopt;
    const std::string_view type = b.substr(at + 4, 4);
    const std::string_view data = b.substr(at + 8, length);
    if (crc32Of(b.substr(at + 4, 4 + length)) != be32(b, at + 8 + length)) return std::nullopt;
    at += 12 + length;
    if (!sawHeader) {
      if (type != "IHDR" || length != 13) return std::nullopt;
      sawHeader = true;
      parts.width = be32(data, 0);
      parts.height = be32(data, 4);
      parts.bitDepth = static_cast<std::uint8_t>(data[8]);
      parts.colourType = static_cast<std::uint8_t>(data[9]);
      parts.interlace = static_cast<std::uint8_t>(data[12]);
      if (parts.width == 0 || parts.height == 0 || data[10] != 0 || data[11] != 0 || parts.interlace > 1) return std::nullopt;
    } else if (type == "PLTE") {
      if (length % 3 != 0 || length == 0 || length > 256 * 3) return std::nullopt;
      parts.palette.assign(data);
    } else if (type == "tRNS") {
      parts.transparency.assign(data);
    } else if (type == "IDAT") {
      if (++dataChunks == 1) {
        parts.idatOffset = at - 4 - length;
        parts.idatLength = length;
      } else {
        if (dataChunks == 2 && !joinIdat) parts.idat.assign(b.substr(parts.idatOffset, parts.idatLength));
        parts.idatLength = 0;
      }
      if (joinIdat || dataChunks > 1) parts.idat.append(data);
    } else if (type == "IEND") {
      sawEnd = true;
    } else if (!(type[0] & 0x20)) {
      return std::nullopt;  // an unknown critical chunk: not a PNG we understand
    }
  }
  if (dataChunks == 0 || (parts.colourType == 3 && parts.palette.empty())) return std::nullopt;
  return parts;
}

void appendPngChunk(std::string& out, const char* type, std::string_view data) {
  put32(out, static_cast<std::uint32_t>(data.size()));
  const std::size_t start = out.size();
  out.append(type, 4);
  out.append(data);
  put32(out, crc32Of(std::string_view(out).substr(start)));
}

std::string assemblePng(const PngParts& p) {
  std::string out(kSignature);
  std::string ihdr;
  put32(ihdr, p.width);
  put32(ihdr, p.height);
  ihdr += static_cast<char>(p.bitDepth);
  ihdr += static_cast<char>(p.colourType);
  ihdr += std::string(2, '\0');  // deflate, adaptive filtering
  ihdr += static_cast<char>(p.interlace);
  appendPngChunk(out, "IHDR", ihdr);
  if (!p.palette.empty()) appendPngChunk(out, "PLTE", p.palette);
  if (!p.transparency.empty()) appendPngChunk(out, "tRNS", p.transparency);
  appendPngChunk(out, "IDAT", p.idat);
  appendPngChunk(out, "IEND", "");
  return out;
}

}  // namespace pp::codecs
