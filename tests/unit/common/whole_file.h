// A file's bytes as a string, for a test that compares written files or searches them; a
// file written whole; the one file of a folder (a cache's single entry).
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>
#include <system_error>

namespace pptest {

inline std::string readWholeFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

inline void writeWholeFile(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream(p, std::ios::binary | std::ios::trunc) << bytes;
}

// The last file the folder lists (empty when none): its only one, for a test that made one.
inline std::filesystem::path fileIn(const std::filesystem::path& dir) {
  std::filesystem::path found;
  std::error_code ec;
  for (std::filesystem::directory_iterator it(dir, ec), end; !ec && it != end; it.increment(ec)) found = it->path();
  return found;
}

}  // namespace pptest
