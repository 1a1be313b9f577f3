// FileHashMemo: a file's hash remembered between builds by its version (device, inode, size,
// times), never given for a file changed since, and a damaged or forged memo not believed.
#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "common/temp_dir.h"
#include "common/whole_file.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"
#include "postpress/support/hash_memo.h"

using namespace pp;
using pptest::readWholeFile;
using pptest::TempDir;
using pptest::writeWholeFile;

namespace {

constexpr std::chrono::nanoseconds kNoRacyWindow{0};

// The hash a memo kept in `memoFile` gives for `file` (hashFile with the memo), then saved.
std::string hashWith(const fs::path& memoFile, const fs::path& file, std::chrono::nanoseconds racy = kNoRacyWindow) {
  FileHashMemo memo(memoFile, racy);
  const std::optional<std::string> h = hashFile(file, nullptr, 1u << 20, &memo);
  memo.save();
  return h.value_or("unreadable");
}

// The version a memo holds for `file`, as its next build would find it.
std::optional<std::string> remembered(const fs::path& memoFile, const fs::path& file) {
  const std::optional<FileVersion> v = FileVersion::of(file);
  REQUIRE(v);
  FileHashMemo memo(memoFile, kNoRacyWindow);
  return memo.find(file, *v);
}

}  // namespace

TEST_CASE("hash memo: a file's hash is remembered by its version, and given again without reading it") {
  TempDir dir;
  const fs::path file = dir.path / "picture.png", memoFile = dir.path / "memo";
  writeWholeFile(file, "the picture's bytes");
  CHECK(hashWith(memoFile, file) == contentHash("the picture's bytes"));
  CHECK(remembered(memoFile, file) == contentHash("the picture's bytes"));
  // A version that is not the file's gets nothing (an entry names one version of one file).
  FileVersion other = *FileVersion::of(file);
  other.size += 1;
  FileHashMemo memo(memoFile, kNoRacyWindow);
  CHECK_FALSE(memo.find(file, other));
  CHECK_FALSE(memo.find(dir.path / "another.png", *FileVersion::of(file)));
}

TEST_CASE("hash memo: a file changed since is read and hashed again, whatever its size and times") {
  TempDir dir;
  const fs::path file = dir.path / "font.ttf", memoFile = dir.path / "memo";
  writeWholeFile(file, "version one");
  const auto modified = fs::last_write_time(file);
  REQUIRE(hashWith(memoFile, file) == contentHash("version one"));
  // Same size, the modification time put back: the status-change time still moves.
  writeWholeFile(file, "version two");
  fs::last_write_time(file, modified);
  CHECK(hashWith(memoFile, file) == contentHash("version two"));
  // Replaced by another file under the same name (a new inode).
  writeWholeFile(dir.path / "new", "version three");
  fs::rename(dir.path / "new", file);
  CHECK(hashWith(memoFile, file) == contentHash("version three"));
}

TEST_CASE("hash memo: a file changed just before it was hashed is not remembered") {
  TempDir dir;
  const fs::path file = dir.path / "source.png", memoFile = dir.path / "memo";
  writeWholeFile(file, "written a moment ago");
  CHECK(hashWith(memoFile, file, std::chrono::seconds(2)) == contentHash("written a moment ago"));
  CHECK_FALSE(remembered(memoFile, file));
}

TEST_CASE("hash memo: a damaged or forged memo is not believed") {
  TempDir dir;
  const fs::path file = dir.path / "source.png", memoFile = dir.path / "memo";
  writeWholeFile(file, "bytes");
  REQUIRE(hashWith(memoFile, file) == contentHash("bytes"));
  std::string kept = readWholeFile(memoFile);
  REQUIRE(kept.find(contentHash("bytes")) != std::string::npos);

  SUBCASE("a flipped byte") {
    kept[kept.size() / 2] ^= 0x20;
    writeWholeFile(memoFile, kept);
    CHECK_FALSE(remembered(memoFile, file));
    CHECK(hashWith(memoFile, file) == contentHash("bytes"));
  }
  SUBCASE("cut short") {
    writeWholeFile(memoFile, kept.substr(0, kept.size() - 5));
    CHECK_FALSE(remembered(memoFile, file));
  }
  SUBCASE("a hash that is not hex, which would name files outside their folder") {
    // Framed and hashed as the memo is, so only the content check can refuse it.
    std::string forged = kept.substr(0, kept.size() - 32);
    forged.replace(forged.find(contentHash("bytes")), 32, "../../../../../../etc/passwd....");
    writeWholeFile(memoFile, forged + contentHash(forged));
    CHECK_FALSE(remembered(memoFile, file));
  }
}

TEST_CASE("hash memo: a save keeps what this build asked for and drops the rest") {
  TempDir dir;
  const fs::path a = dir.path / "a", b = dir.path / "b", memoFile = dir.path / "memo";
  writeWholeFile(a, "a");
  writeWholeFile(b, "b");
  {
    FileHashMemo memo(memoFile, kNoRacyWindow);
    REQUIRE(hashFile(a, nullptr, 100, &memo));
    REQUIRE(hashFile(b, nullptr, 100, &memo));
    memo.save();
  }
  CHECK(remembered(memoFile, a));
  CHECK(remembered(memoFile, b));
  hashWith(memoFile, a);  // a build that reads only `a`
  CHECK(remembered(memoFile, a));
  CHECK_FALSE(remembered(memoFile, b));
}

TEST_CASE("hash memo: without a file, nothing is kept between builds") {
  TempDir dir;
  const fs::path file = dir.path / "f";
  writeWholeFile(file, "x");
  FileHashMemo memo({}, kNoRacyWindow);
  CHECK(hashFile(file, nullptr, 10, &memo) == contentHash("x"));
  CHECK(memo.find(file, *FileVersion::of(file)) == contentHash("x"));  // within the build
  memo.save();
  CHECK(std::distance(fs::directory_iterator(dir.path), fs::directory_iterator()) == 1);
}
