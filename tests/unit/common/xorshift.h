// A small deterministic generator (xorshift64) for tests that change bytes at random: the same
// sequence on every run and machine, so that a failure found once is found again.
#pragma once

#include <cstdint>

namespace pptest {

class Xorshift {
 public:
  explicit Xorshift(std::uint64_t seed) : state_(seed) {}
  std::uint64_t next() {
    state_ ^= state_ << 13;
    state_ ^= state_ >> 7;
    state_ ^= state_ << 17;
    return state_;
  }

 private:
  std::uint64_t state_;
};

}  // namespace pptest
