// Reading the EXIF orientation tag (exifOrientation in postpress/codecs.h) out of the blocks
// that carry it.
#pragma once

#include <string_view>

namespace pp::codecs {

// Orientation (1..8) from a TIFF-structured EXIF block (starting at "II*\0" or "MM\0*");
// 1 when absent or unreadable.
int exifOrientationFromTiff(std::string_view tiff);

// Orientation from a JPEG's APP1 Exif segment; 1 when absent.
int jpegExifOrientation(std::string_view jpeg);

}  // namespace pp::codecs
