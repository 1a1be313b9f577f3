// A file range as a raw deflate stream (RFC 1951) of stored blocks: its bytes as they are, with
// five bytes of block header before each 65,535 of them, and its CRC-32 computed as they pass.
//
// Why: the EPUB's pictures are compressed already, and an entry written with the ZIP method
// "stored" has its CRC computed by libzip with zlib's table-driven CRC (2% of a warm build's
// instructions, on the EPUB's thread). An entry handed to libzip as already deflated is copied
// as it is, its CRC taken from the source once the source has been read; this stream is such
// an entry, the same bytes with 5 more per 64 KB, and any ZIP reader inflates it.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>

#include "postpress/support/file_range.h"

namespace pp::epub {

class StoredDeflateReader {
 public:
  // The largest stored block's payload (its LEN is 16 bits).
  static constexpr std::size_t kBlockPayload = 65535;

  explicit StoredDeflateReader(FileRange range);

  // The stream's size for a range of `length` bytes: the bytes and a header for each block
  // (one empty final block for an empty range).
  static std::uint64_t streamSize(std::uint64_t length);

  // Copies up to n bytes of the stream from the current position; returns how many (0 at the
  // end), or -1 when the range cannot be read as it was named (error() says why: the file is
  // missing, shorter, or its bytes do not hash as the range says).
  long long read(char* out, std::size_t n);
  const std::string& error() const { return error_; }
  // Back to the start of the stream (the range read and checked again).
  void rewind();

  // Every byte of the stream read (and so the range's hash checked): crc() is the range's.
  bool finished() const { return lastBlockStarted_ && headerAt_ == kHeaderBytes && blockLeft_ == 0; }
  std::uint32_t crc() const { return crc_; }
  const FileRange& range() const { return reader_.range(); }

 private:
  static constexpr std::size_t kHeaderBytes = 5;
  // Sets the header of the next block (the last when the range's bytes end in it).
  void startBlock();

  FileRangeReader reader_;
  std::uint64_t payloadLeft_ = 0;    // of the range, not yet in a started block
  std::size_t blockLeft_ = 0;        // of the current block's payload, not yet read
  unsigned char header_[kHeaderBytes] = {};
  std::size_t headerAt_ = kHeaderBytes;  // the header's bytes already given out
  bool lastBlockStarted_ = false;
  std::uint32_t crc_ = 0;
  std::string error_;
};

}  // namespace pp::epub
