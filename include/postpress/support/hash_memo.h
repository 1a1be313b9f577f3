// Content hashes of files remembered between builds by the file's identity, as git's index
// remembers what it hashed (FileVersion: device, inode, size, and the modification and status-change times
// to the nanosecond. A file written, replaced or touched since has another identity (its
// status-change time moves with any change, and no user can set it) and is hashed again. A
// file changed less than two seconds before it was hashed is not remembered: a second change
// within the file system's clock tick could leave its times as they were ("racy" in git's
// terms). What is kept is what a warm build would otherwise read and hash again on every run
// (the fonts' bytes that name their shapes and subsets; the image cache's renditions, whose
// names are their hashes).
#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <mutex>
#include <optional>
#include <string>
#include <unordered_map>

namespace pp {

// A file as it is now: which file (device, inode) and its size and times, which any change to
// it moves.
struct FileVersion {
  std::uint64_t device = 0, inode = 0, size = 0;
  std::int64_t modifiedNs = 0, changedNs = 0;
  bool operator==(const FileVersion&) const = default;
  // A regular file's identity; nullopt for anything else or when it cannot be read.
  static std::optional<FileVersion> of(const std::filesystem::path& file);
  static std::optional<FileVersion> of(int descriptor);
};

class FileHashMemo {
 public:
  // Kept in `file` (in a cache folder that is the user's own, checked as the rest of it);
  // empty: remembered for this build only. Read on first use; a damaged file is ignored.
  // `racyWindow`: how long before it was hashed a file must have last changed to be
  // remembered (tests pass 0).
  explicit FileHashMemo(std::filesystem::path file, std::chrono::nanoseconds racyWindow = std::chrono::seconds(2));
  FileHashMemo(const FileHashMemo&) = delete;
  FileHashMemo& operator=(const FileHashMemo&) = delete;

  // The hash remembered for `file` when it had identity `id`.
  std::optional<std::string> find(const std::filesystem::path& file, const FileVersion& id);
  // Remembers `hash` (contentHash of the file's bytes) for `file` with identity `id`: the
  // identity the file had before and after those bytes were read (racy files excepted).
  void remember(const std::filesystem::path& file, const FileVersion& id, const std::string& hash);
  // The content hash of the file open as `descriptor` (at its start), known as `name`:
  // remembered, else read and hashed (at most maxBytes; hashDescriptor's errors) and
  // remembered when its identity held while it was read.
  std::optional<std::string> hashOpened(int descriptor, const std::filesystem::path& name, std::string* err,
                                        std::uintmax_t maxBytes);
  // Writes what this build found or learned (atomically; best effort: the next build only
  // hashes again). The entries no build asked for are dropped, so the memo stays the size of
  // one build's files.
  void save();

 private:
  struct Entry {
    FileVersion id;
    std::string hash;
    bool used = false;  // found or learned by this build
  };
  void loadLocked();
  std::filesystem::path file_;
  std::int64_t racyNs_;
  std::mutex mutex_;
  bool loaded_ = false, changed_ = false;
  std::unordered_map<std::string, Entry> entries_;
};

}  // namespace pp
