#include "postpress/support/temporaries.h"

#include <fcntl.h>
#include <signal.h>
#include <sys/file.h>
#include <sys/random.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <string_view>
#include <system_error>

namespace pp {

namespace {

// NAME_MAX on Linux file systems; the random part and ".tmp-" must fit with the name.
constexpr std::size_t kNameMax = 255;
constexpr std::size_t kRandomChars = 6;
constexpr std::string_view kTag = ".tmp-";

bool isRandomChar(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9');
}

std::string randomChars() {
  static constexpr char kAlphabet[] = "abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789";
  unsigned char bytes[kRandomChars];
  std::size_t got = 0;
  while (got < sizeof bytes) {
    const ssize_t n = ::getrandom(bytes + got, sizeof bytes - got, 0);
    if (n < 0 && errno == EINTR) continue;
    if (n < 0) break;
    got += static_cast<std::size_t>(n);
  }
  std::string out;
  for (unsigned char b : bytes) out += kAlphabet[b % (sizeof kAlphabet - 1)];
  return out;
}

// A descriptor closed on scope exit.
struct Fd {
  int fd;
  ~Fd() {
    if (fd >= 0) ::close(fd);
  }
};

// A `.NAME.tmp-PID-N` file of an earlier version, whose process is gone (PIDs were the only
// mark of ownership then).
bool isLegacyStale(std::string_view rest) {
  const std::size_t dash = rest.find('-');
  if (dash == 0 || dash == std::string_view::npos || dash + 1 >= rest.size()) return false;
  for (std::size_t i = 0; i < rest.size(); ++i)
    if (i != dash && (rest[i] < '0' || rest[i] > '9')) return false;
  if (dash > 9) return false;
  const pid_t pid = static_cast<pid_t>(std::stol(std::string(rest.substr(0, dash))));
  return pid > 0 && ::kill(pid, 0) != 0 && errno == ESRCH;
}

}  // namespace

FolderLock::FolderLock(const fs::path& folder, Mode mode) {
  fd_ = ::open(folder.empty() ? "." : folder.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (fd_ < 0) return;
  int r;
  do r = ::flock(fd_, mode == Mode::Exclusive ? LOCK_EX : LOCK_SH);
  while (r != 0 && errno == EINTR);
  locked_ = r == 0;
}

FolderLock::~FolderLock() {
  if (fd_ >= 0) ::close(fd_);  // closing releases the lock
}

std::string temporaryPrefixFor(const fs::path& target) {
  std::string name = target.filename().string();
  const std::size_t room = kNameMax - 1 - kTag.size() - kRandomChars;
  if (name.size() > room) {
    std::size_t cut = room;
    while (cut > 0 && (static_cast<unsigned char>(name[cut]) & 0xC0) == 0x80) --cut;  // not inside a UTF-8 sequence
    name.resize(cut);
  }
  return "." + name + std::string(kTag);
}

Temporary createTemporary(const fs::path& target, TemporaryKind kind) {
  Temporary t;
  const fs::path folder = target.parent_path();
  const std::string prefix = temporaryPrefixFor(target);
  FolderLock creating(folder, FolderLock::Mode::Shared);
  for (int attempt = 0; attempt < 100; ++attempt) {
    const fs::path path = folder / (prefix + randomChars());
    int fd = -1;
    if (kind == TemporaryKind::File) {
      // 0666 less the umask, as the output would get from any other program.
      fd = ::open(path.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_NOFOLLOW | O_CLOEXEC, 0666);
    } else if (::mkdir(path.c_str(), 0700) == 0) {
      fd = ::open(path.c_str(), O_RDONLY | O_DIRECTORY | O_NOFOLLOW | O_CLOEXEC);
      if (fd < 0) {
        const int why = errno;
        ::rmdir(path.c_str());
        errno = why;
      }
    }
    if (fd < 0) {
      if (errno == EEXIST) continue;
      t.error = std::strerror(errno);
      return t;
    }
    // New: nobody else holds it. A folder's is shared, as the lock for creating a temporary
    // inside it is (an exclusive one would keep its own writers out); a cleaner's exclusive
    // probe fails on either.
    ::flock(fd, (kind == TemporaryKind::Folder ? LOCK_SH : LOCK_EX) | LOCK_NB);
    t.path = path;
    t.fd = fd;
    return t;
  }
  t.error = "no free temporary name";
  return t;
}

int removeStaleTemporaries(const fs::path& target) {
  const fs::path folder = target.parent_path().empty() ? fs::path(".") : target.parent_path();
  FolderLock cleaning(folder, FolderLock::Mode::Exclusive);
  if (!cleaning.locked()) return 0;  // without the lock a live temporary could look stale
  const std::string prefix = temporaryPrefixFor(target);
  const std::string legacyPrefix = "." + target.filename().string() + std::string(kTag);
  int removed = 0;
  std::error_code ec;
  for (fs::directory_iterator it(folder, ec), end; !ec && it != end; it.increment(ec)) {
    const std::string name = it->path().filename().string();
    bool stale = false;
    if (name.size() == prefix.size() + kRandomChars && name.compare(0, prefix.size(), prefix) == 0) {
      bool ours = true;
      for (std::size_t i = prefix.size(); i < name.size(); ++i) ours = ours && isRandomChar(name[i]);
      if (!ours) continue;
      const Fd probe{::open(it->path().c_str(), O_RDONLY | O_NOFOLLOW | O_NONBLOCK | O_CLOEXEC)};
      struct stat st{};
      if (probe.fd < 0 || ::fstat(probe.fd, &st) != 0 || !(S_ISREG(st.st_mode) || S_ISDIR(st.st_mode))) continue;
      stale = ::flock(probe.fd, LOCK_EX | LOCK_NB) == 0;
    } else if (name.size() > legacyPrefix.size() && name.compare(0, legacyPrefix.size(), legacyPrefix) == 0) {
      stale = it->is_regular_file(ec) && !it->is_symlink(ec) &&
              isLegacyStale(std::string_view(name).substr(legacyPrefix.size()));
    }
    if (!stale) continue;
    std::error_code rm;
    if (fs::remove_all(it->path(), rm) > 0 && !rm) ++removed;
  }
  return removed;
}

}  // namespace pp
