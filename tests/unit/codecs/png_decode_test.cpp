// The PNG decoders (the plain path, then libspng): every colour type and bit depth to 8-bit
// samples with the file's own channel count, as stb_image gave them before, and clear failures.
#include <stb_image.h>
#include <zlib.h>

#include <filesystem>

#include "codecs/decode.h"
#include "postpress/codecs.h"
#include "postpress/support/files.h"
#include "test_images.h"

using namespace pptest;
namespace fs = std::filesystem;
namespace codecs = pp::codecs;

namespace {

std::string be32(std::uint32_t v) {
  return {static_cast<char>(v >> 24), static_cast<char>(v >> 16), static_cast<char>(v >> 8), static_cast<char>(v)};
}

std::string pngChunk(const std::string& type, const std::string& data) {
  std::string body = type + data;
  const uLong crc = crc32(0L, reinterpret_cast<const Bytef*>(body.data()), static_cast<uInt>(body.size()));
  return be32(static_cast<std::uint32_t>(data.size())) + body + be32(static_cast<std::uint32_t>(crc));
}

// A non-interlaced PNG from scanlines already filtered (each led by its filter byte).
std::string filteredPng(int w, int h, int depth, int colourType, const std::string& filtered, const std::string& extra = "") {
  std::string ihdr = be32(static_cast<std::uint32_t>(w)) + be32(static_cast<std::uint32_t>(h));
  ihdr += static_cast<char>(depth);
  ihdr += static_cast<char>(colourType);
  ihdr += std::string(3, '\0');
  uLongf n = compressBound(static_cast<uLong>(filtered.size()));
  std::string z(n, '\0');
  REQUIRE(compress(reinterpret_cast<Bytef*>(z.data()), &n, reinterpret_cast<const Bytef*>(filtered.data()),
                   static_cast<uLong>(filtered.size())) == Z_OK);
  z.resize(n);
  return std::string("\x89PNG\r\n\x1a\n", 8) + pngChunk("IHDR", ihdr) + extra + pngChunk("IDAT", z) + pngChunk("IEND", "");
}

// A non-interlaced PNG from raw scanlines (filter byte 0 added here); `extra` goes before IDAT.
std::string rawPng(int w, int h, int depth, int colourType, const std::string& rows, const std::string& extra = "") {
  const std::size_t rowBytes = rows.size() / static_cast<std::size_t>(h);
  std::string filtered;
  for (int y = 0; y < h; ++y) filtered += '\0' + rows.substr(static_cast<std::size_t>(y) * rowBytes, rowBytes);
  return filteredPng(w, h, depth, colourType, filtered, extra);
}

std::vector<std::uint8_t> stbPixels(const std::string& png, int* channels) {
  int w = 0, h = 0;
  unsigned char* px = stbi_load_from_memory(reinterpret_cast<const stbi_uc*>(png.data()), static_cast<int>(png.size()), &w, &h, channels, 0);
  REQUIRE(px);
  std::vector<std::uint8_t> out(px, px + static_cast<std::size_t>(w) * h * *channels);
  stbi_image_free(px);
  return out;
}

}  // namespace

TEST_CASE("PNG decoding of the fixtures (interlaced RGBA, 16-bit RGB, palette with tRNS) gives what stb_image did") {
  for (std::string name : {"interlaced-rgba.png", "rgb16.png", "palette-trns.png"}) {
    CAPTURE(name);
    auto bytes = pp::readFile(fs::path(PP_TEST_DATA) / "images" / name);
    REQUIRE(bytes);
    codecs::Decoded d = codecs::decodePng(*bytes, {});
    REQUIRE(d.ok());
    int channels = 0;
    auto expected = stbPixels(*bytes, &channels);
    CHECK(d.image.width == 24);
    CHECK(d.image.height == 16);
    CHECK(d.image.channels == channels);
    CHECK(bytesOf(d.image.pixels) == expected);
  }
}

TEST_CASE("PNG colour types: gray, gray+tRNS, 16-bit gray, gray+alpha, palette, RGB+tRNS") {
  struct Case {
    const char* what;
    int depth, type, channels;
    std::string rows, extra;
  };
  const std::string plte = pngChunk("PLTE", std::string("\xff\0\0\0\0\xff", 6));
  std::vector<Case> cases = {
      {"gray 8", 8, 0, 1, std::string("\x10\x80\xf0\x00", 4), ""},
      {"gray 8 + tRNS", 8, 0, 2, std::string("\x10\x80\xf0\x00", 4), pngChunk("tRNS", std::string("\0\x80", 2))},
      {"gray 16", 16, 0, 1, std::string("\x10\x01\x80\x02\xf0\x03\x00\x04", 8), ""},
      {"gray 2-bit", 2, 0, 1, std::string("\x1b\x1b", 2), ""},
      {"gray+alpha 8", 8, 4, 2, std::string("\x10\xff\x80\x00\xf0\x40\x00\x80", 8), ""},
      {"palette", 8, 3, 3, std::string("\0\1\1\0", 4), plte},
      {"RGB + tRNS", 8, 2, 4, std::string("\1\2\3\4\5\6\1\2\3\7\7\7", 12), pngChunk("tRNS", std::string("\0\1\0\2\0\3", 6))},
  };
  for (const auto& c : cases) {
    CAPTURE(c.what);
    const int w = 2, h = 2;
    const std::string png = rawPng(w, h, c.depth, c.type, c.rows, c.extra);
    codecs::Decoded d = codecs::decodePng(png, {});
    REQUIRE(d.ok());
    CHECK(d.image.channels == c.channels);
    int channels = 0;
    auto expected = stbPixels(png, &channels);
    CHECK(channels == c.channels);
    CHECK(bytesOf(d.image.pixels) == expected);
  }
}

