// Deflate helpers (postpress/deflate.h): streams that zlib reads back, and the CRC-32 that ZIP
// entries and PNG chunks carry.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>

#include "postpress/support/deflate.h"

namespace {

// Inflates with zlib: windowBits 15 reads a zlib stream, -15 a raw deflate stream.
std::string inflateWith(const std::string& in, int windowBits, std::size_t size) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, windowBits) == Z_OK);
  std::string out(size + 16, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(in.data()));
  z.avail_in = static_cast<uInt>(in.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  out.resize(z.total_out);
  inflateEnd(&z);
  CHECK(rc == Z_STREAM_END);
  return out;
}

}  // namespace

TEST_CASE("raw deflate and zlib streams read back as the input") {
  std::string text;
  for (int i = 0; i < 2000; ++i) text += "<p>line " + std::to_string(i * 7919 % 1000) + " of the chapter</p>\n";
  auto raw = pp::deflateRaw(text, 9);
  REQUIRE(raw);
  CHECK(raw->size() < text.size() / 3);
  CHECK(inflateWith(*raw, -15, text.size()) == text);
  auto wrapped = pp::zlibCompress(text);
  REQUIRE(wrapped);
  CHECK(inflateWith(*wrapped, 15, text.size()) == text);
  auto empty = pp::deflateRaw("", 9);
  REQUIRE(empty);
  CHECK(inflateWith(*empty, -15, 0).empty());
}

TEST_CASE("crc32Of is the CRC-32 of ZIP and PNG") {
  CHECK(pp::crc32Of("123456789") == 0xCBF43926u);  // the standard check value
  CHECK(pp::crc32Of("") == 0u);
  const std::string text(100000, 'x');
  CHECK(pp::crc32Of(text) == static_cast<std::uint32_t>(crc32(0, reinterpret_cast<const Bytef*>(text.data()),
                                                               static_cast<uInt>(text.size()))));
}

TEST_CASE("zlibInflatesTo accepts a stream only for exactly what it holds") {
  using namespace pp;
  std::string text;
  for (int i = 0; i < 500; ++i) text += "line " + std::to_string(i) + " of a font program\n";
  const std::string z = zlibCompress(text).value();
  CHECK(zlibInflatesTo(z, text));
  CHECK_FALSE(zlibInflatesTo(z, text.substr(0, text.size() - 1)));  // holds more than expected
  CHECK_FALSE(zlibInflatesTo(z, text + "x"));                         // holds less
  std::string other = text;
  other[100] = '#';
  CHECK_FALSE(zlibInflatesTo(z, other));
  CHECK_FALSE(zlibInflatesTo(z.substr(0, z.size() - 3), text));  // truncated
  std::string flipped = z;
  flipped[z.size() / 2] = static_cast<char>(flipped[z.size() / 2] ^ 0x21);
  CHECK_FALSE(zlibInflatesTo(flipped, text));
  CHECK_FALSE(zlibInflatesTo("", text));
  CHECK(zlibInflatesTo(zlibCompress("").value(), ""));
}
