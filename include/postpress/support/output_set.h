// Outputs that belong together (a digest's PDF and EPUB) are replaced together or not at all.
// Each is written into a private staging folder beside its target; commit() moves them all
// into place under an exclusive lock on the targets' folders, so two builds writing the same
// outputs at once leave one build's pair, never a PDF of one and an EPUB of the other, and a
// build where one output fails replaces none.
#pragma once

#include <filesystem>
#include <string>
#include <vector>

namespace pp {

namespace fs = std::filesystem;

class OutputSet {
 public:
  // Follows each target through symbolic links (as AtomicOutput does), removes the stale
  // temporaries of earlier builds that died (temporaries.h), and makes the staging folders.
  explicit OutputSet(const std::vector<fs::path>& targets);
  ~OutputSet();  // whatever was not committed is removed
  OutputSet(const OutputSet&) = delete;
  OutputSet& operator=(const OutputSet&) = delete;

  // The file the writer of targets[i] writes (atomically, like any output): in the staging
  // folder under the target's own name, or the target itself when it is a device or pipe,
  // which is written in place. The target "-" is the standard output: its document is staged
  // in the temporary directory and copied to the standard output on commit. Empty when no staging folder could be made; error(i) says why.
  const fs::path& stagedPath(std::size_t i) const { return members_.at(i).staged; }
  const std::string& error(std::size_t i) const { return members_.at(i).error; }

  // Moves every staged file over its target. Call it only when every writer succeeded; a set
  // that is not committed replaces nothing. False with err when a file could not be moved
  // (the ones before it were).
  bool commit(std::string* err);

 private:
  struct Member {
    fs::path target, staging, staged;
    std::string error;
    int fd = -1;          // the staging folder, locked while it exists
    int slots[2] = {-1, -1};  // interrupt registrations: the staged file, the folder
    bool direct = false;
    bool toStdout = false;  // target "-": staged in the temporary directory, copied on commit
  };
  std::vector<Member> members_;
};

}  // namespace pp
