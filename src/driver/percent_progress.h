// Progress with a percentage for the phases that count things (images converted, pages set):
// told to the driver's progress callback only when the whole percentage changes, so that a
// 2,000-page digest does not print 2,000 lines to the terminal. Safe to call from several
// threads (the image workers).
#pragma once

#include <algorithm>
#include <atomic>
#include <cstddef>
#include <functional>
#include <string>

namespace pp::driver {

class PercentProgress {
 public:
  // `tell(text)` gets "<what>: <detail> (<n>%)".
  explicit PercentProgress(std::function<void(const std::string&)> tell) : tell_(std::move(tell)) {}

  void operator()(const std::string& what, const std::string& detail, std::size_t done, std::size_t total) {
    if (!tell_ || total == 0) return;
    const int percent = static_cast<int>(std::min<std::size_t>(done, total) * 100 / total);
    if (last_.exchange(percent) == percent) return;
    tell_(what + ": " + detail + " (" + std::to_string(percent) + "%)");
  }

 private:
  std::function<void(const std::string&)> tell_;
  std::atomic<int> last_{-1};
};

}  // namespace pp::driver
