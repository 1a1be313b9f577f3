// EXIF orientation: browsers draw a photo the way its camera tagged it (CSS
// `image-orientation: from-image` is the default), so we do too.
#pragma once

#include <string_view>

#include "codecs/image.h"

namespace pp::codecs {

// Orientation (1..8) from a TIFF-structured EXIF block (starting at "II*\0" or "MM\0*");
// 1 when absent or unreadable.
int exifOrientationFromTiff(std::string_view tiff);

// Orientation from a JPEG's APP1 Exif segment; 1 when absent.
int jpegExifOrientation(std::string_view jpeg);

// True for 5..8: the stored picture is transposed relative to what is shown.
inline bool orientationSwapsAxes(int orientation) { return orientation >= 5 && orientation <= 8; }

// Returns the picture as it should be shown.
Image applyOrientation(Image src, int orientation);

}  // namespace pp::codecs