TEST_CASE("PNG failures: truncated, bad CRC on IHDR, over the size limit before allocating") {
  const std::string good = makePng(64, 40, 3, photo());
  CHECK(codecs::decodePng(good, {}).ok());
  codecs::Decoded half = codecs::decodePng(good.substr(0, good.size() / 2), {});
  CHECK_FALSE(half.ok());
  CHECK(half.failure == codecs::DecodeFailure::Corrupt);
  CHECK(half.message.find("PNG") != std::string::npos);

  std::string badCrc = good;
  badCrc[29] = static_cast<char>(badCrc[29] ^ 0x55);  // IHDR's CRC
  CHECK(codecs::decodePng(badCrc, {}).failure == codecs::DecodeFailure::Corrupt);

  codecs::DecodeHint limits;
  limits.maxDimension = 50;
  codecs::Decoded big = codecs::decodePng(good, limits);
  CHECK(big.failure == codecs::DecodeFailure::TooLarge);
  limits = {};
  limits.maxPixels = 1000;
  CHECK(codecs::decodePng(good, limits).failure == codecs::DecodeFailure::TooLarge);
}

TEST_CASE("the plain PNG path (libdeflate, our unfiltering) decodes as libspng does, and leaves it what it cannot take") {
  // Every filter type (our encoder picks per row), every pixel size, a palette.
  auto mixed = [](int x, int y) {
    const std::uint32_t h = pptest::positionHash(x, y);
    const int band = y / 6 % 4;
    auto v = [&](int k) -> std::uint8_t {
      if (band == 0) return static_cast<std::uint8_t>(x * 3 + k);
      if (band == 1) return static_cast<std::uint8_t>(y * 5 + k);
      if (band == 2) return static_cast<std::uint8_t>(x * 2 + y * 3 + k * 40);
      return static_cast<std::uint8_t>(h >> (8 * k));
    };
    return Rgba{v(0), v(1), v(2), v(3)};
  };
  for (int ch = 1; ch <= 4; ++ch)
    for (bool fewColours : {false, true}) {
      CAPTURE(ch);
      CAPTURE(fewColours);
      codecs::Image im;
      im.width = 57;
      im.height = 48;
      im.channels = ch;
      const auto px = pixels(im.width, im.height, ch, fewColours ? halves({255, 0, 0, 128}) : mixed);
      im.pixels.assign(px.begin(), px.end());
      auto png = codecs::encodePng(im, nullptr);
      REQUIRE(png);
      auto plain = codecs::decodePlainPng(*png, {});
      REQUIRE(plain);
      codecs::Decoded reference = codecs::decodePngWithSpng(*png, {});
      REQUIRE(reference.ok());
      CHECK(plain->image.channels == reference.image.channels);
      CHECK(plain->image.pixels == reference.image.pixels);
      CHECK(plain->image.pixels == im.pixels);
    }
  // The palette fixture (8-bit indices, tRNS) goes the plain way; 16-bit and interlaced not.
  for (std::string name : {"interlaced-rgba.png", "rgb16.png", "palette-trns.png"}) {
    CAPTURE(name);
    auto bytes = pp::readFile(fs::path(PP_TEST_DATA) / "images" / name);
    REQUIRE(bytes);
    auto plain = codecs::decodePlainPng(*bytes, {});
    CHECK(plain.has_value() == (name == "palette-trns.png"));
    if (plain) CHECK(plain->image.pixels == codecs::decodePngWithSpng(*bytes, {}).image.pixels);
  }
}

