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

// The default level: libdeflate's 6 is smaller than zlib's 6 in under half its time, and a
// higher level costs far more time for little (bench/results.md, "Measurements behind design
// choices"). Callers with other needs name their own (the renditions' PNGs: postpress/codecs.h).
inline constexpr int kDeflateLevel = 6;

// The zlib stream of `in`; nullopt only when memory runs out.
std::optional<std::string> zlibCompress(std::string_view in, int level = kDeflateLevel);
// The raw deflate stream of `in` (what a ZIP entry holds); nullopt only when memory runs out.
std::optional<std::string> deflateRaw(std::string_view in, int level = kDeflateLevel);
// CRC-32 (ISO 3309, as ZIP and PNG use it).
std::uint32_t crc32Of(std::string_view in);
// The CRC-32 of what gave `crc` followed by `in` (crc32Of(a + b) == crc32Update(crc32Of(a), b)).
std::uint32_t crc32Update(std::uint32_t crc, std::string_view in);
// Whether the zlib stream `zlib` inflates to exactly `expected` (a cached stream checked
// before use; inflating is a fraction of the deflating it saves).
bool zlibInflatesTo(std::string_view zlib, std::string_view expected);

}  // namespace pp
