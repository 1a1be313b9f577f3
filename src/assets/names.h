// The names statuses and rendition codecs go by in the image cache's entries, from the same
// tables as assetStatusName and EncodedImage's media types and extensions (postpress/assets.h).
#pragma once

#include <optional>
#include <string_view>

#include "postpress/assets.h"

namespace pp::assets {

std::optional<AssetStatus> assetStatusFromName(std::string_view name);  // nullopt when unknown

const char* codecName(EncodedImage::Codec c);  // "jpeg", "png"; "none"
// None for any other name, such as the "raw" and "flate" PDF renditions of earlier versions'
// entries: the entry is then made again.
EncodedImage::Codec codecFromName(std::string_view name);

}  // namespace pp::assets
