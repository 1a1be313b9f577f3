#include "postpress/support/files.h"
#include "postpress/support/hash_memo.h"

#include "postpress/support/hash.h"
#include "postpress/support/interrupt.h"
#include "support/descriptors.h"
#include "postpress/support/temporaries.h"

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <atomic>
#include <cerrno>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <functional>
#include <memory>
#include <system_error>
#include <utility>

namespace pp {

namespace {

std::string tooLarge(std::uintmax_t maxBytes) {
  return "file is larger than the limit of " + std::to_string(maxBytes) + " bytes";
}

// Opens `p` for reading; -1 with err set for a directory, what cannot be opened, or a regular
// file larger than maxBytes. `size` is the file's size when it is a regular file, else -1 (a
// pipe: read until the end).
int openForReading(const fs::path& p, std::uintmax_t maxBytes, std::string* err, long long* size) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) {
    if (err) *err = std::strerror(errno);
    return -1;
  }
  struct stat st{};
  std::string why;
  if (::fstat(fd, &st) != 0) why = std::strerror(errno);
  else if (S_ISDIR(st.st_mode)) why = "is a directory";
  else if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > maxBytes) why = tooLarge(maxBytes);
  if (!why.empty()) {
    if (err) *err = why;
    ::close(fd);
    return -1;
  }
  *size = S_ISREG(st.st_mode) ? static_cast<long long>(st.st_size) : -1;
  return fd;
}

// read() until `n` bytes are in `into` or the file ends, counted into `total`: the count read,
// or -1 with err set on a read error or once `total` passes maxBytes.
long long readPiece(int fd, char* into, std::size_t n, std::uintmax_t maxBytes, std::uintmax_t& total,
                    std::string* err) {
  std::size_t got = 0;
  while (got < n) {
    const ssize_t r = ::read(fd, into + got, n - got);
    if (r < 0 && errno == EINTR) continue;
    if (r < 0) {
      if (err) *err = std::strerror(errno);
      return -1;
    }
    if (r == 0) break;
    got += static_cast<std::size_t>(r);
  }
  total += got;
  if (total > maxBytes) {
    if (err) *err = tooLarge(maxBytes);
    return -1;
  }
  return static_cast<long long>(got);
}

}  // namespace

std::optional<std::string> readDescriptor(int fd, std::string* err, std::uintmax_t maxBytes) {
  struct stat st{};
  if (::fstat(fd, &st) != 0) {
    if (err) *err = std::strerror(errno);
    return std::nullopt;
  }
  if (S_ISREG(st.st_mode) && static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
    if (err) *err = tooLarge(maxBytes);
    return std::nullopt;
  }
  const long long size = S_ISREG(st.st_mode) ? static_cast<long long>(st.st_size) : -1;
  // Straight into the string (one copy from the page cache; an ifstream read through a buffer
  // of its own, then appended), one byte more than the size to see a file that grew.
  std::string data(size >= 0 ? static_cast<std::size_t>(size) + 1 : 65536, '\0');
  std::uintmax_t have = 0;
  for (;;) {
    const std::size_t at = static_cast<std::size_t>(have);
    if (readPiece(fd, data.data() + at, data.size() - at, maxBytes, have, err) < 0) return std::nullopt;
    if (have < data.size()) break;  // the end
    data.resize(data.size() * 2);
  }
  data.resize(static_cast<std::size_t>(have));
  return data;
}

std::optional<std::string> hashDescriptor(int fd, std::string* err, std::uintmax_t maxBytes) {
  // A small buffer used again and again: no memory the size of the file, which reading whole
  // images only to hash them cost in page faults on every warm build.
  constexpr std::size_t kChunk = 256 * 1024;
  const std::unique_ptr<char[]> buffer(new char[kChunk]);
  Hasher h;
  std::uintmax_t total = 0;
  for (;;) {
    const long long r = readPiece(fd, buffer.get(), kChunk, maxBytes, total, err);
    if (r < 0) return std::nullopt;
    h.update(std::string_view(buffer.get(), static_cast<std::size_t>(r)));
    if (static_cast<std::size_t>(r) < kChunk) break;
  }
  return h.hex();
}

