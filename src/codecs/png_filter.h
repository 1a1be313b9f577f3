// PNG scanline filtering for the encoder (PNG spec, section 9): each row is written with one
// of five filters, chosen per row.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "postpress/codecs.h"

namespace pp::codecs {

// Filters `height` rows of `rowBytes` bytes (pixels of `bpp` bytes) into `out`, replacing its
// contents: per row one filter-type byte, then the filtered row. With `adaptive`, each row
// takes the filter whose output has the smallest sum of magnitudes (as libpng chooses; ties
// go to the lower filter number); otherwise no filter (best for indexed colour).
void filterRows(const std::uint8_t* data, int height, std::size_t rowBytes, int bpp, bool adaptive, ByteBuffer& out);

}  // namespace pp::codecs
