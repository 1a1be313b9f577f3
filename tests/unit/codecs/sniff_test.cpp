// What a file is, from its bytes: the format, the size its header claims, and a JPEG's marker
// segments walked the same way by every reader of them.
#include "postpress/codecs.h"
#include "test_images.h"

using namespace pptest;
namespace codecs = pp::codecs;

TEST_CASE("formats are told by their bytes") {
  CHECK(codecs::sniffFormat(makePng(4, 4, 3, halves())) == codecs::Format::Png);
  CHECK(codecs::sniffFormat(makeJpeg(8, 8, halves())) == codecs::Format::Jpeg);
  CHECK(codecs::sniffFormat(makeWebp(8, 8, 3, halves(), true)) == codecs::Format::Webp);
  CHECK(codecs::sniffFormat(makeGif(4, 4, {[](int x, int) { return x % 2; }})) == codecs::Format::Gif);
  CHECK(codecs::sniffFormat(makeBmp(4, 4, halves())) == codecs::Format::Bmp);
  CHECK(codecs::sniffFormat("\xEF\xBB\xBF  <?xml version=\"1.0\"?>\n<svg xmlns=\"http://www.w3.org/2000/svg\"/>") ==
        codecs::Format::Svg);
  CHECK(codecs::sniffFormat("<!DOCTYPE html><html></html>") == codecs::Format::Html);
  CHECK(codecs::sniffFormat("") == codecs::Format::Unknown);
  CHECK(std::string(codecs::formatName(codecs::Format::Jpeg)) == "jpeg");
}

TEST_CASE("header sizes are read before any pixel is decoded") {
  auto size = [](codecs::Format f, const std::string& bytes) {
    auto s = codecs::probeHeaderSize(f, bytes);
    return s ? std::to_string(s->width) + "x" + std::to_string(s->height) : std::string("none");
  };
  CHECK(size(codecs::Format::Png, makePng(40, 30, 4, halves())) == "40x30");
  CHECK(size(codecs::Format::Gif, makeGif(7, 5, {[](int, int) { return 0; }})) == "7x5");
  CHECK(size(codecs::Format::Bmp, makeBmp(9, 3, halves())) == "9x3");
  CHECK(size(codecs::Format::Webp, makeWebp(12, 6, 3, halves(), false)) == "12x6");
  // The JPEG's frame header comes after an EXIF segment the walk steps over.
  const std::string jpeg = withExifOrientation(makeJpeg(64, 32, halves()), 6);
  CHECK(size(codecs::Format::Jpeg, jpeg) == "64x32");
  CHECK(size(codecs::Format::Jpeg, jpeg.substr(0, 40)) == "none");  // cut before the frame header
  CHECK(size(codecs::Format::Png, "\x89PNG\r\n\x1a\n") == "none");
}

TEST_CASE("a JPEG's marker segments are walked past fill bytes and markers without a length") {
  const std::string jpeg = withExifOrientation(makeJpeg(64, 32, halves()), 8);
  // After SOI: a fill byte, then TEM (0xFF01), which has no length field.
  const std::string odd = jpeg.substr(0, 2) + "\xFF\xFF\x01" + jpeg.substr(2);
  CHECK(codecs::exifOrientation(codecs::Format::Jpeg, odd) == 8);
  const auto size = codecs::probeHeaderSize(codecs::Format::Jpeg, odd);
  REQUIRE(size);
  CHECK(size->width == 64);
  CHECK(size->height == 32);
  // A missing 0xFF where a marker should be ends the walk: no orientation, no size.
  const std::string broken = jpeg.substr(0, 2) + std::string("\x00\x01", 2) + jpeg.substr(2);
  CHECK(codecs::exifOrientation(codecs::Format::Jpeg, broken) == 1);
  CHECK_FALSE(codecs::probeHeaderSize(codecs::Format::Jpeg, broken));
}
