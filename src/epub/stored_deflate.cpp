#include "epub/stored_deflate.h"

#include <algorithm>
#include <cstring>
#include <string_view>

#include "postpress/support/deflate.h"

namespace pp::epub {

StoredDeflateReader::StoredDeflateReader(FileRange range) : reader_(std::move(range)) { rewind(); }

std::uint64_t StoredDeflateReader::streamSize(std::uint64_t length) {
  const std::uint64_t blocks = length == 0 ? 1 : (length + kBlockPayload - 1) / kBlockPayload;
  return length + blocks * kHeaderBytes;
}

void StoredDeflateReader::rewind() {
  reader_.rewind();
  payloadLeft_ = reader_.range().length;
  blockLeft_ = 0;
  headerAt_ = kHeaderBytes;
  lastBlockStarted_ = false;
  crc_ = 0;
  error_.clear();
}

void StoredDeflateReader::startBlock() {
  const auto len = static_cast<std::uint16_t>(std::min<std::uint64_t>(payloadLeft_, kBlockPayload));
  lastBlockStarted_ = payloadLeft_ == len;
  payloadLeft_ -= len;
  const auto nlen = static_cast<std::uint16_t>(~len);
  // BFINAL in bit 0, BTYPE 00 (stored) in bits 1-2, the rest of the byte padding; then LEN and
  // its complement NLEN, little-endian.
  header_[0] = lastBlockStarted_ ? 1 : 0;
  header_[1] = static_cast<unsigned char>(len & 0xFF);
  header_[2] = static_cast<unsigned char>(len >> 8);
  header_[3] = static_cast<unsigned char>(nlen & 0xFF);
  header_[4] = static_cast<unsigned char>(nlen >> 8);
  headerAt_ = 0;
  blockLeft_ = len;
}

long long StoredDeflateReader::read(char* out, std::size_t n) {
  std::size_t done = 0;
  while (done < n) {
    if (headerAt_ < kHeaderBytes) {
      const std::size_t k = std::min(kHeaderBytes - headerAt_, n - done);
      std::memcpy(out + done, header_ + headerAt_, k);
      headerAt_ += k;
      done += k;
      continue;
    }
    if (blockLeft_ == 0) {
      if (lastBlockStarted_) break;  // the stream is whole
      startBlock();
      continue;
    }
    const long long got = reader_.read(out + done, std::min(n - done, blockLeft_));
    if (got <= 0) {  // 0 cannot happen: the reader fails a range that ends early itself
      if (error_.empty())
        error_ = got < 0 ? reader_.error() : reader_.range().file.string() + ": ended before the range's end";
      return -1;
    }
    const auto k = static_cast<std::size_t>(got);
    crc_ = crc32Update(crc_, std::string_view(out + done, k));
    blockLeft_ -= k;
    done += k;
  }
  return static_cast<long long>(done);
}

}  // namespace pp::epub
