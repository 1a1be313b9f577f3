#include "assets/worker_pool.h"

#include <algorithm>
#include <atomic>
#include <thread>
#include <vector>

namespace pp::assets {

int effectiveJobs(int requested) {
  if (requested > 0) return requested;
  return static_cast<int>(std::max(1u, std::thread::hardware_concurrency()));
}

void runParallel(int jobs, std::size_t count, const std::function<void(std::size_t)>& task) {
  const std::size_t threads = std::min<std::size_t>(static_cast<std::size_t>(effectiveJobs(jobs)), count);
  if (threads <= 1) {
    for (std::size_t i = 0; i < count; ++i) task(i);
    return;
  }
  std::atomic<std::size_t> next{0};
  auto worker = [&] {
    for (std::size_t i = next++; i < count; i = next++) task(i);
  };
  std::vector<std::jthread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker);
  worker();
}

}  // namespace pp::assets
