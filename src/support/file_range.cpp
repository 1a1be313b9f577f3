#include "postpress/support/file_range.h"

#include <fcntl.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>

#include "postpress/support/hash.h"
#include "support/descriptors.h"

namespace pp {

namespace {

// Read ahead in pieces this large: libharu asks for 4 KB at a time and libzip for 8 KB, which
// would be a system call each.
constexpr std::size_t kPiece = std::size_t{128} << 10;

}  // namespace

struct FileRangeReader::Open {
  explicit Open(int fd) : file(fd) {}
  Descriptor file;
  std::unique_ptr<char[]> buffer{new char[kPiece]};
  std::size_t have = 0;  // bytes in the buffer
  std::size_t used = 0;  // of which already given out
  Hasher hash;
};

FileRangeReader::FileRangeReader(FileRange range) : range_(std::move(range)) {}
FileRangeReader::~FileRangeReader() = default;

long long FileRangeReader::fail(std::string why) {
  if (error_.empty()) error_ = range_.file.string() + ": " + std::move(why);
  open_.reset();
  return -1;
}

void FileRangeReader::rewind() {
  open_.reset();
  pos_ = 0;
  error_.clear();
}

long long FileRangeReader::read(char* out, std::size_t n) {
  if (!error_.empty()) return -1;
  if (pos_ >= range_.length || n == 0) return 0;
  if (!open_) {
    if (pos_ != 0) return fail("read again from the middle");  // the hash covers the whole range
    const int fd = ::open(range_.file.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) return fail(std::strerror(errno));
    open_ = std::make_unique<Open>(fd);
  }
  Open& o = *open_;
  std::size_t given = 0;
  while (given < n && pos_ < range_.length) {
    if (o.used == o.have) {
      const std::uint64_t left = range_.length - pos_;
      const std::size_t want = static_cast<std::size_t>(std::min<std::uint64_t>(left, kPiece));
      ssize_t r;
      do r = ::pread(o.file.fd, o.buffer.get(), want, static_cast<off_t>(range_.offset + pos_));
      while (r < 0 && errno == EINTR);
      if (r < 0) return fail(std::strerror(errno));
      if (r == 0) return fail("the file is shorter than it was");
      o.have = static_cast<std::size_t>(r);
      o.used = 0;
      o.hash.update(std::string_view(o.buffer.get(), o.have));
    }
    const std::size_t k = std::min(n - given, o.have - o.used);
    std::memcpy(out + given, o.buffer.get() + o.used, k);
    o.used += k;
    given += k;
    pos_ += k;
  }
  if (pos_ == range_.length) {
    const bool same = o.hash.hex() == range_.hash;
    open_.reset();
    if (!same) return fail("its bytes changed since they were checked");
  }
  return static_cast<long long>(given);
}

}  // namespace pp
