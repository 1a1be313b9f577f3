// The codecs' pixel steps on their own: gray for print, EXIF orientation read and applied,
// and the fit of a size inside another.
#include <array>

#include "postpress/codecs.h"
#include "test_images.h"

using namespace pptest;
namespace codecs = pp::codecs;

namespace {

codecs::Image fromPixels(int w, int h, int ch, const std::vector<std::uint8_t>& px) {
  codecs::Image im = codecs::Image::uninitialised(w, h, ch);
  std::copy(px.begin(), px.end(), im.pixels.begin());
  return im;
}

}  // namespace

TEST_CASE("toGray weighs sRGB values by Rec. 709 luma and keeps alpha") {
  // Red, green, blue, white and a half-transparent gray.
  const codecs::Image rgba = fromPixels(5, 1, 4, {255, 0, 0, 255, 0, 255, 0, 255, 0, 0, 255, 255, 255, 255, 255, 255,
                                                  90, 90, 90, 128});
  const codecs::Image gray = codecs::toGray(rgba);
  REQUIRE(gray.channels == 2);
  REQUIRE(gray.width == 5);
  const std::array<int, 5> luma = {(2126 * 255 + 5000) / 10000, (7152 * 255 + 5000) / 10000,
                                   (722 * 255 + 5000) / 10000, 255, 90};
  for (int x = 0; x < 5; ++x) {
    CAPTURE(x);
    CHECK(gray.pixels[static_cast<std::size_t>(x) * 2] == luma[static_cast<std::size_t>(x)]);
    CHECK(gray.pixels[static_cast<std::size_t>(x) * 2 + 1] == rgba.pixels[static_cast<std::size_t>(x) * 4 + 3]);
  }
  CHECK(codecs::toGray(fromPixels(2, 1, 3, {10, 20, 30, 200, 100, 0})).channels == 1);
  const codecs::Image already = fromPixels(2, 1, 1, {7, 9});
  CHECK(bytesOf(codecs::toGray(already).pixels) == bytesOf(already.pixels));
}

TEST_CASE("EXIF orientation is read from JPEG files only where they carry it, and applied") {
  const std::string jpeg = makeJpeg(16, 8, halves());
  CHECK(codecs::exifOrientation(codecs::Format::Jpeg, jpeg) == 1);
  for (int o = 1; o <= 8; ++o) CHECK(codecs::exifOrientation(codecs::Format::Jpeg, withExifOrientation(jpeg, o)) == o);
  // A PNG's bytes are not searched for EXIF.
  CHECK(codecs::exifOrientation(codecs::Format::Png, withExifOrientation(jpeg, 6)) == 1);

  // 3 x 2 picture, samples numbered in reading order.
  const codecs::Image im = fromPixels(3, 2, 1, {1, 2, 3, 4, 5, 6});
  auto shown = [&](int o) { return bytesOf(codecs::applyOrientation(im, o).pixels); };
  using Bytes = std::vector<std::uint8_t>;
  CHECK(shown(1) == Bytes{1, 2, 3, 4, 5, 6});
  CHECK(shown(2) == Bytes{3, 2, 1, 6, 5, 4});  // mirrored
  CHECK(shown(3) == Bytes{6, 5, 4, 3, 2, 1});  // turned half way
  CHECK(shown(6) == Bytes{4, 1, 5, 2, 6, 3});  // turned a quarter clockwise: 2 x 3
  CHECK(codecs::applyOrientation(im, 6).width == 2);
  CHECK(codecs::orientationSwapsAxes(6));
  CHECK_FALSE(codecs::orientationSwapsAxes(3));
}

TEST_CASE("fitWithin keeps the aspect ratio, never enlarges, and leaves at least a pixel") {
  int w = 0, h = 0;
  codecs::fitWithin(4000, 3000, 1600, 1600, &w, &h);
  CHECK(w == 1600);
  CHECK(h == 1200);
  codecs::fitWithin(800, 600, 1600, 1600, &w, &h);
  CHECK(w == 800);
  CHECK(h == 600);
  codecs::fitWithin(10000, 2, 100, 0, &w, &h);  // 0: no limit on that side
  CHECK(w == 100);
  CHECK(h == 1);
}
