#include "postpress/support/file_watcher.h"

#include <poll.h>
#include <sys/inotify.h>
#include <unistd.h>

#include <cerrno>
#include <cstdint>
#include <cstring>

namespace pp {

namespace {

// What counts as a change: a file written and closed (not every write(): a save is one
// change), moved in or out, deleted, touched (mtime: `touch post.md` asks for a rebuild); a
// folder created (a new page bundle). IN_CREATE of a file is left to its IN_CLOSE_WRITE.
constexpr std::uint32_t kMask = IN_CLOSE_WRITE | IN_MOVED_TO | IN_MOVED_FROM | IN_DELETE | IN_ATTRIB | IN_CREATE |
                                IN_DELETE_SELF | IN_ONLYDIR | IN_EXCL_UNLINK;

}  // namespace

FileWatcher::FileWatcher(std::size_t maxFolders) : maxFolders_(maxFolders) {
  fd_ = ::inotify_init1(IN_NONBLOCK | IN_CLOEXEC);
  if (fd_ < 0) error_ = std::string("cannot watch files: ") + std::strerror(errno);
}

FileWatcher::~FileWatcher() {
  if (fd_ >= 0) ::close(fd_);
}

bool FileWatcher::watch(const fs::path& folder) {
  if (fd_ < 0) return false;
  const int wd = ::inotify_add_watch(fd_, folder.c_str(), kMask);
  if (wd < 0) {
    error_ = "cannot watch " + folder.string() + ": " + std::strerror(errno);
    return false;
  }
  if (folders_.count(wd)) return true;
  if (full()) {
    ::inotify_rm_watch(fd_, wd);
    error_ = "watching no more than " + std::to_string(maxFolders_) + " folders";
    return false;
  }
  folders_.emplace(wd, folder);
  return true;
}

std::vector<FileChange> FileWatcher::wait(std::chrono::milliseconds timeout) {
  std::vector<FileChange> changes;
  if (fd_ < 0) return changes;
  pollfd p{fd_, POLLIN, 0};
  const int ready = ::poll(&p, 1, static_cast<int>(timeout.count()));
  if (ready <= 0) return changes;  // a timeout, or a signal (the caller looks again)
  // Events are whole records in the buffer; the alignment inotify(7) asks for.
  alignas(inotify_event) char buffer[64 * 1024];
  for (;;) {
    const ssize_t n = ::read(fd_, buffer, sizeof buffer);
    if (n <= 0) break;  // EAGAIN: everything queued has been read
    for (ssize_t at = 0; at < n;) {
      const auto* e = reinterpret_cast<const inotify_event*>(buffer + at);
      at += static_cast<ssize_t>(sizeof(inotify_event) + e->len);
      if (e->mask & IN_Q_OVERFLOW) {  // its wd is -1: it belongs to no folder
        changes.push_back({{}, false, true});
        continue;
      }
      const auto folder = folders_.find(e->wd);
      if (folder == folders_.end()) continue;
      if (e->mask & (IN_IGNORED | IN_DELETE_SELF)) {
        if (e->mask & IN_DELETE_SELF) changes.push_back({folder->second, false});
        if (e->mask & IN_IGNORED) folders_.erase(folder);  // the kernel dropped the watch
        continue;
      }
      if (e->len == 0) continue;
      const bool isFolder = (e->mask & IN_ISDIR) != 0;
      if ((e->mask & IN_CREATE) && !isFolder) continue;
      changes.push_back({folder->second / e->name, isFolder && (e->mask & (IN_CREATE | IN_MOVED_TO))});
    }
  }
  return changes;
}

}  // namespace pp
