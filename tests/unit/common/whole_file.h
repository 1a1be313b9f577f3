// A file's bytes as a string, for a test that compares written files or searches them.
#pragma once

#include <filesystem>
#include <fstream>
#include <sstream>
#include <string>

namespace pptest {

inline std::string readWholeFile(const std::filesystem::path& p) {
  std::ifstream in(p, std::ios::binary);
  std::stringstream ss;
  ss << in.rdbuf();
  return ss.str();
}

}  // namespace pptest
