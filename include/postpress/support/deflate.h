// zlib streams (RFC 1950) and raw deflate (RFC 1951) through libdeflate: whole-buffer
// compression, several times faster than zlib's deflate for the same size. Used for the IDAT
// data of every PNG rendition, the PDF's page contents and embedded fonts, and the EPUB's
// compressed entries.
#pragma once

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

namespace pp {

// Measured on the 98 streams of terrytangyuan's renditions (149 MB in): zlib level 6 made
// 9.75 MB in 1.27 s; libdeflate level 6 9.59 MB in 0.53 s, level 4 9.83 MB in 0.45 s, level 8
// 9.54 MB in 1.24 s. (The renditions' PNGs have since moved to level 5: postpress/codecs.h.)
inline constexpr int kDeflateLevel = 6;

// The zlib stream of `in`; nullopt only when memory runs out.
std::optional<std::string> zlibCompress(std::string_view in, int level = kDeflateLevel);
// The raw deflate stream of `in` (what a ZIP entry holds); nullopt only when memory runs out.
std::optional<std::string> deflateRaw(std::string_view in, int level = kDeflateLevel);
// CRC-32 (ISO 3309, as ZIP and PNG use it).
std::uint32_t crc32Of(std::string_view in);
// Whether the zlib stream `zlib` inflates to exactly `expected` (a cached stream checked
// before use; inflating is a fraction of the deflating it saves).
bool zlibInflatesTo(std::string_view zlib, std::string_view expected);

}  // namespace pp
