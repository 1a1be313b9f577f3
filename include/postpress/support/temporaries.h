// Temporary files and folders beside an output, and the locks that tell a live one from one
// left behind by a process that died (SIGKILL, a crash, a power cut).
//
// A temporary is created with O_EXCL (never through a name someone planted: a symbolic link,
// a file of another user) under an unpredictable name, "." + the target's name + ".tmp-" + six
// random characters, cut so that the whole name stays within 255 bytes whatever the target's
// name is. Its creator holds an flock on it for as long as it exists; locks end with their
// process, so a temporary that can be locked belongs to nobody and may be removed.
#pragma once

#include <filesystem>
#include <string>

namespace pp {

namespace fs = std::filesystem;

// An flock on a folder (the folder itself, no lock file), held for the object's lifetime.
// Exclusive: moving a set of outputs into place, removing stale temporaries. Shared: creating a
// temporary, so that a cleaner never sees one before its creator has locked it. Best effort: a
// folder that cannot be opened or locked (no read permission, a file system without flock) is
// left unlocked, and locked() says so.
class FolderLock {
 public:
  enum class Mode { Shared, Exclusive };
  FolderLock(const fs::path& folder, Mode mode);
  ~FolderLock();
  FolderLock(const FolderLock&) = delete;
  FolderLock& operator=(const FolderLock&) = delete;
  bool locked() const { return locked_; }

 private:
  int fd_ = -1;
  bool locked_ = false;
};

// A temporary file (or folder) created and locked as above; removed by nobody on its own
// (AtomicOutput and OutputSet decide). fd is the locked descriptor: open for writing for a
// file, read-only for a folder; -1 (with error set) when none could be created.
struct Temporary {
  fs::path path;
  int fd = -1;
  std::string error;
};
enum class TemporaryKind { File, Folder };
Temporary createTemporary(const fs::path& target, TemporaryKind kind);

// "." + target's name (cut at a character boundary to fit) + ".tmp-": what every temporary of
// `target` starts with.
std::string temporaryPrefixFor(const fs::path& target);

// Removes the temporaries of `target` in its folder that no live process holds (files, or
// staging folders with what is in them), and the `.NAME.tmp-PID-N` files of earlier versions
// whose process is gone. Runs under an exclusive FolderLock. Returns how many were removed.
int removeStaleTemporaries(const fs::path& target);

}  // namespace pp
