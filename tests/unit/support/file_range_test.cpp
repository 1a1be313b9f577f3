// FileRangeReader: a range of a file read when it is written out, its bytes checked against
// the hash they had when they were chosen.
#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "postpress/support/file_range.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

using namespace pp;
using pptest::TempDir;

namespace {

// Bytes that differ at every position (a misplaced piece shows).
std::string pattern(std::size_t n) {
  std::string s(n, '\0');
  for (std::size_t i = 0; i < n; ++i) s[i] = static_cast<char>((i * 131 + i / 251) & 0xFF);
  return s;
}

FileRange rangeOf(const fs::path& file, const std::string& all, std::size_t offset, std::size_t length) {
  return FileRange{file, offset, length, contentHash(std::string_view(all).substr(offset, length))};
}

// Everything the reader gives, asking `ask` bytes at a time; "" and `failed` on an error.
std::string readAll(FileRangeReader& r, std::size_t ask, bool* failed) {
  std::string out;
  std::vector<char> piece(ask);
  *failed = false;
  for (;;) {
    const long long n = r.read(piece.data(), ask);
    if (n < 0) return *failed = true, std::string();
    if (n == 0) return out;
    out.append(piece.data(), static_cast<std::size_t>(n));
  }
}

}  // namespace

TEST_CASE("a file range is read whole, in small or large requests, and again after a rewind") {
  TempDir dir;
  const fs::path file = dir.path / "image.png";
  const std::string all = pattern(700000);  // several of the reader's 128 KB pieces
  pptest::writeWholeFile(file, all);
  for (std::size_t ask : {std::size_t{1}, std::size_t{4096}, std::size_t{8192}, std::size_t{1} << 20}) {
    CAPTURE(ask);
    FileRangeReader r(rangeOf(file, all, 1234, 600000));
    bool failed = false;
    CHECK(readAll(r, ask == 1 ? 4093 : ask, &failed) == all.substr(1234, 600000));
    CHECK_FALSE(failed);
    CHECK(r.error().empty());
    CHECK(r.position() == 600000);
    r.rewind();
    CHECK(r.position() == 0);
    CHECK(readAll(r, ask == 1 ? 65537 : ask, &failed) == all.substr(1234, 600000));
    CHECK_FALSE(failed);
  }
  SUBCASE("an empty range gives nothing") {
    FileRangeReader r(FileRange{file, 10, 0, contentHash("")});
    char c;
    CHECK(r.read(&c, 1) == 0);
  }
}

TEST_CASE("a file range that no longer holds its bytes fails at its end, naming the file") {
  TempDir dir;
  const fs::path file = dir.path / "image.png";
  const std::string all = pattern(300000);
  pptest::writeWholeFile(file, all);
  const FileRange range = rangeOf(file, all, 100, 250000);
  bool failed = false;

  SUBCASE("one byte changed, the length the same") {
    std::string changed = all;
    changed[200000] = static_cast<char>(changed[200000] ^ 1);
    pptest::writeWholeFile(file, changed);
    FileRangeReader r(range);
    CHECK(readAll(r, 8192, &failed).empty());
    CHECK(failed);
    CHECK(r.error().find("image.png") != std::string::npos);
    CHECK(r.error().find("changed") != std::string::npos);
    char c;
    CHECK(r.read(&c, 1) == -1);  // stays failed
  }
  SUBCASE("a byte changed outside the range is no concern of it") {
    std::string changed = all;
    changed[5] = 'x';
    changed[299999] = 'y';
    pptest::writeWholeFile(file, changed);
    FileRangeReader r(range);
    CHECK(readAll(r, 8192, &failed) == all.substr(100, 250000));
    CHECK_FALSE(failed);
  }
  SUBCASE("the file cut short") {
    pptest::writeWholeFile(file, all.substr(0, 1000));
    FileRangeReader r(range);
    CHECK(readAll(r, 8192, &failed).empty());
    CHECK(failed);
    CHECK(r.error().find("shorter") != std::string::npos);
  }
  SUBCASE("the file gone") {
    fs::remove(file);
    FileRangeReader r(range);
    CHECK(readAll(r, 8192, &failed).empty());
    CHECK(failed);
    CHECK(r.error().find("image.png") != std::string::npos);
  }
  SUBCASE("replaced by rename while being read: the descriptor keeps the old bytes") {
    FileRangeReader r(range);
    std::vector<char> piece(1000);
    REQUIRE(r.read(piece.data(), piece.size()) == 1000);
    REQUIRE(writeFileAtomic(file, pattern(10)));
    std::string rest = readAll(r, 8192, &failed);
    CHECK_FALSE(failed);
    CHECK(std::string(piece.data(), piece.size()) + rest == all.substr(100, 250000));
  }
  SUBCASE("a forged hash is refused") {
    FileRangeReader r(FileRange{file, 100, 250000, contentHash("something else")});
    CHECK(readAll(r, 8192, &failed).empty());
    CHECK(failed);
  }
}
