// File-system helpers: whole-file reads, atomic writes (temporary file + rename, so no output
// is ever left half written), and path confinement under a root.
#pragma once

#include <algorithm>
#include <compare>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <functional>
#include <memory>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace pp {

class FileHashMemo;  // postpress/support/hash_memo.h

namespace fs = std::filesystem;

// Reads a whole file. Returns nullopt (and sets err) when it cannot be read or exceeds maxBytes.
std::optional<std::string> readFile(const fs::path& p, std::string* err = nullptr,
                                    std::uintmax_t maxBytes = UINTMAX_MAX);

// contentHash (postpress/hash.h) of a file's bytes, read in small pieces rather than whole:
// for files read only to be named (a source image whose renditions are cached). nullopt, with
// err set as readFile would, when the file cannot be read or exceeds maxBytes.
// With `memo`, a file whose identity it holds is not read (postpress/support/hash_memo.h).
std::optional<std::string> hashFile(const fs::path& p, std::string* err = nullptr,
                                    std::uintmax_t maxBytes = UINTMAX_MAX, FileHashMemo* memo = nullptr);

// A whole file's bytes, read-only. A regular file up to kReadWholeBytes is read whole, with one
// read() into a buffer that is not zeroed first (zero-filling and faulting in fresh memory is
// what made reading into strings costly); a larger one is mapped (mmap). With the allocator's
// memory in huge pages (src/cli/allocator.cpp), reading costs less than touching a mapping,
// whose page cache faults in small pieces on a virtual machine (bench/results.md, "Measurements
// behind design choices"). Mapped files must be replaced only by rename, never rewritten in
// place: a file truncated while mapped would fault.
class FileBytes {
 public:
  FileBytes() = default;
  FileBytes(std::string owned) : owned_(std::move(owned)) {}  // NOLINT: a string is bytes too
  ~FileBytes();
  FileBytes(FileBytes&& o) noexcept;
  FileBytes& operator=(FileBytes&& o) noexcept;
  FileBytes(const FileBytes&) = delete;
  FileBytes& operator=(const FileBytes&) = delete;

  // Read whole, or mapped when larger than kReadWholeBytes, or read through readFile when it
  // is not a regular file (a pipe) or empty. nullopt (and err) when it cannot be read or
  // exceeds maxBytes.
  static std::optional<FileBytes> open(const fs::path& p, std::string* err = nullptr,
                                       std::uintmax_t maxBytes = UINTMAX_MAX);
  // The same from a descriptor open for reading (not closed here); what is not a non-empty
  // regular file is read until its end.
  static std::optional<FileBytes> fromDescriptor(int fd, std::string* err = nullptr,
                                                 std::uintmax_t maxBytes = UINTMAX_MAX);
  static constexpr std::size_t kReadWholeBytes = std::size_t{64} << 20;
  std::string_view view() const { return whole().substr(from_, length_); }
  // Keeps the bytes but shows only `length` of them from `offset` (one chunk of a file,
  // without copying it out); clamped to what there is.
  void narrow(std::size_t offset, std::size_t length) {
    const std::string_view v = view().substr(std::min(offset, size()), length);
    from_ = static_cast<std::size_t>(v.data() - whole().data());
    length_ = v.size();
  }
  const char* data() const { return view().data(); }
  std::size_t size() const { return view().size(); }
  bool empty() const { return size() == 0; }

 private:
  static std::optional<FileBytes> readWhole(int fd, std::size_t size);
  std::string_view whole() const {
    if (map_) return std::string_view(static_cast<const char*>(map_), mapLength_);
    if (read_) return std::string_view(read_.get(), mapLength_);
    return std::string_view(owned_);
  }
  void release();
  void* map_ = nullptr;
  std::unique_ptr<char[]> read_;  // or read whole into mapLength_ bytes (not zeroed first)
  std::size_t mapLength_ = 0;
  std::string owned_;
  std::size_t from_ = 0, length_ = std::string_view::npos;  // the part shown (narrow)
};

// How an atomic write ends: Synced waits for the bytes to reach the disk before the rename (an
// output the user keeps); Unsynced only renames (a cache entry, which readers verify: a torn
// file after a crash is a miss, and the wait is not worth it).
enum class Durability { Synced, Unsynced };

// Writes data to `target` through a temporary file in the same folder, fsyncs it (unless
// Unsynced), then renames it over the target. On any failure the temporary is removed, the
// target is untouched, and false is returned with err set (e.g. "No space left on device").
bool writeFileAtomic(const fs::path& target, std::string_view data, std::string* err = nullptr,
                     Durability durability = Durability::Synced);
// The same for bytes made in pieces, so that they need not be gathered in memory first:
// `next` gives the next piece, an empty one at the end, or nullopt when the bytes cannot be
// had (then nothing is written).
bool writeFileAtomicPieces(const fs::path& target, const std::function<std::optional<std::string_view>()>& next,
                           std::string* err = nullptr);
// For writers into writeFileAtomicWith's file: counts `bytes` more written and, every few
// megabytes, starts the disk on what is written so far without waiting for it, so that the
// commit's fsync finds little left to wait for.
class WritebackPacer {
 public:
  explicit WritebackPacer(std::FILE* file) : file_(file) {}
  void wrote(std::size_t bytes);

 private:
  std::FILE* file_;
  std::size_t sinceStart_ = 0;
};

// The same for a writer that pushes its bytes into the file: `write` gets the temporary file,
// open for writing, and returns false when it could not make its bytes (then nothing is
// written); a failed write to the file is found by its error flag.
// `whileSyncing`, when given, runs once the bytes are written and on their way to the disk,
// before the wait for them (freeing what made them, say).
bool writeFileAtomicWith(const fs::path& target, const std::function<bool(std::FILE*)>& write,
                         std::string* err = nullptr, const std::function<void()>& whileSyncing = {});

