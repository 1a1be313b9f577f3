#include "postpress/support/parallel.h"

#include <atomic>
#include <exception>
#include <mutex>
#include <thread>
#include <vector>

namespace pp {

int effectiveJobs(int jobs) {
  if (jobs > 0) return jobs;
  unsigned hw = std::thread::hardware_concurrency();
  return hw == 0 ? 1 : static_cast<int>(hw);
}

std::size_t workerCount(std::size_t n, int jobs) {
  const auto threads = static_cast<std::size_t>(effectiveJobs(jobs));
  return n == 0 ? 0 : threads > n ? n : threads;
}

void parallelForWorkers(std::size_t n, int jobs, const std::function<void(std::size_t worker, std::size_t i)>& fn) {
  const std::size_t threads = workerCount(n, jobs);
  if (threads <= 1) {
    for (std::size_t i = 0; i < n; ++i) fn(0, i);
    return;
  }
  std::atomic<std::size_t> next{0};
  std::exception_ptr firstError;
  std::mutex errorMutex;
  auto worker = [&](std::size_t w) {
    for (std::size_t i = next++; i < n; i = next++) {
      try {
        fn(w, i);
      } catch (...) {
        std::lock_guard<std::mutex> lock(errorMutex);
        if (!firstError) firstError = std::current_exception();
      }
    }
  };
  std::vector<std::thread> pool;
  pool.reserve(threads - 1);
  for (std::size_t t = 1; t < threads; ++t) pool.emplace_back(worker, t);
  worker(0);
  for (auto& th : pool) th.join();
  if (firstError) std::rethrow_exception(firstError);
}

void parallelFor(std::size_t n, int jobs, const std::function<void(std::size_t)>& fn) {
  parallelForWorkers(n, jobs, [&fn](std::size_t, std::size_t i) { fn(i); });
}

}  // namespace pp
