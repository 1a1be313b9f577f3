// Bytes of a file read when they are written out, not before: an image the PDF embeds or the
// EPUB stores is copied from the image cache while the document is saved, a piece at a time,
// instead of being held in memory from the page that draws it to the end of the build (on
// an image-heavy blog the largest thing in memory; bench/results.md). The bytes were chosen
// earlier (their place in the file and their hash); reading them again checks that they are
// still those bytes, so a cache file changed in between fails the save instead of going
// into the document unseen.
#pragma once

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <string>

namespace pp {

namespace fs = std::filesystem;

struct FileRange {
  fs::path file;
  std::uint64_t offset = 0;
  std::uint64_t length = 0;
  std::string hash;  // contentHash (postpress/support/hash.h) of the range's bytes
};

// Reads one FileRange from its start to its end. The file is opened at the first read and
// closed at the end (or on rewind), so that thousands of ranges waiting to be read hold no
// descriptors.
class FileRangeReader {
 public:
  explicit FileRangeReader(FileRange range);
  ~FileRangeReader();
  FileRangeReader(const FileRangeReader&) = delete;
  FileRangeReader& operator=(const FileRangeReader&) = delete;

  // Copies up to n bytes from the current position; returns how many (0 at the end), or -1 on
  // an error (error() says which): the file cannot be read, ends early, or its bytes do not
  // hash as they did (checked when the last byte is read).
  long long read(char* out, std::size_t n);
  // Back to the start (the bytes are hashed again from there).
  void rewind();
  std::uint64_t position() const { return pos_; }
  const FileRange& range() const { return range_; }
  const std::string& error() const { return error_; }

 private:
  struct Open;
  // Keeps the first error, closes the file; -1, read()'s answer then.
  long long fail(std::string why);

  FileRange range_;
  std::uint64_t pos_ = 0;
  std::unique_ptr<Open> open_;  // the descriptor, a buffer and the running hash while reading
  std::string error_;
};

}  // namespace pp
