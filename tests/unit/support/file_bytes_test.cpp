// FileBytes: a file's bytes read whole (mapped when very large), narrowed without copying.
#include <doctest/doctest.h>
#include <stdio_ext.h>
#include <unistd.h>

#include <cstring>
#include <fstream>
#include <thread>

#include "common/temp_dir.h"
#include "postpress/support/files.h"
#include "postpress/support/hash.h"

using namespace pp;
using pptest::TempDir;

TEST_CASE("FileBytes reads a file, narrows to a part of it, and moves with its bytes") {
  TempDir dir;
  const fs::path file = dir.path / "a.bin";
  std::string content(100000, '\0');
  for (std::size_t i = 0; i < content.size(); ++i) content[i] = static_cast<char>(i * 7);
  REQUIRE(writeFileAtomic(file, content));

  auto bytes = FileBytes::open(file);
  REQUIRE(bytes);
  CHECK(bytes->view() == content);
  bytes->narrow(4096, 10);
  CHECK(bytes->view() == std::string_view(content).substr(4096, 10));
  bytes->narrow(2, 100);  // within the narrowed part, clamped to it
  CHECK(bytes->view() == std::string_view(content).substr(4098, 8));

  // Replaced by rename (as the cache and writeFileAtomic do): the bytes read stay the old ones.
  REQUIRE(writeFileAtomic(file, "new"));
  FileBytes moved = std::move(*bytes);
  CHECK(moved.view() == std::string_view(content).substr(4098, 8));
  CHECK(bytes->empty());
  CHECK(FileBytes::open(file)->view() == "new");
}

TEST_CASE("FileBytes maps a file larger than it reads whole") {
  TempDir dir;
  const fs::path file = dir.path / "sparse.bin";
  const std::size_t size = FileBytes::kReadWholeBytes + 4096;
  {
    std::ofstream out(file, std::ios::binary);
    out.seekp(static_cast<std::streamoff>(size - 3));
    out.write("end", 3);  // the rest a hole: no disk used
  }
  auto bytes = FileBytes::open(file);
  REQUIRE(bytes);
  REQUIRE(bytes->size() == size);
  CHECK(bytes->view().substr(size - 3) == "end");
  CHECK(bytes->view()[0] == '\0');
  bytes->narrow(size - 3, 3);
  FileBytes moved = std::move(*bytes);
  CHECK(moved.view() == "end");
}

TEST_CASE("FileBytes reads what it cannot map and refuses what it cannot read") {
  TempDir dir;
  const fs::path empty = dir.path / "empty";
  { std::ofstream(empty, std::ios::binary); }
  auto none = FileBytes::open(empty);
  REQUIRE(none);
  CHECK(none->empty());

  std::string err;
  CHECK_FALSE(FileBytes::open(dir.path / "missing", &err));
  CHECK_FALSE(err.empty());
  err.clear();
  CHECK_FALSE(FileBytes::open(dir.path, &err));
  CHECK(err == "is a directory");
  REQUIRE(writeFileAtomic(dir.path / "big", std::string(5000, 'x')));
  err.clear();
  CHECK_FALSE(FileBytes::open(dir.path / "big", &err, 4999));
  CHECK(err.find("larger than the limit") != std::string::npos);

  FileBytes owned(std::string("made in memory"));
  owned.narrow(5, 2);
  CHECK(owned.view() == "in");
}

TEST_CASE("writeFileAtomicWith: the writer's bytes or nothing; work while syncing runs before the rename") {
  TempDir dir;
  const fs::path target = dir.path / "out.bin";
  REQUIRE(writeFileAtomic(target, "old"));
  int ran = 0;
  std::string seenDuring;
  REQUIRE(writeFileAtomicWith(
      target, [](std::FILE* f) { return std::fputs("new bytes", f) >= 0; }, nullptr,
      [&] {
        ++ran;
        seenDuring = readFile(target).value_or("");
      }));
  CHECK(ran == 1);
  CHECK(seenDuring == "old");  // not renamed yet
  CHECK(readFile(target).value() == "new bytes");

  std::string err;
  CHECK_FALSE(writeFileAtomicWith(
      target, [](std::FILE* f) { std::fputs("half", f); return false; }, &err, [&] { ++ran; }));
  CHECK(ran == 1);  // nothing to wait for
  CHECK(err == "the data to write could not be made");
  CHECK(readFile(target).value() == "new bytes");
  for (const auto& e : fs::directory_iterator(dir.path)) CHECK(e.path().filename() == "out.bin");
}

TEST_CASE("writeFileAtomicWith: the writer gets a large buffer, not stdio's 4 KB") {
  // glibc ignores setvbuf's size when it allocates the buffer itself: the PDF was written in
  // 2,600 write calls of 4 KB. __fbufsize says what the stream really has.
  TempDir dir;
  std::size_t buffer = 0;
  REQUIRE(writeFileAtomicWith(dir.path / "big.bin", [&](std::FILE* f) {
    buffer = __fbufsize(f);
    const std::string chunk(4096, 'x');
    for (int i = 0; i < 600; ++i)
      if (std::fwrite(chunk.data(), 1, chunk.size(), f) != chunk.size()) return false;
    return true;
  }));
  CHECK(buffer >= (1u << 20));
  CHECK(fs::file_size(dir.path / "big.bin") == 600u * 4096u);
}

TEST_CASE("readFile and hashFile: whole bytes, limits and errors as before") {
  TempDir dir;
  // Sizes around the hasher's 256 KB pieces and the reader's first guess for a pipe.
  for (std::size_t n : {std::size_t{0}, std::size_t{1}, std::size_t{65536}, std::size_t{262144}, std::size_t{262145},
                        std::size_t{700001}}) {
    std::string bytes(n, '\0');
    for (std::size_t i = 0; i < n; ++i) bytes[i] = static_cast<char>((i * 131 + i / 7) & 0xFF);
    const fs::path f = dir.path / ("f" + std::to_string(n));
    REQUIRE(writeFileAtomic(f, bytes));
    CHECK(readFile(f).value() == bytes);
    CHECK(hashFile(f).value() == contentHash(bytes));
    if (n > 1) {
      std::string err;
      CHECK_FALSE(readFile(f, &err, n - 1));
      CHECK(err.find("limit") != std::string::npos);
      err.clear();
      CHECK_FALSE(hashFile(f, &err, n - 1));
      CHECK(err.find("limit") != std::string::npos);
      CHECK(readFile(f, nullptr, n).value() == bytes);
    }
  }
  std::string err;
  CHECK_FALSE(readFile(dir.path, &err));
  CHECK(err == "is a directory");
  CHECK_FALSE(hashFile(dir.path / "missing", &err));
  CHECK(err == std::strerror(ENOENT));

  // Not a regular file: read until the end, whatever its size.
  int fds[2];
  REQUIRE(::pipe(fds) == 0);
  const std::string piped(200000, 'p');
  std::thread writer([&] {
    std::size_t at = 0;
    while (at < piped.size()) {
      const ssize_t w = ::write(fds[1], piped.data() + at, piped.size() - at);
      if (w <= 0) break;
      at += static_cast<std::size_t>(w);
    }
    ::close(fds[1]);
  });
  CHECK(readFile("/proc/self/fd/" + std::to_string(fds[0])).value() == piped);
  writer.join();
  ::close(fds[0]);
}
