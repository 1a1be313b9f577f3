// Reading a tree that is not trusted: openat2 with RESOLVE_BENEATH from the root's descriptor,
// so that the kernel, not a check made before the open, keeps every path inside the root.
#include "postpress/support/files.h"
#include "postpress/support/hash_memo.h"
#include "support/descriptors.h"

#include <fcntl.h>
#include <linux/openat2.h>
#include <sys/stat.h>
#include <sys/syscall.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

namespace pp {

namespace {

// `p` relative to root, lexically; nullopt when it names something above the root.
std::optional<fs::path> relativeInside(const fs::path& root, const fs::path& p) {
  fs::path rel = p.is_absolute() ? p.lexically_normal().lexically_relative(root.lexically_normal())
                                 : p.lexically_normal();
  if (rel.empty() || rel == ".") return std::nullopt;
  if (*rel.begin() == "..") return std::nullopt;
  return rel;
}

// Opens rel beneath the folder `dir` (O_NONBLOCK: a FIFO must not stop the open). -1 with errno.
int openBeneath(int dir, const fs::path& rel, int flags) {
  open_how how{};
  // openat2 refuses O_PATH with any flag but a few.
  const int extra = (flags & O_PATH) ? O_CLOEXEC : O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  how.flags = static_cast<unsigned long long>(flags | extra);
  how.resolve = RESOLVE_BENEATH | RESOLVE_NO_MAGICLINKS;
  for (;;) {
    const long fd = ::syscall(SYS_openat2, dir, rel.c_str(), &how, sizeof how);
    if (fd >= 0 || errno != EINTR) return static_cast<int>(fd);
  }
}

// A kernel without openat2 (before 5.6) or a sandbox that forbids it: the real path, checked,
// then opened without following a last link (a link swapped in meanwhile fails the open).
int openByRealPath(const fs::path& root, const fs::path& rel, int flags) {
  std::error_code ec;
  const fs::path realRoot = fs::canonical(root, ec);
  if (ec) return -1;
  const fs::path real = fs::canonical(root / rel, ec);
  if (ec || !relativeInside(realRoot, real)) {
    errno = ENOENT;
    return -1;
  }
  const int extra = (flags & O_PATH) ? O_CLOEXEC : O_CLOEXEC | O_NOCTTY | O_NONBLOCK;
  return ::open(real.c_str(), flags | extra | O_NOFOLLOW);
}

// Opens root/rel (rel already inside, lexically), following links only as far as they stay
// inside. -1 when it cannot be opened.
int openInside(const fs::path& root, const fs::path& rel, int flags) {
  const Descriptor dir(::open(root.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
  if (dir.fd < 0) return -1;
  int fd = openBeneath(dir.fd, rel, flags);
  if (fd >= 0) return fd;
  if (errno == ENOSYS || errno == EPERM) return openByRealPath(root, rel, flags);
  if (errno == EXDEV) {
    // An absolute link, or a `..` in a link, that RESOLVE_BENEATH will not follow: its real
    // path decides, opened beneath the root again so that the check is the kernel's.
    std::error_code ec;
    const fs::path real = fs::canonical(root / rel, ec);
    const fs::path realRoot = fs::canonical(root, ec);
    const std::optional<fs::path> inside = ec ? std::nullopt : relativeInside(realRoot, real);
    if (!inside) return -1;
    const Descriptor realDir(::open(realRoot.c_str(), O_PATH | O_DIRECTORY | O_CLOEXEC));
    if (realDir.fd < 0) return -1;
    fd = openBeneath(realDir.fd, *inside, flags);
  }
  return fd;
}

// A regular file inside root, open for reading; -1 with err (kNotInSite, whatever the cause,
// unless the file is inside and regular but too large).
int openConfinedFile(const fs::path& root, const fs::path& p, std::string* err, std::uintmax_t maxBytes) {
  const std::optional<fs::path> rel = relativeInside(root, p);
  const int fd = rel ? openInside(root, *rel, O_RDONLY) : -1;
  struct stat st{};
  if (fd >= 0 && ::fstat(fd, &st) == 0 && S_ISREG(st.st_mode)) {
    if (static_cast<std::uintmax_t>(st.st_size) <= maxBytes) {
      // Reads block as usual from here (O_NONBLOCK means nothing to a regular file's reads,
      // but cleared all the same).
      ::fcntl(fd, F_SETFL, ::fcntl(fd, F_GETFL) & ~O_NONBLOCK);
      return fd;
    }
    if (err) *err = "file is larger than the limit of " + std::to_string(maxBytes) + " bytes";
    ::close(fd);
    return -1;
  }
  if (fd >= 0) ::close(fd);
  if (err) *err = kNotInSite;
  return -1;
}

}  // namespace

std::optional<std::string> readConfined(const fs::path& root, const fs::path& p, std::string* err,
                                        std::uintmax_t maxBytes) {
  const Descriptor file(openConfinedFile(root, p, err, maxBytes));
  if (file.fd < 0) return std::nullopt;
  return readDescriptor(file.fd, err, maxBytes);
}

std::optional<FileBytes> openConfined(const fs::path& root, const fs::path& p, std::string* err,
                                      std::uintmax_t maxBytes) {
  const Descriptor file(openConfinedFile(root, p, err, maxBytes));
  if (file.fd < 0) return std::nullopt;
  return FileBytes::fromDescriptor(file.fd, err, maxBytes);
}

std::optional<std::string> hashConfined(const fs::path& root, const fs::path& p, std::string* err,
                                        std::uintmax_t maxBytes, FileHashMemo* memo) {
  const Descriptor file(openConfinedFile(root, p, err, maxBytes));
  if (file.fd < 0) return std::nullopt;
  return memo ? memo->hashOpened(file.fd, p, err, maxBytes) : hashDescriptor(file.fd, err, maxBytes);
}

bool isConfinedFile(const fs::path& root, const fs::path& p) {
  const std::optional<fs::path> rel = relativeInside(root, p);
  const Descriptor fd(rel ? openInside(root, *rel, O_PATH) : -1);
  struct stat st{};
  return fd.fd >= 0 && ::fstat(fd.fd, &st) == 0 && S_ISREG(st.st_mode);
}

std::optional<fs::path> confinedFolder(const fs::path& root, std::string_view rel) {
  const fs::path written{std::string(rel)};
  if (written.is_absolute()) return std::nullopt;  // `includes_dir: /etc`
  const std::optional<fs::path> inside = relativeInside(root, written);
  if (!inside) return written.lexically_normal() == "." ? std::optional<fs::path>(root) : std::nullopt;
  const Descriptor fd(openInside(root, *inside, O_PATH | O_DIRECTORY));
  if (fd.fd < 0) return std::nullopt;
  return root / *inside;
}

}  // namespace pp
