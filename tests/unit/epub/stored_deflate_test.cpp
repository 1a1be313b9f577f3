// StoredDeflateReader: a file range as a raw deflate stream of stored blocks, which zlib (the
// reference inflater) gives back as the range's bytes, with the range's CRC-32 once read.
#include <doctest/doctest.h>

#include <zlib.h>

#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "epub/stored_deflate.h"
#include "postpress/support/deflate.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

using namespace pp;
using pp::epub::StoredDeflateReader;
using pptest::TempDir;

namespace {

// Bytes that differ at every position (a misplaced piece shows).
std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 251) & 0xFF);
  return s;
}

// The whole stream, asked `ask` bytes at a time; `failed` on an error.
std::string readAll(StoredDeflateReader& r, std::size_t ask, bool* failed) {
  std::string out;
  std::vector<char> piece(ask);
  *failed = false;
  for (;;) {
    const long long n = r.read(piece.data(), ask);
    if (n < 0) return *failed = true, out;
    if (n == 0) return out;
    out.append(piece.data(), static_cast<std::size_t>(n));
  }
}

// zlib's raw inflate of `stream`, which must end exactly at its end.
std::string inflateRaw(const std::string& stream, std::size_t expected) {
  z_stream z{};
  REQUIRE(inflateInit2(&z, -15) == Z_OK);
  std::string out(expected + 1, '\0');
  z.next_in = reinterpret_cast<Bytef*>(const_cast<char*>(stream.data()));
  z.avail_in = static_cast<uInt>(stream.size());
  z.next_out = reinterpret_cast<Bytef*>(out.data());
  z.avail_out = static_cast<uInt>(out.size());
  const int rc = inflate(&z, Z_FINISH);
  CHECK(rc == Z_STREAM_END);
  CHECK(z.avail_in == 0);
  out.resize(out.size() - z.avail_out);
  inflateEnd(&z);
  return out;
}

}  // namespace

TEST_CASE("a range becomes stored blocks that inflate to its bytes, with its CRC once read") {
  TempDir dir;
  const std::string all = pattern(300000);
  const fs::path file = dir.path / "picture.png";
  REQUIRE(writeFileAtomic(file, all));
  for (const std::size_t length : {std::size_t{0}, std::size_t{1}, std::size_t{65534}, std::size_t{65535},
                                   std::size_t{65536}, std::size_t{131070}, std::size_t{200001}}) {
    for (const std::size_t ask : {std::size_t{1}, std::size_t{4}, std::size_t{8192}, std::size_t{1} << 20}) {
      CAPTURE(length);
      CAPTURE(ask);
      const std::string bytes = all.substr(7, length);
      StoredDeflateReader r(FileRange{file, 7, length, contentHash(bytes)});
      CHECK_FALSE(r.finished());
      bool failed = false;
      const std::string stream = readAll(r, ask, &failed);
      REQUIRE_FALSE(failed);
      CHECK(stream.size() == StoredDeflateReader::streamSize(length));
      CHECK(r.finished());
      CHECK(r.crc() == crc32Of(bytes));
      CHECK(inflateRaw(stream, length) == bytes);
    }
  }
  CHECK(StoredDeflateReader::streamSize(0) == 5);
  CHECK(StoredDeflateReader::streamSize(65535) == 65540);
  CHECK(StoredDeflateReader::streamSize(65536) == 65546);
}

TEST_CASE("rewound, the stream is given again from its start") {
  TempDir dir;
  const std::string all = pattern(100000);
  const fs::path file = dir.path / "picture.jpg";
  REQUIRE(writeFileAtomic(file, all));
  StoredDeflateReader r(FileRange{file, 0, all.size(), contentHash(all)});
  char head[10];
  REQUIRE(r.read(head, sizeof head) == 10);
  r.rewind();
  CHECK_FALSE(r.finished());
  bool failed = false;
  const std::string stream = readAll(r, 4096, &failed);
  REQUIRE_FALSE(failed);
  CHECK(inflateRaw(stream, all.size()) == all);
  CHECK(r.crc() == crc32Of(all));
}

TEST_CASE("a range whose bytes changed or whose file is gone fails, naming the file") {
  TempDir dir;
  const std::string all = pattern(70000);
  const fs::path file = dir.path / "rendition.png";
  REQUIRE(writeFileAtomic(file, all));
  const FileRange range{file, 0, all.size(), contentHash(all)};

  std::string changed = all;
  changed[68000] = static_cast<char>(changed[68000] ^ 1);
  REQUIRE(writeFileAtomic(file, changed));
  StoredDeflateReader altered(range);
  bool failed = false;
  readAll(altered, 8192, &failed);
  CHECK(failed);
  CHECK_FALSE(altered.finished());
  CHECK(altered.error().find("rendition.png") != std::string::npos);

  fs::remove(file);
  StoredDeflateReader gone(range);
  readAll(gone, 8192, &failed);
  CHECK(failed);
  CHECK(gone.error().find("rendition.png") != std::string::npos);
}