std::optional<std::string> readFile(const fs::path& p, std::string* err, std::uintmax_t maxBytes) {
  long long size = -1;
  const Descriptor file{openForReading(p, maxBytes, err, &size)};
  if (file.fd < 0) return std::nullopt;
  return readDescriptor(file.fd, err, maxBytes);
}

std::optional<std::string> hashFile(const fs::path& p, std::string* err, std::uintmax_t maxBytes, FileHashMemo* memo) {
  long long size = -1;
  const Descriptor file{openForReading(p, maxBytes, err, &size)};
  if (file.fd < 0) return std::nullopt;
  return memo ? memo->hashOpened(file.fd, p, err, maxBytes) : hashDescriptor(file.fd, err, maxBytes);
}

FileBytes::~FileBytes() { release(); }

void FileBytes::release() {
  if (map_) ::munmap(map_, mapLength_);
  map_ = nullptr;
  read_.reset();
  mapLength_ = 0;
  from_ = 0;
  length_ = std::string_view::npos;
}

FileBytes::FileBytes(FileBytes&& o) noexcept { *this = std::move(o); }

FileBytes& FileBytes::operator=(FileBytes&& o) noexcept {
  if (this != &o) {
    release();
    map_ = std::exchange(o.map_, nullptr);
    read_ = std::move(o.read_);
    mapLength_ = std::exchange(o.mapLength_, 0);
    owned_ = std::move(o.owned_);
    from_ = std::exchange(o.from_, 0);
    length_ = std::exchange(o.length_, std::string_view::npos);
  }
  return *this;
}

std::optional<FileBytes> FileBytes::readWhole(int fd, std::size_t size) {
  FileBytes b;
  b.mapLength_ = size;
  b.read_.reset(new char[size]);  // not value-initialised: read() writes every byte
  std::uintmax_t total = 0;
  // An error, or a file that shrank since its size was taken: the caller reads it again.
  if (readPiece(fd, b.read_.get(), size, UINTMAX_MAX, total, nullptr) != static_cast<long long>(size))
    return std::nullopt;
  return b;
}

std::optional<FileBytes> FileBytes::open(const fs::path& p, std::string* err, std::uintmax_t maxBytes) {
  const int fd = ::open(p.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd >= 0) {
    const Descriptor file{fd};
    struct stat st{};
    if (::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) return fromDescriptor(fd, err, maxBytes);
  }
  // Not a regular file (a directory, a pipe) or not openable: readFile says why, or reads
  // what there is.
  auto read = readFile(p, err, maxBytes);
  if (!read) return std::nullopt;
  return FileBytes(std::move(*read));
}

std::optional<FileBytes> FileBytes::fromDescriptor(int fd, std::string* err, std::uintmax_t maxBytes) {
  struct stat st{};
  const bool regular = ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode) && st.st_size > 0;
  if (regular && static_cast<std::uintmax_t>(st.st_size) > maxBytes) {
    if (err) *err = tooLarge(maxBytes);
    return std::nullopt;
  }
  if (regular) {
    const std::size_t size = static_cast<std::size_t>(st.st_size);
    if (size <= kReadWholeBytes) {
      if (std::optional<FileBytes> b = readWhole(fd, size)) return b;
      // A read that failed, or a file that shrank meanwhile: read below from the start.
      if (::lseek(fd, 0, SEEK_SET) != 0) {
        if (err) *err = std::strerror(errno);
        return std::nullopt;
      }
    } else if (void* m = ::mmap(nullptr, size, PROT_READ, MAP_PRIVATE, fd, 0); m != MAP_FAILED) {
      FileBytes b;
      b.map_ = m;
      b.mapLength_ = size;
      return b;
    }
  }
  auto read = readDescriptor(fd, err, maxBytes);
  if (!read) return std::nullopt;
  return FileBytes(std::move(*read));
}

