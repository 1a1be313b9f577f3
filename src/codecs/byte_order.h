// Big- and little-endian integers at an offset of a byte string (image headers, PNG chunks).
// The caller has checked that the bytes exist. Internal to src/codecs.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>

namespace pp::codecs {

inline std::uint32_t byteAt(std::string_view b, std::size_t at) { return static_cast<std::uint8_t>(b[at]); }
inline std::uint32_t be16(std::string_view b, std::size_t at) { return (byteAt(b, at) << 8) | byteAt(b, at + 1); }
inline std::uint32_t be32(std::string_view b, std::size_t at) { return (be16(b, at) << 16) | be16(b, at + 2); }
inline std::uint32_t le16(std::string_view b, std::size_t at) { return byteAt(b, at) | (byteAt(b, at + 1) << 8); }

}  // namespace pp::codecs
