#include "assets/cache_folder.h"

#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstdlib>
#include <cstring>
#include <system_error>

namespace pp::assets {

std::optional<std::string> unsafeCacheFolder(const fs::path& dir) {
  std::error_code ec;
  if (!dir.parent_path().empty()) fs::create_directories(dir.parent_path(), ec);
  if (::mkdir(dir.c_str(), 0700) != 0 && errno != EEXIST)
    return "cannot create it: " + std::string(std::strerror(errno));
  struct stat st{};
  // The folder a link leads to is the one checked: a link to another user's folder fails.
  if (::stat(dir.c_str(), &st) != 0) return std::string(std::strerror(errno));
  if (!S_ISDIR(st.st_mode)) return "it is not a folder";
  if (st.st_uid != ::geteuid()) return "it belongs to another user";
  if (st.st_mode & (S_IWGRP | S_IWOTH)) return "other users may write into it";
  return std::nullopt;
}

}  // namespace pp::assets

namespace pp {

fs::path usableCacheFolder(const fs::path& dir) {
  return dir.empty() || assets::unsafeCacheFolder(dir) ? fs::path() : dir;
}

}  // namespace pp

namespace pp::assets {

PrivateFolder::PrivateFolder() {
  std::error_code ec;
  fs::path base = fs::temp_directory_path(ec);
  if (ec) base = "/tmp";
  std::string pattern = (base / "postpress-XXXXXX").string();
  if (::mkdtemp(pattern.data())) path_ = pattern;
}

PrivateFolder::~PrivateFolder() {
  if (path_.empty()) return;
  std::error_code ec;
  fs::remove_all(path_, ec);
}

}  // namespace pp::assets