namespace {

bool writeAtomically(const fs::path& target, const std::function<bool(std::FILE*)>& write, std::string* err,
                     const std::function<void()>& whileSyncing, Durability durability) {
  AtomicOutput out(target);
  {
    // Few write calls for a large file. The buffer is ours: glibc ignores setvbuf's size when
    // it is to allocate the buffer itself, and writes in 4 KB calls.
    // Declared before the file, it outlives the fclose below.
    static constexpr std::size_t kBuffer = 1u << 20;
    const std::unique_ptr<char[]> buffer(new char[kBuffer]);
    if (!out.ok()) {
      if (err) *err = out.error();
      return false;
    }
    // The temporary is already open (and locked through AtomicOutput's descriptor): written
    // through a second descriptor of the same file, which fclose closes.
    const int fd = out.direct() ? ::open(out.target().c_str(), O_WRONLY | O_CLOEXEC) : ::dup(out.descriptor());
    std::FILE* f = fd >= 0 ? ::fdopen(fd, "wb") : nullptr;
    if (!f) {
      if (err) *err = std::strerror(errno);
      if (fd >= 0) ::close(fd);
      return false;
    }
    std::setvbuf(f, buffer.get(), _IOFBF, kBuffer);
    errno = 0;
    const bool complete = write(f);
    const bool wrote = !std::ferror(f);
    const int writeErrno = errno;
    const bool flushed = std::fflush(f) == 0;
    const int flushErrno = errno;
    if (complete && wrote && flushed && whileSyncing) {
      // The disk starts on the bytes now; the caller's work overlaps the wait that commit's
      // fsync would otherwise spend alone.
      ::sync_file_range(::fileno(f), 0, 0, SYNC_FILE_RANGE_WRITE);
      whileSyncing();
    }
    const bool closed = std::fclose(f) == 0;
    const int closeErrno = errno;
    if (!complete && wrote) {
      if (err) *err = "the data to write could not be made";
      return false;
    }
    if (!wrote || !flushed || !closed) {
      const int why = !wrote ? writeErrno : !flushed ? flushErrno : closeErrno;
      if (err) *err = std::strerror(why ? why : EIO);
      return false;
    }
  }
  return out.commit(err, durability);
}

}  // namespace

bool writeFileAtomic(const fs::path& target, std::string_view data, std::string* err, Durability durability) {
  return writeAtomically(
      target,
      [&](std::FILE* f) {
        if (!data.empty()) std::fwrite(data.data(), 1, data.size(), f);  // ferror says
        return true;
      },
      err, {}, durability);
}

void WritebackPacer::wrote(std::size_t bytes) {
  static constexpr std::size_t kEvery = 4u << 20;
  sinceStart_ += bytes;
  if (sinceStart_ < kEvery) return;
  sinceStart_ = 0;
  if (std::fflush(file_) == 0) ::sync_file_range(::fileno(file_), 0, 0, SYNC_FILE_RANGE_WRITE);
}

bool writeFileAtomicPieces(const fs::path& target, const std::function<std::optional<std::string_view>()>& next,
                           std::string* err) {
  return writeFileAtomicWith(
      target,
      [&](std::FILE* f) {
        WritebackPacer pacer(f);
        for (;;) {
          const std::optional<std::string_view> piece = next();
          if (!piece) return false;  // the source failed: nothing is committed
          if (piece->empty()) return true;
          if (std::fwrite(piece->data(), 1, piece->size(), f) != piece->size()) return true;  // ferror says
          pacer.wrote(piece->size());
        }
      },
      err);
}

bool writeFileAtomicWith(const fs::path& target, const std::function<bool(std::FILE*)>& write, std::string* err,
                         const std::function<void()>& whileSyncing) {
  return writeAtomically(target, write, err, whileSyncing, Durability::Synced);
}


