// What a file really is, from its first bytes. Real blogs name WebP files `.png`, JPEGs
// `.png` and so on: the name is never consulted.
#pragma once

#include <optional>
#include <string_view>

namespace pp::codecs {

enum class Format { Unknown, Png, Jpeg, Webp, Gif, Bmp, Svg, Tiff, Avif, Heic, Ico, Pdf, Video, Html };

const char* formatName(Format f);  // "png", "jpeg", ...

Format sniffFormat(std::string_view bytes);

// Pixel size read from the header alone, before anything is allocated for the pixels (the
// decompression-bomb guard). nullopt when the header cannot be read (truncated, garbage).
struct HeaderSize {
  long long width = 0;
  long long height = 0;
};
std::optional<HeaderSize> probeHeaderSize(Format f, std::string_view bytes);

}  // namespace pp::codecs