// A temporary file next to `target` that is renamed over it on commit() and removed otherwise
// (RAII). Created with O_EXCL under an unpredictable name and locked while it exists
// (postpress/support/temporaries.h). A target that is a device or pipe (/dev/stdout,
// /dev/full) is written in place instead.
class AtomicOutput {
 public:
  explicit AtomicOutput(fs::path target);
  ~AtomicOutput();
  AtomicOutput(const AtomicOutput&) = delete;
  AtomicOutput& operator=(const AtomicOutput&) = delete;

  // False (with error()) when the temporary could not be created.
  bool ok() const { return direct_ || fd_ >= 0; }
  const std::string& error() const { return error_; }
  const fs::path& tempPath() const { return temp_; }
  const fs::path& target() const { return target_; }
  bool direct() const { return direct_; }
  // The temporary's descriptor, open for writing (-1 for a device or pipe, or when !ok()).
  int descriptor() const { return fd_; }
  // fsyncs (unless Unsynced) and renames the temporary over the target; false with err on failure.
  bool commit(std::string* err = nullptr, Durability durability = Durability::Synced);

 private:
  fs::path target_;
  fs::path temp_;
  std::string error_;
  int fd_ = -1;          // the temporary, locked: a build that finds it unlocked may remove it
  bool committed_ = false;
  bool direct_ = false;  // target is a device or pipe: written in place, never renamed over
  int signalSlot_ = -1;  // registration with the interrupt handler (removes temp on Ctrl-C)
};

// Reading a tree that is not trusted (the site): every file the product reads from it goes
// through these. A path (absolute, or relative to `root`) is opened with openat2 and
// RESOLVE_BENEATH from `root`, so that no `..` and no symbolic link leads out of it; an absolute
// link that resolves inside the root is followed through its real path. Only regular files are
// opened (never a FIFO, which would block, or a device), and nothing blocks while opening.
// What is missing, outside the root or not a regular file fails alike, with
// kNotInSite as err: a diagnostic must not tell which files exist outside the site.
inline constexpr const char* kNotInSite = "no such file in the site";
std::optional<std::string> readConfined(const fs::path& root, const fs::path& p, std::string* err = nullptr,
                                        std::uintmax_t maxBytes = UINTMAX_MAX);
std::optional<FileBytes> openConfined(const fs::path& root, const fs::path& p, std::string* err = nullptr,
                                      std::uintmax_t maxBytes = UINTMAX_MAX);
std::optional<std::string> hashConfined(const fs::path& root, const fs::path& p, std::string* err = nullptr,
                                        std::uintmax_t maxBytes = UINTMAX_MAX, FileHashMemo* memo = nullptr);
// True when openConfined would open `p` (a regular file inside root), without reading it.
bool isConfinedFile(const fs::path& root, const fs::path& p);
// A folder named by the site's configuration (`includes_dir: _inc`), relative to root: root/rel
// when it is a folder whose real path lies inside root, else nullopt (`/etc`, `../../x`, a
// link that leaves).
std::optional<fs::path> confinedFolder(const fs::path& root, std::string_view rel);

// `target` followed through symbolic links, link by link (at most 40, as the kernel does), so
// that an output that is a link is written where the link points and the link stays; a link
// to a file not yet written also works.
fs::path followOutputLinks(fs::path target);

// True when `p` names an existing device or pipe (/dev/stdout, /dev/full, a FIFO): an output
// that is written in place, never replaced by a rename.
bool isDeviceOutput(const fs::path& p);

// Lexically normalises `rel` against `root`: the result is root/rel with `.` and `..` resolved,
// `..` clamped at the root as a browser clamps a URL path. Never leaves root lexically.
fs::path clampUnder(const fs::path& root, std::string_view rel);

// True when `p`, with symlinks resolved, lies inside `root` (also resolved). Missing files
// are judged by their nearest existing parent.
bool isInside(const fs::path& root, const fs::path& p);

// Which file a path names (device and inode, symbolic links followed): two paths name the same
// file, hard links included, when their identities are equal. nullopt when nothing is there.
struct FileIdentity {
  std::uint64_t device = 0, inode = 0;
  bool operator==(const FileIdentity&) const = default;
  auto operator<=>(const FileIdentity&) const = default;
};
std::optional<FileIdentity> fileIdentity(const fs::path& p);

// Path of p relative to root as a generic string ("_posts/x.md"); p itself when not under root.
std::string relativeTo(const fs::path& root, const fs::path& p);

// Where the bundled data (fonts/ and styles/) is looked for, in order: the folder named by the
// environment variable POSTPRESS_DATA_DIR (when set, the only place looked at); then, relative
// to the running executable (/proc/self/exe), the installed layout (<prefix>/bin/postpress ->
// <prefix>/share/postpress) and the build tree's mirror of it (<build>/share/postpress, next to
// build/postpress and one level above build/tests/*). No path of the machine that built the
// program is compiled in, so an installed prefix can be moved and a copied binary never reads
// its source tree.
struct DataDirSearch {
  fs::path found;               // empty when no candidate holds fonts/ and styles/
  std::vector<fs::path> tried;  // every folder looked at, in order
  bool fromEnvironment = false; // POSTPRESS_DATA_DIR named the only candidate
};
DataDirSearch findDataDir();

// One line saying why no data folder was found and what to do about it; empty when one was.
std::string describeMissingDataDir(const DataDirSearch& search);

// The folder findDataDir() found; when none was, the first folder it tried (so that a missing
// font is reported under a path the user can recognise).
fs::path dataDir();

const char* versionString();

}  // namespace pp
