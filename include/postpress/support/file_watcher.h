// Changes to files, as `postpress watch` waits for them: Linux inotify on a set of folders.
// Folders are watched, not files, because editors save by writing a new file and renaming it
// over the old one (a watch on the old file would end with it).
#pragma once

#include <chrono>
#include <cstddef>
#include <filesystem>
#include <string>
#include <unordered_map>
#include <vector>

namespace pp {

namespace fs = std::filesystem;

struct FileChange {
  fs::path path;               // the watched folder's path as given to watch(), / the entry's name
  bool folderCreated = false;  // a new folder (its own contents are not watched until watch()ed)
  // The kernel's queue overflowed and changes were dropped (path empty): anything may have
  // changed, including folders created unseen.
  bool lost = false;
};

class FileWatcher {
 public:
  // At most `maxFolders` folders are watched (each costs the kernel a watch of the user's
  // fs.inotify.max_user_watches).
  explicit FileWatcher(std::size_t maxFolders = 8192);
  ~FileWatcher();
  FileWatcher(const FileWatcher&) = delete;
  FileWatcher& operator=(const FileWatcher&) = delete;

  // False when inotify is not available (error() says why).
  bool ok() const { return fd_ >= 0; }
  const std::string& error() const { return error_; }

  // Watches one folder's entries (not its subfolders'); watching it again is harmless. False
  // when it cannot be watched (error() says why) or the limit is reached (full()).
  bool watch(const fs::path& folder);
  std::size_t size() const { return folders_.size(); }
  bool full() const { return folders_.size() >= maxFolders_; }

  // Waits up to `timeout` for changes and returns them: files written and closed, moved in or
  // out, deleted, touched; folders created. Empty after a timeout; a change already queued is
  // returned at once. A folder deleted or moved away stops being watched (size() drops).
  std::vector<FileChange> wait(std::chrono::milliseconds timeout);

 private:
  int fd_ = -1;
  std::size_t maxFolders_;
  std::string error_;
  std::unordered_map<int, fs::path> folders_;  // watch descriptor -> folder
};

}  // namespace pp
