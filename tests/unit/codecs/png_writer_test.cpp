// The PNG encoder's pieces: the vectorised scanline filters undo (with the spec's reference
// unfiltering) to the pixels for every pixel size, and encodePng round-trips.
#include <cstdlib>

#include "codecs/decode.h"
#include "codecs/png_filter.h"
#include "postpress/codecs.h"
#include "test_images.h"

using namespace pptest;
namespace codecs = pp::codecs;

namespace {

int paethReference(int a, int b, int c) {
  const int p = a + b - c, pa = std::abs(p - a), pb = std::abs(p - b), pc = std::abs(p - c);
  return (pa <= pb && pa <= pc) ? a : (pb <= pc ? b : c);
}

// The PNG specification's unfiltering, byte by byte; returns the filter types seen.
std::vector<std::uint8_t> unfilter(const codecs::ByteBuffer& filtered, int height, std::size_t rowBytes, int bpp, std::vector<int>* types) {
  std::vector<std::uint8_t> out(static_cast<std::size_t>(height) * rowBytes);
  const std::size_t B = static_cast<std::size_t>(bpp);
  for (int y = 0; y < height; ++y) {
    const std::uint8_t* in = filtered.data() + static_cast<std::size_t>(y) * (rowBytes + 1);
    const int type = in[0];
    types->push_back(type);
    std::uint8_t* row = &out[static_cast<std::size_t>(y) * rowBytes];
    const std::uint8_t* up = y ? row - rowBytes : nullptr;
    for (std::size_t i = 0; i < rowBytes; ++i) {
      const int a = i >= B ? row[i - B] : 0, b = up ? up[i] : 0, c = (up && i >= B) ? up[i - B] : 0;
      int pred = 0;
      switch (type) {
        case 1: pred = a; break;
        case 2: pred = b; break;
        case 3: pred = (a + b) / 2; break;
        case 4: pred = paethReference(a, b, c); break;
        default: break;
      }
      row[i] = static_cast<std::uint8_t>(in[1 + i] + pred);
    }
  }
  return out;
}

}  // namespace

TEST_CASE("PNG filters: every row undoes to the pixels, for 1 to 4 bytes a pixel and odd widths") {
  // Areas that favour each filter: flat rows (none/up), horizontal gradients (sub),
  // vertical gradients (up), smooth 2-D ramps (average, Paeth) and noise.
  auto mixed = [](int x, int y) {
    const std::uint32_t h = pptest::positionHash(x, y);
    const int band = y / 8 % 5;
    auto v = [&](int k) -> std::uint8_t {
      switch (band) {
        case 0: return static_cast<std::uint8_t>(40 * k);
        case 1: return static_cast<std::uint8_t>(x * 3 + k);
        case 2: return static_cast<std::uint8_t>(y * 5 + k);
        case 3: return static_cast<std::uint8_t>(x * 2 + y * 3 + k);
        default: return static_cast<std::uint8_t>(h >> (8 * k));
      }
    };
    return Rgba{v(0), v(1), v(2), v(3)};
  };
  std::vector<int> allTypes;
  for (int bpp = 1; bpp <= 4; ++bpp)
    for (int w : {1, 3, 31, 33, 77, 200}) {
      CAPTURE(bpp);
      CAPTURE(w);
      const int h = 40;
      auto px = pixels(w, h, bpp, mixed);
      const std::size_t rowBytes = static_cast<std::size_t>(w) * bpp;
      codecs::ByteBuffer filtered(7, 42);  // left over from an earlier use
      codecs::filterRows(px.data(), h, rowBytes, bpp, true, filtered);
      REQUIRE(filtered.size() == static_cast<std::size_t>(h) * (rowBytes + 1));
      std::vector<int> types;
      CHECK(unfilter(filtered, h, rowBytes, bpp, &types) == px);
      allTypes.insert(allTypes.end(), types.begin(), types.end());

      codecs::filterRows(px.data(), h, rowBytes, bpp, false, filtered);
      types.clear();
      CHECK(unfilter(filtered, h, rowBytes, bpp, &types) == px);
      CHECK(std::all_of(types.begin(), types.end(), [](int t) { return t == 0; }));
    }
  for (int type = 0; type <= 4; ++type) {
    CAPTURE(type);
    CHECK(std::count(allTypes.begin(), allTypes.end(), type) > 0);
  }
}

TEST_CASE("encodePng round-trips: gray, gray+alpha, RGB, RGBA, and indexed when <= 256 colours") {
  for (int ch = 1; ch <= 4; ++ch)
    for (bool fewColours : {false, true}) {
      CAPTURE(ch);
      CAPTURE(fewColours);
      codecs::Image im;
      im.width = 61;
      im.height = 23;
      im.channels = ch;
      // A translucent colour, so that an indexed RGBA picture keeps its alpha (tRNS).
      const auto px = pixels(im.width, im.height, ch, fewColours ? halves({255, 0, 0, 128}) : photo());
      im.pixels.assign(px.begin(), px.end());
      auto png = codecs::encodePng(im, nullptr);
      REQUIRE(png);
      codecs::Decoded d = codecs::decodePng(*png, {});
      REQUIRE(d.ok());
      CHECK(d.image.channels == ch);
      CHECK(d.image.pixels == im.pixels);
      const int colourType = static_cast<std::uint8_t>((*png)[25]);
      CHECK((colourType == 3) == (fewColours && ch >= 3));
    }
}