TEST_CASE("the plain PNG path unfilters every filter type as libspng does, at every pixel size and width") {
  // Random filtered bytes are a valid PNG whatever the filters: each row gets a filter type
  // in turn, then runs of three of a type (a row's predictions building on rows of its own
  // kind; Paeth rows are decoded two at a time, and a run of three leaves one alone), then
  // eight Paeth rows to the end; widths from one pixel up (the first pixel has no left
  // neighbour; the last of an RGB row ends the buffer).
  for (int colourType : {0, 4, 2, 6}) {
    const int spp = colourType == 0 ? 1 : colourType == 4 ? 2 : colourType == 2 ? 3 : 4;
    for (int w : {1, 2, 3, 5, 16, 33, 100}) {
      CAPTURE(colourType);
      CAPTURE(w);
      const int h = 31;
      const std::size_t rowBytes = static_cast<std::size_t>(w) * spp;
      std::string filtered;
      for (int y = 0; y < h; ++y) {
        filtered += static_cast<char>(y < 10 ? y % 5 : y < 23 ? y / 3 % 5 : 4);
        for (std::size_t x = 0; x < rowBytes; ++x)
          filtered += static_cast<char>(pptest::positionHash(static_cast<int>(x), y, static_cast<std::uint32_t>(w)) >> 13);
      }
      const std::string png = filteredPng(w, h, 8, colourType, filtered);
      auto plain = codecs::decodePlainPng(png, {});
      REQUIRE(plain);
      codecs::Decoded reference = codecs::decodePngWithSpng(png, {});
      REQUIRE(reference.ok());
      CHECK(plain->image.pixels == reference.image.pixels);
    }
  }
}

TEST_CASE("the plain PNG path refuses what is wrong and libspng gives the verdict") {
  codecs::Image im = codecs::Image::blank(40, 30, 3);
  for (std::size_t i = 0; i < im.pixels.size(); ++i) im.pixels[i] = static_cast<std::uint8_t>(i * 7 % 251);
  const std::string png = *codecs::encodePng(im, nullptr);
  REQUIRE(codecs::decodePlainPng(png, {}));

  // Truncated: the stream ends early.
  CHECK_FALSE(codecs::decodePlainPng(png.substr(0, png.size() - 40), {}));
  CHECK(codecs::decodePng(png.substr(0, png.size() - 40), {}).failure == codecs::DecodeFailure::Corrupt);

  // A row with filter type 7: rebuilt with a valid CRC, so only the filter is wrong.
  std::string rows;
  for (int y = 0; y < 30; ++y)
    rows += std::string(reinterpret_cast<const char*>(im.row(y)), im.rowBytes());
  std::string bad = rawPng(40, 30, 8, 2, rows);
  REQUIRE(codecs::decodePlainPng(bad, {}));
  auto parts = codecs::readPngParts(bad);
  REQUIRE(parts);
  std::string raw(30 * (im.rowBytes() + 1), '\0');
  uLongf n = static_cast<uLongf>(raw.size());
  REQUIRE(uncompress(reinterpret_cast<Bytef*>(raw.data()), &n, reinterpret_cast<const Bytef*>(parts->idat.data()),
                     static_cast<uLong>(parts->idat.size())) == Z_OK);
  raw[5 * (im.rowBytes() + 1)] = 7;
  uLongf zn = compressBound(static_cast<uLong>(raw.size()));
  std::string z(zn, '\0');
  REQUIRE(compress(reinterpret_cast<Bytef*>(z.data()), &zn, reinterpret_cast<const Bytef*>(raw.data()), static_cast<uLong>(raw.size())) == Z_OK);
  z.resize(zn);
  parts->idat = z;
  const std::string badFilter = codecs::assemblePng(*parts);
  CHECK_FALSE(codecs::decodePlainPng(badFilter, {}));
  CHECK(codecs::decodePng(badFilter, {}).failure == codecs::DecodeFailure::Corrupt);

  // Over the limits: not decoded here either.
  codecs::DecodeHint limits;
  limits.maxPixels = 100;
  CHECK_FALSE(codecs::decodePlainPng(png, limits));
  CHECK(codecs::decodePng(png, limits).failure == codecs::DecodeFailure::TooLarge);
}

TEST_CASE("PNG parts: one IDAT chunk is found in place, several are joined") {
  std::string rows(20 * (3 * 10 + 1), '\0');
  for (std::size_t i = 0; i < rows.size(); ++i) rows[i] = static_cast<char>(i % 31);
  const std::string png = rawPng(10, 20, 8, 2, rows);
  const auto joined = codecs::readPngParts(png);
  const auto inPlace = codecs::readPngParts(png, false);
  REQUIRE(joined);
  REQUIRE(inPlace);
  CHECK(inPlace->idat.empty());
  REQUIRE(inPlace->idatLength == joined->idat.size());
  CHECK(png.substr(inPlace->idatOffset, inPlace->idatLength) == joined->idat);

  // The same data in two IDAT chunks: nothing lies in place, both ways join them.
  const std::size_t chunk = inPlace->idatOffset - 8;  // the IDAT chunk's length field
  const std::string& data = joined->idat;
  std::string split = png.substr(0, chunk);
  codecs::appendPngChunk(split, "IDAT", std::string_view(data).substr(0, 5));
  codecs::appendPngChunk(split, "IDAT", std::string_view(data).substr(5));
  split += png.substr(inPlace->idatOffset + inPlace->idatLength + 4);
  for (bool join : {true, false}) {
    const auto parts = codecs::readPngParts(split, join);
    REQUIRE(parts);
    CHECK(parts->idat == data);
    CHECK(parts->idatLength == 0);
  }
}
