// A PNG file's structure without decoding it: the header fields, the palette and the IDAT
// data (one zlib stream of filtered scanlines). What a PDF needs to embed a PNG as it is
// (FlateDecode with PNG predictors), and what the pipeline needs to pass a source's
// compressed pixels through; and the writer of chunks.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pp::codecs {

struct PngParts {
  std::uint32_t width = 0, height = 0;
  int bitDepth = 0;
  int colourType = 0;  // 0 gray, 2 RGB, 3 palette, 4 gray+alpha, 6 RGBA
  int interlace = 0;   // 0 none, 1 Adam7
  std::string palette;  // PLTE payload: RGB triples (colour type 3)
  std::string transparency;  // tRNS payload; empty when there is none
  std::string idat;     // every IDAT payload, joined (see readPngParts' joinIdat)
  // Where the payload of the one IDAT chunk is in the file, when there is only one (length 0
  // when there are several).
  std::size_t idatOffset = 0, idatLength = 0;

  // Samples a pixel in the IDAT rows (an index counts as one).
  int samplesPerPixel() const;
  // The pixels can be embedded in a PDF as they are: 8-bit, not interlaced, no alpha and no
  // tRNS, gray, RGB or palette.
  bool pdfReady() const;
};

// nullopt when the bytes are not a whole PNG: bad signature, IHDR not first, a chunk running
// past the end or failing its CRC, no IDAT, no IEND, or a palette image without PLTE.
// With joinIdat false, a file of one IDAT chunk leaves `idat` empty: the caller takes the
// payload from the file (idatOffset, idatLength) instead of a copy.
std::optional<PngParts> readPngParts(std::string_view png, bool joinIdat = true);

// Appends one chunk (length, type, data, CRC) to `out`.
void appendPngChunk(std::string& out, const char* type, std::string_view data);

// A PNG of only IHDR, PLTE and tRNS (when there are), IDAT and IEND: the source's other
// ancillary chunks (text, colour profiles, times) are left out.
std::string assemblePng(const PngParts& parts);

}  // namespace pp::codecs
