// A temporary folder for one test, removed with everything in it.
#pragma once

#include <unistd.h>

#include <atomic>
#include <filesystem>
#include <string>
#include <system_error>

namespace pptest {

struct TempDir {
  std::filesystem::path path;
  TempDir() {
    static std::atomic<unsigned> count{0};
    path = std::filesystem::temp_directory_path() /
           ("pp-test-" + std::to_string(::getpid()) + "-" + std::to_string(count++));
    std::filesystem::remove_all(path);  // left over from an interrupted run
    std::filesystem::create_directories(path);
  }
  ~TempDir() {
    std::error_code ec;
    std::filesystem::remove_all(path, ec);
  }
  TempDir(const TempDir&) = delete;
  TempDir& operator=(const TempDir&) = delete;
};

}  // namespace pptest
