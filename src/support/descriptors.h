// Reading from an open descriptor, shared by files.cpp (paths) and confined_files.cpp (paths
// confined under a root). Internal to src/support.
#pragma once

#include <unistd.h>

#include <cstdint>
#include <optional>
#include <string>

namespace pp {

// Closes a descriptor when it goes out of scope.
struct Descriptor {
  int fd = -1;
  explicit Descriptor(int f) : fd(f) {}
  ~Descriptor() {
    if (fd >= 0) ::close(fd);
  }
  Descriptor(const Descriptor&) = delete;
  Descriptor& operator=(const Descriptor&) = delete;
};

// The rest of the file behind `fd` (not closed here), or nullopt with err on a read error or
// beyond maxBytes.
std::optional<std::string> readDescriptor(int fd, std::string* err, std::uintmax_t maxBytes);
// contentHash (postpress/support/hash.h) of the rest of the file, read in small pieces.
std::optional<std::string> hashDescriptor(int fd, std::string* err, std::uintmax_t maxBytes);

}  // namespace pp