fs::path followOutputLinks(fs::path target) {
  std::error_code ec;
  for (int hops = 0; hops < 40 && fs::is_symlink(fs::symlink_status(target, ec)); ++hops) {
    fs::path next = fs::read_symlink(target, ec);
    if (ec) break;
    target = next.is_absolute() ? next : (target.parent_path() / next).lexically_normal();
  }
  return target;
}

bool isDeviceOutput(const fs::path& p) {
  std::error_code ec;
  const auto st = fs::status(p, ec);
  return !ec && fs::exists(st) && !fs::is_regular_file(st) && !fs::is_directory(st);
}

AtomicOutput::AtomicOutput(fs::path target) : target_(followOutputLinks(std::move(target))) {
  // A device or pipe cannot be replaced by a rename, and must never be: written straight to.
  direct_ = isDeviceOutput(target_);
  if (direct_) {
    temp_ = target_;
    return;
  }
  Temporary t = createTemporary(target_, TemporaryKind::File);
  temp_ = std::move(t.path);
  fd_ = t.fd;
  error_ = std::move(t.error);
  if (fd_ >= 0) signalSlot_ = registerTemporary(temp_.c_str());
}

AtomicOutput::~AtomicOutput() {
  unregisterTemporary(signalSlot_);
  if (!committed_ && !direct_ && fd_ >= 0) {
    std::error_code ec;
    fs::remove(temp_, ec);
  }
  if (fd_ >= 0) ::close(fd_);
}

bool AtomicOutput::commit(std::string* err, Durability durability) {
  if (committed_) return true;
  if (direct_) {
    committed_ = true;
    return true;
  }
  if (fd_ < 0) {
    if (err) *err = error_;
    return false;
  }
  if (durability == Durability::Synced && ::fsync(fd_) != 0) {
    if (err) *err = std::strerror(errno);
    return false;
  }
  if (std::rename(temp_.c_str(), target_.c_str()) != 0) {
    if (err) *err = std::strerror(errno);
    return false;
  }
  unregisterTemporary(signalSlot_);
  signalSlot_ = -1;
  committed_ = true;
  return true;
}

fs::path clampUnder(const fs::path& root, std::string_view rel) {
  std::vector<std::string> parts;
  std::size_t start = 0;
  for (std::size_t i = 0; i <= rel.size(); ++i) {
    if (i == rel.size() || rel[i] == '/') {
      std::string part(rel.substr(start, i - start));
      start = i + 1;
      if (part.empty() || part == ".") continue;
      if (part == "..") {
        if (!parts.empty()) parts.pop_back();  // clamp: `..` at the root stays at the root
        continue;
      }
      parts.push_back(std::move(part));
    }
  }
  fs::path out = root;
  for (auto& p : parts) out /= p;
  return out;
}

bool isInside(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path r = fs::weakly_canonical(root, ec);
  if (ec) return false;
  fs::path q = fs::weakly_canonical(p, ec);
  if (ec) return false;
  auto rit = r.begin(), qit = q.begin();
  for (; rit != r.end(); ++rit, ++qit) {
    if (rit->empty()) continue;  // trailing separator
    if (qit == q.end() || *rit != *qit) return false;
  }
  return true;
}

std::optional<FileIdentity> fileIdentity(const fs::path& p) {
  struct stat st{};
  if (::stat(p.c_str(), &st) != 0) return std::nullopt;
  return FileIdentity{static_cast<std::uint64_t>(st.st_dev), static_cast<std::uint64_t>(st.st_ino)};
}

std::string relativeTo(const fs::path& root, const fs::path& p) {
  std::error_code ec;
  fs::path rel = fs::relative(p, root, ec);
  if (ec || rel.empty() || *rel.begin() == "..") return p.generic_string();
  return rel.generic_string();
}

const char* versionString() { return POSTPRESS_VERSION; }

}  // namespace pp
