// Which folder the image cache may live in. A cache shared with another user is a way to put
// pictures (and fonts) into our outputs, so the folder must be this user's own: owned by us
// and writable by nobody else. One that is not is not used; the build then keeps what it
// makes in a private folder of its own (mode 0700) that is removed when it ends.
#pragma once

#include <filesystem>
#include <optional>
#include <string>

namespace pp::assets {

namespace fs = std::filesystem;

// Creates `dir` when missing (mode 0700) and checks it: nullopt when it may hold the cache,
// else why not.
std::optional<std::string> unsafeCacheFolder(const fs::path& dir);

// A private folder for one build (mkdtemp in the system's temporary folder), removed with the
// object.
class PrivateFolder {
 public:
  PrivateFolder();
  ~PrivateFolder();
  PrivateFolder(const PrivateFolder&) = delete;
  PrivateFolder& operator=(const PrivateFolder&) = delete;
  const fs::path& path() const { return path_; }  // empty when none could be made

 private:
  fs::path path_;
};

}  // namespace pp::assets
